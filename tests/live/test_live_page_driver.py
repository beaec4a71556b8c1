"""The page driver's load on a page that is already on its way somewhere else (the page went
to another page by itself, or an earlier load had not finished): the navigation it cuts short
ends "not ok", and that is not the load asked for failing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from desktop.portal.errors import PortalUnreachable
from tests.conftest import SandboxFactory
from tests.live.conftest import Live, until


@pytest.fixture
def sandbox(sandbox_server: SandboxFactory, layout: str):  # type: ignore[no-untyped-def]
    handle = sandbox_server(latency_ms=400)  # every page takes a while: a load is cut short
    handle.app.replica_layout = layout
    return handle


async def test_a_load_that_cuts_another_short_is_not_taken_for_a_failure(live: Live) -> None:
    driver = live.driver
    driver.page.setUrl(QUrl(live.urls.start))  # the page on its way (its own navigation)
    await until(lambda: driver.page.isLoading())
    await driver.load(live.urls.start + "?again=1")
    assert "again" in driver.url
    text = await driver.text()
    assert "Log in" in text


async def test_a_load_that_really_fails_still_says_so(live: Live) -> None:
    with pytest.raises(PortalUnreachable):
        await live.driver.load("http://127.0.0.1:9/nothing-listens-here", timeout=20)
