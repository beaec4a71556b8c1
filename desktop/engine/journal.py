"""The run journal (SQLite): each run, each license's plan and end, each step's intent and
outcome, written before and after every request, so a crashed run can be resumed.

Never holds a secret: licenses are stored without their license key.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import platformdirs

from desktop.domain.models import License
from desktop.engine.events import LicenseFinished, Outcome
from desktop.engine.plan import Action, Plan, PlanEntry, Step, StepKind
from desktop.engine.run_result import RunResult
from desktop.portal.license_json import LicenseJsonError, license_from_json, license_to_json

log = logging.getLogger(__name__)

APP_DIR_NAME = "LicenseConsolidator"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    target TEXT NOT NULL,
    plan_created TEXT NOT NULL,
    signed_in TEXT NOT NULL,
    status TEXT NOT NULL,
    started TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entries (
    run_id TEXT NOT NULL REFERENCES runs(run_id),
    seq INTEGER NOT NULL,
    sen TEXT NOT NULL,
    license TEXT NOT NULL,
    action TEXT NOT NULL,
    reason TEXT NOT NULL,
    reason_args TEXT NOT NULL,
    steps TEXT NOT NULL,
    old_primary TEXT,
    outcome TEXT,
    error_key TEXT NOT NULL DEFAULT '',
    error_args TEXT NOT NULL DEFAULT '[]',
    message TEXT NOT NULL DEFAULT '',
    steps_done TEXT NOT NULL DEFAULT '[]',
    final_license TEXT,
    finished_at TEXT,
    PRIMARY KEY (run_id, sen)
);
CREATE TABLE IF NOT EXISTS steps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id TEXT NOT NULL,
    sen TEXT NOT NULL,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    email TEXT NOT NULL,
    status TEXT NOT NULL,
    error_key TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE INDEX IF NOT EXISTS steps_by_license ON steps (run_id, sen);
"""


class RunStatus(StrEnum):
    RUNNING = "running"  # started; still running, or the process died (crash, kill -9)
    CANCELLED = "cancelled"  # stopped by Cancel: the rest can be resumed
    FINISHED = "finished"  # every license reached an end (done, failed, …)
    DISCARDED = "discarded"  # the person chose not to resume it; kept as history


class StepRecord(StrEnum):
    INTENT = "intent"  # written before the request
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    SKIPPED = "skipped"
    UNKNOWN = "unknown"  # the request may or may not have applied


class JournalError(Exception):
    """The journal cannot be opened or written (a plain message, no secret)."""


@dataclass(frozen=True, slots=True)
class RunSummary:
    """One run as history lists it."""

    run_id: str
    target: str
    status: RunStatus
    started: datetime
    updated: datetime
    total: int
    counts: dict[Outcome, int]
    pending: int  # actionable licenses with no end yet, or cancelled

    @property
    def resumable(self) -> bool:
        return self.status in (RunStatus.RUNNING, RunStatus.CANCELLED) and self.pending > 0


def default_journal_path() -> Path:
    """``<user data dir>/LicenseConsolidator/journal.sqlite3``."""
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)) / "journal.sqlite3"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class Journal:
    """The journal file. One connection, used from the thread that created it (the loop's).

    Each write is its own committed transaction, so whatever was written before a crash is
    there after it.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else default_journal_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except (OSError, sqlite3.Error) as error:
            raise JournalError(f"cannot open the run journal at {self.path}: {error}") from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
        """A read; a broken journal (closed, damaged, gone) is a :class:`JournalError`."""
        try:
            return self._db.execute(sql, params)
        except sqlite3.Error as error:
            raise JournalError(f"cannot read the run journal at {self.path}: {error}") from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            raise JournalError(f"cannot write the run journal at {self.path}: {error}") from None

    # -- writing a run ---------------------------------------------------------------------

    def start_run(self, plan: Plan, rows: PlanRows | None = None) -> str:
        """Record a new run and its whole plan in one transaction; returns the run id.

        ``rows`` are :func:`plan_rows` of ``plan``, when the caller encoded them already (the
        executor does so in a worker thread: encoding 500 licenses is most of the work).
        """
        encoded = rows if rows is not None else plan_rows(plan)
        run_id = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:8]
        now = _now()
        with self._write() as db:
            db.execute(
                "INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    run_id,
                    plan.target,
                    plan.created.isoformat(),
                    json.dumps(sorted(plan.signed_in)),
                    RunStatus.RUNNING,
                    now,
                    now,
                ),
            )
            db.executemany(
                "INSERT INTO entries (run_id, seq, sen, license, action, reason, reason_args,"
                " steps, old_primary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(run_id, *row) for row in encoded],
            )
        log.info("run %s started: %d licenses", run_id, len(plan.entries))
        return run_id

    def set_status(self, run_id: str, status: RunStatus) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE runs SET status = ?, updated = ? WHERE run_id = ?",
                (status, _now(), run_id),
            )

    def close_run(self, run_id: str, *, cancelled: bool) -> RunStatus:
        """Mark the run finished when every license ended, else cancelled (resumable)."""
        del cancelled  # a run left with pending licenses is resumable however it stopped
        status = RunStatus.CANCELLED if self._pending_count(run_id) else RunStatus.FINISHED
        self.set_status(run_id, status)
        return status

    def record_intent(self, run_id: str, sen: str, index: int, step: Step) -> int:
        """Before a request: what is about to be asked. Returns the step record's id."""
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO steps (run_id, sen, idx, kind, actor, email, status, started_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (run_id, sen, index, step.kind, step.actor, step.email, StepRecord.INTENT, _now()),
            )
            db.execute("UPDATE runs SET updated = ? WHERE run_id = ?", (_now(), run_id))
        return int(cursor.lastrowid or 0)

    def record_step(
        self, record_id: int, status: StepRecord, error_key: str = "", message: str = ""
    ) -> None:
        """After a request: how it ended."""
        with self._write() as db:
            db.execute(
                "UPDATE steps SET status = ?, error_key = ?, message = ?, finished_at = ?"
                " WHERE id = ?",
                (status, error_key, message[:500], _now(), record_id),
            )

    def record_skipped(self, run_id: str, sen: str, index: int, step: Step) -> None:
        record = self.record_intent(run_id, sen, index, step)
        self.record_step(record, StepRecord.SKIPPED)

    def record_finished(self, run_id: str, finished: LicenseFinished) -> None:
        """A license's end (outcome, the portal's last answer, what took effect)."""
        self.record_finished_many(run_id, [finished])

    def record_finished_many(self, run_id: str, ended: Sequence[LicenseFinished]) -> None:
        """Several licenses' ends in one transaction (e.g. every one the run will not touch)."""
        if not ended:
            return
        rows = [
            (
                finished.outcome,
                finished.error_key,
                json.dumps(list(finished.error_args)),
                finished.message[:500],
                json.dumps(list(finished.steps_done)),
                (
                    json.dumps(license_to_json(finished.license, include_key=False))
                    if finished.license is not None
                    else None
                ),
                (finished.at or datetime.now(UTC)).isoformat(timespec="milliseconds"),
                run_id,
                finished.sen,
            )
            for finished in ended
        ]
        with self._write() as db:
            db.executemany(
                "UPDATE entries SET outcome = ?, error_key = ?, error_args = ?, message = ?,"
                " steps_done = ?, final_license = ?, finished_at = ? WHERE run_id = ? AND sen = ?",
                rows,
            )
            db.execute("UPDATE runs SET updated = ? WHERE run_id = ?", (_now(), run_id))

    # -- reading ---------------------------------------------------------------------------

    def load_plan(self, run_id: str) -> Plan:
        """The plan the run was started with (licenses as they were read, without keys)."""
        run = self._run_row(run_id)
        rows = self._query(
            "SELECT sen, license, action, reason, reason_args, steps, old_primary"
            " FROM entries WHERE run_id = ? ORDER BY seq",
            (run_id,),
        ).fetchall()
        entries = tuple(
            PlanEntry(
                license=_license(text),
                action=Action(action),
                reason=reason,
                steps=tuple(Step(StepKind(k), actor, email) for k, actor, email in json.loads(st)),
                reason_args=tuple(json.loads(args)),
                old_primary=old,
            )
            for _sen, text, action, reason, args, st, old in rows
        )
        return Plan(
            target=run["target"],
            entries=entries,
            created=datetime.fromisoformat(run["plan_created"]),
            signed_in=frozenset(json.loads(run["signed_in"])),
        )

    def outcomes(self, run_id: str) -> dict[str, LicenseFinished]:
        """Every license of the run that has an end, by SEN."""
        rows = self._query(
            "SELECT sen, outcome, error_key, error_args, message, steps_done, final_license,"
            " finished_at FROM entries WHERE run_id = ? AND outcome IS NOT NULL ORDER BY seq",
            (run_id,),
        ).fetchall()
        return {
            sen: LicenseFinished(
                sen=sen,
                outcome=Outcome(outcome),
                license=_license(final) if final else None,
                error_key=error_key,
                message=message,
                steps_done=tuple(StepKind(k) for k in json.loads(done)),
                at=_time(at),
                error_args=tuple(json.loads(args)),
            )
            for sen, outcome, error_key, args, message, done, final, at in rows
        }

    def load_result(self, run_id: str) -> RunResult:
        """The run as far as the journal knows it."""
        status = self.status(run_id)
        return RunResult(
            run_id=run_id,
            target=self._run_row(run_id)["target"],
            plan=self.load_plan(run_id),
            outcomes=self.outcomes(run_id),
            cancelled=status is RunStatus.CANCELLED,
        )

    def status(self, run_id: str) -> RunStatus:
        return RunStatus(self._run_row(run_id)["status"])

    def step_records(self, run_id: str, sen: str | None = None) -> list[dict[str, Any]]:
        """The step records of a run (or one license), oldest first."""
        query = "SELECT * FROM steps WHERE run_id = ?"
        params: tuple[str, ...] = (run_id,)
        if sen is not None:
            query += " AND sen = ?"
            params = (run_id, sen)
        cursor = self._query(query + " ORDER BY id", params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def unfinished_runs(self) -> list[RunSummary]:
        """Runs that can be resumed (crashed or cancelled, with licenses left), newest first."""
        return [s for s in self.history() if s.resumable]

    def latest_unfinished(self, target: str | None = None) -> RunSummary | None:
        wanted = target.lower() if target else None
        return next(
            (s for s in self.unfinished_runs() if wanted is None or s.target == wanted), None
        )

    def history(self) -> list[RunSummary]:
        """Every run, newest first (discarded ones too)."""
        runs = self._query(
            "SELECT run_id, target, status, started, updated FROM runs"
            " ORDER BY started DESC, run_id DESC"
        ).fetchall()
        return [self._summary(*row) for row in runs]

    def discard(self, run_id: str) -> None:
        """Give up resuming a run; it stays in the history, marked discarded."""
        self._run_row(run_id)
        self.set_status(run_id, RunStatus.DISCARDED)
        log.info("run %s discarded", run_id)

    # -- helpers ---------------------------------------------------------------------------

    def _summary(
        self, run_id: str, target: str, status: str, started: str, updated: str
    ) -> RunSummary:
        rows = self._query(
            "SELECT action, steps, outcome FROM entries WHERE run_id = ?", (run_id,)
        ).fetchall()
        counts: Counter[Outcome] = Counter(Outcome(o) for _a, _s, o in rows if o is not None)
        pending = sum(
            1
            for action, steps, outcome in rows
            if _actionable(action, steps) and outcome in (None, Outcome.CANCELLED)
        )
        return RunSummary(
            run_id=run_id,
            target=target,
            status=RunStatus(status),
            started=datetime.fromisoformat(started),
            updated=datetime.fromisoformat(updated),
            total=len(rows),
            counts=dict(counts),
            pending=pending,
        )

    def _pending_count(self, run_id: str) -> int:
        rows = self._query(
            "SELECT action, steps, outcome FROM entries WHERE run_id = ?", (run_id,)
        ).fetchall()
        return sum(
            1
            for action, steps, outcome in rows
            if _actionable(action, steps) and outcome in (None, Outcome.CANCELLED)
        )

    def _run_row(self, run_id: str) -> dict[str, str]:
        cursor = self._query("SELECT * FROM runs WHERE run_id = ?", (run_id,))
        row = cursor.fetchone()
        if row is None:
            raise JournalError(f"no run {run_id!r} in the journal")
        names = [d[0] for d in cursor.description]
        return dict(zip(names, row, strict=True))


# One plan entry as the entries table stores it (without the run id): seq, sen, license (JSON,
# no key), action, reason, reason_args, steps, old_primary.
PlanRow = tuple[int, str, str, str, str, str, str, str | None]
PlanRows = list[PlanRow]


def plan_rows(plan: Plan) -> PlanRows:
    """The plan's entries encoded for :meth:`Journal.start_run` (pure: safe in any thread)."""
    return [
        (
            seq,
            entry.sen,
            _license_text(entry),
            entry.action,
            entry.reason,
            json.dumps(list(entry.reason_args)),
            json.dumps([[s.kind, s.actor, s.email] for s in entry.steps]),
            entry.old_primary,
        )
        for seq, entry in enumerate(plan.entries)
    ]


def _actionable(action: str, steps: str) -> bool:
    return action != Action.EXCLUDED and steps != "[]"


def _license_text(entry: PlanEntry) -> str:
    return json.dumps(
        license_to_json(entry.license, include_key=False, include_accounts=True),
        ensure_ascii=False,
    )


def _license(text: str) -> License:
    raw = json.loads(text)
    try:
        return license_from_json(raw, seen_by=frozenset(raw.get("accounts") or ()))
    except LicenseJsonError as error:
        raise JournalError(f"the run journal holds a damaged license: {error}") from None
