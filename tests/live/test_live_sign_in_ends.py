"""A sign-in that ends while the connector works: wherever the page lands on the sign-in page
(after a click, while verifying, while a guided step waits, while reading), the connector says
SignInRequired, never "not verified", "not understood" or "not found". After the account signs
in again in the same page, the same session works again and a step already in effect is not
repeated."""

from __future__ import annotations

import pytest
import shiboken6

from desktop.portal.errors import PortalError
from desktop.portal.my_atlassian.errors import SignInRequired
from desktop.portal.my_atlassian.guide import GuidedStep
from desktop.portal.my_atlassian.urls import replica
from desktop.services.my_atlassian.live_accounts import LiveAccounts
from desktop.ui.my_atlassian.sign_in_window import SignInWindow
from tests.conftest import SandboxHandle
from tests.live.conftest import FAST, Live, type_sign_in, until
from tests.live.test_live_actions import _click

ACTOR = "li.na@huake.example"
TARGET = "zhang.wei@huake.example"
ADD = "SEN-20110101"  # the target is not a contact yet
PROMOTE = "SEN-20110577"  # the target is a secondary contact already


def _writes(live: Live, sen: str) -> tuple[int, int]:
    """(write requests that got past the sign-in check, how many changed the license)."""
    return live.sandbox.state.writes_by_license().get(sen, (0, 0))


@pytest.mark.parametrize("browser", ["en", "zh-CN"])
async def test_the_session_ends_between_add_and_its_verification(live: Live, browser: str) -> None:
    live.profile.setHttpAcceptLanguage(browser)
    await live.sign_in(ACTOR)
    await live.set_quirks(expireAfterWrite=1)  # Add is applied, its answer is "expired"
    session = live.session(ACTOR)

    with pytest.raises(SignInRequired):
        await session.add_technical_contact(ADD, TARGET)

    assert await live.on_sign_in_page()  # the page went to the sign-in page, as the site does
    assert live.sandbox.state.license(ADD).is_technical_contact(TARGET)  # the click landed
    assert _writes(live, ADD) == (1, 1)
    # Until the page is signed in again, the session leaves it alone (the person may be
    # signing in there): it says so at once and navigates nowhere.
    loads: list[bool] = []
    live.driver.page.loadStarted.connect(lambda: loads.append(True))
    for read in (session.list_licenses(), session.get_license(PROMOTE)):
        with pytest.raises(SignInRequired):
            await read
    assert loads == [] and "/login" in live.driver.url

    await live.sign_in(ACTOR)  # the person signs in again in the same page
    again = await session.get_license(ADD)  # the same session works again
    assert again.is_technical_contact(TARGET)
    lic = await session.add_technical_contact(ADD, TARGET)  # in effect already: no click
    assert lic.is_technical_contact(TARGET)
    assert _writes(live, ADD) == (1, 1)


async def test_the_session_ends_between_yes_and_its_verification(live: Live) -> None:
    await live.sign_in(ACTOR)
    await live.set_quirks(expireAfterWrite=1)
    session = live.session(ACTOR)

    with pytest.raises(SignInRequired):
        await session.make_primary(PROMOTE, TARGET)

    assert live.sandbox.state.license(PROMOTE).is_primary_technical(TARGET)
    await live.sign_in(ACTOR)
    fresh = live.session(ACTOR)  # a fresh session on the signed-in page works as well
    lic = await fresh.make_primary(PROMOTE, TARGET)
    assert lic.is_primary_technical(TARGET)
    assert _writes(live, PROMOTE) == (1, 1)
    assert [n.sen for n in live.sandbox.state.notifications()] == [PROMOTE]  # notified once


async def test_a_click_after_the_session_ended_lands_on_the_sign_in_page(live: Live) -> None:
    await live.sign_in(ACTOR)
    session = live.session(ACTOR)
    await session.get_license(ADD)  # the page shows the licenses, read before the end
    assert await live.end_sessions(ACTOR) == 1

    with pytest.raises(SignInRequired):
        await session.add_technical_contact(ADD, TARGET)

    assert not live.sandbox.state.license(ADD).is_technical_contact(TARGET)  # refused: 401
    assert _writes(live, ADD) == (0, 0)
    await live.sign_in(ACTOR)
    lic = await session.add_technical_contact(ADD, TARGET)
    assert lic.is_technical_contact(TARGET) and _writes(live, ADD) == (1, 1)


@pytest.mark.parametrize("browser", ["en", "zh-CN"])
@pytest.mark.parametrize("reading", ["list", "license"])
async def test_reading_after_the_session_ended_asks_to_sign_in(
    live: Live, reading: str, browser: str
) -> None:
    """Whatever the sign-in page's language (a Chinese one says 登录, not "Log in")."""
    live.profile.setHttpAcceptLanguage(browser)
    await live.sign_in(ACTOR)
    session = live.session(ACTOR)
    await live.end_sessions(ACTOR)
    own_page = live.urls.license(ADD)
    assert own_page is not None
    await live.driver.load(own_page)  # e.g. the page was on a license's own page

    with pytest.raises(SignInRequired):
        if reading == "list":
            await session.list_licenses()
        else:
            await session.get_license(ADD)

    if browser != "en":
        assert "登录以继续" in await live.driver.text()  # the page asked in Chinese


class PersonWhoseSessionEnds:
    """A guided-mode person: the site ends the session, then they click Add as asked, and the
    page goes to the sign-in page; they never say "done"."""

    def __init__(self, live: Live) -> None:
        self.live = live
        self.asked: list[GuidedStep] = []
        self.cancelled = False

    async def wait_for_person(self, step: GuidedStep) -> bool:
        self.asked.append(step)
        await self.live.end_sessions(ACTOR)
        await self.live.driver.run_js(
            "(function(sen, email){const parts=[...document.querySelectorAll("
            "`[data-sen='${sen}']`)];const box=parts.flatMap(p=>[...p.querySelectorAll("
            "'input')])[0];box.value=email;return true;})"
            f"({step.sen!r}, {step.email!r})"
        )
        clicked = await self.live.driver.run_js(_click("Add", step.sen, step.email))
        assert clicked is True
        try:
            await self.live.driver.wait_for(
                lambda: self.live.driver.run_js("0"), lambda _: False, timeout=30
            )
        except BaseException:
            self.cancelled = True  # the app stopped waiting for the person
            raise
        return True

    def step_verified(self, step: GuidedStep) -> None:
        raise AssertionError(f"not verified: {step}")


@pytest.mark.parametrize("browser", ["en", "zh-CN"])
async def test_a_guided_step_whose_page_signs_out_asks_to_sign_in(live: Live, browser: str) -> None:
    live.profile.setHttpAcceptLanguage(browser)
    await live.sign_in(ACTOR)
    person = PersonWhoseSessionEnds(live)
    session = live.session(ACTOR, guide=person)
    session.mode = session.mode.GUIDED

    try:
        await session.add_technical_contact(ADD, TARGET)
    except PortalError as error:
        raised: PortalError = error
    else:
        raise AssertionError("the guided step did not stop")

    assert isinstance(raised, SignInRequired), raised  # not "not done in time"
    assert len(person.asked) == 1 and person.cancelled
    assert not live.sandbox.state.license(ADD).is_technical_contact(TARGET)
    assert await live.on_sign_in_page()


async def test_signing_in_again_reuses_the_accounts_page_prefilled_and_checks_who(
    sandbox: SandboxHandle, qtbot: object
) -> None:
    del qtbot
    accounts = LiveAccounts(replica(sandbox.url))
    first = SignInWindow(accounts)
    first.show()
    windows = [first]
    try:
        driver = first.live.driver
        assert await driver.wait_for(driver.text, lambda text: "Log in" in text, timeout=15)
        await type_sign_in(driver, ACTOR)
        await until(lambda: first.ok_button.isEnabled() and first.email_edit.text())
        first.accept()
        session = accounts.session(ACTOR)
        assert session is not None
        session.timings = FAST
        await session.list_licenses()
        page = session.driver.page

        sandbox.state.expire_sessions(ACTOR)  # the sign-in ends ...
        await session.driver.load(replica(sandbox.url).licenses)  # ... and the page shows it
        with pytest.raises(SignInRequired):
            await session.list_licenses()

        again = SignInWindow(accounts, email=ACTOR)  # a known account: its own window
        windows.append(again)
        again.show()
        assert again.live is accounts.get(ACTOR) and again.live.driver.page is page
        box = "document.querySelector('input[name=email]').value"
        assert await again.live.driver.wait_for(
            lambda: again.live.driver.run_js(box), lambda v: v == ACTOR, timeout=15
        )  # pre-filled with the account's email

        # Signed in as someone else: "Use this account" stays off, and the window says why.
        await type_sign_in(again.live.driver, TARGET)
        await until(lambda: again.on_licenses_page and again.page_email == TARGET)
        assert not again.ok_button.isEnabled()
        assert TARGET in again.status.text() and ACTOR in again.status.text()
        again.accept()
        assert again.result_account is None and accounts.session(ACTOR) is session

        # Log out on the page and sign in as the account itself.
        await again.live.driver.load(sandbox.url + "/my-atlassian/logout")
        await type_sign_in(again.live.driver, ACTOR)
        await until(lambda: again.ok_button.isEnabled() and again.page_email == ACTOR)
        again.accept()

        fresh = accounts.session(ACTOR)
        assert fresh is not None and fresh is not session and fresh.driver.page is page
        fresh.timings = FAST
        assert (await fresh.get_license(ADD)).sen == ADD  # a fresh session works ...
        assert (await session.get_license(ADD)).sen == ADD  # ... and so does the old one
    finally:
        for window in windows:
            if shiboken6.isValid(window):
                shiboken6.delete(window)
        await accounts.aclose()
