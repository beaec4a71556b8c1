"""The journal against a damaged disk and a second process: one lock per journal, a resume
bound to the portal and accounts it was confirmed for, a run (or a file) the app cannot read
set aside — kept as it is, never offered, told once — and owner-only files."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.engine.events import LicenseFinished, Outcome
from desktop.engine.journal import (
    SCHEMA_VERSION,
    Journal,
    JournalBusy,
    JournalError,
    ResumeRefused,
    RunStatus,
    RunUnreadable,
)
from tests.engine.test_journal import _plan
from tests.licenses import OTHER, SAME, TARGET

ROOT = Path(__file__).resolve().parents[2]
PORTAL_A = "http://127.0.0.1:8801"
PORTAL_B = "http://127.0.0.1:8802"
AT_A = {SAME: PORTAL_A, OTHER: PORTAL_A, TARGET: PORTAL_A}


def _run(path: Path, accounts: dict[str, str] | None = None) -> str:
    with Journal(path) as journal:
        run_id = journal.start_run(_plan(), accounts=AT_A if accounts is None else accounts)
        journal.record_finished(run_id, LicenseFinished("SEN-3", Outcome.ALREADY_DONE))
        record = journal.record_intent(run_id, "SEN-1", 0, _plan().entries[0].steps[0])
        del record  # then: the process died
    return run_id


# --- the lock ------------------------------------------------------------------------------


def test_a_second_handle_on_one_journal_is_refused_until_the_first_closes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "j.sqlite3"
    first = Journal(path)
    with pytest.raises(JournalBusy, match=rf"in use .*process {os.getpid()}") as busy:
        Journal(path)
    assert busy.value.pid == os.getpid()
    with Journal(path, lock=False) as reader:  # a history view may read beside it
        assert reader.history() == []
        with pytest.raises(JournalError, match="only reads"):
            reader.start_run(_plan(), accounts=AT_A)
    first.close()
    Journal(path).close()  # free again


def test_another_process_holding_the_journal_is_refused_and_kill_9_frees_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "j.sqlite3"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from desktop.engine.journal import "
            "Journal; j = Journal(Path(sys.argv[1])); print('held', flush=True); time.sleep(60)",
            str(path),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(JournalBusy) as busy:
            Journal(path)
        assert busy.value.pid == holder.pid
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    deadline = time.monotonic() + 5
    while True:  # the kernel drops the dead process's lock: never a stale lock
        try:
            Journal(path).close()
            break
        except JournalBusy:
            assert time.monotonic() < deadline
            time.sleep(0.05)


# --- a resume bound to what was confirmed --------------------------------------------------


def test_a_resume_at_another_portal_or_as_other_accounts_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    run_id = _run(path)
    with Journal(path) as journal:
        (summary,) = journal.unfinished_runs()
        assert summary.portals == (PORTAL_A,) and summary.accounts == AT_A
        journal.check_resume(run_id, {SAME: PORTAL_A, OTHER: PORTAL_A})
        journal.check_resume(run_id, {SAME.upper(): PORTAL_A})
        with pytest.raises(ResumeRefused, match=rf"confirmed for {PORTAL_A}, not {PORTAL_B}"):
            journal.check_resume(run_id, {SAME: PORTAL_B, OTHER: PORTAL_B})
        with pytest.raises(ResumeRefused, match="confirmed for"):  # one account elsewhere
            journal.check_resume(run_id, {SAME: PORTAL_A, OTHER: "demo"})
        with pytest.raises(ResumeRefused, match="none of them is signed in"):
            journal.check_resume(run_id, {"someone@else.example": PORTAL_A})


def test_a_run_recorded_without_accounts_cannot_be_resumed(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    run_id = _run(path, accounts={})
    with Journal(path) as journal, pytest.raises(ResumeRefused):
        journal.check_resume(run_id, AT_A)


# --- odd rows: set aside, kept, told once ----------------------------------------------------

ODD_ROWS = {
    "unknown outcome": "UPDATE entries SET outcome = 'bogus' WHERE sen = 'SEN-3'",
    "unknown action": "UPDATE entries SET action = 'bogus' WHERE sen = 'SEN-2'",
    "bad JSON in steps": "UPDATE entries SET steps = '[[\"add-contact\"' WHERE sen = 'SEN-1'",
    "unknown step kind": 'UPDATE entries SET steps = \'[["teleport", "a", "b"]]\''
    " WHERE sen = 'SEN-1'",
    "unknown step record": "UPDATE steps SET status = 'bogus'",
    "unknown step in a record": "UPDATE steps SET kind = 'bogus'",
    "bad license JSON": "UPDATE entries SET license = '{' WHERE sen = 'SEN-2'",
    "not a license": "UPDATE entries SET license = '[1, 2]' WHERE sen = 'SEN-2'",
    "bad finished time": "UPDATE entries SET finished_at = 'yesterday' WHERE sen = 'SEN-3'",
    "bad plan time": "UPDATE runs SET plan_created = '2024-13-45'",
    "bad start time": "UPDATE runs SET started = 'soon'",
    "unknown status": "UPDATE runs SET status = 'bogus'",
    "bad signed-in JSON": "UPDATE runs SET signed_in = 'nope'",
    "bad reason arguments": "UPDATE entries SET reason_args = '{\"a\": 1}' WHERE sen = 'SEN-1'",
    "bad steps done": "UPDATE entries SET steps_done = '[\"bogus\"]' WHERE sen = 'SEN-3'",
    "unknown run format": "UPDATE runs SET format = 99",
    "earlier run format": "UPDATE runs SET format = 1",
    "bad accounts": "UPDATE runs SET accounts = '[\"x\"]'",
    "a number for a status": "UPDATE runs SET status = 7",
}


@pytest.mark.parametrize("sql", ODD_ROWS.values(), ids=ODD_ROWS.keys())
def test_a_run_with_an_odd_row_is_set_aside_kept_and_told_once(tmp_path: Path, sql: str) -> None:
    path = tmp_path / "j.sqlite3"
    run_id = _run(path)
    with sqlite3.connect(path) as db:
        db.execute(sql)
    before = _dump(path)
    with Journal(path) as journal:
        (summary,) = journal.history()  # no ValueError, no JSONDecodeError
        assert summary.run_id == run_id and summary.status is RunStatus.SET_ASIDE
        assert summary.problem and not summary.resumable
        assert journal.unfinished_runs() == []
        assert [s.run_id for s in journal.newly_set_aside()] == [run_id]  # one message
        assert journal.newly_set_aside() == []
        assert journal.status(run_id) is RunStatus.SET_ASIDE
        with pytest.raises(RunUnreadable, match=rf"run {run_id} cannot be read"):
            journal.check_resume(run_id, AT_A)
    with Journal(path) as journal:  # the next start: still set aside, not told again
        assert journal.unfinished_runs() == []
        assert journal.newly_set_aside() == []
        assert journal.history()[0].status is RunStatus.SET_ASIDE
    assert _dump(path, "runs") == before["runs"]  # kept as it was
    assert _dump(path, "entries") == before["entries"]


def test_reading_a_damaged_run_directly_is_a_journal_error_not_a_traceback(
    tmp_path: Path,
) -> None:
    path = tmp_path / "j.sqlite3"
    run_id = _run(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE entries SET outcome = 'bogus' WHERE sen = 'SEN-3'")
        db.execute("UPDATE entries SET action = 'bogus' WHERE sen = 'SEN-2'")
    with Journal(path) as journal:
        with pytest.raises(RunUnreadable, match="unknown outcome 'bogus'"):
            journal.outcomes(run_id)
        with pytest.raises(RunUnreadable, match="SEN-2: unknown action 'bogus'"):
            journal.load_plan(run_id)
        with pytest.raises(RunUnreadable):
            journal.load_result(run_id)


def test_a_damaged_finished_run_is_shown_set_aside_without_a_message(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    run_id = _run(path)
    good = _run(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE runs SET status = 'finished' WHERE run_id = ?", (run_id,))
        db.execute("UPDATE entries SET outcome = 'bogus' WHERE run_id = ?", (run_id,))
    with Journal(path) as journal:
        statuses = {s.run_id: s.status for s in journal.history()}
        assert statuses == {run_id: RunStatus.SET_ASIDE, good: RunStatus.RUNNING}
        assert journal.newly_set_aside() == []  # nothing would have been offered
        assert [s.run_id for s in journal.unfinished_runs()] == [good]


# --- odd files -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000],
    ids=["text", "torn header"],
)
def test_a_file_that_is_not_a_journal_is_set_aside_and_a_new_one_made(
    tmp_path: Path, damage: bytes
) -> None:
    path = tmp_path / "j.sqlite3"
    path.write_bytes(damage)
    with Journal(path) as journal:
        assert journal.set_aside_file is not None
        assert journal.set_aside_file.read_bytes() == damage  # kept
        assert journal.history() == []
        journal.start_run(_plan(), accounts=AT_A)
    with Journal(path) as journal:
        assert journal.set_aside_file is None
        assert len(journal.unfinished_runs()) == 1
    with pytest.raises(JournalError, match="cannot be read"):
        damaged = tmp_path / "d.sqlite3"
        damaged.write_bytes(damage)
        Journal(damaged, lock=False)  # a reader never moves a file


def test_a_journal_of_a_newer_version_is_set_aside_whole(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    _run(path)
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with Journal(path) as journal:
        assert journal.set_aside_file is not None and journal.history() == []
    with sqlite3.connect(journal.set_aside_file) as db:
        assert db.execute("SELECT count(*) FROM runs").fetchone() == (1,)


# Added by layout 3 (the kind of run, billing parts, removals).
_LATER_COLUMNS = (
    ("runs", "kind"),
    ("runs", "leaving"),
    ("entries", "billing"),
    ("entries", "removals"),
)


def test_a_journal_of_the_first_layout_is_migrated_and_its_runs_set_aside(
    tmp_path: Path,
) -> None:
    path = tmp_path / "j.sqlite3"
    run_id = _run(path)
    with sqlite3.connect(path) as db:  # as version 1 wrote it: no format, no accounts
        db.execute("DROP TABLE set_aside")
        db.execute("ALTER TABLE runs DROP COLUMN format")
        db.execute("ALTER TABLE runs DROP COLUMN accounts")
        for table, column in _LATER_COLUMNS:
            db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        db.execute("PRAGMA user_version=1")
    with Journal(path) as journal:
        (summary,) = journal.history()
        assert summary.run_id == run_id and summary.status is RunStatus.SET_ASIDE
        assert "earlier version" in summary.problem
        fresh = journal.start_run(_plan(), accounts=AT_A)
        assert [s.run_id for s in journal.unfinished_runs()] == [fresh]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


# --- owner-only files ------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="modes exist only on POSIX systems")
def test_the_journal_its_lock_and_new_folders_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "j.sqlite3"
    chosen = stat.S_IMODE(tmp_path.stat().st_mode)
    old = os.umask(0o022)
    try:
        _run(path)
    finally:
        os.umask(old)
    for folder in (tmp_path / "new", path.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    files = list(path.parent.iterdir())
    assert {p.name for p in files} >= {"j.sqlite3", "j.sqlite3.lock"}
    for file in files:
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    assert stat.S_IMODE(tmp_path.stat().st_mode) == chosen  # a folder that was there is left


@pytest.mark.skipif(os.name != "posix", reason="modes exist only on POSIX systems")
def test_an_existing_journal_readable_by_others_is_made_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    _run(path)
    path.chmod(0o644)
    Journal(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def _dump(path: Path, table: str | None = None):  # type: ignore[no-untyped-def]
    with sqlite3.connect(path) as db:
        tables = [table] if table else ["runs", "entries"]
        dumped = {t: db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}
    return dumped[table] if table else dumped
