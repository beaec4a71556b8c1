"""The live My Atlassian accounts of this run: each one's browser profile, page and session.

The sign-in window shows an account's page; once signed in, the same page serves reading and
acting. Sign out / remove clears the profile (and deletes a persistent one).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWebEngineCore import QWebEngineProfile

from desktop.domain.models import Account, AccountKind, License
from desktop.portal.my_atlassian.errors import SignInRequired
from desktop.portal.my_atlassian.urls import MyAtlassianUrls, real_site
from desktop.services.my_atlassian.page_driver import PageDriver
from desktop.services.my_atlassian.profiles import clear_profile, forget_profile, open_profile
from desktop.services.my_atlassian.session import ActionMode, GuidedHandler, MyAtlassianSession

log = logging.getLogger(__name__)

#: Deleting a profile right after its page can crash Chromium; it waits this long.
RELEASE_DELAY_MS = 300


@dataclass
class LiveAccount:
    account: Account
    profile: QWebEngineProfile
    driver: PageDriver
    urls: MyAtlassianUrls
    stay_signed_in: bool
    session: MyAtlassianSession | None = None


class LiveAccounts(QObject):
    """Opens, keeps and closes live accounts. The UI shows ``driver.page`` in a web view."""

    signedIn = Signal(str)  # account key
    signedOut = Signal(str)  # account key

    def __init__(self, urls: MyAtlassianUrls | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.urls = urls or real_site()
        self.guide: GuidedHandler | None = None
        self.mode = ActionMode.ASSISTED
        self._live: dict[str, LiveAccount] = {}
        self._releasing: set[asyncio.Future[None]] = set()

    @staticmethod
    def is_live(account: Account) -> bool:
        return account.kind is AccountKind.MY_ATLASSIAN

    def open(self, key: str, *, stay_signed_in: bool) -> LiveAccount:
        """The account's page (a new one in its own profile when not open yet)."""
        live = self._live.get(key)
        if live is not None and live.stay_signed_in == stay_signed_in:
            return live
        if live is not None:
            self._close(key, forget=False)
        profile = open_profile(key, stay_signed_in=stay_signed_in, parent=self)
        driver = PageDriver.create(profile, self)
        placeholder = Account(AccountKind.MY_ATLASSIAN, email=key, portal=self.urls.start)
        live = LiveAccount(placeholder, profile, driver, self.urls, stay_signed_in)
        self._live[key] = live
        return live

    def get(self, key: str) -> LiveAccount | None:
        return self._live.get(key)

    def signed_in(self, live: LiveAccount, account: Account) -> MyAtlassianSession:
        """The person finished signing in as ``account``: its session from now on."""
        live.account = account
        live.session = MyAtlassianSession(
            live.driver, account, live.urls, guide=self.guide, mode=self.mode
        )
        if account.key not in self._live:
            self._live = {(account.key if v is live else k): v for k, v in self._live.items()}
        self.signedIn.emit(account.key)
        log.info("a live account signed in")
        return live.session

    def session(self, key: str) -> MyAtlassianSession | None:
        live = self._live.get(key)
        if live is not None and live.session is not None:
            live.session.guide = self.guide
            live.session.mode = self.mode
            return live.session
        return None

    async def read(self, account: Account) -> list[License]:
        """The account's licenses, read from its page (raises SignInRequired when signed out)."""
        session = self.session(account.key)
        if session is None:
            raise SignInRequired("sign in to My Atlassian in the app first")
        return await session.list_licenses()

    def sign_out(self, key: str) -> None:
        """Forget the session: clear the profile, delete its folder when persistent."""
        self._close(key, forget=True)
        self.signedOut.emit(key)

    def close_all(self) -> None:
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
                forget_profile(key)
            return
        if forget:
            clear_profile(live.profile)
        shiboken6.delete(live.driver.page)  # the page goes before its profile
        profile = live.profile

        done = self._release_future()

        def release() -> None:  # once Chromium has finished with the page
            try:
                if shiboken6.isValid(profile):
                    shiboken6.delete(profile)
                if forget and live.stay_signed_in:
                    forget_profile(key)
            finally:
                if done is not None and not done.done():
                    done.set_result(None)

        QTimer.singleShot(RELEASE_DELAY_MS, release)

    def _release_future(self) -> asyncio.Future[None] | None:
        """A future :meth:`released` waits on (None when no asyncio loop runs)."""
        try:
            future = asyncio.get_running_loop().create_future()
        except RuntimeError:
            return None
        self._releasing.add(future)
        future.add_done_callback(self._releasing.discard)
        return future
