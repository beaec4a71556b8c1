"""At start-up an unfinished run in the journal is offered: Resume, or Discard (kept as history)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop.engine.journal import Journal, RunStatus
from desktop.engine.planner import make_plan
from desktop.engine.removal_planner import make_removal_plan
from desktop.services.paste_store import PasteStore
from desktop.ui.application import DesktopApp
from desktop.ui.language import LanguageManager
from tests.ui.test_main_window import wait_for_refresh
from tests.ui.wizard.harness import LN, WF, ZW


def _unfinished_run(path: Path, window) -> str:  # type: ignore[no-untyped-def]
    licenses = [window.model.license_at(row) for row in range(window.model.rowCount())]
    plan = make_plan(licenses, {LN, WF}, ZW)
    with Journal(path) as journal:
        run_id = journal.start_run(plan)
        journal.set_status(run_id, RunStatus.RUNNING)  # as the file is when the process died
    return run_id


async def test_an_unfinished_run_is_offered_and_discard_keeps_it_as_history(
    qtbot, settings, tmp_path: Path
) -> None:
    language = LanguageManager(settings)
    language.apply("en", remember=False)
    journal_path = tmp_path / "journal.sqlite3"
    app = DesktopApp(
        settings,
        language=language,
        pastes=PasteStore(tmp_path / "p"),
        today=date(2026, 11, 23),
        journal_path=journal_path,
    )
    window, offer_resume = app.window, app.launcher.offer_resume
    qtbot.addWidget(window)
    window.show()
    await wait_for_refresh(window)
    try:
        assert offer_resume() is None  # an empty journal offers nothing

        run_id = _unfinished_run(journal_path, window)
        box = offer_resume()
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert ZW in box.text() and "licenses left" in box.text()  # the English plural
        discard = next(b for b in box.buttons() if "Discard" in b.text())
        assert box.defaultButton() is not discard  # the safe answer is the default
        discard.click()
        assert not box.isVisible()

        with Journal(journal_path) as journal:
            assert journal.unfinished_runs() == []
            assert [run.run_id for run in journal.history()] == [run_id]  # kept as history
        assert offer_resume() is None  # and not offered again
    finally:
        await window.refresher.aclose()


async def test_an_unfinished_removal_is_offered_as_a_removal(
    qtbot, settings, tmp_path: Path
) -> None:
    language = LanguageManager(settings)
    language.apply("en", remember=False)
    journal_path = tmp_path / "journal.sqlite3"
    app = DesktopApp(
        settings,
        language=language,
        pastes=PasteStore(tmp_path / "p"),
        today=date(2026, 11, 23),
        journal_path=journal_path,
    )
    window = app.window
    qtbot.addWidget(window)
    window.show()
    await wait_for_refresh(window)
    try:
        licenses = [window.model.license_at(row) for row in range(window.model.rowCount())]
        plan = make_removal_plan(licenses, {LN, WF}, [WF], keep=[ZW])
        assert plan.actionable()
        with Journal(journal_path) as journal:
            journal.start_run(plan, accounts=dict.fromkeys((LN, WF), "demo"))
            assert journal.unfinished_runs()
        box = app.launcher.offer_resume()
        assert isinstance(box, QMessageBox)
        assert box.windowTitle() == "Unfinished removal"  # never as a consolidation
        assert WF in box.text() and "consolidation" not in box.text()
        box.close()
    finally:
        await window.refresher.aclose()
