"""Where a top-level window opens: a first window fits the screen's available area (a
1920×1080 laptop at 150 % has 1280×720 of it, less the task bar), and a remembered geometry is
pulled back onto the screen it opens on (the monitor it was saved on may be gone).

The sizes are computed from a rectangle, not from a screen, so they can be tested on any."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = QSize(1280, 800)
# Room for the window's frame (title bar and borders), which is not known before it is shown.
FRAME_ROOM = QSize(16, 40)


def fitted_size(
    available: QRect, wanted: QSize = DEFAULT_SIZE, minimum: QSize | None = None
) -> QSize:
    """The inner size of a window opening on ``available``: ``wanted``, made smaller where it
    would not fit with its frame, but not below ``minimum`` (its layout's)."""
    low = minimum or QSize(0, 0)
    width = min(wanted.width(), available.width() - FRAME_ROOM.width())
    height = min(wanted.height(), available.height() - FRAME_ROOM.height())
    return QSize(max(width, low.width(), 1), max(height, low.height(), 1))


def clamped(frame: QRect, available: QRect) -> QRect:
    """``frame`` made no larger than ``available`` and moved inside it."""
    width = min(frame.width(), available.width())
    height = min(frame.height(), available.height())
    x = max(available.x(), min(frame.x(), available.x() + available.width() - width))
    y = max(available.y(), min(frame.y(), available.y() + available.height() - height))
    return QRect(x, y, width, height)


def centred(size: QSize, available: QRect) -> QPoint:
    """Top-left corner of a window of inner ``size`` (and its frame) centred on ``available``."""
    outer = QRect(QPoint(0, 0), size + FRAME_ROOM)
    outer.moveCenter(available.center())
    return clamped(outer, available).topLeft()


def place_window(
    window: QWidget, saved: object, available: QRect, wanted: QSize = DEFAULT_SIZE
) -> None:
    """Give ``window`` its ``saved`` geometry (``QWidget.saveGeometry``'s bytes) kept inside
    ``available``, or, without one, a fitted size centred on it."""
    minimum = window.minimumSizeHint()
    if isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved):
        if window.isMaximized() or window.isFullScreen():
            return
        size = fitted_size(available, window.size(), minimum)
        outer = clamped(QRect(window.pos(), size + FRAME_ROOM), available)
        window.resize(size)
        window.move(outer.topLeft())
        return
    size = fitted_size(available, wanted, minimum)
    window.resize(size)
    window.move(centred(size, available))
