"""The real app on the built-in demo data, in a language, for the GUI tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.ui.application import DesktopApp
from desktop.ui.self_test import wait_for_refresh
from tests.ui.apps import TODAY, make_desktop_app

__all__ = ["TODAY", "make_app", "open_app"]


def make_app(settings: QSettings, folder: Path, lang: str = "en") -> DesktopApp:
    """The app (its window not shown) with its own paste folder, journal and day."""
    return make_desktop_app(folder, settings, lang)


async def open_app(qtbot: QtBot, settings: QSettings, folder: Path, lang: str = "en") -> DesktopApp:
    """The app with its window shown, active and filled with the demo licenses."""
    app = make_app(settings, folder, lang)
    qtbot.addWidget(app.window)
    app.window.show()
    app.window.activateWindow()
    await wait_for_refresh(app.window)
    return app
