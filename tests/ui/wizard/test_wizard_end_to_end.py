"""Finish the wizard on the demo data, for real: sandbox on 127.0.0.1, real widgets, real run."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from desktop.engine.events import Outcome
from desktop.engine.plan import Action
from desktop.services.consolidation_flow import Step, SummaryGroup
from desktop.ui.wizard.plan_checklist_model import ACTION_COLUMN
from desktop.ui.wizard.run_status_model import RowState
from tests.conftest import SandboxHandle
from tests.ui.wizard.harness import LN, QQ, WF, ZW, open_wizard, settle, type_text


def _next(rig_wizard: QWizard) -> None:
    rig_wizard.button(QWizard.WizardButton.NextButton).click()


async def test_finish_the_wizard_on_the_demo_data(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path
) -> None:
    rig = await open_wizard(qtbot, sandbox.url, tmp_path / "journal.sqlite3")
    wizard = rig.wizard
    try:
        assert rig.step is Step.WELCOME
        _next(wizard)

        # Sources: every signed-in account is ticked; unticking all blocks Next.
        assert rig.step is Step.SOURCES
        page = wizard.sources_page
        assert page.accounts.count() == 3
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        for row in range(3):
            page.accounts.item(row).setCheckState(Qt.CheckState.Unchecked)
        assert not next_button.isEnabled()
        assert page.blocker_label.isVisibleTo(page)
        for row in range(3):
            page.accounts.item(row).setCheckState(Qt.CheckState.Checked)
        assert next_button.isEnabled()
        _next(wizard)

        # Target: pick the demo target from the suggestions; consequences show at once.
        assert rig.step is Step.TARGET
        target = wizard.target_page
        emails = [
            target.suggestions.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(target.suggestions.count())
        ]
        assert {ZW, LN, WF, QQ} <= set(emails)
        target.email_edit.setText("zhang.wei@")
        assert not next_button.isEnabled()
        assert target.blocker_label.text()
        target.suggestions.setCurrentRow(emails.index(ZW))
        assert target.email_edit.text() == ZW
        counts = rig.flow.consequences()
        assert counts.move > 0 and counts.needs_sign_in > 0 and counts.not_possible == 1
        shown = [int(label.text()) for label in target.count_labels[:4]]
        assert shown == [counts.move, counts.already, counts.needs_sign_in, counts.not_possible]
        assert target.sign_in_target.isVisibleTo(target)  # K > 0 and ZW not signed in
        assert next_button.isEnabled()
        _next(wizard)

        # Licenses: the checklist, filter (Chinese typed through the input method), select.
        assert rig.step is Step.LICENSES
        lp = wizard.licenses_page
        assert lp.proxy.rowCount() == len(rig.flow.plan().entries)
        type_text(lp.filter_edit, "北风")
        assert lp.filter_edit.text() == "北风"
        filtered = lp.proxy.rowCount()
        assert 0 < filtered < len(rig.flow.plan().entries)
        for row in range(filtered):
            assert (
                "北风" in lp.proxy.index(row, 2).data()
                or "北风" in lp.model.license_at(lp.proxy.source_row(row)).organisation
            )
        lp.select_none.click()  # only the rows shown
        assert not rig.flow.checked() & {
            lp.model.entry_at(lp.proxy.source_row(r)).sen for r in range(filtered)
        }
        assert rig.flow.checked()  # the others stay ticked
        lp.filter_edit.clear()
        lp.select_none.click()
        assert (
            not next_button.isEnabled()
            and not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
        )
        lp.select_all.click()
        commit = wizard.button(QWizard.WizardButton.CommitButton)
        assert commit.isEnabled()
        action_texts = {lp.proxy.index(r, ACTION_COLUMN).data() for r in range(lp.proxy.rowCount())}
        assert "Add contact, make primary" in action_texts

        # Confirm: Cancel is the default, so Enter changes nothing.
        commit.click()
        dialog = lp.confirm_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.cancel_button.isDefault()
        plan = rig.flow.final_plan()
        assert ZW in dialog.lead.text()
        assert dialog.sens.toPlainText().split("\n") == [
            f"{e.sen} ({e.license.product})" for e in plan.promoting()
        ]
        assert "access any invoices for these licenses" in dialog.means.text()
        assert "this product" not in dialog.means.text()
        for email in plan.notified()[:3]:
            assert email in dialog.notify.text()
        assert "Past invoices will not be transferred" in dialog.invoices.text()
        assert dialog.billing.isVisibleTo(dialog)  # billing contacts stay as they are
        assert "renewal quotes and invoices keep going" in dialog.billing.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        assert not dialog.isVisible()
        assert rig.step is Step.LICENSES
        assert not rig.flow.confirmed

        commit.click()
        lp.confirm_dialog.yes_button.click()
        assert rig.step is Step.RUN

        # Run: the real executor against the sandbox.
        await settle(qtbot, lambda: not rig.runner.running and rig.flow.can_go_on(Step.RUN))
        run = wizard.run_page
        assert run.progress.value() == run.progress.maximum() == run.model.rowCount()
        states = run.model.states()
        assert RowState.FAILED not in states
        assert RowState.DONE in states
        assert not wizard.button(QWizard.WizardButton.BackButton).isVisible() or not (
            wizard.button(QWizard.WizardButton.BackButton).isEnabled()
        )
        assert not run.retry_button.isEnabled()
        _next(wizard)

        # Summary: groups with what to do next; the report; Show in table.
        assert rig.step is Step.SUMMARY
        sp = wizard.summary_page
        groups = {row.group: row for row in rig.flow.summary()}
        assert {SummaryGroup.DONE, SummaryGroup.ALREADY_DONE, SummaryGroup.NOT_POSSIBLE} <= set(
            groups
        )
        assert SummaryGroup.FAILED not in groups
        assert sp.groups.topLevelItemCount() == len(groups)
        assert ZW in sp.headline.text()
        assert sp.billing_note.isVisibleTo(sp)
        assert "renewal quotes and invoices keep going" in sp.billing_note.text()
        done = groups[SummaryGroup.DONE].sens
        assert str(len(done)) in sp.groups.topLevelItem(0).text(0)
        top = sp.groups.topLevelItem(0)
        listed = [top.child(i).text(0) for i in range(1, top.childCount())]  # after the hint
        products = {e.sen: e.license.product for e in plan.entries}
        assert listed == [f"{sen} ({products[sen]})" for sen in done]
        xlsx, csv_path = tmp_path / "report.xlsx", tmp_path / "report.csv"
        assert sp.export_report(xlsx)
        assert sp.export_report(csv_path)
        sheet = openpyxl.load_workbook(xlsx).active
        assert sheet is not None
        sens_in_xlsx = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
        assert set(done) <= sens_in_xlsx
        with csv_path.open(encoding="utf-8-sig") as handle:
            rows = list(csv.reader(handle))
        assert set(done) <= {r[0] for r in rows[1:]}
        assert not any("AAAB" in cell for r in rows for cell in r)  # no license keys

        with qtbot.waitSignal(wizard.showInTableRequested) as shown_signal:
            sp.show_button.click()
        assert shown_signal.args == [ZW]

        # The end state, from the sandbox itself.
        final = {lic.sen: lic for lic in sandbox.state.all_licenses()}
        for sen in done:
            assert final[sen].is_primary_technical(ZW)
        for entry in plan.entries:
            if entry.action is Action.NEEDS_TARGET_SIGN_IN and entry.steps:
                assert final[entry.sen].is_technical_contact(ZW)
                assert not final[entry.sen].is_primary_technical(ZW)
        assert rig.flow.outcomes()["SEN-20110790"].outcome is Outcome.NOT_POSSIBLE
    finally:
        await rig.close()
