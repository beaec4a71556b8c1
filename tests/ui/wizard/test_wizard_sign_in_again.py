"""A portal account's sign-in that ends during a run, in the whole app against the sandbox on
127.0.0.1: the run pauses for that account, signs it in again with the stored password (or
asks for it when the stored one is refused), then goes on; each license is changed exactly
once. A closed password dialog leaves the run waiting with Sign in again / Skip; Skip fails
that account's waiting licenses (Retry asks again); Cancel while waiting ends the run."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from desktop.domain.models import Account, AccountKind
from desktop.engine.plan import Plan
from desktop.services.consolidation_flow import Step
from desktop.ui.add_account_dialog import AddAccountDialog
from desktop.ui.application import DesktopApp
from desktop.ui.self_test import wait_for_refresh
from desktop.ui.wizard.consolidation_wizard import ConsolidationWizard
from desktop.ui.wizard.run_status_model import RowState
from desktop.ui.wizard.texts import error_text
from tests.conftest import SandboxFactory, SandboxHandle
from tests.engine.sandbox_helpers import changed_once, check_end_state, expire_after_write
from tests.ui.apps import close_app, make_desktop_app
from tests.ui.wizard.harness import LN, QQ, WF, ZW, settle

NEW_PASSWORD = "changed-elsewhere-7"


@pytest.fixture
def server(sandbox_server: SandboxFactory) -> SandboxHandle:
    return sandbox_server(latency_ms=10)


async def app_on(qtbot: QtBot, tmp_path: Path, server: SandboxHandle) -> DesktopApp:
    """The app with four of the sandbox's accounts, their passwords kept for this session."""
    app = make_desktop_app(tmp_path)
    win = app.window
    qtbot.addWidget(win)
    for email in (LN, WF, QQ, ZW):
        account = Account(AccountKind.PORTAL, email=email, portal=server.url, label=email)
        win.passwords.remember(account, "demo", keep=False)
        win.store.add(account)
    win.show()
    await wait_for_refresh(win)
    return app


@pytest.fixture
async def desktop_app(
    qtbot: QtBot, tmp_path: Path, server: SandboxHandle
) -> AsyncIterator[DesktopApp]:
    app = await app_on(qtbot, tmp_path, server)
    yield app
    await close_app(app)


async def start_run(app: DesktopApp, *, only_actor: str | None = None) -> ConsolidationWizard:
    """Welcome → sources → target (ZW) → licenses (those ``only_actor`` acts on) → Yes."""
    wizard = await app.launcher.open_wizard()
    assert wizard is not None
    wizard.next()
    wizard.next()
    wizard.target_page.email_edit.setText(ZW)
    wizard.next()
    assert Step(wizard.currentId()) is Step.LICENSES
    if only_actor is not None:
        mine = [
            e.sen
            for e in wizard.flow.final_plan().actionable()
            if {s.actor for s in e.steps} == {only_actor}
        ]
        assert len(mine) >= 3
        wizard.flow.check_all(False)
        wizard.flow.check_all(True, mine)
    wizard.next()
    confirm = wizard.licenses_page.confirm_dialog
    assert confirm is not None
    confirm.yes_button.click()
    assert Step(wizard.currentId()) is Step.RUN
    return wizard


def record_pauses(wizard: ConsolidationWizard) -> list[tuple[str, str]]:
    """What the run says about sign-ins, in order: (signal, email)."""
    said: list[tuple[str, str]] = []
    runner = wizard.runner
    runner.sessionPaused.connect(lambda email: said.append(("paused", email)))
    runner.signInClosed.connect(lambda email: said.append(("closed", email)))
    runner.sessionResumed.connect(lambda email, ok: said.append(("ok" if ok else "not", email)))
    return said


def password_dialog(wizard: ConsolidationWizard) -> AddAccountDialog | None:
    shown = [
        d for d in wizard.findChildren(AddAccountDialog, "passwordAgainDialog") if d.isVisible()
    ]
    return shown[-1] if shown else None


async def changed_elsewhere(app: DesktopApp, server: SandboxHandle) -> ConsolidationWizard:
    """A run of LN's licenses whose sign-in ends after the 2nd change, LN's password changed
    elsewhere before the run's first change: the stored one is refused, so it is asked for."""
    expire_after_write(server.state, 2)
    wizard = await start_run(app, only_actor=LN)
    server.state.change_password(LN, NEW_PASSWORD)
    return wizard


async def asked_for_password(qtbot: QtBot, wizard: ConsolidationWizard) -> AddAccountDialog:
    await settle(qtbot, lambda: password_dialog(wizard) is not None)
    dialog = password_dialog(wizard)
    assert dialog is not None
    return dialog


def type_password(dialog: AddAccountDialog, password: str) -> None:
    dialog.password_edit.setText(password)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()


async def told_why(qtbot: QtBot, wizard: ConsolidationWizard, timeout_ms: int = 20000) -> str:
    """The message saying why the new sign-in did not work: its text, once closed."""
    await settle(
        qtbot,
        lambda: wizard.findChild(QMessageBox, "wizardSignInError") is not None,
        timeout_ms,
    )
    box = wizard.findChild(QMessageBox, "wizardSignInError")
    assert box is not None
    text = box.text()
    box.accept()
    return text


async def finished(qtbot: QtBot, wizard: ConsolidationWizard, timeout_ms: int = 30000) -> None:
    await settle(qtbot, lambda: not wizard.runner.running, timeout_ms)


def plan_of(wizard: ConsolidationWizard) -> Plan:
    return wizard.flow.final_plan()


async def test_an_expired_token_signs_in_again_with_the_stored_password(
    qtbot: QtBot, desktop_app: DesktopApp, server: SandboxHandle
) -> None:
    lost = expire_after_write(server.state, 5)  # every sign-in ends after the 5th change
    wizard = await start_run(desktop_app)
    said = record_pauses(wizard)
    plan = plan_of(wizard)
    await finished(qtbot, wizard)
    run = wizard.run_page
    assert lost, "the sessions ended during the run"
    assert wizard.flow.failed() == []
    assert RowState.FAILED not in run.model.states()
    paused = {email for kind, email in said if kind == "paused"}
    assert paused and {email for kind, email in said if kind == "ok"} == paused
    assert not [kind for kind, _ in said if kind in ("closed", "not")]
    assert password_dialog(wizard) is None  # the stored password: nobody was asked
    assert not run.pause_banner.isVisible() and run.pause_banner.waiting == []
    check_end_state(server.state, plan)
    changed_once(server.state, plan)  # no step repeated after the new sign-in


async def test_a_refused_stored_password_is_asked_for_and_kept(
    qtbot: QtBot, desktop_app: DesktopApp, server: SandboxHandle
) -> None:
    state = server.state
    wizard = await changed_elsewhere(desktop_app, server)
    said = record_pauses(wizard)
    plan = plan_of(wizard)
    run = wizard.run_page
    dialog = await asked_for_password(qtbot, wizard)
    assert dialog.email_edit.text() == LN and not dialog.email_edit.isEnabled()
    assert dialog.url_edit.isReadOnly()  # the run's portal, not another
    # While the dialog is open, the run page says whose sign-in it waits for.
    assert run.pause_banner.isVisible() and LN in run.pause_banner.text.text()
    assert not run.pause_banner.sign_in_button.isVisible()
    waiting = [s for s in run.model.states() if s is RowState.WAITING_FOR_SIGN_IN]
    assert waiting
    type_password(dialog, NEW_PASSWORD)
    await finished(qtbot, wizard)
    assert wizard.flow.failed() == []
    assert said[0] == ("paused", LN) and said[-1] == ("ok", LN)
    assert not run.pause_banner.isVisible()
    account = desktop_app.window.store.find(LN)
    assert account is not None
    assert desktop_app.window.passwords.get(account) == NEW_PASSWORD  # the new one is used
    check_end_state(state, plan)
    changed_once(state, plan)


async def test_a_closed_sign_in_waits_then_signs_in_again(
    qtbot: QtBot, desktop_app: DesktopApp, server: SandboxHandle
) -> None:
    state = server.state
    wizard = await changed_elsewhere(desktop_app, server)
    said = record_pauses(wizard)
    plan = plan_of(wizard)
    run = wizard.run_page
    banner = run.pause_banner
    # A wrong password: said in plain words; the run still waits (nothing else is done).
    type_password(await asked_for_password(qtbot, wizard), "not-it")
    assert "password" in (await told_why(qtbot, wizard)).lower()
    await settle(qtbot, lambda: banner.sign_in_button.isVisible())
    assert wizard.runner.running and wizard.runner.waiting_for_person() == [LN]
    assert banner.skip_button.isVisible() and LN in banner.text.text()
    assert wizard.focusWidget() is banner.sign_in_button  # Enter signs in again
    writes_while_waiting = state.writes_by_license()
    # Sign in again: the dialog opens once more; the right password; the run goes on.
    banner.sign_in_button.click()
    dialog = await asked_for_password(qtbot, wizard)
    assert not banner.sign_in_button.isVisible()
    type_password(dialog, NEW_PASSWORD)
    await finished(qtbot, wizard)
    assert wizard.flow.failed() == []
    assert [kind for kind, _ in said] == ["paused", "closed", "ok"]
    assert sum(n for n, _ in writes_while_waiting.values()) < sum(
        len(e.steps) for e in plan.actionable()
    )
    check_end_state(state, plan)
    changed_once(state, plan)


async def test_skip_fails_the_waiting_licenses_and_retry_asks_again(
    qtbot: QtBot, desktop_app: DesktopApp, server: SandboxHandle
) -> None:
    state = server.state
    wizard = await changed_elsewhere(desktop_app, server)
    plan = plan_of(wizard)
    run = wizard.run_page
    banner = run.pause_banner
    (await asked_for_password(qtbot, wizard)).reject()  # closed without signing in
    await settle(qtbot, lambda: banner.skip_button.isVisible())
    banner.skip_button.click()
    await finished(qtbot, wizard)
    failed = wizard.flow.failed()
    assert failed  # the waiting licenses, each saying whose sign-in ended
    for sen in failed:
        assert run.model.state(sen) is RowState.FAILED
        status = run.model.status_text(run.model.row_of(sen))
        assert status.endswith(error_text("unauthenticated", (LN,))) and LN in status
    assert not banner.isVisible()
    assert run.retry_button.isEnabled()
    # Retry failed: the account is asked again; signed in, the rest is done, once each.
    run.retry_button.click()
    type_password(await asked_for_password(qtbot, wizard), NEW_PASSWORD)
    await finished(qtbot, wizard)
    assert wizard.flow.failed() == []
    check_end_state(state, plan)
    changed_once(state, plan)


async def test_cancel_while_waiting_for_a_sign_in_ends_the_run(
    qtbot: QtBot, desktop_app: DesktopApp, server: SandboxHandle
) -> None:
    wizard = await changed_elsewhere(desktop_app, server)
    run = wizard.run_page
    await asked_for_password(qtbot, wizard)
    assert not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    run.cancel_button.click()
    await finished(qtbot, wizard)
    assert password_dialog(wizard) is None  # the dialog closed with the run
    assert not run.pause_banner.isVisible()
    states = run.model.states()
    assert RowState.CANCELLED in states and RowState.WAITING_FOR_SIGN_IN not in states
    assert wizard.flow.failed() == []  # cancelled, not failed: the run can be resumed


async def test_a_short_token_lifetime_does_not_stop_a_run(
    qtbot: QtBot, tmp_path: Path, sandbox_server: SandboxFactory
) -> None:
    """``sandbox --token-lifetime``'s option: every sign-in ends a second after it was made,
    again and again during the run; each time the stored password signs in again."""
    server = sandbox_server(latency_ms=80, token_ttl_s=1.0)
    app = await app_on(qtbot, tmp_path, server)
    try:
        wizard = await start_run(app)
        said = record_pauses(wizard)
        plan = plan_of(wizard)
        await finished(qtbot, wizard, 60000)
        assert wizard.flow.failed() == []
        assert any(kind == "paused" for kind, _ in said)
        check_end_state(server.state, plan)
        changed_once(server.state, plan)
    finally:
        await close_app(app)


async def test_a_portal_failing_the_new_sign_in_is_said_and_the_run_asks(
    qtbot: QtBot, desktop_app: DesktopApp, server: SandboxHandle
) -> None:
    """The sign-in ends and the portal then breaks on every sign-in (a 500 answered as plain
    text, not the contract's JSON): a password would not help, so none is asked for; the
    person is told why, then Sign in again / Skip."""
    state = server.state
    wizard = await start_run(desktop_app, only_actor=LN)
    lost = expire_after_write(state, 2)
    signed_in = state.sign_in

    def unavailable_once_expired(email: str, password: str) -> object:
        if lost:
            raise RuntimeError("the portal broke")  # the server answers 500, plain text
        return signed_in(email, password)

    state.sign_in = unavailable_once_expired  # type: ignore[method-assign,assignment]
    run = wizard.run_page
    banner = run.pause_banner
    why = await told_why(qtbot, wizard, 60000)
    assert password_dialog(wizard) is None
    assert "password" not in why.lower()  # it says the portal, not the password
    await settle(qtbot, lambda: banner.skip_button.isVisible())
    writes = state.writes_by_license()
    banner.skip_button.click()
    await finished(qtbot, wizard)
    assert wizard.flow.failed()  # the licenses that waited, to retry when it is back
    assert state.writes_by_license() == writes  # nothing sent after the sign-in ended
    assert not banner.isVisible()
