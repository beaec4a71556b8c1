"""The UI language: loads every catalogue of a language plus Qt's own, switches at once.

``desktop/translations/<area>_<lang>.qm`` (built by ``make i18n``) are all loaded for the
chosen language, together with ``qtbase_<lang>.qm`` from PySide6's translations folder
(standard buttons, the file dialog, the wizard's Back and Cancel). English is the source
language, but its ``<area>_en.qm`` still load: they hold the singular and plural forms of
the ``%n`` strings ("1 license", "2 licenses"). Installing them sends LanguageChange to
every widget, which re-words itself.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

import PySide6
from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QGuiApplication

from desktop.ui.about import app_name

log = logging.getLogger(__name__)

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)
_SETTING = "ui/language"


def language_name(code: str) -> str:
    """Each language named in itself, so it can be found whatever the current language."""
    return {ENGLISH: "English", CHINESE: "简体中文"}[code]


def system_language(system: QLocale | None = None) -> str:
    """zh_CN when the system speaks Chinese, else English."""
    locale = system or QLocale.system()
    return CHINESE if locale.language() == QLocale.Language.Chinese else ENGLISH


def current_language() -> str:
    """The app's language now (the default locale, which :meth:`LanguageManager.apply` sets)."""
    return system_language(QLocale())


def translations_folder() -> Path:
    return Path(str(resources.files("desktop.translations")))


def qt_translations_folder() -> Path:
    """Qt's own catalogues (standard buttons, the file dialog's "Look in:" …): PySide6's
    ``Qt/translations`` folder, which the PyInstaller bundle keeps (build/*.spec); Qt's
    configured folder when PySide6 has none (a system Qt)."""
    bundled = Path(PySide6.__file__).parent / "Qt" / "translations"
    if bundled.is_dir():
        return bundled
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


class LanguageManager(QObject):
    """Holds the installed translators; :meth:`apply` switches language."""

    languageChanged = Signal(str)

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings or QSettings()
        self._translators: list[QTranslator] = []
        self.current = ENGLISH

    def saved_or_system(self, system: QLocale | None = None) -> str:
        """The remembered language; on the first start, the system's."""
        saved = str(self._settings.value(_SETTING, "") or "")
        return saved if saved in LANGUAGES else system_language(system)

    def locale(self) -> QLocale:
        return (
            QLocale(QLocale.Language.Chinese, QLocale.Country.China)
            if (self.current == CHINESE)
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        )

    def apply(self, code: str, *, remember: bool = True) -> list[str]:
        """Switch to ``code`` now; returns the catalogues loaded. Unknown codes mean English."""
        code = code if code in LANGUAGES else ENGLISH
        app = QCoreApplication.instance()
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators = []
        loaded: list[str] = []
        if app is not None:
            paths = sorted(translations_folder().glob(f"*_{code}.qm"))
            if code != ENGLISH:
                paths.append(qt_translations_folder() / f"qtbase_{code}.qm")
            for path in paths:
                translator = QTranslator(app)
                if not translator.load(str(path)):
                    log.warning("translation %s could not be loaded", path.name)
                elif not translator.isEmpty():  # an English area without plurals is empty
                    QCoreApplication.installTranslator(translator)
                    self._translators.append(translator)
                    loaded.append(path.name)
        self.current = code
        QLocale.setDefault(self.locale())
        if app is not None:
            # Qt adds the display name to every window title: the app's name in this language,
            # which the main window's title is, so no title says it twice or in two languages.
            QGuiApplication.setApplicationDisplayName(app_name())
        if remember:
            self._settings.setValue(_SETTING, code)
        self.languageChanged.emit(code)
        log.info("language %s: %s", code, ", ".join(loaded) or "built-in English")
        return loaded
