"""The embedded My Atlassian page beside a run's progress, with the guided-mode panel.

The wizard's run page shows it while a live account works, so the person sees every click
the app makes (assisted) or is asked to make (guided).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.ui.my_atlassian.address_line import AddressLine
from desktop.ui.my_atlassian.guided_panel import GuidedPanel


class LivePagePanel(QWidget):
    """Shows one live account's page (the very page the session drives) and guided steps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.address = AddressLine(self)
        self.view = QWebEngineView(self)
        self.guide = GuidedPanel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.address)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.guide)
        self._email = ""
        self._page: QWebEnginePage | None = None
        self._ended: set[str] = set()  # accounts whose sign-in ended (the run waits)
        self.retranslate()

    def set_sign_in_ended(self, email: str, ended: bool) -> None:
        """Whether ``email``'s sign-in has ended (its page shows the sign-in page)."""
        if ended:
            self._ended.add(email)
        else:
            self._ended.discard(email)
        self.retranslate()

    def show_page(self, page: QWebEnginePage, email: str) -> bool:
        """Show ``page`` here, unless another window shows it now (the account's sign-in
        window, while it signs in again): a page is in one view at a time, and taking it
        would leave that window blank. False when not taken (ask again later)."""
        holder = QWebEngineView.forPage(page)
        if holder is self.view:
            return True  # here already
        if holder is not None and holder.isVisible():
            return False
        self._email = email
        if self._page is not None and shiboken6.isValid(self._page):
            self._page.urlChanged.disconnect(self.address.show_url)
        self._page = page
        page.urlChanged.connect(self.address.show_url)
        self.address.show_url(page.url())
        self.view.setPage(page)
        self.retranslate()
        return True

    def retranslate(self) -> None:
        if self._email in self._ended:
            self.caption.setText(
                self.tr(
                    "My Atlassian, %1: the sign-in has ended. The run goes on with this "
                    "account once it has signed in again."
                ).replace("%1", self._email)
            )
        elif self._email:
            self.caption.setText(
                self.tr(
                    "My Atlassian, signed in as %1. The app works in this page; watch it here."
                ).replace("%1", self._email)
            )
        else:
            self.caption.setText(self.tr("My Atlassian"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
