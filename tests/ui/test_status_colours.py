"""Red, green and amber stay readable (WCAG AA contrast) on light and dark backgrounds, and follow a
switch to dark mode while the app runs."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop.ui.license_table_model import Column, LicenseTableModel
from desktop.ui.status_colours import danger, is_dark, success, warning
from tests.licenses import make_license
from tests.ui.palettes import dark_palette


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("palette", [QPalette(), dark_palette()], ids=["light", "dark"])
@pytest.mark.parametrize("colour", [danger, success, warning], ids=["red", "green", "amber"])
def test_readable_on_the_background(qapp, palette: QPalette, colour) -> None:
    base = palette.color(QPalette.ColorRole.Base)
    for background in (base, palette.color(QPalette.ColorRole.AlternateBase)):
        assert contrast(colour(palette), background) >= 4.5


def test_expired_support_turns_to_the_dark_red_when_the_system_goes_dark(qapp) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = app.palette()
    model = LicenseTableModel(today=date(2024, 6, 1))
    model.set_locale(QLocale("en_US"))
    model.set_licenses([make_license(1, expires=date(2020, 1, 1))])
    cell = model.index(0, Column.SUPPORT)
    assert not is_dark()
    on_light = cell.data(Qt.ItemDataRole.ForegroundRole)
    try:
        app.setPalette(dark_palette())
        assert is_dark()
        on_dark = cell.data(Qt.ItemDataRole.ForegroundRole)
    finally:
        app.setPalette(light)
    assert on_light != on_dark
    assert on_dark.lightness() > on_light.lightness()
