"""Glue the UI calls: accounts, refresh, settings. May use QtCore signals, never widgets."""

from desktop.services import pyside_refcount_fix as _pyside_refcount_fix  # noqa: F401
