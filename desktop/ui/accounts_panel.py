"""The accounts panel: each account with its state (signed in, needs password, offline paste,
demo, loading, failed with the reason in plain words), the address it signs in at, and the
buttons to manage them.

An account that failed carries a labelled button on its own row: "Sign in again…" where its
sign-in was refused or has ended, "Fix…" where something else went wrong (its address can be
corrected there). Tab reaches each such button right after the list; Enter on the row does the
same."""

from __future__ import annotations

import logging
from enum import StrEnum

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.models import Account
from desktop.portal.demo_accounts import DEMO
from desktop.services.session_broker import AccountState, SignInWay, display_name, traits
from desktop.ui.icons import icon
from desktop.ui.status_colours import danger

log = logging.getLogger(__name__)

KEY_ROLE = Qt.ItemDataRole.UserRole
_BUTTON_ROOM_ROLE = Qt.ItemDataRole.UserRole + 1  # height kept free for the row's button


class RowAction(StrEnum):
    """What an account's row offers when it needs the person."""

    SIGN_IN_AGAIN = "sign-in-again"  # the sign-in was refused, is missing or has ended
    FIX = "fix"  # something else failed: check the address, then sign in again


def row_action(account: Account, state: AccountState) -> RowAction | None:
    """The button on ``account``'s row in ``state`` (None: nothing to do there)."""
    way = traits(account).sign_in
    if way not in (SignInWay.PASSWORD, SignInWay.BROWSER):
        return None
    if state in (AccountState.NEEDS_PASSWORD, AccountState.SIGN_IN_AGAIN):
        return RowAction.SIGN_IN_AGAIN
    if state is AccountState.FAILED:
        return RowAction.FIX if traits(account).has_address else RowAction.SIGN_IN_AGAIN
    return None


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


class _RowDelegate(QStyledItemDelegate):
    """Rows drawn from the top, with room below the text for a row's button."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        top = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        option.displayAlignment = top
        option.decorationAlignment = top

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        room = index.data(_BUTTON_ROOM_ROLE)
        if room:
            size.setHeight(size.height() + int(room))
        return size


class _RowButton(QWidget):
    """A row's "Sign in again…" / "Fix…" button, over the lower part of its row; the rest of
    the widget lets the row's text and selection show through (and its clicks pass on)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)  # placed by the view over the row's text area
        layout.setContentsMargins(0, 0, 4, 4)
        self.button = QPushButton(self)
        self.button.setObjectName("accountRowButton")
        self.button.setAutoDefault(False)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addStretch(1)
        self.action: RowAction | None = None

    def room(self) -> int:
        return self.button.sizeHint().height() + 6


class AccountsPanel(QWidget):
    """Lists the accounts; asks the window to add, import, remove or sign in."""

    addRequested = Signal()
    pasteRequested = Signal()
    removeRequested = Signal(str)  # account key
    passwordRequested = Signal(str)  # account key
    signOutRequested = Signal(str)  # account key (a My Atlassian account)
    pageCheckRequested = Signal(str)  # account key (a My Atlassian account)

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
        self.list.setObjectName("accountsList")
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setItemDelegate(_RowDelegate(self.list))
        self.list.setIconSize(QSize(20, 20))
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(self._activated)
        self.title.setBuddy(self.list)
        layout.addWidget(self.list, 1)
        # Right-click: sign in again (any account that signs in), or sign a My Atlassian
        # account out (and delete a kept sign-in), or check its page.
        self.sign_in_action = QAction(self.list)
        self.sign_in_action.setObjectName("signInAgainAction")
        self.sign_in_action.triggered.connect(self._password_clicked)
        self.list.addAction(self.sign_in_action)
        self.sign_out_action = QAction(self.list)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.triggered.connect(self._sign_out_clicked)
        self.list.addAction(self.sign_out_action)
        self.check_page_action = QAction(self.list)
        self.check_page_action.setObjectName("checkPageAction")
        self.check_page_action.triggered.connect(self._check_page_clicked)
        self.list.addAction(self.check_page_action)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        buttons = QHBoxLayout()
        self.add_button = self._button("account-add", self.addRequested.emit)
        self.paste_button = self._button("paste", self.pasteRequested.emit)
        self.remove_button = self._button("account-remove", self._remove_clicked)
        for button in (self.add_button, self.paste_button):
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
        self._order_tabs()

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
            self.list.doItemsLayout()  # a row's height follows its button
            self._order_tabs()
        self._update_buttons()

    def _fill(self, item: QListWidgetItem, account: Account) -> None:
        state = self._state(account)
        words = self._state_words(account, state)
        lines = [display_name(account), words]
        where = self._address_words(account)
        if where:
            lines.append(where)
        item.setText("\n".join(lines))
        item.setIcon(icon(_STATE_ICONS[state], danger() if state is AccountState.FAILED else None))
        item.setToolTip("\n".join(lines))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{lines[0]}: {'; '.join(lines[1:])}")
        self._fill_button(item, account, state)

    def _state(self, account: Account) -> AccountState:
        return self._states.get(account.key, traits(account).resting_state)

    def _address_words(self, account: Account) -> str:
        """Where the account signs in, for the kinds that sign in at an address given."""
        if not traits(account).has_address:
            return ""
        if account.portal == DEMO:
            return self.tr("On the demo data")
        return self.tr("Address: %1").replace("%1", account.portal)

    def _fill_button(self, item: QListWidgetItem, account: Account, state: AccountState) -> None:
        action = row_action(account, state)
        row = self.list.itemWidget(item)
        if action is None:
            if row is not None:
                self.list.removeItemWidget(item)
            item.setData(_BUTTON_ROOM_ROLE, None)
            return
        if not isinstance(row, _RowButton):
            row = _RowButton(self.list.viewport())
            key = account.key
            row.button.clicked.connect(lambda: self.passwordRequested.emit(key))
            self.list.setItemWidget(item, row)
        row.action = action
        if action is RowAction.FIX:
            row.button.setText(self.tr("Fix…"))
            row.button.setToolTip(self.tr("Check the address and sign in again"))
        else:
            row.button.setText(self.tr("Sign in again…"))
            row.button.setToolTip(self.tr("Sign in to this account again"))
        row.button.setAccessibleName(f"{row.button.text()} {display_name(account)}")
        item.setData(_BUTTON_ROOM_ROLE, row.room())

    def row_button(self, key: str) -> QPushButton | None:
        """The "Sign in again…" / "Fix…" button on ``key``'s row, if it has one."""
        item = self._item(key)
        row = self.list.itemWidget(item) if item is not None else None
        return row.button if isinstance(row, _RowButton) else None

    def _order_tabs(self) -> None:
        """Tab: the list, then each row's button in the rows' order, then the buttons below."""
        previous: QWidget = self.list
        for row in range(self.list.count()):
            button = self.row_button(str(self.list.item(row).data(KEY_ROLE)))
            if button is not None:
                QWidget.setTabOrder(previous, button)
                previous = button
        QWidget.setTabOrder(previous, self.add_button)

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
        self.sign_in_action.setEnabled(
            kind is not None and kind.sign_in in (SignInWay.PASSWORD, SignInWay.BROWSER)
        )
        self.sign_out_action.setEnabled(kind is not None and kind.signs_out)
        self.check_page_action.setEnabled(kind is not None and kind.sign_in is SignInWay.BROWSER)

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

    def _check_page_clicked(self) -> None:
        key = self.current_key()
        account = self.account(key) if key else None
        if account is not None and traits(account).sign_in is SignInWay.BROWSER:
            self.pageCheckRequested.emit(account.key)

    def _activated(self, item: QListWidgetItem) -> None:
        """Enter (or a double-click) on a row that needs the person: its button's action."""
        key = str(item.data(KEY_ROLE))
        account = self.account(key)
        if account is not None and row_action(account, self._state(account)) is not None:
            self.passwordRequested.emit(key)

    # --- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("&Accounts"))
        self.list.setAccessibleName(self.tr("Accounts"))
        for button, text, tip in (
            (
                self.add_button,
                self.tr("Add account"),
                self.tr("Sign in to My Atlassian or a license portal"),
            ),
            (
                self.paste_button,
                self.tr("Import pasted text"),
                self.tr("Read licenses from text copied from My Atlassian (offline, read-only)"),
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
        self.sign_in_action.setText(self.tr("Sign in again…"))
        self.sign_out_action.setText(self.tr("Sign out of My Atlassian"))
        self.check_page_action.setText(self.tr("Check the My Atlassian page"))
        self.check_page_action.setToolTip(
            self.tr("Look for every part of the page the app needs, without changing anything")
        )
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
