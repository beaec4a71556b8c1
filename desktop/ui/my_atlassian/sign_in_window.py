"""The sign-in window of a My Atlassian account: the real page in an embedded browser.

The person signs in there themselves (SSO, two-step codes and captchas all work); the app only
watches for the licenses page. "Stay signed in on this computer" keeps the browser profile (and
turning it off deletes what was kept). Cancel drops an unfinished sign-in.

Signing in again as a known account (its sign-in ended, e.g. in the middle of a run) opens
the window pre-filled with its email; when the page shows that another account is signed in,
"Use this account" stays off: the app never acts as someone else under a known account's name.
"""

from __future__ import annotations

import json
import logging

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.emails import InvalidEmail, normalize_email
from desktop.domain.models import Account, AccountKind
from desktop.portal.my_atlassian.account_email import email_on_page
from desktop.services.my_atlassian.live_accounts import (
    LiveAccount,
    LiveAccounts,
    new_account_key,
)
from desktop.services.my_atlassian.profiles import WHAT_IS_KEPT
from desktop.ui.my_atlassian.address_line import AddressLine

log = logging.getLogger(__name__)

__all__ = ["SignInWindow", "email_on_page"]


def prefill_email(email: str) -> str:
    """A script that types ``email`` into an empty email box of a sign-in page (Atlassian's
    ``#username``, or any email field). It runs in the connector's isolated world, so the
    page's own scripts neither see it nor can change what it does."""
    return (
        "(function(email){const box=document.querySelector('#username, input[type=email],"
        " input[name=email], input[autocomplete=username]');"
        "if(!box||box.value)return false;box.focus();box.value=email;"
        "box.dispatchEvent(new Event('input',{bubbles:true}));"
        "box.dispatchEvent(new Event('change',{bubbles:true}));return true;})"
        f"({json.dumps(email)})"
    )


class SignInWindow(QDialog):
    """Shows the account's page until it reaches the licenses; then "Use this account"."""

    signedIn = Signal(object)  # Account

    def __init__(
        self,
        accounts: LiveAccounts,
        parent: QWidget | None = None,
        *,
        email: str = "",
        stay_signed_in: bool = False,
    ) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._key = email or new_account_key()
        self._prefill = email  # typed into the sign-in page's email box, in our own world
        self.page_email = ""  # the account the licenses page shows as signed in, when it says
        self.live: LiveAccount = accounts.open(self._key, stay_signed_in=stay_signed_in)
        self.live.shown = True
        self.result_account: Account | None = None
        self.address = AddressLine(self)
        self.view = self._new_view()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.email_label = QLabel(self)
        self.email_edit = QLineEdit(email, self)
        self.stay = QCheckBox(self)
        self.stay.setChecked(stay_signed_in)
        self.kept = QLabel(self)
        self.kept.setWordWrap(True)
        self.kept.setStyleSheet("color: palette(mid);")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button.setEnabled(False)

        row = QHBoxLayout()
        row.addWidget(self.email_label)
        row.addWidget(self.email_edit, 1)
        layout = self._layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.address)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.stay)
        layout.addWidget(self.kept)
        layout.addWidget(self.buttons)
        self.resize(1000, 760)

        self.stay.toggled.connect(self._stay_toggled)
        self.email_edit.textChanged.connect(lambda _text: self._update_state())
        self.retranslate()
        self.view.setUrl(QUrl(self.live.urls.start))

    def _new_view(self) -> QWebEngineView:
        view = QWebEngineView(self)
        view.setPage(self.live.driver.page)
        self.live.driver.page.urlChanged.connect(self._url_changed)
        self.live.driver.page.loadFinished.connect(self._loaded)
        return view

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    @property
    def on_licenses_page(self) -> bool:
        if not shiboken6.isValid(self.live.driver.page):  # dropped after Cancel
            return False
        return self.live.urls.is_licenses_page(self.live.driver.url)

    def _url_changed(self, url: QUrl) -> None:
        self.address.show_url(url)
        self._update_state()

    def _loaded(self, ok: bool) -> None:
        del ok
        self._update_state()
        if self._prefill and not self.on_licenses_page:
            self.live.driver.page.runJavaScript(
                prefill_email(self._prefill), QWebEngineScript.ScriptWorldId.ApplicationWorld
            )
        if self.on_licenses_page:
            self.live.driver.page.runJavaScript(
                "document.body ? document.body.innerText : ''", 0, self._page_text
            )

    def _page_text(self, text: object) -> None:
        if not isinstance(text, str) or not shiboken6.isValid(self):
            return
        self.page_email = email_on_page(text)
        if not self.email_edit.text():
            self.email_edit.setText(self.page_email)
        self._update_state()

    @property
    def other_account(self) -> str:
        """The account the page shows when it is not the one named below ("" when it is, or
        when the page does not say)."""
        try:
            named = normalize_email(self.email_edit.text())
        except InvalidEmail:
            return ""
        return self.page_email if self.page_email and self.page_email != named else ""

    def _stay_toggled(self, on: bool) -> None:
        """Another profile: the view goes first, then the old page, then a fresh start."""
        self.kept.setVisible(on)
        old = self.view
        self._layout.removeWidget(old)
        shiboken6.delete(old)
        self.live.shown = False
        self.live = self._accounts.open(self._key, stay_signed_in=on)
        self.live.shown = True
        self.view = self._new_view()
        self._layout.insertWidget(2, self.view, 1)
        self.view.setUrl(QUrl(self.live.urls.start))
        self._update_state()

    def _update_state(self) -> None:
        self.ok_button.setEnabled(self.on_licenses_page and not self.other_account)
        self.retranslate()

    def accept(self) -> None:
        try:
            email = normalize_email(self.email_edit.text())
        except InvalidEmail:
            self.status.setText(self.tr("Enter the email address of the Atlassian account."))
            self.email_edit.setFocus()
            return
        if self.other_account:
            self._update_state()
            return
        account = Account(
            AccountKind.MY_ATLASSIAN, email=email, portal=self.live.urls.start, label=email
        )
        self.result_account = account
        self._let_go_of_page()  # the sign-in may move to the account's own profile and page
        self._accounts.signed_in(self.live, account)
        self.signedIn.emit(account)
        super().accept()

    def reject(self) -> None:
        """Cancel: an unfinished sign-in is dropped (a new account's profile is deleted)."""
        if self.result_account is None and shiboken6.isValid(self.view):
            self._let_go_of_page()
            self._accounts.discard(self._key)
        super().reject()

    def _let_go_of_page(self) -> None:
        """The view goes before the page it shows; the page stays with the live account."""
        page = self.live.driver.page
        if shiboken6.isValid(page):
            page.urlChanged.disconnect(self._url_changed)
            page.loadFinished.disconnect(self._loaded)
        self._layout.removeWidget(self.view)
        shiboken6.delete(self.view)
        self.live.shown = False

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in to My Atlassian"))
        other = self.other_account if self.on_licenses_page else ""
        if other:
            self.status.setText(
                self.tr(
                    "This page is signed in as %1, not as %2. Log out on the page, then sign "
                    "in as %2."
                )
                .replace("%1", other)
                .replace("%2", self.email_edit.text().strip())
            )
        elif self.on_licenses_page:
            self.status.setText(
                self.tr("Signed in. Check the account's email below, then click Use this account.")
            )
        else:
            self.status.setText(
                self.tr(
                    "Sign in below as you always do (single sign-on, two-step codes and "
                    "captchas work here). The app never sees your password."
                )
            )
        self.address.retranslate()
        self.email_label.setText(self.tr("Account email:"))
        self.email_edit.setPlaceholderText("zhang.wei@example.com")
        self.stay.setText(self.tr("Stay signed in on this computer"))
        self.kept.setText(QCoreApplication.translate("MyAtlassianProfile", WHAT_IS_KEPT))
        self.kept.setVisible(self.stay.isChecked())
        self.ok_button.setText(self.tr("Use this account"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
