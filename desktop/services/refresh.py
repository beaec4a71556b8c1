"""Reading every account at once on the app's one asyncio (qasync) loop, with progress and Cancel.

Each account is read by its own task; one that fails (wrong password, no network, …) reports
its error and the others go on. The licenses of an account that failed this time are kept from
its last good reading, so a refresh never empties the table.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from desktop.domain.merge import merge_licenses
from desktop.domain.models import Account, License
from desktop.portal.errors import PortalError
from desktop.services.error_messages import error_message
from desktop.services.session_broker import (
    AccountState,
    SessionBroker,
    failed_state,
    traits,
)

__all__ = ["AccountState", "LicenseView", "RefreshService"]

log = logging.getLogger(__name__)


class ReadFailed(PortalError):
    """Reading an account failed in a way the app did not expect (written to the log): said
    on the account's row, never silence."""

    error_key = "read-failed"


class LicenseView(Protocol):
    """What shows the merged licenses (the main window's table model). A refresh has ended
    only once the view shows them: its ``load`` may do its own work off the UI's thread."""

    async def load(self, licenses: list[License]) -> None: ...


class RefreshService(QObject):
    """Reads the accounts through the session broker; the UI only listens to its signals.

    Args:
        broker: signs the accounts in and reads them.
        view: shows each refresh's merged licenses before ``refreshFinished``.
    """

    refreshStarted = Signal(int)  # number of accounts
    accountStateChanged = Signal(str, str)  # account key, AccountState
    accountLoaded = Signal(str, int)  # account key, licenses read
    accountFailed = Signal(str, str, str)  # account key, error_key, translated message
    progressChanged = Signal(int, int)  # accounts done, accounts in all
    refreshFinished = Signal(bool)  # cancelled

    def __init__(
        self,
        broker: SessionBroker,
        *,
        view: LicenseView | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.broker = broker
        self._view = view
        self._last_good: dict[str, list[License]] = {}
        self._states: dict[str, AccountState] = {}
        self._licenses: list[License] = []
        self._task: asyncio.Task[None] | None = None
        self.last_refresh: float | None = None  # time.time() of the last finished refresh

    # --- what the UI asks ------------------------------------------------------------------

    def state(self, key: str) -> AccountState:
        return self._states.get(key, AccountState.NOT_READ)

    @property
    def licenses(self) -> list[License]:
        """The last refresh's licenses, merged by SEN (what the table shows)."""
        return list(self._licenses)

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
        await self.broker.aclose()

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
                    self._set_state(account.key, traits(account).read_state)
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
        # Merging thousands of licenses takes a while: off the UI's thread.
        merged = await asyncio.to_thread(merge_licenses, readings)
        self._licenses = merged
        if self._view is not None:
            await self._view.load(merged)
        self.last_refresh = time.time()
        self.refreshFinished.emit(cancelled)
        log.info("refresh ended: %d licenses, cancelled=%s", len(merged), cancelled)

    async def _outcome(self, account: Account) -> tuple[Account, list[License] | PortalError]:
        try:
            return account, await self.broker.read(account)
        except PortalError as error:
            return account, error
        except Exception:  # a bug or an unexpected library error: report, go on
            log.exception("reading an account failed unexpectedly")
            return account, ReadFailed("Reading the account failed unexpectedly.")

    def _fail(self, account: Account, error_key: str) -> None:
        self._set_state(account.key, failed_state(account, error_key))
        self.accountFailed.emit(account.key, error_key, error_message(error_key))
        log.warning("account could not be read: %s", error_key)

    def _set_state(self, key: str, state: AccountState) -> None:
        self._states[key] = state
        self.accountStateChanged.emit(key, state.value)


def _cache_key(account: Account) -> str:
    """Where a reading came from: the same email on two portals is two readings."""
    return f"{account.portal}|{account.key}"
