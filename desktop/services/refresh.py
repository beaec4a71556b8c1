"""Reading every account at once on the app's one asyncio (qasync) loop, with progress and Cancel.

Each account is read by its own task; one that fails (wrong password, no network, …) reports
its error and the others go on. The licenses of an account that failed this time are kept from
its last good reading, so a refresh never empties the table.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import time
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.domain.merge import merge_licenses
from desktop.domain.models import Account, AccountKind, License
from desktop.portal.connect import open_portal
from desktop.portal.errors import PortalError
from desktop.portal.protocol import Portal
from desktop.services.error_messages import error_message
from desktop.services.passwords import PasswordBook
from desktop.services.paste_store import PasteStore

if TYPE_CHECKING:  # QtWebEngine is loaded by the app, not by importing this module
    from desktop.services.my_atlassian.live_accounts import LiveAccounts

log = logging.getLogger(__name__)


class AccountState(StrEnum):
    SIGNED_IN = "signed-in"
    NEEDS_PASSWORD = "needs-password"
    OFFLINE_PASTE = "offline-paste"
    DEMO = "demo"
    LOADING = "loading"
    FAILED = "failed"
    NOT_READ = "not-read"
    LIVE = "live"  # a My Atlassian account, signed in in the embedded browser
    SIGN_IN_AGAIN = "sign-in-again"  # a My Atlassian account whose browser session ended


class MissingPassword(PortalError):
    """No password is known for this account."""

    error_key = "needs-password"


class LiveSignInNeeded(PortalError):
    """A My Atlassian account with no signed-in browser page in this run of the app."""

    error_key = "unauthenticated"


PortalFactory = Callable[[str], Portal]


class RefreshService(QObject):
    """Reads the accounts; the UI only listens to its signals."""

    refreshStarted = Signal(int)  # number of accounts
    accountStateChanged = Signal(str, str)  # account key, AccountState
    accountLoaded = Signal(str, int)  # account key, licenses read
    accountFailed = Signal(str, str, str)  # account key, error_key, translated message
    progressChanged = Signal(int, int)  # accounts done, accounts in all
    licensesLoaded = Signal(object)  # list[License], merged by SEN
    licensesPrepared = Signal(object, object)  # the same list, and what ``prepare`` made of it
    refreshFinished = Signal(bool)  # cancelled

    def __init__(
        self,
        passwords: PasswordBook,
        pastes: PasteStore,
        portal_factory: PortalFactory = open_portal,
        parent: QObject | None = None,
        *,
        live_accounts: LiveAccounts | None = None,
    ) -> None:
        super().__init__(parent)
        self.live_accounts = live_accounts  # reads My Atlassian accounts from their pages
        self._passwords = passwords
        self._pastes = pastes
        self._portal_factory = portal_factory
        self._portals: dict[str, Portal] = {}
        self._making: dict[str, asyncio.Future[Portal]] = {}
        self._last_good: dict[str, list[License]] = {}
        self._states: dict[str, AccountState] = {}
        self._task: asyncio.Task[None] | None = None
        self.last_refresh: float | None = None  # time.time() of the last finished refresh
        # Optional work on the merged list (e.g. a view's sort keys) run in the worker thread.
        self.prepare: Callable[[list[License]], object] | None = None

    # --- what the UI asks ------------------------------------------------------------------

    def state(self, key: str) -> AccountState:
        return self._states.get(key, AccountState.NOT_READ)

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self, accounts: list[Account]) -> asyncio.Task[None]:
        """Read ``accounts`` (cancelling a refresh still running). Needs a running loop."""
        self.cancel()
        self._task = asyncio.get_event_loop().create_task(self.refresh(accounts))
        return self._task

    def cancel(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()

    def forget(self, key: str) -> None:
        """An account was removed: drop what was read from it."""
        for cached in [k for k in self._last_good if k.endswith(f"|{key}")]:
            del self._last_good[cached]
        self._states.pop(key, None)

    async def aclose(self) -> None:
        self.cancel()
        portals, self._portals = list(self._portals.values()), {}
        for portal in portals:
            await portal.aclose()

    # --- the work --------------------------------------------------------------------------

    async def refresh(self, accounts: list[Account]) -> None:
        """Read every account concurrently; emits as each one ends, then the merged list."""
        total = len(accounts)
        self.refreshStarted.emit(total)
        self.progressChanged.emit(0, total)
        keys = {_cache_key(a) for a in accounts}
        for stale in set(self._last_good) - keys:
            del self._last_good[stale]
        tasks: dict[asyncio.Task[tuple[Account, list[License] | PortalError]], Account] = {}
        for account in accounts:
            self._set_state(account.key, AccountState.LOADING)
            tasks[asyncio.ensure_future(self._outcome(account))] = account
        done_count = 0
        cancelled = False
        try:
            for finished in asyncio.as_completed(list(tasks)):
                account, outcome = await finished
                if isinstance(outcome, PortalError):
                    self._fail(account, outcome.error_key)
                else:
                    self._last_good[_cache_key(account)] = outcome
                    self._set_state(account.key, _ok_state(account))
                    self.accountLoaded.emit(account.key, len(outcome))
                done_count += 1
                self.progressChanged.emit(done_count, total)
        except asyncio.CancelledError:
            cancelled = True
            for task, account in tasks.items():
                if not task.done():
                    task.cancel()
                    self._set_state(account.key, AccountState.NOT_READ)
        readings = [
            lic for key in sorted(self._last_good) if key in keys for lic in self._last_good[key]
        ]
        # Merging (and preparing) thousands of licenses takes a while: off the UI's thread.
        merged, prepared = await asyncio.to_thread(self._merge_and_prepare, readings)
        self.last_refresh = time.time()
        self.licensesLoaded.emit(merged)
        self.licensesPrepared.emit(merged, prepared)
        self.refreshFinished.emit(cancelled)
        log.info("refresh ended: %d licenses, cancelled=%s", len(merged), cancelled)

    def _merge_and_prepare(self, readings: list[License]) -> tuple[list[License], object]:
        merged = merge_licenses(readings)
        prepare = self.prepare
        return merged, (prepare(merged) if prepare is not None else None)

    async def _outcome(self, account: Account) -> tuple[Account, list[License] | PortalError]:
        try:
            return account, await self._read(account)
        except PortalError as error:
            return account, error
        except Exception as error:  # a bug or an unexpected library error: report, go on
            log.exception("reading an account failed unexpectedly")
            return account, PortalError(type(error).__name__)

    async def _read(self, account: Account) -> list[License]:
        if account.kind is AccountKind.PASTE:
            return self._pastes.load(account.key)
        if account.kind is AccountKind.MY_ATLASSIAN:
            if self.live_accounts is None:
                raise LiveSignInNeeded("No browser session for this account.")
            return await self.live_accounts.read(account)
        password = self._passwords.get(account)
        if password is None:
            raise MissingPassword("No password for this account.")
        portal = await self._shared_portal(account.portal)
        session = await portal.sign_in(account.email, password)
        try:
            return await session.list_licenses()
        finally:
            await session.close()

    def portal(self, portal_id: str) -> Portal:
        """The shared portal for ``portal_id`` (made now if needed); the wizard uses it too."""
        portal = self._portals.get(portal_id)
        if portal is None:
            portal = self._portals[portal_id] = self._portal_factory(portal_id)
        return portal

    async def _shared_portal(self, portal_id: str) -> Portal:
        """The one shared portal (and HTTP client) per address, made once.

        Making it imports the HTTP stack and builds an SSL context (tens of ms), so the first
        time it is made in a worker thread, off the UI's thread.
        """
        portal = self._portals.get(portal_id)
        if portal is not None:
            return portal
        pending = self._making.get(portal_id)
        if pending is None:
            pending = asyncio.ensure_future(asyncio.to_thread(self._make_portal, portal_id))
            self._making[portal_id] = pending
        try:
            portal = await asyncio.shield(pending)
        finally:
            if pending.done():
                self._making.pop(portal_id, None)
        self._portals.setdefault(portal_id, portal)
        return self._portals[portal_id]

    def _make_portal(self, portal_id: str) -> Portal:
        # The HTTP stack's asyncio backend is imported on first use; import it here, in the
        # worker thread, so the first request does not do it on the UI's thread.
        importlib.import_module("anyio._backends._asyncio")
        return self._portal_factory(portal_id)

    def _fail(self, account: Account, error_key: str) -> None:
        state = (
            AccountState.NEEDS_PASSWORD
            if error_key in ("needs-password", "bad-credentials")
            else AccountState.FAILED
        )
        if account.kind is AccountKind.MY_ATLASSIAN and error_key == "unauthenticated":
            state = AccountState.SIGN_IN_AGAIN
        self._set_state(account.key, state)
        self.accountFailed.emit(account.key, error_key, error_message(error_key))
        log.warning("account could not be read: %s", error_key)

    def _set_state(self, key: str, state: AccountState) -> None:
        self._states[key] = state
        self.accountStateChanged.emit(key, state.value)


def _cache_key(account: Account) -> str:
    """Where a reading came from: the same email on two portals is two readings."""
    return f"{account.portal}|{account.key}"


def _ok_state(account: Account) -> AccountState:
    if account.kind is AccountKind.PASTE:
        return AccountState.OFFLINE_PASTE
    if account.kind is AccountKind.DEMO:
        return AccountState.DEMO
    if account.kind is AccountKind.MY_ATLASSIAN:
        return AccountState.LIVE
    return AccountState.SIGNED_IN
