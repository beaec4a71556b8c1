"""The summary page's report after a run on a portal whose organisations hold control
characters: the .xlsx is written clean (it used to crash and the report was lost); a failed
export says why and the same button tries again; a run that broke off is reported from the
journal."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.portal.sandbox import SandboxData, demo_data
from desktop.services.consolidation_flow import Step
from tests.conftest import SandboxFactory
from tests.ui.wizard.harness import go_to_run, open_wizard, settle

EVIL_ORG = "\x1b[2J\x1b[31m华科天下\x07\x00 Ltd\u202e"


async def test_export_is_clean_and_can_be_tried_again_after_a_failure(
    qtbot: QtBot, sandbox_server: SandboxFactory, tmp_path: Path
) -> None:
    demo = demo_data()
    licenses = tuple(replace(lic, organisation=EVIL_ORG) for lic in demo.licenses)
    handle = sandbox_server(data=SandboxData(accounts=demo.accounts, licenses=licenses))
    rig = await open_wizard(qtbot, handle.url, tmp_path / "j.sqlite3")
    try:
        await go_to_run(qtbot, rig)
        await settle(qtbot, lambda: not rig.runner.running and rig.flow.can_go_on(Step.RUN))
        rig.wizard.next()
        page = rig.wizard.summary_page
        assert page.export_button.isEnabled()

        folder = tmp_path / "report.xlsx"
        folder.mkdir()  # a folder in the way: refused, said, nothing lost
        assert not page.export_report(folder)
        assert "folder" in page.export_note.text()
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "reportNotWritten"
        ]
        assert len(boxes) == 1 and boxes[0].isVisible()
        boxes[0].close()
        assert page.export_button.isEnabled()  # the same button, again

        good = tmp_path / "report-2.xlsx"
        assert page.export_report(good)
        assert str(good) in page.export_note.text()
        sheet = load_workbook(good).active
        assert sheet is not None
        organisations = {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
        assert organisations == {"[2J[31m华科天下 Ltd"}
    finally:
        await rig.close()


async def test_a_run_that_broke_off_is_reported_from_the_journal(
    qtbot: QtBot, sandbox_server: SandboxFactory, tmp_path: Path
) -> None:
    handle = sandbox_server(latency_ms=30)
    rig = await open_wizard(qtbot, handle.url, tmp_path / "j.sqlite3", concurrency=1)
    try:
        await go_to_run(qtbot, rig)
        await settle(qtbot, lambda: rig.wizard.run_page.model.finished_count() >= 2)
        rig.runner.cancel()
        await rig.runner.wait()
        rig.runner._result = None  # as after a run that broke off: nothing in memory
        assert rig.runner.can_export
        path = rig.runner.export_report(tmp_path / "from-journal.xlsx", lambda c, t: t)
        sheet = load_workbook(path).active
        assert sheet is not None and sheet.max_row == 1 + len(rig.flow.final_plan().entries)
    finally:
        await rig.close()
