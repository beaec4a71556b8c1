""" "Sign in as the target…" from the wizard, through the app's own dialog, against the sandbox
on 127.0.0.1: a wrong password is said and changes nothing; the right one signs the target in,
joins the account list and lets the target's own steps run."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.models import Account, AccountKind
from desktop.services.consolidation_flow import Step
from desktop.ui.add_account_dialog import AddAccountDialog
from desktop.ui.application import DesktopApp
from desktop.ui.main_window import MainWindow
from desktop.ui.self_test import wait_for_refresh
from desktop.ui.wizard.consolidation_wizard import ConsolidationWizard
from desktop.ui.wizard.launch import WizardLauncher
from tests.conftest import SandboxHandle
from tests.ui.apps import close_app, make_desktop_app
from tests.ui.wizard.harness import LN, QQ, WF, ZW, settle


@pytest.fixture
def server(sandbox_server) -> SandboxHandle:
    return sandbox_server()


@pytest.fixture
async def desktop_app(qtbot: QtBot, tmp_path: Path, server: SandboxHandle):
    """The app with three of the sandbox's accounts added (not the target's)."""
    app = make_desktop_app(tmp_path)
    win = app.window
    qtbot.addWidget(win)
    for email in (LN, WF, QQ):
        account = Account(AccountKind.PORTAL, email=email, portal=server.url, label=email)
        win.passwords.remember(account, "demo", keep=False)
        win.store.add(account)
    win.show()
    await wait_for_refresh(win)
    yield app
    await close_app(app)


@pytest.fixture
def window(desktop_app: DesktopApp) -> MainWindow:
    return desktop_app.window


async def target_page_for(launcher: WizardLauncher, email: str) -> ConsolidationWizard:
    wizard = await launcher.open_wizard()
    assert wizard is not None
    wizard.next()  # welcome → sources
    wizard.next()  # → target
    assert Step(wizard.currentId()) is Step.TARGET
    page = wizard.target_page
    emails = [
        page.suggestions.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(page.suggestions.count())
    ]
    page.suggestions.setCurrentRow(emails.index(email))
    assert wizard.flow.target == email
    return wizard


def open_dialog(wizard: ConsolidationWizard) -> AddAccountDialog:
    dialogs = [w for w in wizard.findChildren(AddAccountDialog) if w.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def fill(dialog: AddAccountDialog, portal: str, password: str) -> None:
    dialog.portal_combo.setCurrentIndex(dialog.portal_combo.findData("url"))
    dialog.url_edit.setText(portal)
    dialog.password_edit.setText(password)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()


async def test_sign_in_as_the_target_from_the_wizard(
    qtbot: QtBot, window: MainWindow, desktop_app: DesktopApp, server: SandboxHandle
) -> None:
    url = server.url
    wizard = await target_page_for(desktop_app.launcher, ZW)
    page = wizard.target_page
    assert not wizard.flow.target_signed_in
    assert wizard.flow.consequences().needs_sign_in > 0
    assert page.sign_in_target.isVisibleTo(page)

    # A wrong password: said in plain words, nothing stored, the target still not signed in.
    page.sign_in_target.click()
    await settle(qtbot, lambda: bool(wizard.findChildren(AddAccountDialog)))
    dialog = open_dialog(wizard)
    assert dialog.email_edit.text() == ZW  # the target's address is filled in
    fill(dialog, url, "not-the-password")
    await settle(qtbot, lambda: wizard.findChild(QMessageBox, "wizardSignInError") is not None)
    box = wizard.findChild(QMessageBox, "wizardSignInError")
    assert box is not None and "password" in box.text().lower()
    box.accept()
    assert window.store.find(ZW) is None
    assert window.passwords.get(Account(AccountKind.PORTAL, email=ZW, portal=url)) is None
    assert not wizard.flow.target_signed_in and page.sign_in_target.isVisibleTo(page)

    # The right one: the target is signed in, its steps can run, the account is kept.
    await settle(qtbot, lambda: not wizard._sign_in_task or wizard._sign_in_task.done())
    page.sign_in_target.click()
    await settle(qtbot, lambda: any(d.isVisible() for d in wizard.findChildren(AddAccountDialog)))
    fill(open_dialog(wizard), url, "demo")
    await settle(qtbot, lambda: wizard.flow.target_signed_in)
    assert wizard.flow.consequences().needs_sign_in == 0
    assert not page.sign_in_target.isVisibleTo(page)
    stored = window.store.find(ZW)
    assert stored is not None and stored.portal == url

    # And the run: every confirmed license ends with the target as its primary contact,
    # those only the target itself could promote included.
    plan = wizard.flow.final_plan()
    promoting = [entry.sen for entry in plan.promoting()]
    by_target = [e.sen for e in plan.promoting() if any(s.actor == ZW for s in e.steps)]
    assert by_target  # the steps the sign-in made possible
    wizard.next()  # → licenses
    wizard.next()  # Consolidate… → the confirmation
    confirm = wizard.licenses_page.confirm_dialog
    assert confirm is not None
    confirm.yes_button.click()
    await settle(qtbot, lambda: not wizard.runner.running and wizard.flow.can_go_on(Step.RUN))
    assert wizard.flow.failed() == []
    state = server.state
    for sen in promoting:
        primary = state.license(sen).primary_technical_contact
        assert primary is not None and primary.email == ZW
