"""The embedded browser in the app's own windows: sign-in, guided steps, profiles."""

from __future__ import annotations

import asyncio
from pathlib import Path

import shiboken6
from PySide6.QtGui import QGuiApplication
from PySide6.QtWebEngineWidgets import QWebEngineView

from desktop.portal.my_atlassian.urls import replica
from desktop.services.my_atlassian.live_accounts import LiveAccounts
from desktop.services.my_atlassian.page_driver import PageDriver
from desktop.services.my_atlassian.profiles import forget_profile, open_profile, profile_name
from desktop.services.my_atlassian.session import ActionMode
from desktop.ui.my_atlassian.live_page_panel import LivePagePanel
from desktop.ui.my_atlassian.sign_in_window import SignInWindow, email_on_page
from tests.conftest import SandboxHandle
from tests.live.conftest import FAST, Live, type_sign_in

ACTOR = "li.na@huake.example"
TARGET = "zhang.wei@huake.example"


async def _text_has(driver: PageDriver, words: str) -> bool:
    found = await driver.wait_for(driver.text, lambda text: words in text, timeout=15)
    return found is not None


async def test_sign_in_window_hands_over_a_working_session(
    sandbox: SandboxHandle, qtbot: object
) -> None:
    accounts = LiveAccounts(replica(sandbox.url))
    window = SignInWindow(accounts)
    window.show()
    driver = window.live.driver
    try:
        assert await _text_has(driver, "Log in to continue")
        assert not window.ok_button.isEnabled()  # not before the licenses page
        await type_sign_in(driver, ACTOR)  # what the person types
        ready = await driver.wait_for(
            _async(lambda: window.ok_button.isEnabled() and window.email_edit.text()),
            bool,
            timeout=15,
        )
        assert ready
        assert window.email_edit.text() == ACTOR  # read from the page's header
        window.accept()

        assert window.result_account is not None and window.result_account.email == ACTOR
        session = accounts.session(ACTOR)
        assert session is not None
        session.timings = FAST
        licenses = await session.list_licenses()
        expected, _ = sandbox.state.list_for(ACTOR, 0, 1000)
        assert [lic.sen for lic in licenses] == [lic.sen for lic in expected]
    finally:
        shiboken6.delete(window)
        await asyncio.sleep(0.3)
        accounts.close_all()
        await asyncio.sleep(0.3)


async def test_guided_panel_puts_the_email_on_the_clipboard_and_waits(live: Live) -> None:
    await live.set_quirks(labels={"make_primary": "Set as primary"})
    await live.sign_in(ACTOR)
    panel = LivePagePanel()
    panel.show_page(live.driver.page, ACTOR)
    panel.show()
    session = live.session(ACTOR, guide=panel.guide, mode=ActionMode.GUIDED)
    try:
        task = asyncio.ensure_future(session.make_primary("SEN-20110577", TARGET))
        shown = await live.driver.wait_for(
            _async(lambda: panel.guide.isVisible()), bool, timeout=10
        )
        assert shown
        clipboard = QGuiApplication.clipboard()
        assert clipboard is not None and clipboard.text() == TARGET
        assert "SEN-20110577" in panel.guide.instruction.text()
        # The words name the control as the page shows it, not as the profile first says.
        assert '"Set as primary"' in panel.guide.instruction.text()
        assert "Make Primary" not in panel.guide.instruction.text()
        marked = await live.driver.run_js("document.querySelectorAll('.lc-guide').length")
        assert marked and marked >= 1  # the page shows what to click
        assert live.sandbox.state.license("SEN-20110577").is_primary_technical(ACTOR)

        for label in ("Set as primary", "Yes"):  # the person clicks
            clicked = await live.driver.wait_for(
                lambda label=label: live.driver.run_js(_press(label)), bool, timeout=5
            )
            assert clicked
        lic = await asyncio.wait_for(task, 15)

        assert lic.is_primary_technical(TARGET)
        assert live.sandbox.state.license("SEN-20110577").is_primary_technical(TARGET)
        assert not panel.guide.isVisible()
    finally:
        shiboken6.delete(panel)


def test_persistent_profile_lives_in_its_own_folder_and_is_forgotten(
    qtbot: object, tmp_path: Path
) -> None:
    profile = open_profile(ACTOR, stay_signed_in=True, root=tmp_path)
    try:
        assert not profile.isOffTheRecord()
        folder = tmp_path / profile_name(ACTOR)
        assert profile.persistentStoragePath().startswith(str(folder))
        assert ACTOR not in str(folder)  # the folder does not show the email
    finally:
        shiboken6.delete(profile)
    qtbot.wait(300)  # type: ignore[attr-defined]  # WebEngine closes its files
    assert forget_profile(ACTOR, root=tmp_path)
    assert not folder.exists()
    off = open_profile(ACTOR, stay_signed_in=False)
    try:
        assert off.isOffTheRecord()
    finally:
        shiboken6.delete(off)


def test_email_on_page_reads_the_header_only() -> None:
    text = "My Atlassian\nLi Na li.na@huake.example Log out\nSEN\nProduct\nx@y.example"
    assert email_on_page(text) == ACTOR
    assert email_on_page("SEN\nzhang.wei@huake.example") == ""


def _async(value):  # type: ignore[no-untyped-def]
    async def probe():  # type: ignore[no-untyped-def]
        return value()

    return probe


_PRESS = (
    "(function(label){"
    'const scope=\'[data-sen="SEN-20110577"] button, [data-sen="SEN-20110577"] a,'
    " .ma-dialog button';"
    "const b=[...document.querySelectorAll(scope)].find(x=>x.innerText.trim()===label);"
    "if(!b)return false;b.click();return true;})"
)


def _press(label: str) -> str:
    return f"{_PRESS}({label!r})"


async def test_the_run_panel_leaves_the_page_to_a_sign_in_window_showing_it(live: Live) -> None:
    """A page is in one view at a time: while the account's sign-in window shows it (signing
    in again mid-run), the run page's panel does not take it back (the window would go
    blank); once the window has let go, it does."""
    await live.sign_in(ACTOR)
    panel = LivePagePanel()
    panel.show()
    window = QWebEngineView()
    try:
        assert panel.show_page(live.driver.page, ACTOR)
        window.setPage(live.driver.page)  # the sign-in window takes it
        window.show()

        assert not panel.show_page(live.driver.page, ACTOR)  # e.g. the next step's event
        assert QWebEngineView.forPage(live.driver.page) is window

        window.hide()  # the window let go of it
        assert panel.show_page(live.driver.page, ACTOR)
        assert QWebEngineView.forPage(live.driver.page) is panel.view
    finally:
        shiboken6.delete(window)
        shiboken6.delete(panel)
