"""A run in the real app whose My Atlassian sign-in ends midway, on both replica layouts: the
run pauses for that account, the account's own sign-in window opens over the wizard and the
run page says whose sign-in it waits for; a closed window leaves the run waiting with Sign in
again / Skip; signed in again, the run finishes, each license changed exactly once (the
change whose answer said "expired" is read again, not sent twice)."""

from __future__ import annotations

import httpx
import shiboken6
from pytestqt.qtbot import QtBot

from desktop.services.consolidation_flow import Step
from desktop.ui.application import DesktopApp
from desktop.ui.main_window import MainWindow
from desktop.ui.my_atlassian.sign_in_window import SignInWindow
from desktop.ui.wizard.run_status_model import RowState
from tests.conftest import SandboxHandle
from tests.engine.sandbox_helpers import changed_once, check_end_state
from tests.live.conftest import FAST, type_sign_in, until
from tests.live.test_live_app import ACTOR, TARGET, desktop_app, sign_in_live, window

__all__ = ["desktop_app", "window"]  # the fixtures, shared with the other app tests

LICENSES = 4


def sign_in_window(win: MainWindow) -> SignInWindow | None:
    shown = [
        d
        for d in win._dialogs
        if isinstance(d, SignInWindow) and shiboken6.isValid(d) and d.isVisible()
    ]
    return shown[-1] if shown else None


async def signed_in_again(window: SignInWindow, loads: list[bool]) -> None:
    """What the person does: sign in on the page the window shows, Use this account.

    The page showed the sign-in form already, and the window opens its start page afresh:
    the person types once that load has finished (``loads``: the page's loads since the
    window was asked for), not into the form it replaces."""
    await until(lambda: bool(loads), timeout=20)
    await type_sign_in(window.live.driver, ACTOR)
    await until(lambda: window.ok_button.isEnabled(), timeout=20)
    window.ok_button.click()


async def test_a_run_whose_sign_in_ends_opens_the_sign_in_window_and_goes_on(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxHandle, desktop_app: DesktopApp
) -> None:
    await sign_in_live(window)
    session = window.live_accounts.session(ACTOR)
    assert session is not None
    session.timings = FAST
    # The 3rd change is applied, then the site ends the session: its answer says "expired".
    async with httpx.AsyncClient(base_url=sandbox.url) as client:
        answer = await client.put("/my-atlassian/_quirks", json={"expireAfterWrite": 3})
        assert answer.status_code == 204

    wizard = await desktop_app.launcher.open_wizard()
    assert wizard is not None
    flow = wizard.flow
    wizard.next()
    wizard.next()
    wizard.target_page.email_edit.setText(TARGET)
    wizard.next()
    assert Step(wizard.currentId()) is Step.LICENSES
    chosen = [e.sen for e in flow.final_plan().actionable()][:LICENSES]
    flow.check_all(False)
    flow.check_all(True, chosen)
    plan = flow.final_plan()
    assert len(plan.actionable()) == LICENSES
    wizard.next()
    confirm = wizard.licenses_page.confirm_dialog
    assert confirm is not None
    confirm.yes_button.click()
    run = wizard.run_page
    banner = run.pause_banner

    # Paused: the account's own sign-in window, over the wizard, on the account's page.
    await until(lambda: sign_in_window(window) is not None, timeout=60)
    first = sign_in_window(window)
    assert first is not None and first.parent() is wizard
    assert first.email_edit.text() == ACTOR
    assert not first.stay.isEnabled()  # switching it would close the page the run uses
    live = window.live_accounts.get(ACTOR)
    assert live is not None and first.view.page() is live.driver.page
    assert banner.isVisible() and ACTOR in banner.text.text()
    assert RowState.WAITING_FOR_SIGN_IN in run.model.states()
    assert wizard.runner.running and wizard.runner.paused == [ACTOR]

    # Closed without signing in: the run waits and asks; Sign in again opens a new window.
    first.reject()
    await until(lambda: banner.sign_in_button.isVisible())
    assert banner.skip_button.isVisible() and wizard.runner.running
    panel = run.live_panel
    assert panel is not None  # the page is back beside the list, saying the sign-in ended
    assert panel.view.page() is live.driver.page and "sign-in has ended" in panel.caption.text()
    loads: list[bool] = []
    live.driver.page.loadFinished.connect(loads.append)
    banner.sign_in_button.click()
    await until(lambda: sign_in_window(window) is not None)
    again = sign_in_window(window)
    assert again is not None and again is not first
    assert not banner.sign_in_button.isVisible()
    await signed_in_again(again, loads)

    await until(lambda: not wizard.runner.running, timeout=120)
    assert not flow.failed(), [(sen, flow.outcomes()[sen]) for sen in flow.failed()]
    assert not banner.isVisible()
    assert "signed in as" in panel.caption.text()
    assert all(run.model.state(sen) is RowState.DONE for sen in chosen)
    check_end_state(sandbox.state, plan)
    changed_once(sandbox.state, plan)  # the change answered "expired" was not sent again
    del qtbot
