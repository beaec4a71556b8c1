"""File > Run history…: the journal's runs (when, target, counts, failures), Export report…
for one of them (the engine's report writer), a set-aside run shown but not exportable; the
resume offer's Later keeps the run offered at the next start."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.domain.dates import format_moment
from desktop.engine.events import Outcome
from desktop.engine.executor import Executor
from desktop.engine.journal import Journal, RunStatus
from desktop.engine.planner import make_plan
from desktop.portal.http_client import RetryPolicy
from desktop.portal.sandbox import FaultOptions, create_app, demo_data
from desktop.portal.sandbox.demo_data import ACCOUNTS, TARGET
from desktop.portal.sandbox.faults import FaultInjector
from desktop.services.paste_store import PasteStore
from desktop.ui.application import DesktopApp
from desktop.ui.language import LanguageManager
from desktop.ui.run_history import RunHistoryDialog
from tests.engine.sandbox_helpers import in_process_portal, sign_in_all
from tests.ui.test_main_window import wait_for_refresh

EMAILS = [a.email for a in ACCOUNTS]
ONE_TRY = RetryPolicy(attempts=1, total_s=1.0, wait_initial_s=0.01, wait_max_s=0.01)


async def _three_runs(path: Path) -> list[str]:
    """A finished run, a run whose every write failed, and one that died half way."""
    ids: list[str] = []
    with Journal(path) as journal:
        app = create_app(demo_data())
        async with in_process_portal(app) as portal:
            signed = await sign_in_all(portal, EMAILS)
            plan = make_plan(signed.licenses, signed.sessions, TARGET)
            ids.append((await Executor(signed.sessions, journal).run(plan)).run_id)
        app = create_app(demo_data())
        async with in_process_portal(app, retry=ONE_TRY) as portal:
            signed = await sign_in_all(portal, EMAILS)
            plan = make_plan(signed.licenses, signed.sessions, TARGET)
            app.faults = FaultInjector(FaultOptions(fail_rate=1.0))
            executor = Executor(signed.sessions, journal, step_attempts=1, retry_pause_s=0)
            ids.append((await executor.run(plan)).run_id)
            unfinished = journal.start_run(plan, accounts=dict.fromkeys(EMAILS, "demo"))
            journal.set_status(unfinished, RunStatus.RUNNING)  # as the file is after a crash
            ids.append(unfinished)
    return ids


def _column(dialog: RunHistoryDialog, column: int) -> list[str]:
    return [dialog.table.item(row, column).text() for row in range(dialog.table.rowCount())]


async def test_history_lists_three_runs_and_exports_one(
    qtbot, settings, tmp_path: Path, monkeypatch
) -> None:
    LanguageManager(settings).apply("en", remember=False)
    path = tmp_path / "journal.sqlite3"
    ids = await _three_runs(path)
    with Journal(path, lock=False) as journal:
        runs = {run.run_id: run for run in journal.history()}
    dialog = RunHistoryDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 3
    assert {run.run_id for run in dialog.runs} == set(ids)
    assert _column(dialog, 1) == [TARGET] * 3
    by_id = {run.run_id: row for row, run in enumerate(dialog.runs)}
    done, failing, crashed = (by_id[i] for i in ids)
    total = runs[ids[0]].total
    assert total > 0 and _column(dialog, 2) == [str(total)] * 3
    finished = runs[ids[0]].counts[Outcome.DONE] + runs[ids[0]].counts.get(Outcome.ALREADY_DONE, 0)
    assert int(_column(dialog, 3)[done]) == finished > 0
    assert _column(dialog, 4)[done] == "0"
    assert int(_column(dialog, 4)[failing]) == runs[ids[1]].counts[Outcome.FAILED] > 0
    assert _column(dialog, 5)[crashed] == "Did not finish"
    assert _column(dialog, 5)[done] == "Finished"
    assert _column(dialog, 5)[failing] == "Finished with failures"
    assert _column(dialog, 0)[done] == format_moment(runs[ids[0]].started.astimezone(), "en")

    dialog.table.selectRow(failing)
    assert dialog.export_button.isEnabled()
    target = tmp_path / "again.csv"
    monkeypatch.setattr(
        "desktop.ui.run_history.QFileDialog.getSaveFileName",
        lambda *_args, **_kw: (str(target), ""),
    )
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter on a run: Export report…
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 1 + total
    assert sum("failed" in " ".join(row).lower() for row in rows[1:]) >= 1


async def test_a_set_aside_run_is_shown_but_not_exportable(qtbot, settings, tmp_path: Path) -> None:
    LanguageManager(settings).apply("en", remember=False)
    path = tmp_path / "journal.sqlite3"
    ids = await _three_runs(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE runs SET status = 'bogus' WHERE run_id = ?", (ids[0],))
    db.close()
    dialog = RunHistoryDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 3
    row = next(r for r, run in enumerate(dialog.runs) if run.run_id == ids[0])
    assert dialog.runs[row].status is RunStatus.SET_ASIDE
    assert dialog.table.item(row, 5).text() == "Set aside (cannot be read)"
    assert dialog.table.item(row, 5).toolTip()  # the problem, as the journal words it
    dialog.table.selectRow(row)
    assert not dialog.export_button.isEnabled()
    other = next(r for r in range(3) if r != row)
    dialog.table.selectRow(other)
    assert dialog.export_button.isEnabled()


async def test_later_keeps_the_run_offered_at_the_next_start(
    qtbot, settings, tmp_path: Path
) -> None:
    language = LanguageManager(settings)
    language.apply("en", remember=False)
    path = tmp_path / "journal.sqlite3"
    ids = await _three_runs(path)
    app = DesktopApp(
        settings,
        language=language,
        pastes=PasteStore(tmp_path / "p"),
        today=date(2026, 11, 23),
        journal_path=path,
    )
    window = app.window
    qtbot.addWidget(window)
    window.show()
    await wait_for_refresh(window)
    try:
        box = app.launcher.offer_resume()
        assert isinstance(box, QMessageBox) and box.isVisible()
        later = next(b for b in box.buttons() if b.objectName() == "resumeLater")
        assert later.text() == "&Later" and box.escapeButton() is later
        qtbot.keyClick(box, Qt.Key.Key_Escape)  # Escape = Later
        assert not box.isVisible()
        with Journal(path, lock=False) as journal:
            assert [r.run_id for r in journal.unfinished_runs()] == [ids[2]]
        again = app.launcher.offer_resume()  # the next start asks again
        assert isinstance(again, QMessageBox) and again.isVisible()
        again.close()

        window.history_action.trigger()  # File > Run history… opens on the same journal
        dialog = window.findChild(RunHistoryDialog)
        assert dialog is not None and dialog.isVisible() and dialog.table.rowCount() == 3
        dialog.close()
    finally:
        await window.refresher.aclose()
