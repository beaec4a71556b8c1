"""``--self-test``: every check of the real app, offscreen, on the demo data: the license
table, the consolidation wizard through its pages, and the embedded browser."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWizard

from desktop.engine.events import Outcome
from desktop.portal.demo_accounts import DEMO_TARGET
from desktop.services.consolidation_flow import Step
from desktop.services.my_atlassian.live_accounts import LiveAccounts
from desktop.ui.application import DesktopApp
from desktop.ui.main_window import MainWindow
from desktop.ui.wizard.confirm_dialog import ConfirmDialog

log = logging.getLogger(__name__)

SELF_TEST_TIMEOUT_S = 60.0
_H = Qt.Orientation.Horizontal
PAGE = "<html><body><h1>My Atlassian</h1><p>SEN-12345678 <b>授权</b></p></body></html>"


class SelfTestError(Exception):
    """A self-test check failed; the message says which."""


@dataclass(frozen=True, slots=True)
class Consolidated:
    """What the wizard's check consolidated."""

    count: int
    target: str

    def __str__(self) -> str:
        return f"{self.count} licenses consolidated into {self.target}, verified in the table"


@dataclass(frozen=True, slots=True)
class SelfTestReport:
    lines: Sequence[str]
    consolidated: Consolidated | None

    def __str__(self) -> str:
        return "\n".join(self.lines)


SelfTestStep = Callable[[DesktopApp], Awaitable[object]]


async def wait_for_refresh(window: MainWindow, timeout: float = SELF_TEST_TIMEOUT_S) -> None:
    """Wait until the refresh running (or about to start) has finished."""
    done = asyncio.get_event_loop().create_future()

    def finished(cancelled: bool) -> None:
        if not done.done():
            done.set_result(cancelled)

    window.refresher.refreshFinished.connect(finished)
    try:
        if not window.refresher.running:
            window.refresh()
        if await asyncio.wait_for(done, timeout):
            raise SelfTestError("the refresh was cancelled")
    finally:
        window.refresher.refreshFinished.disconnect(finished)


async def _until(condition: Any, timeout_s: float = SELF_TEST_TIMEOUT_S) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while not condition():
        if loop.time() > deadline:
            raise SelfTestError("timed out")
        await asyncio.sleep(0.02)


async def check_window_fits(app: DesktopApp) -> str:
    """The window, its status bar and the account buttons lie inside the screen's available
    area (a 1920×1080 laptop at 150 % has 1280×720)."""
    window = app.window
    await _until(window.isVisible)
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if not available.contains(frame):
        raise SelfTestError(f"the window {frame} does not fit the screen's {available}")
    panel = window.accounts_panel
    for part in (window.status, panel.add_button, panel.paste_button, panel.remove_button):
        rect = QRect(part.mapToGlobal(QPoint(0, 0)), part.size())
        if not available.contains(rect):
            raise SelfTestError(f"{part.objectName() or type(part).__name__} is off screen")
    size, room = frame.size(), available.size()
    return f"the window {size.width()}×{size.height()} fits in {room.width()}×{room.height()}"


async def check_license_table(app: DesktopApp) -> str:
    """The table is filled from every demo account, searchable, and the key is masked."""
    window = app.window
    await wait_for_refresh(window)
    model, proxy = window.model, window.proxy
    if model.rowCount() == 0:
        raise SelfTestError("the license table is empty after reading the demo portal")
    for row in range(model.rowCount()):
        sen = model.index(row, 0).data()
        if not (isinstance(sen, str) and sen.startswith("SEN-")):
            raise SelfTestError(f"row {row} has no SEN")
    accounts = window.store.active_accounts()
    seen = set().union(*(lic.seen_by for lic in model.licenses))
    missing = [a.email for a in accounts if a.key not in seen]
    if missing:
        raise SelfTestError(f"no license read from {', '.join(missing)}")
    titles = [model.headerData(c, _H) for c in range(model.columnCount())]
    if any(not t for t in titles):
        raise SelfTestError("a column has no title")
    first = model.license_at(0)
    window.search_edit.setText(first.sen)
    if proxy.rowCount() != 1:
        raise SelfTestError(f"searching {first.sen} shows {proxy.rowCount()} rows, not 1")
    window.table.selectRow(0)
    details = window.details
    if details.license is None or details.license.sen != first.sen:
        raise SelfTestError("selecting a license does not show its details")
    key = first.license_key or ""
    if key and key in details.key_value.text():
        raise SelfTestError("the license key is not masked")
    window.search_edit.clear()
    if proxy.rowCount() != model.rowCount():
        raise SelfTestError("clearing the search does not show every license again")
    return f"{model.rowCount()} licenses from {len(accounts)} accounts; columns {titles}"


async def check_wizard(app: DesktopApp) -> Consolidated:
    """Through the real wizard pages on the demo data: pick a target, confirm, run, check."""
    window = app.window
    wizard = await app.launcher.open_wizard()
    if wizard is None:
        raise SelfTestError("the wizard did not open")
    flow = wizard.flow
    wizard.next()  # welcome → sources
    if Step(wizard.currentId()) is not Step.TARGET:
        wizard.next()
    page = wizard.target_page
    emails = [
        page.suggestions.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(page.suggestions.count())
    ]
    if not emails:
        raise SelfTestError("no target suggestions")
    target = DEMO_TARGET if DEMO_TARGET in emails else emails[0]
    page.suggestions.setCurrentRow(emails.index(target))
    if flow.target != target or not wizard.button(QWizard.WizardButton.NextButton).isEnabled():
        raise SelfTestError(f"the target {target} was not accepted")
    wizard.next()
    if Step(wizard.currentId()) is not Step.LICENSES:
        raise SelfTestError("the licenses page did not open")
    promoting = [e.sen for e in flow.final_plan().promoting()]
    wizard.next()  # Consolidate… → the confirmation
    dialog = wizard.licenses_page.confirm_dialog
    if not isinstance(dialog, ConfirmDialog) or not dialog.cancel_button.isDefault():
        raise SelfTestError("the confirmation did not open with Cancel as the default")
    dialog.yes_button.click()
    if Step(wizard.currentId()) is not Step.RUN:
        raise SelfTestError("Yes did not start the run")
    await _until(lambda: not wizard.runner.running and flow.can_go_on(Step.RUN))
    failed = flow.failed()
    if failed:
        raise SelfTestError(f"{len(failed)} licenses failed: {', '.join(failed[:5])}")
    wizard.next()
    if Step(wizard.currentId()) is not Step.SUMMARY:
        raise SelfTestError("the summary did not open")
    done = [sen for sen, f in flow.outcomes().items() if f.outcome is Outcome.DONE]
    if sorted(done) != sorted(promoting):
        raise SelfTestError("not every confirmed license ended done")
    # Show in table: the main window reads again and must show the target as primary.
    refreshed: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def finished(cancelled: bool) -> None:
        if not refreshed.done():
            refreshed.set_result(cancelled)

    app.refresher.refreshFinished.connect(finished)
    wizard.summary_page.show_button.click()
    await asyncio.wait_for(refreshed, 60.0)
    primaries = {lic.sen: lic.primary_technical_contact for lic in window.model.licenses}
    wrong = [sen for sen in done if (p := primaries.get(sen)) is None or p.email != target]
    if wrong:
        raise SelfTestError(f"the table does not show {target} as primary on {wrong[:5]}")
    return Consolidated(len(done), target)


async def check_web_engine(app: DesktopApp) -> str:
    """The embedded browser: Chromium starts, renders an off-the-record page on a built-in
    HTML text and reads it back (in the frozen app this proves QtWebEngineProcess, its
    resources and locales are in the bundle)."""
    del app
    accounts = LiveAccounts()
    live = accounts.open("self-test", stay_signed_in=False)
    try:
        await live.driver.load("data:text/html;charset=utf-8," + quote(PAGE), timeout=60.0)
        text = await live.driver.text()
    finally:
        await accounts.aclose()  # every page and profile gone before the app quits
    if "SEN-12345678" not in text or "授权" not in text:
        raise SelfTestError(f"the embedded browser shows {text[:80]!r}")
    await asyncio.sleep(0)
    return "the embedded browser renders and reads a page"


SELF_TEST_STEPS: tuple[tuple[str, SelfTestStep], ...] = (
    ("check_window_fits", check_window_fits),
    ("check_license_table", check_license_table),
    ("self_test_wizard", check_wizard),
    ("check_web_engine", check_web_engine),
)


async def self_test(app: DesktopApp) -> SelfTestReport:
    """Run every check on the shown window; the report, or :class:`SelfTestError`."""
    lines: list[str] = []
    consolidated: Consolidated | None = None
    for name, step in SELF_TEST_STEPS:
        outcome = await step(app)
        if isinstance(outcome, Consolidated):
            consolidated = outcome
        lines.append(f"{name}: {outcome}")
    return SelfTestReport(lines, consolidated)
