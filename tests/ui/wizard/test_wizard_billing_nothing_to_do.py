"""The target page's "nothing to do" check counts the billing steps when the billing option is
ticked: a target already the primary technical contact everywhere, but not the primary billing
contact, has something to do once the option is on (real widgets, the sandbox on 127.0.0.1)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from desktop.domain.models import ContactRole
from desktop.portal.sandbox import SandboxData, demo_data
from desktop.services.consolidation_flow import Blocker, Step
from tests.conftest import SandboxFactory
from tests.licenses import make_license
from tests.ui.wizard.harness import LN, ZW, open_wizard, settle


async def test_billing_steps_make_an_already_primary_target_something_to_do(
    qtbot: QtBot, sandbox_server: SandboxFactory, tmp_path: Path
) -> None:
    # ZW is the primary technical contact of both; LN the primary billing contact.
    licenses = tuple(
        make_license(sen, primary=ZW, technical=(LN,), billing=(LN,), key=None)
        for sen in ("SEN-7000001", "SEN-7000002")
    )
    sandbox = sandbox_server(data=SandboxData(accounts=demo_data().accounts, licenses=licenses))
    rig = await open_wizard(qtbot, sandbox.url, tmp_path / "j.sqlite3", signed_in=(ZW, LN))
    try:
        wizard, page = rig.wizard, rig.wizard.target_page
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        wizard.next()
        wizard.next()
        assert rig.step is Step.TARGET
        page.email_edit.setText(ZW)
        assert rig.flow.blocker(Step.TARGET) is Blocker.NOTHING_TO_DO
        assert not next_button.isEnabled()
        assert page.blocker_label.isVisibleTo(page)
        assert not page.count_texts[5].isVisibleTo(page)  # no billing row while off

        page.also_billing.click()
        assert rig.flow.blocker(Step.TARGET) is None
        assert next_button.isEnabled()  # the page re-checked at once
        assert not page.blocker_label.isVisibleTo(page)
        assert page.count_texts[5].isVisibleTo(page)
        assert page.count_labels[5].text() == "2"
        assert "primary billing contact" in page.count_texts[5].text()

        page.also_billing.click()  # off again: nothing to do again
        assert not next_button.isEnabled()
        page.also_billing.click()

        wizard.next()
        assert rig.step is Step.LICENSES
        wizard.next()
        dialog = wizard.licenses_page.confirm_dialog
        assert dialog is not None and dialog.yes_button.isEnabled()
        dialog.yes_button.click()
        await settle(qtbot, lambda: not rig.runner.running and rig.flow.can_go_on(Step.RUN))
        for lic in licenses:
            now = sandbox.state.license(lic.sen)
            assert now.is_primary(ContactRole.BILLING, ZW)
            assert now.is_primary(ContactRole.TECHNICAL, ZW)
    finally:
        await rig.close()


async def test_the_summary_counts_new_technical_primaries_apart_from_billing(
    qtbot: QtBot, sandbox_server: SandboxFactory, tmp_path: Path
) -> None:
    # ZW is already the primary technical contact of the first, not of the second.
    licenses = (
        make_license("SEN-7000011", primary=ZW, technical=(LN,), billing=(LN,), key=None),
        make_license("SEN-7000012", primary=LN, technical=(ZW,), billing=(LN,), key=None),
    )
    sandbox = sandbox_server(data=SandboxData(accounts=demo_data().accounts, licenses=licenses))
    rig = await open_wizard(qtbot, sandbox.url, tmp_path / "j.sqlite3", signed_in=(ZW, LN))
    try:
        wizard = rig.wizard
        wizard.next()
        wizard.next()
        wizard.target_page.email_edit.setText(ZW)
        wizard.target_page.also_billing.click()
        wizard.next()
        wizard.next()
        dialog = wizard.licenses_page.confirm_dialog
        assert dialog is not None
        dialog.yes_button.click()
        await settle(qtbot, lambda: not rig.runner.running and rig.flow.can_go_on(Step.RUN))
        wizard.next()
        assert rig.flow.consolidated_count() == 1  # the billing-only license is not counted
        assert rig.flow.billing_moved_count() == 2
        summary = wizard.summary_page
        assert "primary technical contact on 1 more license" in summary.headline.text()
        assert "primary billing contact on 2 license" in summary.billing_note.text()
    finally:
        await rig.close()
