"""Add an account, or sign an existing one in again (its password, its portal address).

Three ways to add one, the first the default:

- **My Atlassian** — sign in in a browser window inside the app, as on my.atlassian.com; the
  window opens the sign-in window when this dialog is accepted with :attr:`my_atlassian` set.
- **A license portal at an address** — for IT: a portal speaking the app's API, its address,
  an email and a password.
- **Demo data** — the built-in made-up licenses, to try the app (:attr:`show_demo`).

Nothing is stored here: the account actions store what the dialog collected. Enter moves on to
the next empty field before it submits, so a half-filled form is never sent anywhere.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.emails import InvalidEmail, normalize_email
from desktop.domain.models import Account, AccountKind
from desktop.portal.demo_accounts import DEMO
from desktop.portal.errors import CredentialsInUrl, PortalError
from desktop.portal.http_client import check_base_url
from desktop.services.error_messages import error_message
from desktop.services.my_atlassian.session import ActionMode
from desktop.ui.status_colours import error_style

log = logging.getLogger(__name__)

MY_ATLASSIAN = "my-atlassian"  # sign in in the embedded browser (the default)
ADDRESS = "url"  # a license portal at an address (for IT)
DEMO_DATA = DEMO  # the built-in demo data
EXAMPLE_ADDRESS = "https://portal.example"


class AddAccountDialog(QDialog):
    """Collects a sign-in. Nothing is stored here: the account actions store it on accept.

    Args:
        account: sign this account in again (its email is fixed; its address can be changed).
        offer_demo: offer "Demo data" (not where a particular person must sign in).
        password_known: a password is saved for ``account``; leaving the field empty keeps it.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        account: Account | None = None,
        offer_demo: bool = True,
        password_known: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("addAccountDialog")
        self._existing = account
        self._password_known = account is not None and password_known
        self._has_address = account is not None and account.portal != DEMO
        self.result_account: Account | None = None
        self.result_password = ""

        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QGridLayout()  # a form's two columns; the note spans both
        form.setColumnStretch(1, 1)
        self.portal_combo = QComboBox(self)
        self.portal_combo.addItem("", MY_ATLASSIAN)
        self.portal_combo.addItem("", ADDRESS)
        if offer_demo:
            self.portal_combo.addItem("", DEMO_DATA)
        self.portal_combo.currentIndexChanged.connect(self._portal_changed)
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText(EXAMPLE_ADDRESS)
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
        self.portal_label = QLabel(self)
        self.url_label = QLabel(self)
        self.email_label = QLabel(self)
        self.password_label = QLabel(self)
        # What the chosen way means, in a sentence or two (right below the choice).
        self.note = QLabel(self)
        self.note.setObjectName("addAccountNote")
        self.note.setWordWrap(True)
        self.portal_label.setBuddy(self.portal_combo)
        form.addWidget(self.portal_label, 0, 0)
        form.addWidget(self.portal_combo, 0, 1)
        form.addWidget(self.note, 1, 0, 1, 2)
        for row, (label, field) in enumerate(
            (
                (self.url_label, self.url_edit),
                (self.email_label, self.email_edit),
                (self.password_label, self.password_edit),
                (self.mode_label, self.mode_combo),
            ),
            start=2,
        ):
            label.setBuddy(field)
            form.addWidget(label, row, 0)
            form.addWidget(field, row, 1)
        form.addWidget(self.remember_box, 6, 1)
        layout.addLayout(form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("addAccountError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for edit in (self.url_edit, self.email_edit, self.password_edit):
            edit.installEventFilter(self)
            edit.textEdited.connect(lambda _text: self.show_error(""))

        if account is not None:
            self.portal_combo.setCurrentIndex(self.portal_combo.findData(ADDRESS))
            self.url_edit.setText(account.portal if self._has_address else "")
            self.email_edit.setText(account.email)
            self.email_edit.setEnabled(False)
        self._portal_changed()
        self.retranslate()
        self.setMinimumWidth(480)
        self._first_field().setFocus()

    # --- the chosen way --------------------------------------------------------------------

    @property
    def choice(self) -> str:
        """:data:`MY_ATLASSIAN`, :data:`ADDRESS` or :data:`DEMO_DATA`."""
        return str(self.portal_combo.currentData())

    @property
    def my_atlassian(self) -> bool:
        """Whether the person chose to sign in to My Atlassian in the embedded browser."""
        return self._existing is None and self.choice == MY_ATLASSIAN

    @property
    def show_demo(self) -> bool:
        """Whether the person chose the demo data (nothing to sign in to)."""
        return self._existing is None and self.choice == DEMO_DATA

    @property
    def action_mode(self) -> ActionMode:
        return ActionMode(self.mode_combo.currentData())

    def set_action_mode(self, mode: ActionMode) -> None:
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(mode.value)))

    @property
    def remember(self) -> bool:
        return self.remember_box.isChecked()

    def _fields(self) -> list[QLineEdit]:
        """The fields the person must fill in, in order, for the chosen way."""
        if self._existing is not None:
            fields = [self.url_edit] if self._has_address else []
            return [*fields, self.password_edit]
        if self.choice == ADDRESS:
            return [self.url_edit, self.email_edit, self.password_edit]
        return []

    def _first_field(self) -> QWidget:
        """Where the cursor starts: the choice; for an account signing in again its password,
        or its address when the password was not the problem ("Fix…")."""
        if self._existing is None:
            return self.portal_combo
        if self._password_known and self._has_address:
            return self.url_edit
        return self.password_edit

    def _portal_changed(self, *args: object) -> None:
        del args
        existing = self._existing is not None
        signs_in = existing or self.choice == ADDRESS
        self.portal_combo.setVisible(not existing)
        self.portal_label.setVisible(not existing)
        address = self._has_address if existing else self.choice == ADDRESS
        self.url_edit.setVisible(address)
        self.url_label.setVisible(address)
        sign_in_widgets: tuple[QWidget, ...] = (
            self.email_edit,
            self.email_label,
            self.password_edit,
            self.password_label,
            self.remember_box,
        )
        for widget in sign_in_widgets:
            widget.setVisible(signs_in)
        self.mode_combo.setVisible(self.my_atlassian)
        self.mode_label.setVisible(self.my_atlassian)
        self.show_error("")
        self._retranslate_choice()
        self._fit()  # the note and the fields of the way chosen

    # --- Enter, checks ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in a filled field with an empty one after it moves there instead of
        submitting (a half-filled form is never sent)."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            fields = self._fields()
            if watched in fields and isinstance(watched, QLineEdit) and watched.text().strip():
                later = fields[fields.index(watched) + 1 :]
                empty = next((f for f in later if f.isEnabled() and not self._filled(f)), None)
                if empty is not None:
                    empty.setFocus(Qt.FocusReason.TabFocusReason)
                    return True
        return super().eventFilter(watched, event)

    def _filled(self, edit: QLineEdit) -> bool:
        if edit is self.password_edit:
            return bool(edit.text()) or self._password_known
        return bool(edit.text().strip())

    def show_error(self, message: str) -> None:
        self.error_label.setStyleSheet(error_style())
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self._fit()

    def _fit(self) -> None:
        """As tall as the wrapped words need at the dialog's width (Qt sizes a dialog by its
        size hint, whose width is not the dialog's: wrapped lines would be cut off)."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        need = layout.totalHeightForWidth(self.width())
        if need > 0 and need != self.height():
            self.resize(self.width(), max(need, self.minimumSizeHint().height()))

    def _refuse(self, message: str, field: QWidget) -> None:
        self.show_error(message)
        field.setFocus()
        if isinstance(field, QLineEdit):
            field.selectAll()

    def accept(self) -> None:
        """Check the input; on a problem say so and stay open, changing nothing."""
        if self.my_atlassian or self.show_demo:  # nothing to check: the window takes over
            self.show_error("")
            super().accept()
            return
        existing = self._existing
        portal = existing.portal if existing is not None else DEMO
        if self.url_edit.isVisibleTo(self):
            checked = self._checked_address()
            if checked is None:
                return
            portal = checked
        if existing is not None:
            email = existing.email
        else:
            try:
                email = normalize_email(self.email_edit.text())
            except InvalidEmail:
                self._refuse(
                    self.tr("Enter a valid email address, e.g. zhang.wei@huake.example."),
                    self.email_edit,
                )
                return
        password = self.password_edit.text()
        if not password and not self._password_known:
            self._refuse(self.tr("Enter the password of this account."), self.password_edit)
            return
        if existing is not None:
            self.result_account = Account(
                existing.kind, email=email, portal=portal, label=existing.label, name=existing.name
            )
        else:
            self.result_account = Account(
                AccountKind.PORTAL, email=email, portal=portal, label=email
            )
        self.result_password = password
        self.show_error("")
        super().accept()

    def _checked_address(self) -> str | None:
        """The portal address as the app keeps it, or None (the reason shown, nothing kept).
        An address with a user name or password in it is refused, never stored or logged."""
        address = self.url_edit.text().strip()
        if not address:
            self._refuse(
                self.tr("Enter the portal's address, for example %1.").replace(
                    "%1", EXAMPLE_ADDRESS
                ),
                self.url_edit,
            )
            return None
        try:
            return str(check_base_url(address)).rstrip("/")
        except PortalError as error:
            message = error_message(error.error_key)
            if "://" not in address and not isinstance(error, CredentialsInUrl):
                message = self._missing_scheme(address) or message
            self._refuse(message, self.url_edit)
            return None

    def _missing_scheme(self, address: str) -> str | None:
        """ "portal.example": the address without https:// in front, with the suggestion."""
        try:
            suggestion = str(check_base_url("https://" + address)).rstrip("/")
        except CredentialsInUrl:
            return error_message(CredentialsInUrl.error_key)
        except PortalError:
            return None
        return self.tr("The address must start with https://. Did you mean %1?").replace(
            "%1", suggestion
        )

    def done(self, result: int) -> None:
        self.password_edit.clear()  # the password leaves the widget as soon as it closes
        super().done(result)

    # --- language --------------------------------------------------------------------------

    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def _retranslate_choice(self) -> None:
        """The note and the OK button's words for the chosen way."""
        existing = self._existing
        if existing is not None:
            if self._has_address:
                note = self.tr(
                    "The app signs in at the address below. If IT gave you a new address, "
                    "correct it here."
                )
            else:
                note = self.tr("This account is on the built-in demo data (password: demo).")
            ok = self.tr("Sign in")
        elif self.choice == MY_ATLASSIAN:
            note = self.tr(
                "For licenses bought from Atlassian. “Open My Atlassian…” opens a browser "
                "window inside the app, where you sign in as you always do on "
                "my.atlassian.com. The app never sees your password."
            )
            ok = self.tr("Open My Atlassian…")
        elif self.choice == ADDRESS:
            note = self.tr(
                "For IT: a license portal that speaks this app's interface, at its own "
                "address (for example %1). Ask IT for the address if you do not have it; "
                "for licenses on my.atlassian.com choose My Atlassian instead."
            ).replace("%1", EXAMPLE_ADDRESS)
            ok = self.tr("Sign in")
        else:
            note = self.tr(
                "Made-up licenses of four fictional people, built into the app, to try it "
                "safely. Nothing is sent anywhere and no real license is changed."
            )
            ok = self.tr("Show demo data")
        self.note.setText(note)
        self.ok_button().setText(ok)

    def retranslate(self) -> None:
        if self._existing is None:
            self.setWindowTitle(self.tr("Add account"))
            self.intro.setText(self.tr("Where are the licenses you want to manage?"))
        else:
            self.setWindowTitle(self.tr("Sign in again"))
            self.intro.setText(self.tr("Sign in again as %1.").replace("%1", self._existing.email))
        for data, text in (
            (MY_ATLASSIAN, self.tr("My Atlassian (my.atlassian.com)")),
            (ADDRESS, self.tr("A license portal at an address (set up by IT)")),
            (DEMO_DATA, self.tr("Demo data (made-up licenses, to try the app)")),
        ):
            index = self.portal_combo.findData(data)
            if index >= 0:
                self.portal_combo.setItemText(index, text)
        self.mode_label.setText(self.tr("&Changes:"))
        self.mode_combo.setItemText(0, self.tr("The app clicks in the page for me (assisted)"))
        self.mode_combo.setItemText(1, self.tr("The app shows me what to click (guided)"))
        self.portal_label.setText(self.tr("&Sign in to:"))
        self.url_label.setText(self.tr("A&ddress:"))
        self.email_label.setText(self.tr("&Email:"))
        self.password_label.setText(self.tr("Pass&word:"))
        self.password_edit.setPlaceholderText(
            self.tr("Leave empty to keep the saved password") if self._password_known else ""
        )
        self.remember_box.setText(self.tr("&Remember password (in the system's keyring)"))
        self.remember_box.setToolTip(
            self.tr("Saved only in the operating system's password store, never in a file.")
        )
        for widget, name in (
            (self.portal_combo, self.tr("Where to sign in")),
            (self.url_edit, self.tr("Portal address")),
            (self.email_edit, self.tr("Email")),
            (self.password_edit, self.tr("Password")),
            (self.mode_combo, self.tr("How changes are made in My Atlassian")),
        ):
            widget.setAccessibleName(name)
        self._retranslate_choice()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
