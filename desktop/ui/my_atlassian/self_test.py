"""The self-test's check of the embedded browser: Chromium starts, renders and is read back.

In the frozen app this proves QtWebEngineProcess, its resources and locales are in the bundle.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING
from urllib.parse import quote

from desktop.services.my_atlassian.live_accounts import LiveAccounts

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

PAGE = "<html><body><h1>My Atlassian</h1><p>SEN-12345678 <b>授权</b></p></body></html>"


async def check_web_engine(window: MainWindow) -> str:
    """Open an off-the-record page on a built-in HTML text and read its text back."""
    del window
    accounts = LiveAccounts()
    live = accounts.open("self-test", stay_signed_in=False)
    try:
        await live.driver.load("data:text/html;charset=utf-8," + quote(PAGE), timeout=60.0)
        text = await live.driver.text()
    finally:
        await accounts.aclose()  # every page and profile gone before the app quits
    if "SEN-12345678" not in text or "授权" not in text:
        raise RuntimeError(f"the embedded browser shows {text[:80]!r}")
    await asyncio.sleep(0)
    return "the embedded browser renders and reads a page"
