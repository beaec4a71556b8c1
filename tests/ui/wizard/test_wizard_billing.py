"""The wizard's billing option on real widgets against the sandbox on 127.0.0.1: off by default
(the help, the confirmation and the summary say what that means), on moves the billing
contacts too after a confirmation worded like Atlassian's "Promote to primary billing
contact?" with who is notified."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from desktop.domain.models import ContactRole
from desktop.services.consolidation_flow import Step
from tests.conftest import SandboxHandle
from tests.ui.wizard.harness import LN, QQ, WF, ZW, open_wizard, settle

EVERYONE = (LN, WF, QQ, ZW)


async def _to_confirmation(rig, also_billing: bool):  # type: ignore[no-untyped-def]
    wizard = rig.wizard
    wizard.next()
    wizard.next()
    page = wizard.target_page
    page.email_edit.setText(ZW)
    assert not page.also_billing.isChecked()  # off by default
    assert "Off:" in page.billing_help.text()
    assert "keep going to the current primary billing contacts" in page.billing_help.text()
    if also_billing:
        page.also_billing.click()
        assert rig.flow.also_billing and "On:" in page.billing_help.text()
    wizard.next()
    assert rig.step is Step.LICENSES
    wizard.next()
    dialog = wizard.licenses_page.confirm_dialog
    assert dialog is not None
    return dialog


async def _run_to_summary(qtbot: QtBot, rig, dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.yes_button.click()
    await settle(qtbot, lambda: not rig.runner.running and rig.flow.can_go_on(Step.RUN))
    rig.wizard.button(QWizard.WizardButton.NextButton).click()
    assert rig.step is Step.SUMMARY


async def test_billing_on_is_confirmed_like_atlassian_and_moves_billing(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path
) -> None:
    rig = await open_wizard(qtbot, sandbox.url, tmp_path / "j.sqlite3", signed_in=EVERYONE)
    try:
        dialog = await _to_confirmation(rig, also_billing=True)
        plan = rig.flow.final_plan()
        assert plan.also_billing and plan.billing_promoting()
        billing = dialog.billing.text() + dialog.billing_more.text()
        listed = dialog.billing_sens.toPlainText()
        assert all(e.sen in listed for e in plan.billing_promoting())
        assert "Promote to primary billing contact?" in billing
        assert "renewal quotes and invoices" in billing
        notified = plan.billing_notified()
        assert notified and "A notification email will be sent to" in billing
        assert all(email in billing for email in notified)
        assert dialog.billing.isVisibleTo(dialog)
        await _run_to_summary(qtbot, rig, dialog)
        moved = {e.sen for e in plan.billing_promoting()}
        for sen in moved:
            assert sandbox.state.license(sen).is_primary(ContactRole.BILLING, ZW), sen
        notes = [(n.sen, n.to) for n in sandbox.state.notifications() if n.kind == "billing"]
        assert len(notes) == len(set(notes)) and {to for _s, to in notes} == set(notified)
        text = rig.wizard.summary_page.billing_note.text()
        assert f"primary billing contact on {len(moved)} license" in text
    finally:
        await rig.close()


async def test_billing_off_says_so_and_changes_no_billing_contact(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path
) -> None:
    before = {lic.sen: lic.billing_contacts for lic in sandbox.state.all_licenses()}
    rig = await open_wizard(qtbot, sandbox.url, tmp_path / "j.sqlite3", signed_in=EVERYONE)
    try:
        dialog = await _to_confirmation(rig, also_billing=False)
        assert "Billing contacts are not changed" in dialog.billing.text()
        assert "Promote to primary billing contact?" not in dialog.billing.text()
        await _run_to_summary(qtbot, rig, dialog)
        assert "Billing contacts were not changed" in rig.wizard.summary_page.billing_note.text()
        after = {lic.sen: lic.billing_contacts for lic in sandbox.state.all_licenses()}
        assert after == before
    finally:
        await rig.close()
