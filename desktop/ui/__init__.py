"""Qt widgets, the wizard, dialogs and view models. No HTTP, no SQL."""

from desktop.services import pyside_refcount_fix as _pyside_refcount_fix  # noqa: F401
