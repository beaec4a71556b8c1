"""The real app on the built-in demo data, in a language, for the GUI tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.services.paste_store import PasteStore
from desktop.ui.application import DesktopApp
from desktop.ui.language import LanguageManager
from desktop.ui.self_test import wait_for_refresh

TODAY = date(2024, 6, 1)


def make_app(settings: QSettings, folder: Path, lang: str = "en") -> DesktopApp:
    """The app (its window not shown) with its own paste folder, journal and day."""
    language = LanguageManager(settings)
    language.apply(lang, remember=False)
    return DesktopApp(
        settings,
        language=language,
        pastes=PasteStore(folder / "pastes"),
        today=TODAY,
        journal_path=folder / "journal.sqlite3",
    )


async def open_app(qtbot: QtBot, settings: QSettings, folder: Path, lang: str = "en") -> DesktopApp:
    """The app with its window shown, active and filled with the demo licenses."""
    app = make_app(settings, folder, lang)
    qtbot.addWidget(app.window)
    app.window.show()
    app.window.activateWindow()
    await wait_for_refresh(app.window)
    return app
