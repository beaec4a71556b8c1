"""The account list, kept in QSettings. Never a password, token, cookie or license key.

Beside each My Atlassian account only a flag is kept: whether it stays signed in on this
computer (its browser profile is then kept on disk; the profile, not the settings, holds the
session)."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtCore import QObject, QSettings, Signal

from desktop.domain.models import Account, AccountKind
from desktop.portal.demo_accounts import DEMO, DEMO_PEOPLE
from desktop.services.session_broker import traits

log = logging.getLogger(__name__)

_ARRAY = "accounts"
_SHOW_DEMO = "accounts/showDemo"


def demo_accounts() -> list[Account]:
    """The built-in demo portal's accounts (password ``demo``, never stored)."""
    return [
        Account(AccountKind.DEMO, email=p.email, portal=DEMO, label=p.email, name=p.name)
        for p in DEMO_PEOPLE
    ]


class AccountStore(QObject):
    """The person's accounts (sign-ins and pastes) and whether the demo is shown.

    With no account of their own, the demo accounts stand in; once one is added the demo steps
    aside unless :attr:`show_demo` is turned on again.
    """

    accountsChanged = Signal()

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings or QSettings()
        self._stay: set[str] = set()  # keys of accounts that stay signed in
        self._cleaned = False
        self._accounts = self._read()
        if self._cleaned:  # an address kept with a user name or password in it, by an old version
            self._write()

    # --- reading ---------------------------------------------------------------------------

    @property
    def own_accounts(self) -> list[Account]:
        """The accounts the person added (no demo)."""
        return list(self._accounts)

    @property
    def show_demo(self) -> bool:
        return bool(self._settings.value(_SHOW_DEMO, False, type=bool))

    def demo_active(self) -> bool:
        """Whether the demo accounts are in use: no own accounts, or asked for."""
        return not self._accounts or self.show_demo

    def active_accounts(self) -> list[Account]:
        """What a refresh reads: the own accounts, plus the demo ones when it is active."""
        return [*self._accounts, *(demo_accounts() if self.demo_active() else [])]

    def find(self, key: str) -> Account | None:
        return next((a for a in self.active_accounts() if a.key == key), None)

    def stays_signed_in(self, key: str) -> bool:
        """Whether the account was signed in with "Stay signed in on this computer"."""
        return key in self._stay

    # --- changing --------------------------------------------------------------------------

    def add(self, account: Account) -> None:
        """Add or replace (same key) an account."""
        if traits(account).built_in:
            raise ValueError("demo accounts are built in")
        self._accounts = [a for a in self._accounts if a.key != account.key] + [account]
        self._write()

    def remove(self, key: str) -> Account | None:
        removed = next((a for a in self._accounts if a.key == key), None)
        if removed is not None:
            self._accounts = [a for a in self._accounts if a.key != key]
            self._stay.discard(key)
            self._write()
        return removed

    def set_stays_signed_in(self, key: str, stays: bool) -> None:
        """Remember (or forget) that a My Atlassian account stays signed in (also before it is
        added). Only a flag: the session itself stays in the account's browser profile."""
        if stays == (key in self._stay):
            return
        if stays:
            self._stay.add(key)
        else:
            self._stay.discard(key)
        if any(a.key == key for a in self._accounts):  # else written when it is added
            self._write()

    def set_show_demo(self, shown: bool) -> None:
        self._settings.setValue(_SHOW_DEMO, shown)
        self._settings.sync()
        self.accountsChanged.emit()

    # --- QSettings -------------------------------------------------------------------------

    def _read(self) -> list[Account]:
        accounts: list[Account] = []
        size = self._settings.beginReadArray(_ARRAY)
        for i in range(size):
            self._settings.setArrayIndex(i)
            try:
                kind = AccountKind(str(self._settings.value("kind", "")))
            except ValueError:
                log.warning("skipping a stored account of an unknown kind")
                continue
            if traits(kind).built_in:
                continue
            accounts.append(
                Account(
                    kind,
                    email=str(self._settings.value("email", "")),
                    portal=self._without_credentials(str(self._settings.value("portal", ""))),
                    label=str(self._settings.value("label", "")),
                    name=str(self._settings.value("name", "")) or None,
                )
            )
            stays = bool(self._settings.value("staySignedIn", False, type=bool))
            if stays and traits(kind).signs_out:
                self._stay.add(accounts[-1].key)
        self._settings.endArray()
        return accounts

    def _without_credentials(self, portal: str) -> str:
        """``portal`` without a ``user:password@`` (never kept: passwords go to the keyring)."""
        parts = urlsplit(portal)
        if "@" not in parts.netloc:
            return portal
        self._cleaned = True
        log.warning("a stored portal address held a user name or password: removed")
        host = parts.netloc.rsplit("@", 1)[1]
        return urlunsplit(parts._replace(netloc=host))

    def _write(self) -> None:
        self._settings.remove(_ARRAY)
        self._settings.beginWriteArray(_ARRAY, len(self._accounts))
        for i, account in enumerate(self._accounts):
            self._settings.setArrayIndex(i)
            self._settings.setValue("kind", account.kind.value)
            self._settings.setValue("email", account.email)
            self._settings.setValue("portal", account.portal)
            self._settings.setValue("label", account.label)
            self._settings.setValue("name", account.name or "")
            if traits(account).signs_out:
                self._settings.setValue("staySignedIn", account.key in self._stay)
        self._settings.endArray()
        self._settings.sync()
        self.accountsChanged.emit()
