"""A My Atlassian account in the real app: add it through the add-account dialog and the
embedded sign-in, see its licenses in the main table, consolidate through the wizard."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import httpx
import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.domain.models import AccountKind
from desktop.engine.plan import Action
from desktop.portal.my_atlassian.page_check import Part, Verdict
from desktop.portal.my_atlassian.urls import replica
from desktop.services.consolidation_flow import Step
from desktop.services.my_atlassian.session import ActionMode
from desktop.services.paste_store import PasteStore
from desktop.services.refresh import AccountState
from desktop.ui.account_actions import ACTION_MODE_KEY
from desktop.ui.add_account_dialog import MY_ATLASSIAN, AddAccountDialog
from desktop.ui.application import DesktopApp
from desktop.ui.language import LanguageManager
from desktop.ui.main_window import MainWindow
from desktop.ui.my_atlassian.page_check_dialog import PageCheckDialog
from desktop.ui.my_atlassian.sign_in_window import SignInWindow
from desktop.ui.self_test import wait_for_refresh
from tests.conftest import SandboxHandle
from tests.live.conftest import FAST, close_window, next_refresh, type_sign_in, until

ACTOR = "li.na@huake.example"
TARGET = "zhang.wei@huake.example"
ADD_AND_PROMOTE = "SEN-20110101"
PROMOTE_ONLY = "SEN-20110577"


@pytest.fixture
async def desktop_app(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path
) -> AsyncIterator[DesktopApp]:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    quits = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    language = LanguageManager(settings)
    language.apply("en", remember=False)
    app = DesktopApp(
        settings,
        language=language,
        pastes=PasteStore(tmp_path / "pastes"),
        today=date(2024, 6, 1),
        live_urls=replica(sandbox.url),
        journal_path=tmp_path / "journal.sqlite3",
    )
    win = app.window
    win.show()
    await wait_for_refresh(win)
    try:
        yield app
    finally:
        wizard = app.launcher.wizard
        if wizard is not None:
            if wizard.runner.running:
                wizard.runner.cancel()
                await wizard.runner.wait()
            shiboken6.delete(wizard)
        await close_window(win)
        qapp.setQuitOnLastWindowClosed(quits)


@pytest.fixture
def window(desktop_app: DesktopApp) -> MainWindow:
    return desktop_app.window


async def sign_in_live(win: MainWindow, mode: ActionMode = ActionMode.ASSISTED) -> SignInWindow:
    """Add account → My Atlassian → OK → sign in in the embedded page → Use this account."""
    dialog = win.accounts.add_account()
    dialog.portal_combo.setCurrentIndex(dialog.portal_combo.findData(MY_ATLASSIAN))
    assert not dialog.password_edit.isVisibleTo(dialog)  # the app never asks for it
    assert dialog.mode_combo.isVisibleTo(dialog)
    dialog.set_action_mode(mode)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    sign_in = win._dialogs[-1]
    assert isinstance(sign_in, SignInWindow) and sign_in.isVisible()
    driver = sign_in.live.driver
    await until(lambda: sign_in.live.urls.start in driver.url)
    text = await driver.wait_for(driver.text, lambda t: "Log in" in t, timeout=15)
    assert text is not None
    await type_sign_in(driver, ACTOR)  # what the person types
    await until(lambda: sign_in.ok_button.isEnabled() and sign_in.email_edit.text() == ACTOR)
    await next_refresh(win, sign_in.ok_button.click, 60)
    return sign_in


async def test_add_a_my_atlassian_account_and_see_its_licenses(
    window: MainWindow, sandbox: SandboxHandle
) -> None:
    await sign_in_live(window, ActionMode.GUIDED)

    account = window.store.find(ACTOR)
    assert account is not None and account.kind is AccountKind.MY_ATLASSIAN
    assert window.settings.value(ACTION_MODE_KEY) == "guided"
    assert window.live_accounts.mode is ActionMode.GUIDED
    expected, _ = sandbox.state.list_for(ACTOR, 0, 1000)
    shown = {window.model.license_at(r).sen for r in range(window.model.rowCount())}
    assert shown == {lic.sen for lic in expected}  # the demo stepped aside; only the page's
    assert window.refresher.state(ACTOR) is AccountState.LIVE
    assert "Signed in in the browser" in window.accounts_panel.item_text(ACTOR)

    # Removing the account signs it out: no page left, and the next read needs a sign-in.
    await next_refresh(window, lambda: window.accounts.remove_account(ACTOR, confirm=False))
    assert window.live_accounts.get(ACTOR) is None
    assert all(a.key != ACTOR for a in window.store.own_accounts)


async def test_a_signed_out_live_account_asks_to_sign_in_again(
    window: MainWindow, sandbox: SandboxHandle
) -> None:
    await sign_in_live(window)
    window.live_accounts.close_all()  # e.g. the app was restarted: no browser session
    await window.live_accounts.released()
    await next_refresh(window, window.refresh)
    assert window.refresher.state(ACTOR) is AccountState.SIGN_IN_AGAIN
    assert "Sign in again" in window.accounts_panel.item_text(ACTOR)
    assert window.model.rowCount() > 0  # the last good reading stays in the table
    del sandbox


async def test_the_wizard_consolidates_a_live_account_through_assisted_clicks(
    window: MainWindow, sandbox: SandboxHandle, desktop_app: DesktopApp
) -> None:
    await sign_in_live(window, ActionMode.ASSISTED)
    session = window.live_accounts.session(ACTOR)
    assert session is not None
    session.timings = FAST

    wizard = await desktop_app.launcher.open_wizard()
    assert wizard is not None
    flow = wizard.flow
    assert ACTOR in flow.taking_part()  # the live account acts like a portal account
    wizard.next()
    wizard.next()
    wizard.target_page.email_edit.setText(TARGET)
    wizard.next()
    assert Step(wizard.currentId()) is Step.LICENSES
    plan = flow.plan()
    assert plan.entry(ADD_AND_PROMOTE).action is Action.ADD_AND_PROMOTE  # type: ignore[union-attr]
    assert plan.entry(PROMOTE_ONLY).action is Action.PROMOTE_ONLY  # type: ignore[union-attr]
    flow.check_all(False)
    flow.set_checked(ADD_AND_PROMOTE, True)
    flow.set_checked(PROMOTE_ONLY, True)
    wizard.next()  # Consolidate… asks first
    dialog = wizard.licenses_page.confirm_dialog
    assert dialog is not None
    dialog.yes_button.click()
    assert Step(wizard.currentId()) is Step.RUN

    page = wizard.run_page
    panel = page.live_panel
    assert panel is not None and panel.isVisibleTo(page)  # the page beside the progress list
    live = window.live_accounts.get(ACTOR)
    assert live is not None and panel.view.page() is live.driver.page
    assert window.live_accounts.guide is panel.guide
    await until(lambda: not wizard.runner.running, timeout=90)

    for sen in (ADD_AND_PROMOTE, PROMOTE_ONLY):
        lic = sandbox.state.license(sen)
        assert lic.is_primary_technical(TARGET), sen
    assert flow.consolidated_count() == 2
    assert not flow.failed()
    untouched = sandbox.state.license("SEN-20110388")  # unticked: left as it was
    assert not untouched.is_technical_contact(TARGET)


async def test_sign_in_as_the_target_in_my_atlassian_from_the_wizard(
    window: MainWindow, sandbox: SandboxHandle, desktop_app: DesktopApp
) -> None:
    """The target is not signed in: "Sign in as the target…" → My Atlassian in the app's
    dialog → the embedded sign-in → the target is signed in and its own steps can run."""
    await sign_in_live(window)
    wizard = await desktop_app.launcher.open_wizard()
    assert wizard is not None
    wizard.next()
    wizard.next()
    page = wizard.target_page
    page.email_edit.setText(TARGET)
    assert not wizard.flow.target_signed_in and page.sign_in_target.isVisibleTo(page)
    assert wizard.flow.consequences().needs_sign_in > 0

    page.sign_in_target.click()
    await until(lambda: any(d.isVisible() for d in wizard.findChildren(AddAccountDialog)))
    dialog = next(d for d in wizard.findChildren(AddAccountDialog) if d.isVisible())
    assert dialog.email_edit.text() == TARGET
    dialog.portal_combo.setCurrentIndex(dialog.portal_combo.findData(MY_ATLASSIAN))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    await until(lambda: any(isinstance(d, SignInWindow) for d in window._dialogs))
    sign_in = window._dialogs[-1]
    assert isinstance(sign_in, SignInWindow) and sign_in.isVisible()
    driver = sign_in.live.driver
    assert await driver.wait_for(driver.text, lambda t: "Log in" in t, timeout=15) is not None
    await type_sign_in(driver, TARGET)
    await until(lambda: sign_in.ok_button.isEnabled() and sign_in.email_edit.text() == TARGET)
    sign_in.ok_button.click()

    await until(lambda: wizard.flow.target_signed_in, timeout=30)
    assert wizard.flow.consequences().needs_sign_in == 0
    assert not page.sign_in_target.isVisibleTo(page)
    stored = window.store.find(TARGET)
    assert stored is not None and stored.kind is AccountKind.MY_ATLASSIAN
    del sandbox


async def test_the_first_sign_in_checks_the_page_and_the_menu_saves_a_report(
    window: MainWindow, sandbox: SandboxHandle, tmp_path: Path
) -> None:
    await sign_in_live(window)
    await until(lambda: any(isinstance(d, PageCheckDialog) for d in window._dialogs))
    first = next(d for d in window._dialogs if isinstance(d, PageCheckDialog))
    assert first.isVisible() and first.task is not None
    check = await asyncio.wait_for(first.task, 60)
    assert check is not None and check.verdict is Verdict.READY
    assert "The app can read your licenses and make the changes itself" in (
        first.verdict_label.text()
    )
    parts = [first.parts.topLevelItem(i).text(1) for i in range(first.parts.topLevelItemCount())]
    assert len(parts) == len(Part) and all(text.startswith("✓") for text in parts)
    first.reject()

    # Later, from the account's menu, with a renamed control: guided steps.
    async with httpx.AsyncClient(base_url=sandbox.url) as client:
        await client.put("/my-atlassian/_quirks", json={"labels": {"make_primary": "Promote now"}})
    window.accounts_panel.select(ACTOR)
    action = window.accounts_panel.check_page_action
    assert action.isEnabled() and action.text() == "Check the My Atlassian page"
    action.trigger()
    dialog = window._dialogs[-1]
    assert isinstance(dialog, PageCheckDialog) and dialog is not first
    assert dialog.task is not None
    check = await asyncio.wait_for(dialog.task, 60)
    assert check is not None and check.verdict is Verdict.GUIDED
    assert "will guide you through each step" in dialog.verdict_label.text()
    path = await dialog.save_report(tmp_path / "report.json")
    assert path is not None and path.exists()
    assert ACTOR not in path.read_text("utf-8")
    assert str(path) in dialog.saved_label.text()
    assert sandbox.state.notifications() == []  # nothing was changed
    dialog.reject()
