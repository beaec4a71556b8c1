"""The SQLite journal: runs, intents and outcomes survive a reopen; history and discard."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.engine.events import LicenseFinished, Outcome
from desktop.engine.journal import (
    Journal,
    JournalError,
    RunStatus,
    StepRecord,
    default_journal_path,
)
from desktop.engine.plan import StepKind
from desktop.engine.planner import make_plan
from tests.licenses import OTHER, SAME, TARGET, make_license


def _plan():  # type: ignore[no-untyped-def]
    return make_plan(
        [
            make_license("SEN-1", primary=SAME),
            make_license("SEN-2", primary=OTHER),
            make_license("SEN-3", primary=TARGET),
        ],
        [SAME, OTHER, TARGET],
        TARGET,
        now=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
    )


def test_plan_round_trips_without_the_license_key(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    plan = _plan()
    with Journal(path) as journal:
        run_id = journal.start_run(plan)
    with Journal(path) as journal:
        loaded = journal.load_plan(run_id)
    assert loaded.target == plan.target
    assert loaded.created == plan.created
    assert loaded.signed_in == plan.signed_in
    for before, after in zip(plan.entries, loaded.entries, strict=True):
        assert after.steps == before.steps
        assert after.action is before.action
        assert after.reason == before.reason and after.reason_args == before.reason_args
        assert after.old_primary == before.old_primary
        assert after.license.technical_contacts == before.license.technical_contacts
        assert after.license.license_key is None
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"SECRET-KEY" not in raw


def test_intents_and_outcomes_survive_and_make_a_run_resumable(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    plan = _plan()
    with Journal(path) as journal:
        run_id = journal.start_run(plan)
        entry = plan.entries[0]
        record = journal.record_intent(run_id, entry.sen, 0, entry.steps[0])
        journal.record_step(record, StepRecord.SUCCEEDED)
        journal.record_intent(run_id, entry.sen, 1, entry.steps[1])  # then: crash
    with Journal(path) as journal:
        records = journal.step_records(run_id, entry.sen)
        assert [r["status"] for r in records] == [StepRecord.SUCCEEDED, StepRecord.INTENT]
        assert [r["kind"] for r in records] == [StepKind.ADD_CONTACT, StepKind.MAKE_PRIMARY]
        (unfinished,) = journal.unfinished_runs()
        assert unfinished.run_id == run_id
        assert unfinished.status is RunStatus.RUNNING
        assert unfinished.pending == 2 and unfinished.total == 3
        assert journal.latest_unfinished(TARGET) == unfinished
        assert journal.latest_unfinished("someone@else.example") is None

        done = LicenseFinished(entry.sen, Outcome.DONE, steps_done=(StepKind.ADD_CONTACT,))
        journal.record_finished(run_id, done)
        journal.record_finished(
            run_id, LicenseFinished("SEN-2", Outcome.FAILED, error_key="timeout")
        )
        journal.record_finished(run_id, LicenseFinished("SEN-3", Outcome.ALREADY_DONE))
        assert journal.close_run(run_id, cancelled=False) is RunStatus.FINISHED
        assert journal.unfinished_runs() == []
        outcomes = journal.outcomes(run_id)
        assert outcomes["SEN-1"].steps_done == (StepKind.ADD_CONTACT,)
        assert outcomes["SEN-2"].error_key == "timeout"
        result = journal.load_result(run_id)
        assert [f.sen for f in result.failed()] == ["SEN-2"]
        assert not result.ok


def test_discard_keeps_history(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.sqlite3") as journal:
        first = journal.start_run(_plan())
        second = journal.start_run(_plan())
        assert {s.run_id for s in journal.unfinished_runs()} == {first, second}
        journal.discard(first)
        assert [s.run_id for s in journal.unfinished_runs()] == [second]
        history = {s.run_id: s for s in journal.history()}
        assert history[first].status is RunStatus.DISCARDED
        assert history[second].status is RunStatus.RUNNING
        with pytest.raises(JournalError):
            journal.discard("nope")


def test_unopenable_journal_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(JournalError, match="cannot open the run journal"):
        Journal(blocker / "j.sqlite3")


def test_default_path_is_under_the_user_data_dir() -> None:
    path = default_journal_path()
    assert path.name == "journal.sqlite3"
    assert "LicenseConsolidator" in path.parts
