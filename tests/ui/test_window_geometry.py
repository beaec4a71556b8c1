"""The first window fits the screen's available area; a remembered geometry is pulled back
onto the current screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, QSize
from PySide6.QtWidgets import QWidget

from desktop.services.paste_store import PasteStore
from desktop.ui.application import DesktopApp
from desktop.ui.language import LanguageManager
from desktop.ui.window_geometry import (
    DEFAULT_SIZE,
    FRAME_ROOM,
    clamped,
    fitted_size,
    place_window,
)

ROOT = Path(__file__).resolve().parents[2]
LAPTOP = QRect(0, 0, 1280, 720)  # 1920×1080 at 150 %
LAPTOP_WITH_TASKBAR = QRect(0, 0, 1280, 680)


def test_a_large_screen_gets_the_default_size() -> None:
    assert fitted_size(QRect(0, 0, 2560, 1400)) == DEFAULT_SIZE


def test_a_laptop_at_150_percent_gets_a_window_that_fits_with_its_frame() -> None:
    for available in (LAPTOP, LAPTOP_WITH_TASKBAR):
        size = fitted_size(available)
        assert size.width() + FRAME_ROOM.width() <= available.width()
        assert size.height() + FRAME_ROOM.height() <= available.height()
        assert size.width() == DEFAULT_SIZE.width() - FRAME_ROOM.width()  # as wide as fits


def test_the_layout_minimum_wins_over_a_tiny_screen() -> None:
    assert fitted_size(QRect(0, 0, 400, 300), minimum=QSize(742, 304)) == QSize(742, 304)


def test_a_rectangle_from_a_monitor_gone_is_moved_and_shrunk_onto_the_screen() -> None:
    gone = QRect(2400, 900, 1900, 1100)
    back = clamped(gone, LAPTOP)
    assert LAPTOP.contains(back)
    assert back.size() == QSize(1280, 720)
    assert clamped(QRect(100, 50, 600, 400), LAPTOP) == QRect(100, 50, 600, 400)


def _app(settings: QSettings, tmp_path: Path) -> DesktopApp:
    language = LanguageManager(settings)
    language.apply("en", remember=False)
    return DesktopApp(
        settings,
        language=language,
        pastes=PasteStore(tmp_path / "pastes"),
        journal_path=tmp_path / "journal.sqlite3",
    )


def _inside(widget: QWidget, available: QRect) -> bool:
    return available.contains(QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size()))


def test_the_first_window_fits_a_laptop_screen(qtbot, settings, tmp_path: Path) -> None:
    window = _app(settings, tmp_path).window
    qtbot.addWidget(window)
    place_window(window, None, LAPTOP_WITH_TASKBAR)
    outer = QRect(window.pos(), window.size() + FRAME_ROOM)
    assert LAPTOP_WITH_TASKBAR.contains(outer)
    assert window.minimumSizeHint().width() <= LAPTOP.width()
    assert window.minimumSizeHint().height() <= LAPTOP_WITH_TASKBAR.height()


def test_the_shown_window_its_status_bar_and_account_buttons_are_on_screen(
    qtbot, settings, tmp_path: Path
) -> None:
    window = _app(settings, tmp_path).window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()  # the test platform's screen is 800×800
    assert DEFAULT_SIZE.width() > available.width()
    assert available.contains(window.frameGeometry())
    panel = window.accounts_panel
    for part in (window.status, panel.add_button, panel.remove_button, window.table):
        assert _inside(part, available), part


def test_a_remembered_geometry_is_kept_when_it_fits_and_clamped_when_not(
    qtbot, settings, tmp_path: Path
) -> None:
    first = _app(settings, tmp_path).window
    qtbot.addWidget(first)
    first.resize(780, 500)
    first.move(4, 30)
    first.save_state()
    again = _app(settings, tmp_path).window
    qtbot.addWidget(again)
    assert again.size() == QSize(780, 500) and again.pos() == QPoint(4, 30)

    # Saved on a big external monitor, now opened on the laptop's screen only.
    big = QWidget()
    qtbot.addWidget(big)
    big.setGeometry(1500, 200, 1800, 1000)
    place_window(again, big.saveGeometry(), LAPTOP)
    outer = QRect(again.pos(), again.size() + FRAME_ROOM)
    assert LAPTOP.contains(outer)
    assert again.width() >= again.minimumSizeHint().width()
    assert isinstance(settings.value("window/geometry"), QByteArray)


def test_the_app_fits_a_1920x1080_laptop_at_150_percent(tmp_path: Path) -> None:
    """The real app on a screen of 1920×1080 pixels at 150 % (window frames on): its
    self-test checks the window, the status bar and the account buttons are on screen."""
    screen = {
        "windowFrameMargins": True,
        "screens": [
            {"name": "Laptop", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96}
        ],
    }
    config = tmp_path / "laptop.json"
    config.write_text(json.dumps(screen), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": "1.5",
    }
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=110,
    )
    assert result.returncode == 0, result.stderr
    assert "fits in 1280×720" in result.stdout
