"""The app and a journal it cannot trust: a damaged run or file is set aside with one message
and the app starts normally; a journal another process holds is refused; a run confirmed for
another portal is not resumed here (pytest-qt, real widgets, the built-in demo)."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from desktop.engine.journal import Journal, RunStatus
from desktop.engine.planner import make_plan
from desktop.services.paste_store import PasteStore
from desktop.ui.application import DesktopApp
from desktop.ui.language import LanguageManager
from tests.ui.test_main_window import wait_for_refresh
from tests.ui.wizard.harness import LN, WF, ZW


@pytest.fixture
async def app(qtbot, settings, tmp_path: Path) -> AsyncIterator[DesktopApp]:  # type: ignore[no-untyped-def]
    language = LanguageManager(settings)
    language.apply("en", remember=False)
    desktop_app = DesktopApp(
        settings,
        language=language,
        pastes=PasteStore(tmp_path / "p"),
        today=date(2026, 11, 23),
        journal_path=tmp_path / "journal.sqlite3",
    )
    qtbot.addWidget(desktop_app.window)
    desktop_app.window.show()
    await wait_for_refresh(desktop_app.window)
    yield desktop_app
    await desktop_app.window.refresher.aclose()


def _unfinished_run(app: DesktopApp, portal: str = "demo") -> str:
    window = app.window
    licenses = [window.model.license_at(row) for row in range(window.model.rowCount())]
    plan = make_plan(licenses, {LN, WF}, ZW)
    assert app.launcher.journal_path is not None
    with Journal(app.launcher.journal_path) as journal:
        return journal.start_run(plan, accounts={LN: portal, WF: portal})


def _messages(name: str) -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
    ]


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE entries SET outcome = 'bogus' WHERE rowid = 1",
        "UPDATE entries SET steps = '[[' WHERE rowid = 1",
        "UPDATE entries SET action = 'teleport' WHERE rowid = 1",
        "UPDATE steps SET kind = 'bogus'",
        "UPDATE runs SET updated = 'never'",
    ],
    ids=["outcome", "json", "action", "step", "timestamp"],
)
async def test_a_damaged_run_is_set_aside_with_one_message_and_the_app_starts(
    app: DesktopApp, damage: str
) -> None:
    run_id = _unfinished_run(app)
    path = app.launcher.journal_path
    assert path is not None
    with Journal(path) as journal:
        entry = journal.load_plan(run_id).actionable()[0]
        journal.record_intent(run_id, entry.sen, 0, entry.steps[0])
    with sqlite3.connect(path) as db:
        db.execute(damage)
    box = app.launcher.offer_resume()  # what the app does at start: no exception
    assert box is not None and box.objectName() == "journalSetAsideMessage"
    assert "1 run in the journal cannot be read" in box.text()
    assert app.window.isVisible()
    box.close()
    assert app.launcher.offer_resume() is None  # told once
    with Journal(path) as journal:
        assert journal.history()[0].status is RunStatus.SET_ASIDE  # kept


async def test_a_journal_file_that_cannot_be_read_is_kept_and_a_new_one_started(
    app: DesktopApp,
) -> None:
    path = app.launcher.journal_path
    assert path is not None
    path.write_bytes(b"\x00not sqlite\x1b[2J" * 64)
    box = app.launcher.offer_resume()
    assert box is not None and "a new one was started" in box.text()
    kept = next(path.parent.glob("journal.set-aside-*.sqlite3"))
    assert kept.name in box.text() and kept.read_bytes().startswith(b"\x00not sqlite")
    box.close()
    assert app.launcher.offer_resume() is None


async def test_a_journal_held_by_another_process_offers_nothing_and_the_wizard_refuses(
    app: DesktopApp,
) -> None:
    _unfinished_run(app)
    assert app.launcher.journal_path is not None
    with Journal(app.launcher.journal_path):  # as another copy of the app running it would
        assert app.launcher.offer_resume() is None  # never offer what another one runs
        wizard = await app.launcher.launch()
        assert wizard is None
        (box,) = _messages("journalMessage")
        assert "in use by another copy of the app or by desktop-cli" in box.text()
        box.close()


async def test_a_run_confirmed_for_another_portal_is_not_resumed_here(app: DesktopApp) -> None:
    run_id = _unfinished_run(app, portal="https://portal.huake.example")
    box = app.launcher.offer_resume()
    assert box is not None and box.objectName() == "resumeRunMessage"
    resume = next(b for b in box.buttons() if "Resume" in b.text())
    assert isinstance(resume, QPushButton)
    resume.click()
    assert app.launcher.task is not None
    assert await app.launcher.task is None  # no wizard
    (refused,) = _messages("journalMessage")
    assert "confirmed for https://portal.huake.example" in refused.text()
    assert "Nothing was changed" in refused.text()
    refused.close()
    assert app.launcher.journal_path is not None
    with Journal(app.launcher.journal_path) as journal:
        (still,) = journal.unfinished_runs()  # still there, for where it belongs
        assert still.run_id == run_id
        assert all(f.outcome is None for f in [])  # nothing recorded for it
        assert journal.outcomes(run_id) == {}
