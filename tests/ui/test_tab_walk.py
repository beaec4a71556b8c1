"""The main window by keyboard alone: Tab reaches every control in reading order and leaves
the license table (the cell delegate used to swallow Tab, Shift+Tab and Esc in it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from desktop.ui.license_filter_proxy import QuickFilter
from tests.ui.demo_app import open_app
from tests.ui.tab_walk import assert_tab_walk, walk


@pytest.fixture
async def app_window(qtbot, settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    app = await open_app(qtbot, settings, tmp_path)
    yield app.window
    await app.aclose()


async def test_tab_walks_the_main_window_in_reading_order(qtbot, app_window) -> None:  # type: ignore[no-untyped-def]
    win = app_window
    warnings: list[str] = []

    def keep(kind: QtMsgType, _context: object, message: str) -> None:
        if kind is not QtMsgType.QtDebugMsg:
            warnings.append(message)

    previous = qInstallMessageHandler(keep)
    try:
        win.table.selectRow(0)
        details = win.details
        await assert_tab_walk(
            qtbot,
            [
                win.banner.add_button,
                win.accounts_panel.list,
                win.accounts_panel.add_button,
                win.accounts_panel.paste_button,
                win.search_edit,
                win.filter_buttons[QuickFilter.ALL],
                win.table,
                details.show_key_button,
                details.copy_key_button,
                details.open_button,
            ],
        )
    finally:
        qInstallMessageHandler(previous)
    assert not [w for w in warnings if "commitData" in w], warnings


async def test_tab_and_shift_tab_leave_the_license_table(qtbot, app_window) -> None:  # type: ignore[no-untyped-def]
    win = app_window
    forward = await walk(qtbot, win.table)
    assert forward[1] is not win.table and win.table.isAncestorOf(forward[1]) is False
    backward = await walk(qtbot, win.table, back=True)
    assert backward[1] is win.filter_buttons[QuickFilter.ALL]
    assert QApplication.focusWidget() is win.table
