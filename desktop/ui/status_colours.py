"""Red, amber and green for states and errors (expired, ending soon, failed, done, a wrong
entry), readable in light and in dark mode.

Atlassian's own shades: the darker one on a light background, a lighter one on a dark
background, each with a contrast of at least 4.5:1 to the background (WCAG AA for text). The
choice follows the palette in use when asked, so a switch to dark mode while the app runs shows
at the next repaint.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

#: (on a light background, on a dark background)
_DANGER = (QColor("#de350b"), QColor("#ff7452"))
_SUCCESS = (QColor("#00875a"), QColor("#57d9a3"))
_WARNING = (QColor("#a54800"), QColor("#f5cd47"))


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether text is drawn on a dark background (the palette's base colour)."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def danger(palette: QPalette | None = None) -> QColor:
    """Red: expired support, a failed step, an error message."""
    return _DANGER[is_dark(palette)]


def success(palette: QPalette | None = None) -> QColor:
    """Green: a step done."""
    return _SUCCESS[is_dark(palette)]


def warning(palette: QPalette | None = None) -> QColor:
    """Amber: support that ends soon."""
    return _WARNING[is_dark(palette)]


def error_style(palette: QPalette | None = None) -> str:
    """A style sheet for a label that says what is wrong."""
    return f"color: {danger(palette).name()};"
