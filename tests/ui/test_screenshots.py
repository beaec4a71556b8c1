"""Screenshots of the main window in Chinese and English, in a real window (Xvfb).

Run: ``xvfb-run -a .venv/bin/pytest -q tests/ui/test_screenshots.py``; the PNGs go to
screenshots/ (git-ignored). Skipped where there is no X display.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.services.paste_store import PasteStore
from desktop.ui.application import DesktopApp
from desktop.ui.language import LanguageManager
from desktop.ui.main_window import MainWindow
from desktop.ui.self_test import wait_for_refresh
from tests.ui.palettes import dark_palette

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.xvfb


@pytest.fixture(autouse=True)
def _needs_display() -> None:
    if not os.environ.get("DISPLAY") or QGuiApplication.platformName() not in ("xcb", ""):
        pytest.skip("needs a real X display: run under xvfb-run")


async def demo_window(qtbot, settings, tmp_path: Path, lang: str) -> MainWindow:
    """The main window in ``lang`` on the demo data, shown, read, first license selected."""
    language = LanguageManager(settings)
    language.apply(lang, remember=False)
    window = DesktopApp(
        settings, language=language, pastes=PasteStore(tmp_path), today=date(2024, 6, 1)
    ).window
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)
    await wait_for_refresh(window)
    window.select_sen(window.model.license_at(0).sen)
    return window


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
async def test_screenshot_main_window(qtbot, settings, tmp_path: Path, lang: str) -> None:
    window = await demo_window(qtbot, settings, tmp_path, lang)
    qtbot.wait(200)
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    path = out / f"main_window_{lang}.png"
    assert window.grab().save(str(path))
    assert path.stat().st_size > 10_000
    await window.refresher.aclose()
    window.language.apply("en", remember=False)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
async def test_screenshot_main_window_dark(qtbot, settings, tmp_path: Path, lang: str) -> None:
    """The system switching to dark mode (a new application palette) reaches every part."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = app.palette()
    window = await demo_window(qtbot, settings, tmp_path, lang)
    try:
        app.setPalette(dark_palette())  # as when the system switches while the app runs
        qtbot.wait(200)
        image = window.grab().toImage()
        out = ROOT / "screenshots"
        out.mkdir(exist_ok=True)
        assert image.save(str(out / f"main_window_dark_{lang}.png"))
        # The table's empty area and the window's background are dark; the table's text light.
        table = window.table.viewport()
        corner = table.mapTo(window, table.rect().bottomRight()) - QPoint(3, 3)
        assert QColor(image.pixel(corner)).lightness() < 80
        assert QColor(image.pixel(QPoint(2, image.height() - 2))).lightness() < 80
        first = window.table.visualRect(window.proxy.index(1, 0))
        cell = image.copy(QRect(table.mapTo(window, first.topLeft()), first.size()))
        lightest = max(
            QColor(cell.pixel(x, y)).lightness()
            for x in range(cell.width())
            for y in range(cell.height())
        )
        assert lightest > 170
    finally:
        app.setPalette(light)
        await window.refresher.aclose()
        window.language.apply("en", remember=False)
