"""A new user with only a keyboard finishes the demo consolidation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from desktop.services.consolidation_flow import Step
from tests.conftest import SandboxHandle
from tests.ui.wizard.harness import ZW, open_wizard, settle


async def _press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Press a key on whatever has the keyboard focus (after focus has settled)."""
    await settle(qtbot, lambda: QApplication.focusWidget() is not None, 3000)
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


async def test_the_demo_consolidation_with_the_keyboard_alone(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path
) -> None:
    rig = await open_wizard(qtbot, sandbox.url, tmp_path / "j.sqlite3")
    wizard = rig.wizard
    wizard.activateWindow()
    try:
        await settle(qtbot, wizard.isActiveWindow, 3000)
        await settle(qtbot, lambda: QApplication.focusWidget() is not None, 3000)
        await _press(qtbot, Qt.Key.Key_Return)  # Welcome: Next is the default button
        assert rig.step is Step.SOURCES
        await _press(qtbot, Qt.Key.Key_Return)
        assert rig.step is Step.TARGET
        # Alt+E jumps to the email field; type the target over the suggestion.
        await _press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
        edit = wizard.target_page.email_edit
        assert edit.hasFocus()
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(edit, ZW)
        assert rig.flow.target == ZW
        await _press(qtbot, Qt.Key.Key_Return)
        assert rig.step is Step.LICENSES

        # Alt+F to the filter, Tab into the table, Space unticks the current license.
        await _press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
        assert wizard.licenses_page.filter_edit.hasFocus()
        table = wizard.licenses_page.table
        table.setFocus()  # Tab order reaches it after the buttons; focus it as Tab would
        first = table.currentIndex()
        sen = first.siblingAtColumn(0).data()
        ticked_before = rig.flow.is_checked(sen)
        qtbot.keyClick(table, Qt.Key.Key_Space)
        assert rig.flow.is_checked(sen) is not ticked_before
        qtbot.keyClick(table, Qt.Key.Key_Space)
        assert rig.flow.is_checked(sen) is ticked_before

        # Enter presses Consolidate…; in the dialog Enter is Cancel, Alt+Y is Yes.
        commit = wizard.button(QWizard.WizardButton.CommitButton)
        commit.setFocus()
        await _press(qtbot, Qt.Key.Key_Return)
        dialog = wizard.licenses_page.confirm_dialog
        assert dialog is not None
        await settle(qtbot, dialog.cancel_button.hasFocus, 3000)
        await _press(qtbot, Qt.Key.Key_Return)
        assert rig.step is Step.LICENSES and not rig.flow.confirmed
        # The offscreen platform has no window manager to hand activation back to the wizard
        # when the dialog closes (a desktop does); do what it would.
        wizard.activateWindow()
        await settle(qtbot, wizard.isActiveWindow, 3000)
        assert wizard.licenses_page.table.hasFocus()  # Cancel puts the focus back on the list
        commit.setFocus()
        await _press(qtbot, Qt.Key.Key_Return)
        dialog = wizard.licenses_page.confirm_dialog
        assert dialog is not None
        await settle(qtbot, dialog.isActiveWindow, 3000)
        await _press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
        await settle(qtbot, lambda: rig.step is Step.RUN, 3000)  # a mnemonic animates the click
        wizard.activateWindow()  # as above: no window manager offscreen

        await settle(qtbot, lambda: not rig.runner.running and rig.flow.can_go_on(Step.RUN))
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        assert next_button.hasFocus() or next_button.isDefault()
        await _press(qtbot, Qt.Key.Key_Return)
        assert rig.step is Step.SUMMARY
        assert rig.flow.consolidated_count() > 0
        shown: list[str] = []
        wizard.showInTableRequested.connect(shown.append)
        await _press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
        await settle(qtbot, lambda: shown == [ZW], 3000)
    finally:
        await rig.close()
