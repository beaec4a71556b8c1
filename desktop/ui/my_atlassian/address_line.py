"""The embedded browser's address line: the page's host and whether it is https, as it is
(during sign-in any https host may show, e.g. the company's single sign-on).

The padlock and the warning are drawn icons, not emoji: a computer without an emoji font
would show an empty box where the person looks for the padlock.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QSize, QUrl
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from desktop.portal.my_atlassian.urls import page_address
from desktop.ui.icons import icon
from desktop.ui.status_colours import danger

ICON_SIZE = QSize(16, 16)


class AddressLine(QFrame):
    """Shows where the page is: a padlock and "https · id.atlassian.com", or a warning for
    plain http. ``icon_name`` is the icon shown ("lock", "this-computer", "not-secure")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addressLine")
        self._url = ""
        self.icon_name = ""
        self.setStyleSheet(
            "QFrame#addressLine { border: 1px solid palette(mid); border-radius: 3px; }"
        )
        line = QHBoxLayout(self)
        line.setContentsMargins(6, 3, 6, 3)
        line.setSpacing(6)
        self.icon_label = QLabel(self)
        self.icon_label.setFixedSize(ICON_SIZE)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        line.addWidget(self.icon_label)
        line.addWidget(self.label, 1)

    def show_url(self, url: QUrl | str) -> None:
        self._url = url.toString() if isinstance(url, QUrl) else url
        self.retranslate()

    @property
    def host(self) -> str:
        return page_address(self._url).host if self._url else ""

    def text(self) -> str:
        """What the line says (rich text)."""
        return self.label.text()

    def retranslate(self) -> None:
        if not self._url:
            self.label.clear()
            self.icon_label.clear()
            self.icon_name = ""
            return
        where = page_address(self._url)
        host = escape(where.host or where.scheme)
        colour = None
        if where.secure:
            self.icon_name = "lock"
            text = self.tr("https · %1").replace("%1", f"<b>{host}</b>")
        elif where.allowed:
            self.icon_name = "this-computer"
            text = self.tr("http · %1 (this computer: the local replica)").replace(
                "%1", f"<b>{host}</b>"
            )
        else:
            self.icon_name = "not-secure"
            colour = danger()
            text = self.tr(
                "Not secure: plain http to %1 is refused. The app opens My Atlassian only "
                "over https."
            ).replace("%1", f"<b>{host}</b>")
        self.icon_label.setPixmap(icon(self.icon_name, colour).pixmap(ICON_SIZE))
        self.label.setText(text)
        self.setAccessibleName(self.tr("Page address: %1").replace("%1", where.host))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
