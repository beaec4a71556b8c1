"""The live My Atlassian accounts of this run: each one's browser profile, page and session.

The sign-in window shows an account's page; once signed in, the same page serves reading and
acting. Sign out / remove clears the profile (and deletes a persistent one).

An account signed in with "Stay signed in on this computer" keeps a persistent profile named
after it; the account store keeps only a flag. After a restart, reading such an account reopens
its profile in a page with no window and loads the licenses page: still signed in, it is read
like any other; shown the sign-in page instead, it needs signing in again (SignInRequired).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QNetworkCookie
from PySide6.QtWebEngineCore import QWebEngineProfile

from desktop.domain.models import Account, AccountKind, License
from desktop.portal.my_atlassian.errors import SignInRequired
from desktop.portal.my_atlassian.urls import MyAtlassianUrls, real_site
from desktop.services.my_atlassian.page_driver import PageDriver
from desktop.services.my_atlassian.profiles import (
    clear_profile,
    forget_profile,
    open_profile,
    profile_folder,
    profile_name,
)
from desktop.services.my_atlassian.session import ActionMode, GuidedHandler, MyAtlassianSession
from desktop.services.my_atlassian.site_profile import current as current_profile

log = logging.getLogger(__name__)

#: Deleting a profile right after its page can crash Chromium; it waits this long.
RELEASE_DELAY_MS = 300
#: The key a sign-in window uses until it knows whose account it is.
NEW_ACCOUNT_PREFIX = "new-"


def new_account_key() -> str:
    """A key of its own for a sign-in whose account is not known yet (two never share one)."""
    return NEW_ACCOUNT_PREFIX + secrets.token_hex(6)


class StayFlags(Protocol):
    """Where the "stays signed in" flag of each account is kept (the account store)."""

    def stays_signed_in(self, key: str) -> bool: ...

    def set_stays_signed_in(self, key: str, stays: bool) -> None: ...


class CookieJar:
    """The cookies a profile holds now, in memory only (never logged), so that a sign-in made
    before the account was known can move to the account's own persistent profile."""

    def __init__(self, profile: QWebEngineProfile) -> None:
        self._cookies: list[QNetworkCookie] = []
        store = profile.cookieStore()
        store.cookieAdded.connect(self._added)
        store.cookieRemoved.connect(self._removed)

    def _added(self, cookie: QNetworkCookie) -> None:
        self._removed(cookie)
        self._cookies.append(QNetworkCookie(cookie))

    def _removed(self, cookie: QNetworkCookie) -> None:
        self._cookies = [c for c in self._cookies if not c.hasSameIdentifier(cookie)]

    def copy_to(self, profile: QWebEngineProfile) -> int:
        store = profile.cookieStore()
        for cookie in self._cookies:
            store.setCookie(cookie)
        return len(self._cookies)


@dataclass
class LiveAccount:
    account: Account
    profile: QWebEngineProfile
    driver: PageDriver
    urls: MyAtlassianUrls
    stay_signed_in: bool
    session: MyAtlassianSession | None = None
    profile_key: str = ""  # whose persistent profile folder this is (the key it was opened for)
    jar: CookieJar | None = field(default=None, repr=False)
    shown: bool = False  # a sign-in window shows the page: nothing else navigates it


class LiveAccounts(QObject):
    """Opens, keeps and closes live accounts. The UI shows ``driver.page`` in a web view."""

    signedIn = Signal(str)  # account key
    signedOut = Signal(str)  # account key
    profileNotDeleted = Signal(str)  # the folder of a kept sign-in that could not be deleted

    def __init__(
        self,
        urls: MyAtlassianUrls | None = None,
        parent: QObject | None = None,
        *,
        flags: StayFlags | None = None,
        mode: ActionMode = ActionMode.ASSISTED,
        profiles_root: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.urls = urls or real_site(current_profile().profile)  # the profile in force
        self.guide: GuidedHandler | None = None  # the run page's panel, while one is shown
        self.mode = mode  # how changes are made in the page (the person can switch it)
        self.flags = flags  # which accounts stay signed in (the account store)
        self.profiles_root = profiles_root  # where kept profiles go (None: user data dir)
        self._live: dict[str, LiveAccount] = {}
        self._releasing: set[asyncio.Future[None]] = set()
        self._resuming: dict[str, asyncio.Future[MyAtlassianSession]] = {}

    def open(self, key: str, *, stay_signed_in: bool) -> LiveAccount:
        """The account's page (a new one in its own profile when not open yet)."""
        live = self._live.get(key)
        if live is not None and live.stay_signed_in == stay_signed_in:
            return live
        if live is not None:  # "Stay signed in" turned off deletes what was kept
            self._close(key, forget=live.stay_signed_in)
            if live.stay_signed_in:
                self._set_flag(key, False)
        profile = open_profile(
            key, stay_signed_in=stay_signed_in, parent=self, root=self.profiles_root
        )
        driver = PageDriver.create(profile, self)
        placeholder = Account(AccountKind.MY_ATLASSIAN, email=key, portal=self.urls.start)
        jar = CookieJar(profile) if stay_signed_in else None
        live = LiveAccount(
            placeholder, profile, driver, self.urls, stay_signed_in, profile_key=key, jar=jar
        )
        self._live[key] = live
        return live

    def get(self, key: str) -> LiveAccount | None:
        return self._live.get(key)

    def signed_in(self, live: LiveAccount, account: Account) -> MyAtlassianSession:
        """The person finished signing in as ``account``: its session from now on.

        A sign-in that stays signed in moves to the account's own persistent profile when it
        was made in another one (a new account's), and the flag is kept; otherwise the flag
        is cleared. The window showing ``live.driver.page`` must let go of it first.
        """
        other = self._live.get(account.key)
        if other is not None and other is not live:  # e.g. a kept page that asked to sign in
            self._close(account.key, forget=other.stay_signed_in and not live.stay_signed_in)
        elif not live.stay_signed_in and self.stays_signed_in(account.key):
            self._forget(account.key)  # kept earlier, not open now
        if live.stay_signed_in and profile_name(live.profile_key) != profile_name(account.key):
            self._move_to_own_profile(live, account.key)
        live.account = account
        live.session = MyAtlassianSession(
            live.driver, account, live.urls, guide=self.guide, mode=self.mode
        )
        self._live = {(account.key if v is live else k): v for k, v in self._live.items()}
        self._set_flag(account.key, live.stay_signed_in)
        self.signedIn.emit(account.key)
        log.info("a live account signed in (stays signed in: %s)", live.stay_signed_in)
        return live.session

    def _move_to_own_profile(self, live: LiveAccount, key: str) -> None:
        """Copy the sign-in's cookies into ``key``'s persistent profile and use a new page in
        it; the first profile (and its folder) is deleted."""
        profile = open_profile(key, stay_signed_in=True, parent=self, root=self.profiles_root)
        copied = live.jar.copy_to(profile) if live.jar is not None else 0
        old_profile, old_driver, old_key = live.profile, live.driver, live.profile_key
        live.profile, live.driver, live.profile_key = profile, PageDriver.create(profile, self), key
        live.jar = None
        self._release(old_profile, old_driver, forget_key=old_key, clear=True)
        log.info("moved a new sign-in to its account's own profile (%d cookies)", copied)

    def session(self, key: str) -> MyAtlassianSession | None:
        live = self._live.get(key)
        return live.session if live is not None else None

    def use_guide(self, guide: GuidedHandler | None) -> None:
        """Every session, open and to come, asks ``guide`` (a run page's panel) from now on."""
        self.guide = guide
        for live in self._live.values():
            if live.session is not None:
                live.session.guide = guide

    def set_mode(self, mode: ActionMode) -> None:
        """How every session, open and to come, makes changes in its page."""
        self.mode = mode
        for live in self._live.values():
            if live.session is not None:
                live.session.mode = mode

    async def read(self, account: Account) -> list[License]:
        """The account's licenses, read from its page (raises SignInRequired when signed out).

        An account that stays signed in but has no session in this run reopens its kept
        profile first (see :meth:`resume`)."""
        session = self.session(account.key)
        if session is None and self.stays_signed_in(account.key):
            session = await self.resume(account)
        if session is None:
            raise SignInRequired("sign in to My Atlassian in the app first")
        return await session.list_licenses()

    def stays_signed_in(self, key: str) -> bool:
        return self.flags is not None and self.flags.stays_signed_in(key)

    async def resume(self, account: Account) -> MyAtlassianSession:
        """Reopen the kept profile of ``account`` in a page with no window and load the
        licenses page: the session when it is still signed in, else SignInRequired (the
        profile stays open, so signing in again happens in it)."""
        key = account.key
        pending = self._resuming.get(key)
        if pending is None:
            pending = asyncio.ensure_future(self._resume(account))
            self._resuming[key] = pending

            def ended(task: asyncio.Future[MyAtlassianSession]) -> None:
                if self._resuming.get(key) is task:
                    del self._resuming[key]
                if not task.cancelled():
                    task.exception()  # retrieved here too: every reader may have gone

            pending.add_done_callback(ended)
        return await asyncio.shield(pending)  # one reader cancelled does not stop the others

    async def _resume(self, account: Account) -> MyAtlassianSession:
        live = self.open(account.key, stay_signed_in=True)
        if live.shown:  # the person is signing in again in a window: leave the page alone
            raise SignInRequired("the account is signing in again")
        await live.driver.load(live.urls.licenses)
        if not live.urls.is_licenses_page(live.driver.url):
            log.info("a kept sign-in has ended: the site asks to sign in again")
            raise SignInRequired("the kept sign-in has ended; sign in again")
        if self._live.get(account.key) is not live:  # signed out meanwhile
            raise SignInRequired("the account was signed out")
        session = self.signed_in(live, account)
        log.info("a kept sign-in is still valid")
        return session

    def sign_out(self, key: str) -> None:
        """Forget the session: clear the profile, delete its folder when persistent, and
        clear the "stays signed in" flag."""
        self._close(key, forget=True)
        self._set_flag(key, False)
        self.signedOut.emit(key)

    def discard(self, key: str) -> None:
        """Drop a sign-in that was not finished (its window was cancelled): a new account's
        profile and folder go; a known account's page is closed, its kept profile stays."""
        if key.startswith(NEW_ACCOUNT_PREFIX):
            self._close(key, forget=True)
        else:
            live = self._live.get(key)
            if live is not None and live.session is None:
                self._close(key, forget=False)

    def _set_flag(self, key: str, stays: bool) -> None:
        if self.flags is not None and not key.startswith(NEW_ACCOUNT_PREFIX):
            self.flags.set_stays_signed_in(key, stays)

    def close_all(self) -> None:
        for pending in list(self._resuming.values()):
            pending.cancel()
        for key in list(self._live):
            self._close(key, forget=False)

    async def aclose(self) -> None:
        """Close every page and wait until each profile is really deleted (the app's exit,
        tests): a profile released later would be deleted after QtWebEngine shut down."""
        self.close_all()
        await self.released()

    async def released(self) -> None:
        """Until every page and profile closed so far has been deleted."""
        while self._releasing:
            await asyncio.gather(*self._releasing)

    def _close(self, key: str, *, forget: bool) -> None:
        live = self._live.pop(key, None)
        if live is None:
            if forget:
                self._forget(key)
            return
        forget_key = (live.profile_key or key) if forget and live.stay_signed_in else None
        self._release(live.profile, live.driver, forget_key=forget_key, clear=forget)

    def _release(
        self,
        profile: QWebEngineProfile,
        driver: PageDriver,
        *,
        forget_key: str | None,
        clear: bool,
    ) -> None:
        """Delete the page now and the profile a little later; then its folder if asked."""
        if clear:
            clear_profile(profile)
        if shiboken6.isValid(driver.page):
            shiboken6.delete(driver.page)  # the page goes before its profile

        done = self._release_future()

        def release() -> None:  # once Chromium has finished with the page
            try:
                if shiboken6.isValid(profile):
                    shiboken6.delete(profile)
                if forget_key is not None:
                    self._forget(forget_key)
            finally:
                if done is not None and not done.done():
                    done.set_result(None)

        QTimer.singleShot(RELEASE_DELAY_MS, release)

    def _forget(self, key: str) -> bool:
        """Delete the account's kept profile folder; one that stays is said (the person
        asked for it to go): ``profileNotDeleted`` with the folder."""
        if forget_profile(key, root=self.profiles_root):
            return True
        folder = profile_folder(key, root=self.profiles_root)
        log.warning("a live account's browser profile could not be deleted")
        self.profileNotDeleted.emit(str(folder))
        return False

    def _release_future(self) -> asyncio.Future[None] | None:
        """A future :meth:`released` waits on (None when no asyncio loop runs)."""
        try:
            future = asyncio.get_running_loop().create_future()
        except RuntimeError:
            return None
        self._releasing.add(future)
        future.add_done_callback(self._releasing.discard)
        return future
