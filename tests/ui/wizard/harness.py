"""Builds the consolidation wizard on a real sandbox (uvicorn on 127.0.0.1) for the GUI tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.merge import merge_licenses
from desktop.domain.models import Account
from desktop.engine.journal import Journal
from desktop.engine.planner import make_plan
from desktop.portal.http_client import HttpPortal, HttpPortalSession, RetryPolicy
from desktop.services.consolidation_flow import ConsolidationFlow, Step
from desktop.services.consolidation_run import ConsolidationRun, SignIn, SignInResult
from desktop.ui.wizard.consolidation_wizard import ConsolidationWizard

ZW = "zhang.wei@huake.example"
LN = "li.na@huake.example"
WF = "wang.fang@northwind.example"
QQ = "huake.buyer@qq.com"
PASSWORD = "demo"


@dataclass
class Rig:
    wizard: ConsolidationWizard
    flow: ConsolidationFlow
    runner: ConsolidationRun
    portal: HttpPortal
    sessions: dict[str, HttpPortalSession]
    journal: Journal

    @property
    def step(self) -> Step:
        return Step(self.wizard.currentId())

    async def close(self) -> None:
        if self.runner.running:
            self.runner.cancel()
            await self.runner.wait()
        await self.portal.aclose()
        self.journal.close()


async def sign_in_all(portal: HttpPortal, emails: Iterable[str]) -> dict[str, HttpPortalSession]:
    sessions = await asyncio.gather(*(portal.sign_in(e, PASSWORD) for e in emails))
    return {s.account.email: s for s in sessions}


async def read_all(sessions: Iterable[HttpPortalSession]) -> list:  # type: ignore[type-arg]
    pages = await asyncio.gather(*(s.list_licenses() for s in sessions))
    return merge_licenses(x for page in pages for x in page)


def sign_in_through(portal: HttpPortal, sessions: dict[str, HttpPortalSession]) -> SignIn:
    """What the main window provides: sign in (here without a dialog), read everything again."""

    async def sign_in(email: str) -> SignInResult | None:
        session = await portal.sign_in(email, PASSWORD)
        sessions[session.account.email] = session
        return SignInResult(session.account, session, await read_all(sessions.values()))

    return sign_in


async def open_wizard(
    qtbot: QtBot,
    url: str,
    journal_path: Path,
    *,
    signed_in: Iterable[str] = (LN, WF, QQ),
    extra_accounts: Iterable[Account] = (),
    concurrency: int = 4,
    with_sign_in: bool = True,
    show: bool = True,
    retry: RetryPolicy | None = None,
    **executor_options: Any,
) -> Rig:
    portal = HttpPortal(url, timeout=5.0, retry=retry)
    sessions = await sign_in_all(portal, signed_in)
    licenses = await read_all(sessions.values())
    accounts = [s.account for s in sessions.values()] + list(extra_accounts)
    journal = Journal(journal_path)
    flow = ConsolidationFlow(licenses, accounts, sessions.keys(), planner=make_plan)
    runner = ConsolidationRun(
        flow, sessions, journal=journal, concurrency=concurrency, **executor_options
    )
    sign_in = sign_in_through(portal, sessions) if with_sign_in else None
    wizard = ConsolidationWizard(flow, runner, sign_in=sign_in)
    qtbot.addWidget(wizard)
    if show:
        wizard.show()
        qtbot.waitExposed(wizard)
    return Rig(wizard, flow, runner, portal, sessions, journal)


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Chinese included, the way an input method commits it."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


async def settle(qtbot: QtBot, condition: Callable[[], bool], timeout_ms: int = 20000) -> None:
    """Let the asyncio loop run until ``condition`` holds (qasync runs Qt and asyncio together)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_ms / 1000
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("timed out waiting")
        await asyncio.sleep(0.01)
    del qtbot


async def go_to_run(qtbot: QtBot, rig: Rig, target: str = ZW) -> None:
    """Welcome → sources → target → licenses → Yes: the run starts."""
    wizard = rig.wizard
    wizard.next()
    wizard.next()
    wizard.target_page.email_edit.setText(target)
    wizard.next()
    assert rig.step is Step.LICENSES
    wizard.next()  # Consolidate… opens the confirmation
    dialog = wizard.licenses_page.confirm_dialog
    assert dialog is not None
    dialog.yes_button.click()
    assert rig.step is Step.RUN
    del qtbot
