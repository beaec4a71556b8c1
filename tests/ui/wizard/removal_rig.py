"""The whole app on the sandbox (127.0.0.1) for the removal wizard's GUI tests: three of the
sandbox's accounts added (LN, WF, QQ), the consolidation target ZW remembered."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.domain.models import Account, AccountKind
from desktop.services.consolidation_flow import Step
from desktop.ui.application import DesktopApp
from desktop.ui.removal.removal_wizard import RemovalWizard
from desktop.ui.self_test import wait_for_refresh
from tests.conftest import SandboxHandle
from tests.ui.apps import close_app, make_desktop_app
from tests.ui.wizard.harness import LN, QQ, WF, ZW, settle

LY = "liu.yang@huake.example"  # a contact with no sign-in
SIGNED_IN = (LN, WF, QQ)


async def removal_app(
    qtbot: QtBot, tmp_path: Path, server: SandboxHandle, lang: str = "en"
) -> DesktopApp:
    app = make_desktop_app(tmp_path, lang=lang)
    win = app.window
    qtbot.addWidget(win)
    for email in SIGNED_IN:
        account = Account(AccountKind.PORTAL, email=email, portal=server.url, label=email)
        win.passwords.remember(account, "demo", keep=False)
        win.store.add(account)
    win.set_target_email(ZW)  # the consolidation target: never offered, never removed
    win.show()
    await wait_for_refresh(win)
    return app


async def open_removal(app: DesktopApp) -> RemovalWizard:
    wizard = await app.launcher.open_removal()
    assert wizard is not None and Step(wizard.currentId()) is Step.TARGET
    return wizard


async def run_to_summary(qtbot: QtBot, wizard: RemovalWizard) -> None:
    """Yes in the confirmation, the run, then Next to the summary."""
    dialog = wizard.plan_page.confirm_dialog
    assert dialog is not None
    dialog.yes_button.click()  # type: ignore[attr-defined]
    assert Step(wizard.currentId()) is Step.RUN
    await settle(qtbot, lambda: not wizard.runner.running and wizard.flow.can_go_on(Step.RUN))
    wizard.next()
    assert Step(wizard.currentId()) is Step.SUMMARY


@asynccontextmanager
async def removal_wizard(
    qtbot: QtBot, tmp_path: Path, server: SandboxHandle, lang: str = "en"
) -> AsyncIterator[tuple[DesktopApp, RemovalWizard]]:
    """The app and its removal wizard on the first page; closed (and English again) after."""
    app = await removal_app(qtbot, tmp_path, server, lang)
    try:
        yield app, await open_removal(app)
    finally:
        await close_app(app)
        app.language.apply("en", remember=False)  # the translators are the whole process's
