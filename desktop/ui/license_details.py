"""The details pane of the selected license, laid out like My Atlassian's expanded view.

Name, Organization, SEN, License Key (masked until Show; Copy), Technical and Billing Contacts
with a PRIMARY badge, and a button that opens the license in My Atlassian.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_day
from desktop.domain.models import Contact, License
from desktop.domain.sen import InvalidSen, sen_digits
from desktop.ui.icons import icon
from desktop.ui.language import current_language

log = logging.getLogger(__name__)

MASK = "•" * 24


def my_atlassian_url(sen: str) -> QUrl:
    """``https://my.atlassian.com/products/index?sen=<digits>``."""
    return QUrl(f"https://my.atlassian.com/products/index?sen={sen_digits(sen)}")


class PrimaryBadge(QLabel):
    """My Atlassian's small PRIMARY label beside a contact."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("primaryBadge")
        self.setStyleSheet(
            "QLabel#primaryBadge { background: #0052cc; color: white; border-radius: 3px;"
            " padding: 1px 6px; font-weight: bold; }"
        )
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("PRIMARY"))
        self.setAccessibleName(self.tr("Primary contact"))


class ContactList(QWidget):
    """A list of contacts: name, email, and the PRIMARY badge."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.badges: list[PrimaryBadge] = []
        self.rows: list[QLabel] = []

    def set_contacts(self, contacts: tuple[Contact, ...]) -> None:
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.badges, self.rows = [], []
        if not contacts:
            none = QLabel(self.tr("None"), self)
            none.setEnabled(False)
            self._layout.addWidget(none)
            self.rows.append(none)
            return
        for contact in contacts:
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel(row)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setText(
                f"<b>{_escape(contact.name)}</b><br>{_escape(contact.email)}"
                if contact.name
                else _escape(contact.email)
            )
            text.setAccessibleName(contact.email)
            line.addWidget(text)
            if contact.primary:
                badge = PrimaryBadge(row)
                line.addWidget(badge, 0, Qt.AlignmentFlag.AlignVCenter)
                self.badges.append(badge)
            line.addStretch(1)
            self._layout.addWidget(row)
            self.rows.append(text)

    def texts(self) -> list[str]:
        return [label.accessibleName() or label.text() for label in self.rows]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for badge in self.badges:
                badge.retranslate()
        super().changeEvent(event)


class LicenseDetails(QScrollArea):
    """Shows one license; nothing selected shows a hint."""

    keyCopied = Signal()
    openRequested = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._license: License | None = None
        self._key_shown = False

        body = QWidget(self)
        outer = QVBoxLayout(body)
        self.hint = QLabel(body)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        outer.addWidget(self.hint)

        self.form = QWidget(body)
        grid = QGridLayout(self.form)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        self.labels: dict[str, QLabel] = {}

        def caption(name: str, row: int, column: int) -> QLabel:
            label = QLabel(self.form)
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.labels[name] = label
            grid.addWidget(label, row, column)
            return label

        def value(row: int, column: int) -> QLabel:
            label = QLabel(self.form)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(label, row, column)
            return label

        caption("name", 0, 0)
        self.name_value = value(0, 1)
        caption("organisation", 1, 0)
        self.organisation_value = value(1, 1)
        caption("sen", 2, 0)
        self.sen_value = value(2, 1)
        caption("product", 3, 0)
        self.product_value = value(3, 1)
        caption("expires", 4, 0)
        self.expires_value = value(4, 1)

        caption("key", 5, 0)
        key_box = QWidget(self.form)
        key_line = QVBoxLayout(key_box)
        key_line.setContentsMargins(0, 0, 0, 0)
        self.key_value = QLabel(key_box)
        self.key_value.setWordWrap(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.key_value.setFont(mono)
        self.key_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key_line.addWidget(self.key_value)
        buttons = QHBoxLayout()
        self.show_key_button = QPushButton(icon("show"), "", key_box)
        self.show_key_button.clicked.connect(self.toggle_key)
        self.copy_key_button = QPushButton(icon("copy"), "", key_box)
        self.copy_key_button.clicked.connect(self.copy_key)
        buttons.addWidget(self.show_key_button)
        buttons.addWidget(self.copy_key_button)
        buttons.addStretch(1)
        key_line.addLayout(buttons)
        grid.addWidget(key_box, 5, 1, 1, 3)

        caption("technical", 0, 2)
        self.technical = ContactList(self.form)
        grid.addWidget(self.technical, 0, 3, 3, 1, Qt.AlignmentFlag.AlignTop)
        caption("billing", 3, 2)
        self.billing = ContactList(self.form)
        grid.addWidget(self.billing, 3, 3, 2, 1, Qt.AlignmentFlag.AlignTop)

        self.open_button = QPushButton(icon("open-external"), "", self.form)
        self.open_button.clicked.connect(self.open_in_my_atlassian)
        grid.addWidget(self.open_button, 6, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.setRowStretch(7, 1)
        outer.addWidget(self.form)
        self.setWidget(body)
        self.retranslate()
        self.set_license(None)

    # --- content ---------------------------------------------------------------------------

    @property
    def license(self) -> License | None:
        return self._license

    def set_license(self, lic: License | None) -> None:
        """Show ``lic`` (key masked again), or the hint when None."""
        self._license = lic
        self._key_shown = False
        self.hint.setVisible(lic is None)
        self.form.setVisible(lic is not None)
        if lic is None:
            return
        self.name_value.setText(lic.display_name)
        self.organisation_value.setText(lic.organisation)
        self.sen_value.setText(lic.sen)
        self.product_value.setText(lic.product)
        self._show_expiry()
        self.technical.set_contacts(lic.technical_contacts)
        self.billing.set_contacts(lic.billing_contacts)
        self._update_key()

    def _show_expiry(self) -> None:
        lic = self._license
        day = lic.support_expires if lic is not None else None
        self.expires_value.setText(
            format_day(day, current_language()) if day is not None else self.tr("Not shown")
        )

    def toggle_key(self) -> None:
        if self._license is not None and self._license.license_key:
            self._key_shown = not self._key_shown
            self._update_key()

    def copy_key(self) -> None:
        if self._license is not None and self._license.license_key:
            QGuiApplication.clipboard().setText(self._license.license_key)
            self.keyCopied.emit()

    def open_in_my_atlassian(self) -> None:
        if self._license is None:
            return
        try:
            url = my_atlassian_url(self._license.sen)
        except InvalidSen:
            return
        self.openRequested.emit(url)
        QDesktopServices.openUrl(url)

    def _update_key(self) -> None:
        key = self._license.license_key if self._license else None
        has_key = bool(key)
        self.show_key_button.setEnabled(has_key)
        self.copy_key_button.setEnabled(has_key)
        if not key:
            self.key_value.setText(self.tr("Not available (paste the expanded license to read it)"))
        else:
            self.key_value.setText(key if self._key_shown else MASK)
        self.show_key_button.setText(self.tr("Hide") if self._key_shown else self.tr("Show"))
        self.show_key_button.setIcon(icon("hide" if self._key_shown else "show"))

    # --- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Select a license to see its details."))
        for name, text in (
            ("name", self.tr("Name")),
            ("organisation", self.tr("Organization")),
            ("sen", self.tr("SEN")),
            ("product", self.tr("Product")),
            ("expires", self.tr("Support Expires")),
            ("key", self.tr("License Key")),
            ("technical", self.tr("Technical Contacts")),
            ("billing", self.tr("Billing Contacts")),
        ):
            self.labels[name].setText(text)
        self.copy_key_button.setText(self.tr("Copy"))
        self.copy_key_button.setToolTip(self.tr("Copy the license key to the clipboard"))
        self.copy_key_button.setAccessibleName(self.tr("Copy license key"))
        self.show_key_button.setToolTip(self.tr("Show or hide the license key"))
        self.show_key_button.setAccessibleName(self.tr("Show license key"))
        self.key_value.setAccessibleName(self.tr("License key"))
        self.open_button.setText(self.tr("Open in My Atlassian"))
        self.open_button.setToolTip(self.tr("Open this license on my.atlassian.com in the browser"))
        self.setAccessibleName(self.tr("License details"))
        self._update_key()
        self._show_expiry()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _escape(text: str | None) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
