"""The person sees where they are: the address line's host and https, plain http refused but
on this computer, and the email pre-fill running in the connector's own isolated world."""

from __future__ import annotations

import asyncio

import pytest
import shiboken6
from PySide6.QtWebEngineCore import QWebEngineScript

from desktop.portal.errors import PortalError
from desktop.portal.my_atlassian.urls import replica
from desktop.services.my_atlassian.https_only import HttpsOnly
from desktop.services.my_atlassian.live_accounts import LiveAccounts
from desktop.services.my_atlassian.page_driver import PageDriver
from desktop.services.my_atlassian.profiles import interceptor_of, open_profile
from desktop.ui.my_atlassian.address_line import AddressLine
from desktop.ui.my_atlassian.sign_in_window import SignInWindow, prefill_email
from tests.conftest import SandboxHandle
from tests.live.conftest import Live, release

ACTOR = "li.na@huake.example"


def test_the_address_line_shows_the_host_and_https_as_they_are(qtbot: object) -> None:
    line = AddressLine()
    line.show_url("https://sso.huake.example/saml/login?RelayState=x")  # single sign-on
    assert "https" in line.text() and "sso.huake.example" in line.text()
    assert line.icon_name == "lock" and not line.icon_label.pixmap().isNull()  # drawn, no emoji
    assert "RelayState" not in line.text() and line.host == "sso.huake.example"
    line.show_url("http://127.0.0.1:8765/my-atlassian/login")
    assert "this computer" in line.text() and "127.0.0.1:8765" in line.text()
    assert line.icon_name == "this-computer"
    line.show_url("http://my.atlassian.com/product")
    assert "Not secure" in line.text() and "refused" in line.text()
    assert line.icon_name == "not-secure"
    shiboken6.delete(line)


async def test_plain_http_to_another_computer_is_refused(qtbot: object) -> None:
    del qtbot
    profile = open_profile(ACTOR, stay_signed_in=False)  # what every live account gets
    driver = PageDriver.create(profile)
    try:
        with pytest.raises(PortalError):
            await driver.load("http://192.0.2.10/product", timeout=10)  # TEST-NET: never sent
        interceptor = interceptor_of(profile)
        assert isinstance(interceptor, HttpsOnly) and interceptor.blocked >= 1
    finally:
        await release(driver, profile)


async def test_the_email_prefill_runs_in_the_isolated_world(live: Live) -> None:
    await live.driver.load(live.urls.start)
    await live.driver.wait_for(live.driver.text, lambda t: "Log in" in t, timeout=15)
    page = live.driver.page
    sabotage = "document.querySelector = () => null; true"  # the page's own scripts
    done = asyncio.get_running_loop().create_future()
    page.runJavaScript(sabotage, QWebEngineScript.ScriptWorldId.MainWorld, done.set_result)
    await done

    filled = await live.driver.run_js(prefill_email(ACTOR))  # the connector's world

    assert filled is True
    value = await live.driver.run_js("document.querySelector('input[name=email]').value")
    assert value == ACTOR
    in_page = asyncio.get_running_loop().create_future()
    page.runJavaScript(prefill_email(ACTOR), 0, in_page.set_result)  # main world: sabotaged
    assert await in_page is not True


async def test_the_sign_in_window_prefills_the_email_and_shows_the_address(
    sandbox: SandboxHandle, qtbot: object
) -> None:
    del qtbot
    accounts = LiveAccounts(replica(sandbox.url))
    window = SignInWindow(accounts, email=ACTOR)
    window.show()
    driver = window.live.driver
    try:
        value = await driver.wait_for(
            lambda: driver.run_js("(document.querySelector('input[name=email]')||{}).value || ''"),
            lambda v: v == ACTOR,
            timeout=15,
        )
        assert value == ACTOR
        assert window.address.host == sandbox.url.removeprefix("http://")
        assert "this computer" in window.address.text()
    finally:
        shiboken6.delete(window)
        await asyncio.sleep(0.3)
        accounts.close_all()
        await asyncio.sleep(0.3)
