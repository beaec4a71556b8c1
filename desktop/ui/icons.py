"""The app's SVG icons, drawn in the palette's text colour so they suit light and dark mode.

Each icon is rendered from its SVG at every size and device pixel ratio asked for, so it stays
sharp at 200 % scaling. ``currentColor`` in the SVG becomes the palette's window-text colour.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)


@cache
def _svg_text(name: str) -> str:
    return resources.files("desktop.ui").joinpath("icons", f"{name}.svg").read_text("utf-8")


class SvgIconEngine(QIconEngine):
    """Renders the SVG anew for each size, scale and mode (disabled icons are greyed)."""

    def __init__(self, name: str, colour: QColor | None = None) -> None:
        super().__init__()
        self._name = name
        self._colour = colour

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._name, self._colour)

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        palette = QGuiApplication.palette()
        colour = self._colour or palette.color(palette.ColorRole.WindowText)
        if mode is QIcon.Mode.Disabled:
            colour = palette.color(palette.ColorGroup.Disabled, palette.ColorRole.WindowText)
        text = _svg_text(self._name).replace("currentColor", colour.name())
        return QSvgRenderer(QByteArray(text.encode("utf-8")))

    def paint(self, painter: QPainter, rect: QRectF, mode: QIcon.Mode, state: QIcon.State) -> None:  # type: ignore[override]
        del state
        self._renderer(mode).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        del state
        pixmap = QPixmap(size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer(mode).render(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        return pixmap


def icon(name: str, colour: QColor | str | None = None) -> QIcon:
    """The icon ``name`` (a file in desktop/ui/icons without ``.svg``)."""
    return QIcon(SvgIconEngine(name, QColor(colour) if colour is not None else None))


def app_icon() -> QIcon:
    """The application icon (full colour)."""
    path = resources.files("desktop.ui").joinpath("icons", "app.svg")
    return QIcon(str(path))
