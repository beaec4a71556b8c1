"""Every wizard page by keyboard alone: Tab reaches each control in reading order, then the
wizard's buttons, and comes back; Shift+Tab walks back. Lists never keep Tab to themselves."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget, QWizard
from pytestqt.qtbot import QtBot

from desktop.services.consolidation_flow import Step
from tests.conftest import SandboxHandle
from tests.ui.tab_walk import assert_tab_walk
from tests.ui.wizard.harness import ZW, open_wizard, settle

Button = QWizard.WizardButton


async def test_tab_walks_every_wizard_page(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path
) -> None:
    rig = await open_wizard(qtbot, sandbox.url, tmp_path / "j.sqlite3")
    wizard = rig.wizard
    wizard.activateWindow()

    def buttons(*which: QWizard.WizardButton) -> list[QWidget]:
        return [wizard.button(b) for b in which]

    try:
        await settle(qtbot, wizard.isActiveWindow, 3000)
        welcome = wizard.welcome_page
        await assert_tab_walk(
            qtbot, [welcome.guide_link, *buttons(Button.NextButton, Button.CancelButton)]
        )
        wizard.next()

        sources = wizard.sources_page
        await assert_tab_walk(
            qtbot,
            [
                sources.accounts,
                sources.sign_in_button,
                *buttons(Button.BackButton, Button.NextButton, Button.CancelButton),
            ],
        )
        wizard.next()

        target = wizard.target_page
        target.email_edit.setText(ZW)
        await assert_tab_walk(
            qtbot,
            [
                target.email_edit,
                target.suggestions,
                *buttons(Button.BackButton, Button.NextButton, Button.CancelButton),
            ],
        )
        wizard.next()
        assert rig.step is Step.LICENSES

        licenses = wizard.licenses_page
        # The list has the focus when the page opens: Space ticks, as the subtitle says.
        await settle(qtbot, lambda: QApplication.focusWidget() is licenses.table, 3000)
        sen = licenses.table.currentIndex().siblingAtColumn(0).data()
        ticked = rig.flow.is_checked(sen)
        qtbot.keyClick(licenses.table, Qt.Key.Key_Space)
        assert rig.flow.is_checked(sen) is not ticked
        assert licenses.filter_edit.text() == ""
        qtbot.keyClick(licenses.table, Qt.Key.Key_Space)
        await assert_tab_walk(
            qtbot,
            [
                licenses.filter_edit,
                licenses.select_all,
                licenses.select_none,
                licenses.table,
                *buttons(Button.BackButton, Button.CommitButton, Button.CancelButton),
            ],
        )
        wizard.next()  # Consolidate… opens the confirmation
        dialog = licenses.confirm_dialog
        assert dialog is not None
        await assert_tab_walk(qtbot, [dialog.cancel_button, dialog.yes_button])
        dialog.yes_button.click()
        assert rig.step is Step.RUN

        run = wizard.run_page
        await settle(qtbot, lambda: not rig.runner.running and rig.flow.can_go_on(Step.RUN))
        wizard.activateWindow()
        await settle(qtbot, wizard.isActiveWindow, 3000)
        await assert_tab_walk(qtbot, [run.table, *buttons(Button.NextButton)])
        wizard.next()

        summary = wizard.summary_page
        await assert_tab_walk(
            qtbot,
            [
                summary.groups,
                summary.export_button,
                summary.show_button,
                *buttons(Button.FinishButton),
            ],
        )
    finally:
        await rig.close()
