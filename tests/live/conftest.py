"""Live tests: QtWebEngine offscreen against the sandbox's My Atlassian replica on 127.0.0.1.

Chromium's sandbox cannot run as root in a container, so it is switched off for these tests
(``QTWEBENGINE_DISABLE_SANDBOX=1``), before QtWebEngine starts.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass

os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --disable-logging")

import asyncio
from collections.abc import Callable, Mapping
from typing import Any

import PySide6.QtWebEngineWidgets  # noqa: F401  (must be imported before the QApplication)
import pytest
import shiboken6
from PySide6.QtWebEngineCore import QWebEngineProfile

from desktop.domain.models import Account, AccountKind
from desktop.portal.my_atlassian.urls import MyAtlassianUrls, replica
from desktop.portal.sandbox.replica.routes import LAYOUTS
from desktop.services.my_atlassian.page_driver import PageDriver
from desktop.services.my_atlassian.session import LiveTimings, MyAtlassianSession
from tests.conftest import SandboxFactory, SandboxHandle
from tests.qt_loop import qasync_loop


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], Any]]:
    """Every live test runs on qasync's loop, without ever leaving the app's own loop."""
    del config, item
    return {"qasync-nested": qasync_loop}


FAST = LiveTimings(load=20.0, content=10.0, step=3.0, dialog=3.0, guided=20.0, poll=0.1)


@dataclass
class Live:
    """A running sandbox, its replica's URLs, and one off-the-record page."""

    sandbox: SandboxHandle
    urls: MyAtlassianUrls
    profile: QWebEngineProfile
    driver: PageDriver

    async def sign_in(self, email: str, password: str = "demo") -> None:
        """What the person does in the sign-in window: type email and password, Log in."""
        await self.driver.load(self.urls.start)
        if self.urls.is_licenses_page(self.driver.url):
            return  # signed in already
        await type_sign_in(self.driver, email, password)
        reached = await self.driver.wait_for(
            _url_of(self.driver), lambda url: self.urls.is_licenses_page(url), timeout=20
        )
        if reached is None:
            shown = (await self.driver.text())[:300]
            raise AssertionError(f"the replica did not sign in: at {self.driver.url}: {shown!r}")

    async def on_sign_in_page(self, timeout: float = 15) -> bool:
        """Wait until the page shows the replica's sign-in page, loaded (e.g. after the page
        itself went there because its session ended)."""
        shown = await self.driver.wait_for(
            _url_of(self.driver), lambda url: "/my-atlassian/login" in url, timeout=timeout
        )
        if shown is None:
            return False
        loaded = await self.driver.wait_for(
            lambda: self.driver.run_js(SIGN_IN_FORM), lambda found: found is True, timeout=timeout
        )
        return loaded is not None

    def session(self, email: str, **options: object) -> MyAtlassianSession:
        account = Account(AccountKind.MY_ATLASSIAN, email=email, portal=self.urls.start)
        options.setdefault("timings", FAST)
        return MyAtlassianSession(self.driver, account, self.urls, **options)  # type: ignore[arg-type]

    async def end_sessions(self, email: str | None = None) -> int:
        """The site ends ``email``'s sessions now (every account's without one), as when a
        sign-in expires or the person signs out elsewhere: how many ended."""
        import httpx

        async with httpx.AsyncClient(base_url=self.sandbox.url) as client:
            answer = await client.post("/my-atlassian/_expire-sessions", json={"email": email})
            assert answer.status_code == 200, answer.text
            return int(answer.json()["ended"])

    async def set_quirks(self, **quirks: object) -> None:
        import httpx

        async with httpx.AsyncClient(base_url=self.sandbox.url) as client:
            answer = await client.put("/my-atlassian/_quirks", json=quirks)
            assert answer.status_code == 204, answer.text


async def until(condition: Callable[[], object], timeout: float = 20.0) -> None:
    """Let the qasync loop run (Qt and asyncio together) until ``condition()`` holds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out waiting"
        await asyncio.sleep(0.05)


def fill_sign_in(email: str, password: str) -> str:
    """The person types email and password into the replica's form and clicks Log in (false
    when the page shows no sign-in form)."""
    return (
        "(function(e,p){const f=document.querySelector('form');"
        "if(!f||!f.email||!f.password)return false;"
        "f.email.value=e;f.password.value=p;f.submit();return true;})"
        f"({json.dumps(email)},{json.dumps(password)})"
    )


SIGN_IN_FORM = "!!document.querySelector('form input[type=password]')"  # the page shows it


async def type_sign_in(
    driver: PageDriver, email: str, password: str = "demo", timeout: float = 20
) -> None:
    """What a person does on the sign-in page: wait until its form is there (a page on its way
    to it, or still loading, shows none yet), type email and password, Log in."""
    shown = await driver.wait_for(
        lambda: driver.run_js(SIGN_IN_FORM), lambda found: found is True, timeout=timeout
    )
    assert shown is not None, f"no sign-in form at {driver.url}"
    assert await driver.run_js(fill_sign_in(email, password)) is True, driver.url


async def next_refresh(win: Any, action: Callable[[], object], timeout: float = 30) -> None:
    """Do ``action`` on the main window ``win`` and wait for the refresh it starts to finish
    (not cancelled)."""
    done = asyncio.get_running_loop().create_future()

    def finished(cancelled: bool) -> None:
        if not done.done():
            done.set_result(cancelled)

    win.refresher.refreshFinished.connect(finished)
    try:
        action()
        assert not await asyncio.wait_for(done, timeout)
    finally:
        win.refresher.refreshFinished.disconnect(finished)


async def close_window(win: Any) -> None:
    """What quitting does to the main window ``win``: its refresh stopped, every sign-in
    window's view deleted before its page, every page and profile deleted, then the window."""
    task = win.refresher._task
    await win.refresher.aclose()
    if task is not None:
        await asyncio.gather(task, return_exceptions=True)
    for dialog in list(win._dialogs):
        shiboken6.delete(dialog)
    await win.live_accounts.aclose()
    shiboken6.delete(win)
    gc.collect()


def _url_of(driver: PageDriver):  # type: ignore[no-untyped-def]
    async def probe() -> str:
        return driver.url

    return probe


@pytest.fixture(params=LAYOUTS)
def layout(request: pytest.FixtureRequest) -> str:
    """Each live test runs on every layout of the replica; the test id names it."""
    return str(request.param)


@pytest.fixture
def sandbox(sandbox_server: SandboxFactory, layout: str) -> SandboxHandle:
    """The demo sandbox, its My Atlassian replica showing ``layout``."""
    handle = sandbox_server()
    handle.app.replica_layout = layout
    return handle


@pytest.fixture
async def live(sandbox: SandboxHandle, qtbot: object) -> AsyncIterator[Live]:
    del qtbot
    profile = QWebEngineProfile()
    driver = PageDriver.create(profile)
    yield Live(sandbox, replica(sandbox.url), profile, driver)
    await release(driver, profile)


async def release(driver: PageDriver, profile: QWebEngineProfile) -> None:
    """Delete the page, let Chromium finish with it, then the profile."""
    shiboken6.delete(driver.page)
    await asyncio.sleep(0.3)
    shiboken6.delete(profile)
    await asyncio.sleep(0.3)
