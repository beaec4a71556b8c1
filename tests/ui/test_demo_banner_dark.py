"""The demo banner's "Add account…" icon shows in dark mode as in light mode (the palettes the
system hands Qt; the button drawn for real and its pixels read)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.demo_banner import DemoBanner
from tests.ui.palettes import dark_palette


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = qapp.palette()
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield request.param
    qapp.setPalette(before)


def _icon_contrast(image: QImage, background: QColor) -> int:
    """The largest lightness difference from ``background`` inside the button's middle."""
    w, h = image.width(), image.height()
    best = 0
    for x in range(w // 4, 3 * w // 4):
        for y in range(h // 4, 3 * h // 4):
            best = max(best, abs(image.pixelColor(x, y).lightness() - background.lightness()))
    return best


def test_the_add_button_icon_stands_out_from_its_button(qtbot: QtBot, scheme: str) -> None:
    del scheme
    banner = DemoBanner()
    qtbot.addWidget(banner)
    banner.show()
    qtbot.waitExposed(banner)
    button = banner.add_button
    button.setText("")  # only the icon is drawn in the middle
    qtbot.wait(10)
    image = button.grab().toImage()
    background = image.pixelColor(4, image.height() // 2)
    assert (
        abs(background.lightness() - button.palette().color(QPalette.ColorRole.Button).lightness())
        < 40
    )
    assert _icon_contrast(image, background) >= 100
