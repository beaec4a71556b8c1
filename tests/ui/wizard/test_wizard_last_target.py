""" "Not yet consolidated" compares with the target the person chose: remembered from the last
run (the app on the demo portal, real widgets), shown beside the filter, offered first the next
time, and never chosen for the person."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.services.consolidation_flow import Step
from desktop.ui.application import DesktopApp
from desktop.ui.license_filter_proxy import QuickFilter
from desktop.ui.self_test import wait_for_refresh
from desktop.ui.wizard.consolidation_wizard import ConsolidationWizard
from tests.ui.apps import close_app, make_desktop_app
from tests.ui.wizard.harness import ZW, settle


@pytest.fixture
async def desktop_app(qtbot: QtBot, tmp_path: Path):
    app = make_desktop_app(tmp_path)
    qtbot.addWidget(app.window)
    app.window.show()
    await wait_for_refresh(app.window)
    yield app
    await close_app(app)


async def _target_page(app: DesktopApp) -> ConsolidationWizard:
    wizard = await app.launcher.open_wizard()
    assert wizard is not None
    wizard.next()
    wizard.next()
    assert Step(wizard.currentId()) is Step.TARGET
    return wizard


async def test_the_target_of_the_last_run_is_remembered_shown_and_offered_not_chosen(
    qtbot: QtBot, desktop_app: DesktopApp
) -> None:
    window = desktop_app.window
    panel = window.license_panel
    assert window.target_email() == ""
    assert panel.target_label.text() == "No target chosen yet"
    assert not window.filter_buttons[QuickFilter.NOT_CONSOLIDATED].isEnabled()

    wizard = await _target_page(desktop_app)
    page = wizard.target_page
    assert page.email_edit.text() == "" and page.suggestions.selectedItems() == []
    assert not any(
        "last time" in page.suggestions.item(r).text() for r in range(page.suggestions.count())
    )
    page.email_edit.setText(ZW)
    wizard.next()
    wizard.next()  # Consolidate… opens the confirmation
    dialog = wizard.licenses_page.confirm_dialog
    assert dialog is not None
    dialog.yes_button.click()
    await settle(qtbot, lambda: wizard.runner.result is not None and not wizard.runner.running)
    wizard.next()
    assert Step(wizard.currentId()) is Step.SUMMARY
    wizard.accept()  # closed with Finish, not with "Show in table"

    assert window.target_email() == ZW
    assert panel.target_label.text() == f"Target: {ZW}"
    not_yet = window.filter_buttons[QuickFilter.NOT_CONSOLIDATED]
    assert not_yet.isEnabled() and ZW in not_yet.toolTip()

    wizard = await _target_page(desktop_app)
    page = wizard.target_page
    first = page.suggestions.item(0)
    assert first.data(Qt.ItemDataRole.UserRole) == ZW
    assert "your target last time" in first.text()
    assert page.suggestions.selectedItems() == [] and page.email_edit.text() == ""
    assert wizard.flow.target is None
    wizard.reject()
