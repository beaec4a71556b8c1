"""The account lifecycle behind the main window's buttons: add, enter a password, sign in to
My Atlassian, sign out, import a paste, remove. Each change is kept in the services (the
account store, the password book, the pasted pages, the live accounts) and then asks for a
refresh; the window only shows what results."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.domain.models import Account
from desktop.services import credentials
from desktop.services.account_store import AccountStore
from desktop.services.my_atlassian.live_accounts import LiveAccounts
from desktop.services.passwords import PasswordBook
from desktop.services.paste_store import PasteStore
from desktop.services.refresh import RefreshService
from desktop.services.session_broker import AccountState, SignInWay, traits
from desktop.ui.add_account_dialog import AddAccountDialog
from desktop.ui.my_atlassian.page_check_dialog import PageCheckDialog
from desktop.ui.my_atlassian.sign_in_window import SignInWindow
from desktop.ui.paste_import_dialog import PasteImportDialog

log = logging.getLogger(__name__)

# "assisted" or "guided": how the app makes changes in the My Atlassian page.
ACTION_MODE_KEY = "myAtlassian/mode"


class AccountActions(QObject):
    """Adds, signs in, signs out and removes accounts, with the app's dialogs over ``parent``.

    Args:
        parent: the window the dialogs open over.
        open_dialog: opens a dialog window-modal and holds it until it closes.
    """

    refreshWanted = Signal()  # the accounts changed: read them again
    statusMessage = Signal(str, int)  # a message for the status bar, and for how many ms

    def __init__(
        self,
        parent: QWidget,
        *,
        store: AccountStore,
        passwords: PasswordBook,
        pastes: PasteStore,
        live: LiveAccounts,
        refresher: RefreshService,
        settings: QSettings,
        open_dialog: Callable[[QDialog], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._store = store
        self._passwords = passwords
        self._pastes = pastes
        self._live = live
        self._refresher = refresher
        self._settings = settings
        self._open = open_dialog

    # --- adding and signing in -------------------------------------------------------------

    def add_account(self) -> AddAccountDialog:
        dialog = AddAccountDialog(self._parent)
        dialog.set_action_mode(self._live.mode)
        dialog.accepted.connect(lambda: self._account_added(dialog))
        self._open(dialog)
        return dialog

    def _account_added(self, dialog: AddAccountDialog) -> None:
        if dialog.my_atlassian:
            self.sign_in_chosen_in(dialog)
            return
        if dialog.show_demo:
            self._store.set_show_demo(True)
            self.statusMessage.emit(self.tr("The demo data is shown."), 6000)
            self.refreshWanted.emit()
            return
        account = dialog.result_account
        if account is None:
            return
        self.keep_password(account, dialog.result_password, dialog.remember)
        dialog.result_password = ""
        self._store.add(account)
        self.refreshWanted.emit()

    def sign_in_to_my_atlassian(self, email: str = "") -> SignInWindow:
        """The embedded sign-in; on "Use this account" the account is stored and read."""
        kept = bool(email) and self._store.stays_signed_in(email)
        window = SignInWindow(self._live, self._parent, email=email, stay_signed_in=kept)
        window.accepted.connect(lambda: self._signed_in_live(window))
        self._open(window)
        return window

    def sign_in_again_during_run(self, email: str, parent: QWidget) -> SignInWindow:
        """The embedded sign-in of an account whose sign-in ended during a run, over ``parent``
        (the wizard), in the account's own page. Nothing is read afterwards (the run reads
        each waiting license again itself), and "Stay signed in" stays as it is: switching it
        would close the page the run works in."""
        kept = self._store.stays_signed_in(email)
        window = SignInWindow(self._live, parent, email=email, stay_signed_in=kept)
        window.setObjectName("signInAgainWindow")
        window.stay.setEnabled(False)
        window.stay.setToolTip(self.tr("This can be changed after the run."))
        self._open(window)
        return window

    def _signed_in_live(self, window: SignInWindow) -> None:
        account = window.result_account
        if account is not None:
            known = self._store.find(account.key)
            first = known is None or traits(known).sign_in is not SignInWay.BROWSER
            self._store.add(account)
            self.refreshWanted.emit()
            if first:  # the first sign-in: say what the app can do on this account's page
                self.check_my_atlassian_page(account.key)

    def check_my_atlassian_page(self, key: str) -> PageCheckDialog | SignInWindow | None:
        """ "Check the My Atlassian page": the check's window, or first the embedded sign-in
        when the account has no signed-in page (the check follows it)."""
        session = self._live.session(key)
        if session is None:
            account = self._store.find(key)
            if account is None or traits(account).sign_in is not SignInWay.BROWSER:
                return None
            window = self.sign_in_to_my_atlassian(account.email)
            window.accepted.connect(lambda: self._check_after_sign_in(key))
            return window
        dialog = PageCheckDialog(session, self._parent)
        self._open(dialog)
        dialog.start()
        return dialog

    def _check_after_sign_in(self, key: str) -> None:
        if self._live.session(key) is not None and self._store.find(key) is not None:
            self.check_my_atlassian_page(key)

    def sign_in_chosen_in(self, dialog: AddAccountDialog, email: str = "") -> SignInWindow:
        """The person chose My Atlassian in ``dialog``: keep the chosen way of acting and open
        the embedded sign-in."""
        self._settings.setValue(ACTION_MODE_KEY, dialog.action_mode.value)
        self._live.set_mode(dialog.action_mode)
        return self.sign_in_to_my_atlassian(email)

    def sign_out_of_my_atlassian(self, key: str) -> None:
        """End a live account's sign-in; a kept one's profile and flag are deleted too."""
        self._live.sign_out(key)
        self.refreshWanted.emit()

    def enter_password(self, key: str) -> AddAccountDialog | None:
        """Sign in again ("Sign in again…", "Fix…"): the password dialog, where the address
        can be corrected too, or the embedded sign-in for My Atlassian."""
        account = self._store.find(key)
        way = traits(account).sign_in if account is not None else SignInWay.NONE
        if account is not None and way is SignInWay.BROWSER:
            self.sign_in_to_my_atlassian(account.email)
            return None
        if account is None or way is not SignInWay.PASSWORD:
            return None
        # A password that was not the problem (the portal was unreachable, say) may be kept;
        # a refused one must be entered again.
        known = (
            self._refresher.state(key) is AccountState.FAILED
            and self._passwords.get(account) is not None
        )
        dialog = AddAccountDialog(self._parent, account=account, password_known=known)
        dialog.accepted.connect(lambda: self._password_entered(account, dialog))
        self._open(dialog)
        return dialog

    def _password_entered(self, before: Account, dialog: AddAccountDialog) -> None:
        account = dialog.result_account
        if account is None:
            return
        typed, dialog.result_password = dialog.result_password, ""
        moved = account.portal != before.portal  # the address was corrected
        password = typed or (self._passwords.get(before) if moved else None)
        if moved:  # the old address and its saved password go
            self._passwords.forget(before)
            self._store.add(account)
        if password:
            self.keep_password(account, password, dialog.remember)
        self.refreshWanted.emit()

    def keep_password(self, account: Account, password: str, remember: bool) -> bool:
        """Use ``password`` for ``account``; with ``remember``, in the system's keyring too.
        A keyring that is missing or did not keep it (read back) is said to the person: the
        password is then kept for this session only. Returns whether the keyring has it."""
        stored = self._passwords.remember(account, password, keep=remember)
        if remember and not stored:
            if credentials.keyring_available():
                text = self.tr(
                    "The system's password store (keyring) did not keep the password: it "
                    "could not be read back after saving. It is kept until you close the "
                    "app, and you will be asked for it next time."
                )
            else:
                text = self.tr(
                    "This computer has no working password store (keyring), so the password "
                    "is not saved. It is kept until you close the app."
                )
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Password kept for this session only"),
                text,
                QMessageBox.StandardButton.Ok,
                self._parent,
            )
            box.setObjectName("noKeyringMessage")
            self._open(box)
        return stored

    # --- removing --------------------------------------------------------------------------

    def remove_account(self, key: str, *, confirm: bool = True) -> QMessageBox | None:
        account = self._store.find(key)
        if account is None or traits(account).built_in:
            return None
        if not confirm:
            self._remove_now(account)
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove account"),
            self.tr(
                "Remove %1 from this app? Its saved password is deleted too. The licenses "
                "themselves are not changed."
            ).replace("%1", account.label or account.email),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self._parent,
        )
        box.setObjectName("removeAccountMessage")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: self._remove_now(account))
        self._open(box)
        return box

    def _remove_now(self, account: Account) -> None:
        self._passwords.forget(account)
        way = traits(account).sign_in
        if way is SignInWay.NONE:
            self._pastes.delete(account.key)
        if way is SignInWay.BROWSER:
            self._live.sign_out(account.key)  # clears its browser profile
        self._store.remove(account.key)
        self._refresher.forget(account.key)
        self.refreshWanted.emit()

    # --- pasted pages ----------------------------------------------------------------------

    def import_paste(self) -> PasteImportDialog:
        taken = {a.label for a in self._store.own_accounts if traits(a).named_by_label}
        dialog = PasteImportDialog(self._parent, taken_labels=taken)
        dialog.accepted.connect(lambda: self._paste_imported(dialog))
        self._open(dialog)
        return dialog

    def _paste_imported(self, dialog: PasteImportDialog) -> None:
        account = dialog.result_account
        if account is None:
            return
        self._pastes.save(account.key, dialog.result_licenses)
        self._store.add(account)
        message = self.tr(
            "Read %n license(s) from the pasted text.", "", len(dialog.result_licenses)
        )
        if dialog.result_warnings:
            message += " " + self.tr("%n note(s): %1", "", len(dialog.result_warnings)).replace(
                "%1", "; ".join(dialog.result_warnings[:3])
            )
        self.statusMessage.emit(message, 10000)
        self.refreshWanted.emit()
