"""The whole app for GUI tests: English, its settings, pastes and journal in a temp folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings

from desktop.services.paste_store import PasteStore
from desktop.ui.application import DesktopApp
from desktop.ui.language import LanguageManager

TODAY = date(2024, 6, 1)


def make_desktop_app(
    tmp_path: Path, settings: QSettings | None = None, lang: str = "en"
) -> DesktopApp:
    """The app in ``lang``, with settings (unless given), pastes and journal in ``tmp_path``."""
    if settings is None:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    language = LanguageManager(settings)
    language.apply(lang, remember=False)
    return DesktopApp(
        settings,
        language=language,
        pastes=PasteStore(tmp_path / "pastes"),
        today=TODAY,
        journal_path=tmp_path / "journal.sqlite3",
    )


async def close_app(app: DesktopApp) -> None:
    """A GUI test's end: its run cancelled, its wizard closed, the refresh stopped.

    pytest-qt closes the widgets a test gave it (``qtbot.addWidget``) before the fixtures'
    teardown, and deletes them whenever Qt gets to it: the wizard over the window may be
    gone already, and is then not touched."""
    wizard = app.launcher.wizard
    if wizard is not None and shiboken6.isValid(wizard):
        if wizard.runner.running:
            wizard.runner.cancel()
            await wizard.runner.wait()
        wizard.reject()
    await app.window.refresher.aclose()
