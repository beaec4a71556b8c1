"""Work around a reference-count bug of PySide6 6.12.0 on CPython 3.11.

``SignalInstance.emit()`` returns ``True`` without taking a reference to it, so every signal
emitted from Python takes one reference away from ``True``; after some thousand emits the
interpreter aborts with "Fatal Python error: bool_dealloc". CPython 3.12+ makes ``True``
immortal, so only 3.11 is hit. :func:`apply` detects the bug with one probe emit and, only when
it is there, gives ``True`` a reference count no program can use up (what 3.12 does).
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

_HEADROOM = 1 << 40
_applied = False


class _Probe(QObject):
    fired = Signal()


def emit_leaks_true() -> bool:
    """Whether emitting a signal from Python takes a reference away from ``True``."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    return sys.getrefcount(True) < before


def void_call_leaks_none() -> bool:
    """Whether calling a Qt method that returns nothing takes a reference away from ``None``
    (6.12.0 on 3.11 does it for e.g. ``QLabel.setText``: the wizard's pages call thousands)."""
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def _apply_none() -> None:
    if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
        if void_call_leaks_none():
            ctypes.c_ssize_t.from_address(id(None)).value += _HEADROOM
            log.debug("PySide6 void-call reference bug detected: None made immortal")


def apply() -> bool:
    """Make ``True`` immortal in practice when the bug is present. Returns whether it did."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not emit_leaks_true():
        return False
    # ob_refcnt is the first field of every CPython object; True is a static singleton.
    ctypes.c_ssize_t.from_address(id(True)).value += _HEADROOM
    _applied = True
    log.debug("PySide6 emit() reference bug detected: True made immortal")
    return True


apply()
_apply_none()
