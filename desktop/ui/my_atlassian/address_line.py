"""The embedded browser's address line: the page's host and whether it is https, as it is
(during sign-in any https host may show, e.g. the company's single sign-on)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtWidgets import QLabel, QWidget

from desktop.portal.my_atlassian.urls import page_address


class AddressLine(QLabel):
    """Shows where the page is: "🔒 https · id.atlassian.com", or a warning for plain http."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addressLine")
        self._url = ""
        self.setStyleSheet("padding: 3px 6px; border: 1px solid palette(mid); border-radius: 3px;")

    def show_url(self, url: QUrl | str) -> None:
        self._url = url.toString() if isinstance(url, QUrl) else url
        self.retranslate()

    @property
    def host(self) -> str:
        return page_address(self._url).host if self._url else ""

    def retranslate(self) -> None:
        if not self._url:
            self.clear()
            return
        where = page_address(self._url)
        host = escape(where.host or where.scheme)
        if where.secure:
            text = self.tr("🔒 https · %1").replace("%1", f"<b>{host}</b>")
        elif where.allowed:
            text = self.tr("http · %1 (this computer: the local replica)").replace(
                "%1", f"<b>{host}</b>"
            )
        else:
            text = self.tr(
                "⚠ Not secure: plain http to %1 is refused. The app opens My Atlassian only "
                "over https."
            ).replace("%1", f"<b>{host}</b>")
        self.setText(text)
        self.setAccessibleName(self.tr("Page address: %1").replace("%1", where.host))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
