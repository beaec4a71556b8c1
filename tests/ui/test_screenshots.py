"""Screenshots of the main window in Chinese and English, in a real window (Xvfb).

Run: ``xvfb-run -a .venv/bin/pytest -q tests/ui/test_screenshots.py``; the PNGs go to
screenshots/ (git-ignored). Skipped where there is no X display.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from desktop.services.paste_store import PasteStore
from desktop.ui.app import create_main_window, wait_for_refresh
from desktop.ui.language import LanguageManager

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.xvfb


@pytest.fixture(autouse=True)
def _needs_display() -> None:
    if not os.environ.get("DISPLAY") or QGuiApplication.platformName() not in ("xcb", ""):
        pytest.skip("needs a real X display: run under xvfb-run")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
async def test_screenshot_main_window(qtbot, settings, tmp_path: Path, lang: str) -> None:
    language = LanguageManager(settings)
    language.apply(lang, remember=False)
    window = create_main_window(
        settings, language=language, pastes=PasteStore(tmp_path), today=date(2024, 6, 1)
    )
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)
    await wait_for_refresh(window)
    window.select_sen(window.model.license_at(0).sen)
    qtbot.wait(200)
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    path = out / f"main_window_{lang}.png"
    assert window.grab().save(str(path))
    assert path.stat().st_size > 10_000
    await window.refresher.aclose()
    language.apply("en", remember=False)
