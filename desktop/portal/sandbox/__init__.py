"""The sandbox portal: PORTAL_API.md as a Starlette app, with demo data and fault injection."""

from desktop.portal.sandbox.app import SandboxApp, create_app
from desktop.portal.sandbox.dataset import SandboxAccount, SandboxData
from desktop.portal.sandbox.demo_data import DEMO_PASSWORD, demo_data
from desktop.portal.sandbox.faults import FaultOptions
from desktop.portal.sandbox.generator import generate
from desktop.portal.sandbox.server import RunningSandbox, start_in_thread
from desktop.portal.sandbox.store import Notification, SandboxStore

__all__ = [
    "DEMO_PASSWORD",
    "FaultOptions",
    "Notification",
    "RunningSandbox",
    "SandboxAccount",
    "SandboxApp",
    "SandboxData",
    "SandboxStore",
    "create_app",
    "demo_data",
    "generate",
    "start_in_thread",
]
