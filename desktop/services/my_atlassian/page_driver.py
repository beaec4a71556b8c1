"""A QWebEnginePage with async helpers for the qasync loop: load, run JS, read, wait for text.

The page's console messages are dropped (they may quote page data); nothing here logs a URL's
query, a cookie or page text.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineScript

from desktop.portal.errors import PortalTimeout, PortalUnreachable
from desktop.portal.my_atlassian.scripts import READ_TEXT

log = logging.getLogger(__name__)

T = TypeVar("T")


class QuietPage(QWebEnginePage):
    """A page that keeps its JavaScript console to itself."""

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        del level, message, line, source


class PageDriver:
    """Drives one page. Every await has a timeout; a load that fails raises PortalUnreachable."""

    def __init__(self, page: QWebEnginePage) -> None:
        self.page = page

    @classmethod
    def create(cls, profile: QWebEngineProfile, parent: QObject | None = None) -> PageDriver:
        return cls(QuietPage(profile, parent))

    @property
    def url(self) -> str:
        return self.page.url().toString()

    async def load(self, url: str, *, timeout: float = 30.0) -> None:
        """Open ``url`` and wait until it has loaded."""
        ok = await self._loaded(lambda: self.page.setUrl(QUrl(url)), timeout)
        if not ok:
            raise PortalUnreachable("the page could not be loaded")

    async def settle(self, *, timeout: float = 30.0) -> None:
        """Wait until the page has finished loading, when it is loading (e.g. it went to
        another page by itself); whether that load succeeded is for the next reading to say."""
        if self.page.isLoading():
            await self._loaded(lambda: None, timeout)

    async def _loaded(self, start: Callable[[], object], timeout: float) -> bool:
        """Do ``start()``, then wait for the page's next loadFinished (its ``ok``)."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[bool] = loop.create_future()

        def finished(ok: bool) -> None:
            if not done.done():
                done.set_result(ok)

        self.page.loadFinished.connect(finished)
        try:
            start()
            return await asyncio.wait_for(done, timeout)
        except TimeoutError:
            raise PortalTimeout("the page did not load in time") from None
        finally:
            if shiboken6.isValid(self.page):  # the page may be closed while it loads
                self.page.loadFinished.disconnect(finished)

    async def run_js(self, script: str, *, timeout: float = 10.0) -> Any:
        """Run ``script`` in an isolated world (the page's own scripts cannot see ours)."""
        loop = asyncio.get_running_loop()
        result: asyncio.Future[Any] = loop.create_future()

        def answered(value: Any) -> None:
            if not loop.is_closed():
                _settle(result, value)

        self.page.runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld, answered)
        try:
            return await asyncio.wait_for(result, timeout)
        except TimeoutError:
            raise PortalTimeout("the page did not answer in time") from None

    async def text(self) -> str:
        """The page's text as a person's select-all and copy gives it (``innerText``)."""
        value = await self.run_js(READ_TEXT)
        return value if isinstance(value, str) else ""

    async def wait_for(
        self,
        probe: Callable[[], Awaitable[T]],
        accept: Callable[[T], bool],
        *,
        timeout: float,
        interval: float = 0.1,
    ) -> T | None:
        """Await ``probe()`` every ``interval`` s until ``accept`` says yes; the last value is
        returned, or None if ``timeout`` passed first."""
        deadline = time.monotonic() + timeout
        while True:
            value: T = await probe()
            if accept(value):
                return value
            if time.monotonic() >= deadline:
                return None
            await asyncio.sleep(interval)


def _settle(future: asyncio.Future[Any], value: Any) -> None:
    if not future.done():
        future.set_result(value)
