"""After a run on the sandbox (127.0.0.1), the main table marks the licenses it changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.models import Account, AccountKind
from desktop.engine.events import Outcome
from desktop.services.consolidation_flow import Step
from desktop.ui.application import DesktopApp
from desktop.ui.license_filter_proxy import QuickFilter
from desktop.ui.license_table_model import CHANGED_MARK, Column
from desktop.ui.self_test import wait_for_refresh
from tests.conftest import SandboxHandle
from tests.ui.apps import close_app, make_desktop_app
from tests.ui.wizard.harness import LN, QQ, WF, settle


@pytest.fixture
async def desktop_app(qtbot: QtBot, tmp_path: Path, sandbox_server):
    server: SandboxHandle = sandbox_server()
    app = make_desktop_app(tmp_path)
    win = app.window
    qtbot.addWidget(win)
    for email in (LN, WF, QQ):
        account = Account(AccountKind.PORTAL, email=email, portal=server.url, label=email)
        win.passwords.remember(account, "demo", keep=False)
        win.store.add(account)
    win.show()
    await wait_for_refresh(win)
    yield app
    await close_app(app)


async def test_the_table_marks_what_the_run_changed(qtbot: QtBot, desktop_app: DesktopApp) -> None:
    window = desktop_app.window
    panel = window.license_panel
    changed_button = panel.filter_buttons[QuickFilter.CHANGED]
    assert not changed_button.isVisible()  # nothing to show before a run
    before = {lic.sen: lic.primary_technical_contact for lic in window.model.licenses}

    wizard = await desktop_app.launcher.open_wizard()
    assert wizard is not None
    wizard.next()  # → sources
    wizard.next()  # → target
    wizard.target_page.email_edit.setText(LN)
    wizard.next()  # → licenses
    assert Step(wizard.currentId()) is Step.LICENSES
    wizard.next()  # Consolidate… → the confirmation
    confirm = wizard.licenses_page.confirm_dialog
    assert confirm is not None
    confirm.yes_button.click()
    await settle(qtbot, lambda: not wizard.runner.running and wizard.flow.can_go_on(Step.RUN))
    done = sorted(s for s, f in wizard.flow.outcomes().items() if f.outcome is Outcome.DONE)
    assert done

    assert changed_button.isVisible()
    qtbot.mouseClick(changed_button, Qt.MouseButton.LeftButton)
    proxy = window.proxy
    shown = sorted(proxy.index(r, Column.SEN).data() for r in range(proxy.rowCount()))
    assert shown == done
    for row in range(proxy.rowCount()):
        sen = proxy.index(row, Column.SEN).data()
        cell = proxy.index(row, Column.PRIMARY_CONTACT)
        assert cell.data().startswith(CHANGED_MARK)
        old = before[sen]
        assert old is not None and old.email in cell.data(Qt.ItemDataRole.ToolTipRole)

    # "Show in table" reads every account again: the marks stay, the primary is now LN.
    refreshed = window.refresher.last_refresh
    wizard.next()  # → summary
    wizard.summary_page.show_button.click()
    await settle(qtbot, lambda: window.refresher.last_refresh != refreshed)
    assert sorted(proxy.index(r, Column.SEN).data() for r in range(proxy.rowCount())) == done
    assert all(
        proxy.index(r, Column.PRIMARY_CONTACT).data() == CHANGED_MARK + LN
        for r in range(proxy.rowCount())
    )
    unchanged = [lic for lic in window.model.licenses if lic.sen not in done]
    assert unchanged
    assert not any(
        window.model.index(window.model.licenses.index(lic), Column.PRIMARY_CONTACT)
        .data()
        .startswith(CHANGED_MARK)
        for lic in unchanged
    )
