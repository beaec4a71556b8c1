"""The whole app for GUI tests: English, its settings, pastes and journal in a temp folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

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
