"""The removal wizard: an interrupted removal is offered at the next start and resumed from the
app; the picker walked with Tab, Space and Enter alone; every text in Chinese (the sandbox on
127.0.0.1, real widgets)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from desktop.domain.models import ContactRole
from desktop.engine.journal import Journal, RunStatus
from desktop.engine.plan import PlanKind
from desktop.engine.removal_planner import make_removal_plan
from desktop.services.consolidation_flow import Step
from desktop.services.session_broker import portal_id
from desktop.ui.removal.confirm_dialog import RemovalConfirmDialog
from desktop.ui.removal.removal_wizard import RemovalWizard
from desktop.ui.run_history import RunHistoryDialog
from desktop.ui.wizard.texts import error_text
from tests.conftest import SandboxHandle
from tests.ui.tab_walk import assert_tab_walk
from tests.ui.wizard.harness import WF, ZW, settle
from tests.ui.wizard.removal_rig import (
    LY,
    SIGNED_IN,
    close_app,
    removal_app,
    removal_wizard,
    run_to_summary,
)


async def test_an_interrupted_removal_is_offered_at_start_and_resumed_in_the_app(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path
) -> None:
    app = await removal_app(qtbot, tmp_path, sandbox)
    try:
        licenses = list(app.window.refresher.licenses)
        plan = make_removal_plan(licenses, SIGNED_IN, [WF, LY], keep=[ZW])
        removed = {(e.sen, r.email) for e in plan.actionable() for r in e.removals if r.removed}
        assert len(removed) == 3
        assert app.launcher.journal_path is not None
        with Journal(app.launcher.journal_path) as journal:
            here = portal_id(sandbox.url)
            run_id = journal.start_run(plan, accounts=dict.fromkeys(SIGNED_IN, here))
            journal.set_status(run_id, RunStatus.RUNNING)  # as the file is when the app died

        box = app.launcher.offer_resume()
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert box.windowTitle() == "Unfinished removal"
        assert "Removing" in box.text() and WF in box.text() and LY in box.text()
        assert "3 licenses left" in box.text()
        resume = next(b for b in box.buttons() if "Resume" in b.text())
        assert box.defaultButton() is resume
        resume.click()
        task = app.launcher.task
        assert task is not None
        wizard = await task
        assert isinstance(wizard, RemovalWizard)
        assert Step(wizard.currentId()) is Step.RUN
        await settle(qtbot, lambda: not wizard.runner.running and wizard.flow.can_go_on(Step.RUN))
        for sen, email in removed:
            now = sandbox.state.license(sen)
            assert now.contact(ContactRole.TECHNICAL, email) is None, (sen, email)
        wizard.next()
        assert "no longer see them" in wizard.summary_page.headline.text()
        runs = wizard.runner.journal.history()
        assert [(r.run_id, r.kind) for r in runs] == [(run_id, PlanKind.REMOVE_CONTACTS)]
        assert wizard.runner.journal.unfinished_runs() == []
        history = RunHistoryDialog(app.launcher.journal_path, app.window)
        qtbot.addWidget(history)
        cell = history.table.item(0, 1)
        assert cell is not None and cell.text() == f"Removing {LY}, {WF}"  # not "target" ZW
    finally:
        await close_app(app)


async def _press(qtbot: QtBot, key: Qt.Key) -> None:
    await settle(qtbot, lambda: QApplication.focusWidget() is not None, 3000)
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key)
    await asyncio.sleep(0)


async def test_the_picker_with_tab_space_and_enter(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path
) -> None:
    async with removal_wizard(qtbot, tmp_path, sandbox) as (_app, wizard):
        wizard.activateWindow()
        await settle(qtbot, wizard.isActiveWindow, 3000)
        page = wizard.people_page
        await settle(qtbot, page.filter_edit.hasFocus, 3000)  # the filter first
        await assert_tab_walk(qtbot, [page.filter_edit, page.people])
        page.filter_edit.setFocus()
        qtbot.keyClicks(page.filter_edit, "wang.fang")
        shown = [r for r in page.rows() if not r.isHidden()]
        assert [r.data(0, Qt.ItemDataRole.UserRole) for r in shown] == [WF]
        await _press(qtbot, Qt.Key.Key_Tab)
        assert page.people.hasFocus() and page.people.currentItem() is shown[0]
        await _press(qtbot, Qt.Key.Key_Space)
        assert wizard.flow.leaving() == (WF,)
        await _press(qtbot, Qt.Key.Key_Space)
        assert wizard.flow.leaving() == ()
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        await _press(qtbot, Qt.Key.Key_Return)  # nobody ticked: Enter goes nowhere
        assert Step(wizard.currentId()) is Step.TARGET
        await _press(qtbot, Qt.Key.Key_Space)
        await _press(qtbot, Qt.Key.Key_Return)  # Next
        assert Step(wizard.currentId()) is Step.LICENSES
        assert wizard.plan_page.table.hasFocus()
        # Enter on the plan presses Remove…; in the confirmation Enter is Cancel.
        commit = wizard.button(QWizard.WizardButton.CommitButton)
        assert commit.text() == "&Remove…"
        commit.setFocus()
        await _press(qtbot, Qt.Key.Key_Return)
        dialog = wizard.plan_page.confirm_dialog
        assert isinstance(dialog, RemovalConfirmDialog)
        await settle(qtbot, dialog.cancel_button.hasFocus, 3000)
        await _press(qtbot, Qt.Key.Key_Return)
        assert wizard.plan_page.confirm_dialog is None and not wizard.flow.confirmed
        assert Step(wizard.currentId()) is Step.LICENSES
        assert sandbox.state.write_requests() == 0


async def test_the_removal_in_chinese(qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path) -> None:
    async with removal_wizard(qtbot, tmp_path, sandbox, "zh_CN") as (app, wizard):
        assert app.window.remove_contacts_action.text() == "移除已离开的联系人(&R)…"
        assert wizard.windowTitle() == "移除已离开的联系人"
        page = wizard.people_page
        assert page.title() == "已离开的人员" and "永远不会移除" in page.kept_note.text()
        row = next(r for r in page.rows() if r.data(0, Qt.ItemDataRole.UserRole) == WF)
        assert "个授权" in row.text(1) and "主要联系人" in row.text(2)
        page.tick(WF)
        page.tick(LY)
        assert page.count_label.text() == "已勾选 2 人。"
        wizard.next()
        plan_page = wizard.plan_page
        assert plan_page.title() == "移除计划"
        model = plan_page.model
        last = model.columnCount() - 1
        reasons = "\n".join(model.data(model.index(r, last)) for r in range(model.rowCount()))
        assert "请先将其他人设为主要联系人" in reasons or "设为主要" in reasons
        assert "make someone else" not in reasons and "Technical contact" not in reasons
        wizard.next()
        dialog = plan_page.confirm_dialog
        assert isinstance(dialog, RemovalConfirmDialog)
        assert dialog.windowTitle() == "移除已离开的联系人？"
        assert "这些人将不再在 My Atlassian 中看到这些授权" in dialog.lead.text()
        assert "将不再看到以下" in dialog.people.toPlainText()
        assert dialog.cancel_button.text() == "取消"
        await run_to_summary(qtbot, wizard)
        summary = wizard.summary_page
        assert "My Atlassian 中将不再看到" in summary.headline.text()
        top = summary.groups.topLevelItem(0)
        assert top is not None and "已从" in top.text(0)
        assert wizard.run_page.title() == "正在移除联系人"
        run_page = wizard.run_page  # its words when it fails or stops: the removal's, not 归集
        assert run_page.failures_text(2) == "移除结束，有 2 个授权失败。可以重试，或继续查看汇总。"
        assert run_page.stopped_text("x") == "移除已停止：x"
        assert run_page.cancel_button.text() == "取消移除(&N)"
        # The run's words it shares with the consolidation name neither of the two.
        banner = run_page.pause_banner
        banner.closed(WF)
        shared = [banner.text.text(), banner.accessibleName(), error_text("interrupted")]
        shared += [
            error_text(key)
            for key in ("journal-unwritable", "cannot-resume", "internal-error", "report-failed")
        ]
        # The live page's caption while the sign-in is waited for, and the locked "Stay
        # signed in" of the sign-in window the run opens (their widgets need a web page).
        shared += [
            QCoreApplication.translate(context, text)
            for context, text in (
                (
                    "LivePagePanel",
                    "My Atlassian, %1: the sign-in has ended. The run goes on with this "
                    "account once it has signed in again.",
                ),
                ("AccountActions", "This can be changed after the run."),
            )
        ]
        banner.clear()
        assert "操作正在等待" in shared[0] and WF in shared[0]
        assert all("操作" in text for text in shared[-2:]), shared[-2:]
        assert not [text for text in shared if "归集" in text], shared
