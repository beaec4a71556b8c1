"""Add a portal account (or re-enter its password): portal, email, password, remember.

The "My Atlassian" choice signs in in an embedded browser instead: the window opens the
sign-in window when this dialog is accepted with :attr:`AddAccountDialog.my_atlassian` set.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.emails import InvalidEmail, normalize_email
from desktop.domain.models import Account, AccountKind
from desktop.portal.demo_accounts import DEMO
from desktop.portal.errors import PortalError
from desktop.portal.http_client import check_base_url
from desktop.services.error_messages import error_message
from desktop.services.my_atlassian.session import ActionMode
from desktop.ui.status_colours import error_style

log = logging.getLogger(__name__)

MY_ATLASSIAN = "my-atlassian"  # the portal choice that signs in in the embedded browser


class AddAccountDialog(QDialog):
    """Collects a sign-in. Nothing is stored here: the window stores the account on accept."""

    def __init__(self, parent: QWidget | None = None, *, account: Account | None = None) -> None:
        super().__init__(parent)
        self._existing = account
        self.result_account: Account | None = None
        self.result_password = ""

        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.portal_combo = QComboBox(self)
        self.portal_combo.addItem("", DEMO)
        self.portal_combo.addItem("", "url")
        if account is None:
            self.portal_combo.addItem("", MY_ATLASSIAN)
        self.portal_combo.currentIndexChanged.connect(self._portal_changed)
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("https://portal.example")
        self.email_edit = QLineEdit(self)
        self.email_edit.setPlaceholderText("zhang.wei@huake.example")
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox(self)
        self.remember_box.setChecked(True)
        self.mode_combo = QComboBox(self)  # how the app works in the My Atlassian page
        self.mode_combo.addItem("", ActionMode.ASSISTED.value)
        self.mode_combo.addItem("", ActionMode.GUIDED.value)
        self.mode_label = QLabel(self)
        self.my_atlassian_note = QLabel(self)
        self.my_atlassian_note.setWordWrap(True)
        self.portal_label = QLabel(self)
        self.url_label = QLabel(self)
        self.email_label = QLabel(self)
        self.password_label = QLabel(self)
        for label, field in (
            (self.portal_label, self.portal_combo),
            (self.url_label, self.url_edit),
            (self.email_label, self.email_edit),
            (self.password_label, self.password_edit),
            (self.mode_label, self.mode_combo),
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.remember_box)
        layout.addLayout(form)
        layout.addWidget(self.my_atlassian_note)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        if account is not None:
            portal_is_demo = account.portal == DEMO
            self.portal_combo.setCurrentIndex(0 if portal_is_demo else 1)
            self.url_edit.setText("" if portal_is_demo else account.portal)
            self.email_edit.setText(account.email)
            for widget in (self.portal_combo, self.url_edit, self.email_edit):
                widget.setEnabled(False)
            self.password_edit.setFocus()
        self._portal_changed()
        self.retranslate()
        self.setMinimumWidth(460)

    def _portal_changed(self, *args: object) -> None:
        del args
        is_url = self.portal_combo.currentData() == "url"
        self.url_edit.setVisible(is_url)
        self.url_label.setVisible(is_url)
        live = self.my_atlassian
        sign_in_widgets: tuple[QWidget, ...] = (
            self.email_edit,
            self.email_label,
            self.password_edit,
            self.password_label,
            self.remember_box,
        )
        for widget in sign_in_widgets:
            widget.setVisible(not live)
        live_widgets: tuple[QWidget, ...] = (
            self.mode_combo,
            self.mode_label,
            self.my_atlassian_note,
        )
        for widget in live_widgets:
            widget.setVisible(live)

    @property
    def my_atlassian(self) -> bool:
        """Whether the person chose to sign in to My Atlassian in the embedded browser."""
        return bool(self.portal_combo.currentData() == MY_ATLASSIAN)

    @property
    def action_mode(self) -> ActionMode:
        return ActionMode(self.mode_combo.currentData())

    def set_action_mode(self, mode: ActionMode) -> None:
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(mode.value)))

    def show_error(self, message: str) -> None:
        self.error_label.setStyleSheet(error_style())
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def accept(self) -> None:
        """Check the input; on a problem say so and stay open, changing nothing."""
        if self.my_atlassian:  # the sign-in window takes over (opened by the main window)
            self.show_error("")
            super().accept()
            return
        portal = DEMO
        if self.portal_combo.currentData() == "url":
            address = self.url_edit.text().strip()
            try:
                portal = str(check_base_url(address)).rstrip("/")
            except PortalError as error:
                self.show_error(error_message(error.error_key))
                self.url_edit.setFocus()
                return
        try:
            email = normalize_email(self.email_edit.text())
        except InvalidEmail:
            self.show_error(self.tr("Enter a valid email address, e.g. zhang.wei@huake.example."))
            self.email_edit.setFocus()
            return
        password = self.password_edit.text()
        if not password:
            self.show_error(self.tr("Enter the password of this account."))
            self.password_edit.setFocus()
            return
        self.result_account = Account(AccountKind.PORTAL, email=email, portal=portal, label=email)
        self.result_password = password
        self.show_error("")
        super().accept()

    @property
    def remember(self) -> bool:
        return self.remember_box.isChecked()

    def done(self, result: int) -> None:
        self.password_edit.clear()  # the password leaves the widget as soon as it closes
        super().done(result)

    def retranslate(self) -> None:
        if self._existing is None:
            self.setWindowTitle(self.tr("Add account"))
            self.intro.setText(
                self.tr("Sign in to a license portal. The built-in demo portal needs no network.")
            )
        else:
            self.setWindowTitle(self.tr("Enter password"))
            self.intro.setText(
                self.tr("Enter the password of %1.").replace("%1", self._existing.email)
            )
        self.portal_combo.setItemText(0, self.tr("Demo portal (built in)"))
        self.portal_combo.setItemText(1, self.tr("Portal at an address"))
        if self.portal_combo.count() > 2:
            self.portal_combo.setItemText(2, self.tr("My Atlassian (sign in in the app's browser)"))
        self.mode_label.setText(self.tr("&Changes:"))
        self.mode_combo.setItemText(0, self.tr("The app clicks in the page for me (assisted)"))
        self.mode_combo.setItemText(1, self.tr("The app shows me what to click (guided)"))
        self.my_atlassian_note.setText(
            self.tr(
                "Click OK to open My Atlassian in a browser window inside the app and sign in "
                "there as you always do. The app never sees your password."
            )
        )
        self.portal_label.setText(self.tr("&Portal:"))
        self.url_label.setText(self.tr("A&ddress:"))
        self.email_label.setText(self.tr("&Email:"))
        self.password_label.setText(self.tr("Pass&word:"))
        self.remember_box.setText(self.tr("&Remember password (in the system's keyring)"))
        self.remember_box.setToolTip(
            self.tr("Saved only in the operating system's password store, never in a file.")
        )
        for widget, name in (
            (self.portal_combo, self.tr("Portal")),
            (self.url_edit, self.tr("Portal address")),
            (self.email_edit, self.tr("Email")),
            (self.password_edit, self.tr("Password")),
            (self.mode_combo, self.tr("How changes are made in My Atlassian")),
        ):
            widget.setAccessibleName(name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
