"""The accounts panel: each account with its state (signed in, needs password, offline paste,
demo, loading, failed with the reason in plain words) and the buttons to manage them."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.models import Account
from desktop.services.session_broker import AccountState, SignInWay, display_name, traits
from desktop.ui.icons import icon
from desktop.ui.status_colours import danger

log = logging.getLogger(__name__)

KEY_ROLE = Qt.ItemDataRole.UserRole
_STATE_ICONS = {
    AccountState.SIGNED_IN: "signed-in",
    AccountState.NEEDS_PASSWORD: "needs-password",
    AccountState.OFFLINE_PASTE: "offline",
    AccountState.DEMO: "demo",
    AccountState.LOADING: "loading",
    AccountState.FAILED: "failed",
    AccountState.NOT_READ: "loading",
    AccountState.LIVE: "signed-in",
    AccountState.SIGN_IN_AGAIN: "needs-password",
}


class AccountsPanel(QWidget):
    """Lists the accounts; asks the window to add, import, remove or sign in."""

    addRequested = Signal()
    pasteRequested = Signal()
    removeRequested = Signal(str)  # account key
    passwordRequested = Signal(str)  # account key
    signOutRequested = Signal(str)  # account key (a My Atlassian account)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accounts: list[Account] = []
        self._states: dict[str, AccountState] = {}
        self._errors: dict[str, str] = {}
        self._counts: dict[str, int] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)

        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setIconSize(QSize(20, 20))
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(self._activated)
        self.title.setBuddy(self.list)
        layout.addWidget(self.list, 1)
        # Right-click on a My Atlassian account: sign out (and delete a kept sign-in).
        self.sign_out_action = QAction(self.list)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.triggered.connect(self._sign_out_clicked)
        self.list.addAction(self.sign_out_action)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        buttons = QHBoxLayout()
        self.add_button = self._button("account-add", self.addRequested.emit)
        self.paste_button = self._button("paste", self.pasteRequested.emit)
        self.password_button = self._button("needs-password", self._password_clicked)
        self.remove_button = self._button("account-remove", self._remove_clicked)
        for button in (self.add_button, self.paste_button, self.password_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout.addLayout(buttons)
        self.retranslate()
        self._update_buttons()

    def _button(self, icon_name: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon(icon_name))
        button.setIconSize(QSize(20, 20))
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # --- content ---------------------------------------------------------------------------

    def set_accounts(self, accounts: list[Account]) -> None:
        current = self.current_key()
        self._accounts = list(accounts)
        keys = {a.key for a in accounts}
        for table in (self._states, self._errors, self._counts):
            for key in set(table) - keys:
                del table[key]
        self._rebuild(current)

    def set_state(self, key: str, state: str) -> None:
        self._states[key] = AccountState(state)
        if state != AccountState.FAILED and state != AccountState.NEEDS_PASSWORD:
            self._errors.pop(key, None)
        self._refresh_item(key)

    def set_error(self, key: str, message: str) -> None:
        self._errors[key] = message
        self._refresh_item(key)

    def set_count(self, key: str, count: int) -> None:
        self._counts[key] = count
        self._refresh_item(key)

    def current_key(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(KEY_ROLE)) if item is not None else None

    def select(self, key: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(KEY_ROLE) == key:
                self.list.setCurrentRow(row)
                return

    def item_text(self, key: str) -> str:
        item = self._item(key)
        return item.text() if item is not None else ""

    def account(self, key: str) -> Account | None:
        return next((a for a in self._accounts if a.key == key), None)

    # --- drawing ---------------------------------------------------------------------------

    def _rebuild(self, current: str | None) -> None:
        self.list.clear()
        for account in self._accounts:
            item = QListWidgetItem(self.list)
            item.setData(KEY_ROLE, account.key)
            self._fill(item, account)
        if current:
            self.select(current)
        self._update_buttons()

    def _item(self, key: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(KEY_ROLE) == key:
                return item
        return None

    def _refresh_item(self, key: str) -> None:
        item, account = self._item(key), self.account(key)
        if item is not None and account is not None:
            self._fill(item, account)
        self._update_buttons()

    def _fill(self, item: QListWidgetItem, account: Account) -> None:
        state = self._states.get(account.key, traits(account).resting_state)
        words = self._state_words(account, state)
        title = display_name(account)
        item.setText(f"{title}\n{words}")
        item.setIcon(icon(_STATE_ICONS[state], danger() if state is AccountState.FAILED else None))
        item.setToolTip(f"{title}\n{words}")
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}: {words}")

    def _state_words(self, account: Account, state: AccountState) -> str:
        error = self._errors.get(account.key)
        if error and state in (AccountState.FAILED, AccountState.NEEDS_PASSWORD):
            return error
        count = self._counts.get(account.key)
        words = {
            AccountState.SIGNED_IN: self.tr("Signed in"),
            AccountState.NEEDS_PASSWORD: self.tr("Needs password"),
            AccountState.OFFLINE_PASTE: self.tr("Offline paste (read-only)"),
            AccountState.DEMO: self.tr("Demo"),
            AccountState.LOADING: self.tr("Reading…"),
            AccountState.FAILED: self.tr("Could not be read"),
            AccountState.NOT_READ: self.tr("Not read yet"),
            AccountState.LIVE: self.tr("Signed in in the browser"),
            AccountState.SIGN_IN_AGAIN: self.tr("Sign in again"),
        }[state]
        if count is not None and state in (
            AccountState.SIGNED_IN,
            AccountState.LIVE,
            AccountState.OFFLINE_PASTE,
            AccountState.DEMO,
        ):
            words = self.tr("%1 · licenses: %2").replace("%1", words).replace("%2", str(count))
        return words

    def _update_buttons(self, *args: object) -> None:
        del args
        key = self.current_key()
        account = self.account(key) if key else None
        kind = traits(account) if account is not None else None
        self.remove_button.setEnabled(kind is not None and not kind.built_in)
        self.password_button.setEnabled(
            kind is not None and kind.sign_in in (SignInWay.PASSWORD, SignInWay.BROWSER)
        )
        self.sign_out_action.setEnabled(kind is not None and kind.signs_out)

    def _remove_clicked(self) -> None:
        key = self.current_key()
        if key:
            self.removeRequested.emit(key)

    def _password_clicked(self) -> None:
        key = self.current_key()
        if key:
            self.passwordRequested.emit(key)

    def _sign_out_clicked(self) -> None:
        key = self.current_key()
        account = self.account(key) if key else None
        if account is not None and traits(account).signs_out:
            self.signOutRequested.emit(account.key)

    def _activated(self, item: QListWidgetItem) -> None:
        key = str(item.data(KEY_ROLE))
        if self._states.get(key) in (AccountState.NEEDS_PASSWORD, AccountState.SIGN_IN_AGAIN):
            self.passwordRequested.emit(key)

    # --- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("&Accounts"))
        self.list.setAccessibleName(self.tr("Accounts"))
        for button, text, tip in (
            (self.add_button, self.tr("Add account"), self.tr("Sign in to a portal account")),
            (
                self.paste_button,
                self.tr("Import pasted text"),
                self.tr("Read licenses from text copied from My Atlassian (offline, read-only)"),
            ),
            (
                self.password_button,
                self.tr("Enter password"),
                self.tr("Sign in again to the selected account"),
            ),
            (
                self.remove_button,
                self.tr("Remove account"),
                self.tr("Remove the selected account and its saved password"),
            ),
        ):
            button.setToolTip(tip)
            button.setAccessibleName(text)
            button.setText(text)
        self.sign_out_action.setText(self.tr("Sign out of My Atlassian"))
        self.sign_out_action.setToolTip(
            self.tr(
                "End this account's sign-in in the app and delete what Stay signed in kept on "
                "this computer"
            )
        )
        for account in self._accounts:
            self._refresh_item(account.key)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
