"""License Consolidator for Atlassian (授权归集助手)."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "LicenseConsolidator"
ORG_NAME = "LicenseConsolidator"

try:
    __version__ = version("license-consolidator")
except PackageNotFoundError:  # frozen or not installed
    __version__ = "0.1.0"
