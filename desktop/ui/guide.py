"""The guide: what the app does and does not do, the rules, how to undo; in the current
language, from the HTML pages shipped with the app (``desktop/ui/help/guide_<lang>.html``).

F1 (and Help ▸ Guide) in the main window, F1 and the welcome page's link in the wizard.
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.ui.language import current_language

log = logging.getLogger(__name__)

GUIDE_LANGUAGES = ("en", "zh_CN")
# The key that opens the guide (F1 on Windows and Linux; the platform's own elsewhere).
GUIDE_KEYS = QKeySequence.StandardKey.HelpContents


def guide_html(language: str) -> str:
    """The guide's page in ``language`` (English when there is none in it)."""
    if language not in GUIDE_LANGUAGES:
        language = "en"
    page = resources.files("desktop.ui.help") / f"guide_{language}.html"
    return page.read_text(encoding="utf-8")


class GuideDialog(QDialog):
    """The guide in a browser pane; not modal, so it can stay open beside the wizard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.language = ""
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.retranslate()

    def sizeHint(self) -> QSize:
        return QSize(720, 640)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Guide"))
        self.browser.setAccessibleName(self.tr("Guide"))
        language = current_language()
        if language != self.language:
            self.language = language
            self.browser.setHtml(guide_html(language))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class GuideOpener:
    """Opens ``parent``'s guide (one per window: shown again and raised when already open)."""

    def __init__(self, parent: QWidget, *, shortcut: bool = False) -> None:
        self._parent = parent
        self.dialog: GuideDialog | None = None
        if shortcut:  # a window without a menu action for it (the wizard)
            self.shortcut = QShortcut(QKeySequence(GUIDE_KEYS), parent)
            self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            self.shortcut.activated.connect(self.open)

    def open(self) -> GuideDialog:
        if self.dialog is None:
            self.dialog = GuideDialog(self._parent)
        self.dialog.retranslate()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        log.info("guide opened (%s)", self.dialog.language)
        return self.dialog
