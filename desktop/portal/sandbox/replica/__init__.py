"""A faithful local replica of the My Atlassian licenses page, served by the sandbox.

Mounted under ``/my-atlassian/``; backed by the sandbox's store, so its data and rules are the
sandbox's. Tests drive the live connector against it; nothing here talks to Atlassian.
"""

from desktop.portal.sandbox.replica.routes import MOUNT_PATH, replica_mount

__all__ = ["MOUNT_PATH", "replica_mount"]
