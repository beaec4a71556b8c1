"""The licenses checklist's Reason column reads without a tooltip: each reason wraps in its
column and its row is tall enough for all of it, after sorting and filtering too (the sandbox on
127.0.0.1, real widgets)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QStyle
from pytestqt.qtbot import QtBot

from desktop.services.consolidation_flow import Step
from desktop.ui.wizard.licenses_page import LicensesPage
from desktop.ui.wizard.plan_checklist_model import REASON_COLUMN
from tests.conftest import SandboxHandle
from tests.ui.wizard.harness import ZW, open_wizard


def _cut_reasons(page: LicensesPage) -> list[str]:
    """The reasons that do not fit their cell (empty when every one reads in full)."""
    table = page.table
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    width = table.columnWidth(REASON_COLUMN) - 2 * margin
    metrics = table.fontMetrics()
    cut = []
    for row in range(page.proxy.rowCount()):
        text = page.proxy.index(row, REASON_COLUMN).data()
        flags = int(Qt.TextFlag.TextWordWrap)
        need = metrics.boundingRect(QRect(0, 0, width, 100_000), flags, text).height()
        if need > table.rowHeight(row):
            cut.append(text)
    return cut


async def test_every_reason_reads_in_full_in_its_column(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path
) -> None:
    rig = await open_wizard(qtbot, sandbox.url, tmp_path / "j.sqlite3")
    wizard = rig.wizard
    try:
        wizard.next()
        wizard.next()
        wizard.target_page.email_edit.setText(ZW)
        wizard.next()
        assert rig.step is Step.LICENSES
        page = wizard.licenses_page
        qtbot.wait(20)
        table = page.table
        assert table.wordWrap()
        assert table.columnWidth(REASON_COLUMN) >= 300
        longest = max(
            (page.proxy.index(r, REASON_COLUMN).data() for r in range(page.proxy.rowCount())),
            key=len,
        )
        assert table.fontMetrics().horizontalAdvance(longest) > table.columnWidth(REASON_COLUMN)
        assert _cut_reasons(page) == []

        table.sortByColumn(REASON_COLUMN, Qt.SortOrder.DescendingOrder)  # rows change places
        qtbot.wait(20)
        assert _cut_reasons(page) == []
        page.filter_edit.setText("northwind")  # other rows in these places
        qtbot.wait(20)
        assert 0 < page.proxy.rowCount() < len(rig.flow.plan().entries)
        assert _cut_reasons(page) == []
        page.filter_edit.clear()
        table.setColumnWidth(REASON_COLUMN, 220)  # narrower: more lines each
        qtbot.wait(20)
        assert _cut_reasons(page) == []

        # Hidden, the list is not fitted, however its rows change; shown again, it is.
        # (Fitting a long list the run page hides held the run's start.)
        wizard.hide()
        table.setColumnWidth(REASON_COLUMN, 160)
        table.sortByColumn(REASON_COLUMN, Qt.SortOrder.AscendingOrder)
        qtbot.wait(20)
        assert _cut_reasons(page) != []  # not fitted while nobody sees it
        wizard.show()
        assert rig.step is Step.LICENSES and table.isVisible()
        qtbot.wait(20)
        assert _cut_reasons(page) == []
    finally:
        await rig.close()
