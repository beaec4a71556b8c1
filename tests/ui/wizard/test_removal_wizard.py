"""File > "Remove contacts who have left…" on real widgets, against the sandbox on 127.0.0.1:
pick people, the plan with its refusals, the removal's own confirmation (Cancel the default,
Cancel changes nothing), the run, the summary and its report; the removed people are gone, no
primary contact is removed, the consolidation target is kept."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from desktop.domain.models import Account, AccountKind, ContactRole, License
from desktop.services.consolidation_flow import Step
from desktop.ui.license_filter_proxy import QuickFilter
from desktop.ui.removal.confirm_dialog import RemovalConfirmDialog
from tests.conftest import SandboxHandle
from tests.ui.apps import close_app
from tests.ui.wizard.harness import LN, QQ, WF, ZW
from tests.ui.wizard.removal_rig import LY, removal_app, removal_wizard, run_to_summary


def _contacts(lic: License) -> set[tuple[str, str]]:
    return {("technical", c.email) for c in lic.technical_contacts} | {
        ("billing", c.email) for c in lic.billing_contacts
    }


def _primaries(server: SandboxHandle) -> dict[str, tuple[str | None, str | None]]:
    def email(lic: License, role: ContactRole) -> str | None:
        primary = lic.primary_contact(role)
        return primary.email if primary else None

    return {
        lic.sen: (email(lic, ContactRole.TECHNICAL), email(lic, ContactRole.BILLING))
        for lic in server.state.all_licenses()
    }


async def test_remove_two_people_plan_confirm_run_summary(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path
) -> None:
    async with removal_wizard(qtbot, tmp_path, sandbox) as (app, wizard):
        window = app.window  # the action is in the File menu
        assert window.remove_contacts_action in window.file_menu.actions()
        assert window.remove_contacts_action.text() == "&Remove contacts who have left…"
        page = wizard.people_page
        emails = [item.data(0, Qt.ItemDataRole.UserRole) for item in page.rows()]
        assert ZW not in emails  # the target is never offered...
        assert ZW in page.kept_note.text() and "never removed" in page.kept_note.text()
        assert WF in emails and LY in emails and "finance@huake.example" in emails  # billing
        wf_row = next(i for i in page.rows() if i.data(0, Qt.ItemDataRole.UserRole) == WF)
        assert "license" in wf_row.text(1) and "primary on" in wf_row.text(2)
        assert "(signed in)" in wf_row.text(0)
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        assert not next_button.isEnabled()  # nobody ticked in advance
        page.tick(WF)
        page.tick(LY)
        assert wizard.flow.leaving() == (LY, WF)
        assert next_button.isEnabled() and "2 people ticked" in page.count_label.text()

        wizard.next()
        assert Step(wizard.currentId()) is Step.LICENSES
        plan = wizard.flow.final_plan()
        removed = {(e.sen, r.email) for e in plan.actionable() for r in e.removals if r.removed}
        assert removed and {email for _sen, email in removed} == {WF, LY}
        model = wizard.plan_page.model
        last = model.columnCount() - 1  # the reasons
        text = "\n".join(model.data(model.index(row, last)) for row in range(model.rowCount()))
        assert "make someone else primary first" in text  # WF and LY are primary elsewhere
        assert "will no longer see it in My Atlassian" in text
        assert "Technical contact —" in text

        before = {lic.sen: lic for lic in sandbox.state.all_licenses()}
        primaries = _primaries(sandbox)
        wizard.next()  # Remove… → the confirmation
        dialog = wizard.plan_page.confirm_dialog
        assert isinstance(dialog, RemovalConfirmDialog) and dialog.isVisible()
        assert dialog.cancel_button.isDefault() and not dialog.yes_button.isDefault()
        assert (
            "These people will no longer see these licenses in My Atlassian" in dialog.lead.text()
        )
        listed = dialog.people.toPlainText()
        for sen, email in removed:
            assert sen in listed and email in listed
        assert "make someone else primary first" in dialog.kept.text()
        await run_to_summary(qtbot, wizard)

        for sen, email in removed:
            now = sandbox.state.license(sen)
            assert now.contact(ContactRole.TECHNICAL, email) is None, (sen, email)
            assert now.contact(ContactRole.BILLING, email) is None, (sen, email)
            assert _contacts(before[sen]) - _contacts(now) == {
                (role, email) for role, e in _contacts(before[sen]) if e == email
            }
        untouched = {sen for sen in before} - {sen for sen, _ in removed}
        for sen in untouched:
            assert _contacts(sandbox.state.license(sen)) == _contacts(before[sen]), sen
        assert _primaries(sandbox) == primaries  # no primary removed or changed
        for sen, lic in before.items():  # the target kept wherever it was a contact
            assert {c for c in _contacts(lic) if c[1] == ZW} <= _contacts(
                sandbox.state.license(sen)
            )
        assert sandbox.state.notifications() == []

        # "Changed" marks new primary contacts: a removal makes none, so it marks nothing.
        assert not window.license_panel.filter_buttons[QuickFilter.CHANGED].isVisibleTo(window)
        summary = wizard.summary_page
        assert "no longer see them in My Atlassian" in summary.headline.text()
        assert not summary.billing_note.isVisibleTo(summary)
        tops = [summary.groups.topLevelItem(i) for i in range(summary.groups.topLevelItemCount())]
        assert [t.text(0).split(":")[0] for t in tops] == [LY, WF]
        wf = tops[1]
        children = [wf.child(i).text(0) for i in range(wf.childCount())]
        assert any("SEN-20110388" in c for c in children)
        assert any("make someone else primary first" in c for c in children)
        assert all(wf.child(i).toolTip(0) == children[i] for i in range(wf.childCount()))
        report = tmp_path / "removal.csv"
        assert summary.export_report(report)
        rows = list(csv.reader(report.open(encoding="utf-8-sig")))
        assert any(WF in cell for row in rows for cell in row)


async def test_cancel_in_the_confirmation_changes_nothing(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path
) -> None:
    async with removal_wizard(qtbot, tmp_path, sandbox) as (_app, wizard):
        wizard.people_page.tick(WF)
        wizard.next()
        wizard.next()
        dialog = wizard.plan_page.confirm_dialog
        assert isinstance(dialog, RemovalConfirmDialog)
        dialog.cancel_button.click()
        assert not dialog.isVisible() and not wizard.flow.confirmed
        assert Step(wizard.currentId()) is Step.LICENSES
        assert wizard.plan_page.confirm_dialog is None
        assert sandbox.state.write_requests() == 0
        assert wizard.runner.journal.history() == []  # no run was even recorded


async def test_a_signed_in_person_who_leaves_removes_itself_last(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path
) -> None:
    async with removal_wizard(qtbot, tmp_path, sandbox) as (_app, wizard):
        wizard.people_page.tick(QQ)  # signed in; alone among the signed-in on SEN-20114082
        wizard.next()
        plan = wizard.flow.final_plan()
        itself = plan.entry("SEN-20114082")
        assert itself is not None and [(s.actor, s.email) for s in itself.steps] == [(QQ, QQ)]
        model = wizard.plan_page.model
        rows = {model.entry_at(r).sen: r for r in range(model.rowCount())}
        last = model.columnCount() - 1
        why = model.data(model.index(rows["SEN-20114082"], last))
        assert "removes itself, last" in why and "not primary here" in why
        other = model.data(model.index(rows["SEN-20113188"], last))
        assert f"{LN} removes {QQ}" in other
        primary = model.data(model.index(rows["SEN-20110623"], last))
        assert "make someone else primary first" in primary  # QQ is primary there: stays
        wizard.next()
        await run_to_summary(qtbot, wizard)
        for sen in ("SEN-20114082", "SEN-20113188"):
            assert _contacts(sandbox.state.license(sen)) & {("technical", QQ)} == set()
        assert sandbox.state.license("SEN-20110623").is_primary(ContactRole.TECHNICAL, QQ)


async def test_an_account_that_cannot_be_read_is_named_for_the_removal(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path
) -> None:
    app = await removal_app(qtbot, tmp_path, sandbox)
    try:
        # One more account whose password is wrong: the others go on, it is named.
        wrong = Account(AccountKind.PORTAL, email=ZW, portal=sandbox.url, label=ZW)
        app.window.passwords.remember(wrong, "not-the-password", keep=False)
        app.window.store.add(wrong)
        wizard = await app.launcher.open_removal()
        assert wizard is not None and wizard.isVisible()
        boxes = [b for b in wizard.findChildren(QMessageBox) if b.isVisible()]
        assert len(boxes) == 1
        text = boxes[0].text()
        assert ZW in text and "cannot take part in this removal" in text
        assert "Remove contacts who have left… again" in text and "consolidation" not in text
        wizard.people_page.tick(WF)  # the others go on
        wizard.next()
        assert wizard.flow.final_plan().actionable()
    finally:
        await close_app(app)
