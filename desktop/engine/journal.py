"""The run journal (SQLite): each run, each license's plan and end, each step's intent and
outcome, written before and after every request, so a crashed run can be resumed.

Never holds a secret: licenses are stored without their license key.

The API, kept small (the wizard's history and the billing steps build on it):

- :class:`Journal` ``(path, lock=True)`` — opens (or makes) the file, owner-only (0600). With
  ``lock`` it holds an OS lock on ``<path>.lock`` until :meth:`Journal.close`: a second
  process (or a second handle) on the same journal gets :class:`JournalBusy`. A file the app
  cannot read (not SQLite, or written by a newer version) is moved aside, kept, and a new one
  made; :attr:`Journal.set_aside_file` says where the old one went.
- writing: :meth:`~Journal.start_run` (the plan and the accounts it runs as, by portal),
  :meth:`~Journal.record_intent` / :meth:`~Journal.record_step` around every request,
  :meth:`~Journal.record_finished` per license, :meth:`~Journal.close_run`,
  :meth:`~Journal.discard`.
- reading: :meth:`~Journal.history` (every run, as :class:`RunSummary`; never raises for a
  damaged run), :meth:`~Journal.unfinished_runs`, :meth:`~Journal.load_plan`,
  :meth:`~Journal.outcomes`, :meth:`~Journal.load_result`, :meth:`~Journal.step_records`.
- resuming: :meth:`~Journal.check_resume` refuses (:class:`ResumeRefused`) a resume at
  another portal or as other accounts than the run was confirmed for.

A run the app cannot read (a value it does not know, bad JSON, a bad time, a format it does
not know) is *set aside*: kept as it is, never offered, its :attr:`RunSummary.problem` says
why; :meth:`Journal.newly_set_aside` lists the ones found since the person was last told.

The file's layout has a version (``PRAGMA user_version``, :data:`SCHEMA_VERSION`); each run
row its own ``format`` (:data:`RUN_FORMAT`). To add a field: add a migration to
:data:`_MIGRATIONS` (a column with a default), bump both, and decode it in ``_decode_*``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import sys
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import platformdirs

from desktop.domain.models import ContactRole, License
from desktop.domain.private_files import private_file, private_folder
from desktop.engine.events import LicenseFinished, Outcome
from desktop.engine.plan import (
    Action,
    BillingPart,
    Plan,
    PlanEntry,
    PlanKind,
    Removal,
    Step,
    StepKind,
)
from desktop.engine.run_result import RunResult
from desktop.portal.license_json import license_from_json, license_to_json

log = logging.getLogger(__name__)

APP_DIR_NAME = "LicenseConsolidator"
SCHEMA_VERSION = 3  # the file's layout (PRAGMA user_version)
RUN_FORMAT = 3  # what a run row written now holds (runs.format)
# Format 1 (before the portal was recorded) cannot be resumed safely: where it ran is unknown.
_EARLIER_FORMATS = frozenset({1})
# Format 2 (before billing and removal steps) reads as a consolidation without billing.
_READABLE_FORMATS = frozenset({2, RUN_FORMAT})

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

# The layout's changes, by the version they lead to (the base above is version 1).
_MIGRATIONS: Mapping[int, tuple[str, ...]] = {
    2: (
        # What a run row holds, and where it ran: {account email: portal} (the portal's
        # address without credentials, "demo" or "my-atlassian").
        "ALTER TABLE runs ADD COLUMN format INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE runs ADD COLUMN accounts TEXT NOT NULL DEFAULT '{}'",
        # Runs found unreadable (kept as they are): the person is told once.
        "CREATE TABLE IF NOT EXISTS set_aside (run_id TEXT PRIMARY KEY, reason TEXT NOT NULL,"
        " at TEXT NOT NULL)",
    ),
    3: (
        # What the run is for (PlanKind) and, for a removal, the people chosen (JSON list).
        "ALTER TABLE runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'consolidate'",
        "ALTER TABLE runs ADD COLUMN leaving TEXT NOT NULL DEFAULT '[]'",
        # Each license's billing part (JSON, or NULL when billing is not moved) and the
        # chosen people's removals (JSON list).
        "ALTER TABLE entries ADD COLUMN billing TEXT",
        "ALTER TABLE entries ADD COLUMN removals TEXT NOT NULL DEFAULT '[]'",
    ),
}


class RunStatus(StrEnum):
    RUNNING = "running"  # started; still running, or the process died (crash, kill -9)
    CANCELLED = "cancelled"  # stopped by Cancel: the rest can be resumed
    FINISHED = "finished"  # every license reached an end (done, failed, …)
    DISCARDED = "discarded"  # the person chose not to resume it; kept as history
    SET_ASIDE = "set-aside"  # the app cannot read it (never written: see RunSummary.problem)


_STORED_STATUSES = frozenset(RunStatus) - {RunStatus.SET_ASIDE}


class StepRecord(StrEnum):
    INTENT = "intent"  # written before the request
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    SKIPPED = "skipped"
    UNKNOWN = "unknown"  # the request may or may not have applied


class JournalError(Exception):
    """The journal cannot be opened or written (a plain message, no secret)."""


class JournalBusy(JournalError):
    """Another process (or another handle in this one) has the journal open.

    ``pid`` is that process's id when it could be read.
    """

    def __init__(self, path: Path, pid: int | None) -> None:
        who = f" (process {pid})" if pid else ""
        super().__init__(
            f"the run journal {path} is in use by another copy of the app or desktop-cli{who}; "
            "wait until it has finished"
        )
        self.path = path
        self.pid = pid


class RunUnreadable(JournalError):
    """A run the app cannot read; it is kept as it is and never resumed."""

    def __init__(self, run_id: str, problem: str) -> None:
        super().__init__(f"run {run_id} cannot be read ({problem}); it is kept but not resumed")
        self.run_id = run_id
        self.problem = problem


class ResumeRefused(JournalError):
    """A resume somewhere else than the run was confirmed for (another portal, other
    accounts); ``run_id`` and ``recorded`` (account email → portal) say what it was."""

    def __init__(self, run_id: str, message: str, recorded: Mapping[str, str]) -> None:
        super().__init__(message)
        self.run_id = run_id
        self.recorded = dict(recorded)


@dataclass(frozen=True, slots=True)
class RunSummary:
    """One run as history lists it.

    ``accounts`` are the accounts it runs as, each with its portal (the address without
    credentials, ``demo`` or ``my-atlassian``). ``problem`` is why the app cannot read the
    run ("" when it can); such a run has status ``SET_ASIDE`` and is never offered.
    """

    run_id: str
    target: str
    status: RunStatus
    started: datetime
    updated: datetime
    total: int
    counts: dict[Outcome, int]
    pending: int  # actionable licenses with no end yet, or cancelled
    accounts: dict[str, str] = field(default_factory=dict)
    problem: str = ""
    kind: PlanKind = PlanKind.CONSOLIDATE
    leaving: tuple[str, ...] = ()  # a removal's people

    @property
    def resumable(self) -> bool:
        return self.status in (RunStatus.RUNNING, RunStatus.CANCELLED) and self.pending > 0

    @property
    def portals(self) -> tuple[str, ...]:
        """Where the run acts (usually one portal)."""
        return tuple(sorted(set(self.accounts.values())))


def default_journal_path() -> Path:
    """``<user data dir>/LicenseConsolidator/journal.sqlite3``."""
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)) / "journal.sqlite3"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


# --- the lock ------------------------------------------------------------------------------


class _Lock:
    """An OS lock on ``<journal>.lock``, released by :meth:`release` or when the process
    ends however it ends (kill -9 included): never a stale lock to clean up."""

    def __init__(self, journal: Path) -> None:
        self.path = journal.with_name(journal.name + ".lock")
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(descriptor)
        except OSError:
            os.close(descriptor)
            raise JournalBusy(journal, _holder(self.path)) from None
        self._descriptor: int | None = descriptor
        with contextlib.suppress(OSError):
            os.ftruncate(descriptor, 0)
            os.pwrite(descriptor, str(os.getpid()).encode(), 0)

    def release(self) -> None:
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is not None:
            with contextlib.suppress(OSError):
                _unlock(descriptor)
            os.close(descriptor)


if sys.platform == "win32":
    import msvcrt

    def _lock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


def _holder(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


# --- reading rows, strictly ----------------------------------------------------------------


class _Bad(Exception):
    """One value of a run the app cannot read (the message says which)."""


def _enum[E: StrEnum](kind: type[E], value: object, what: str, sen: str = "") -> E:
    try:
        if not isinstance(value, str):
            raise ValueError
        return kind(value)
    except ValueError:
        where = f"{sen}: " if sen else ""
        raise _Bad(f"{where}unknown {what} {_shown(value)}") from None


def _json(text: object, what: str) -> Any:
    if not isinstance(text, str):
        raise _Bad(f"{what} is not text")
    try:
        return json.loads(text)
    except ValueError:
        raise _Bad(f"{what} is not valid JSON") from None


def _strings(text: object, what: str) -> tuple[str, ...]:
    value = _json(text, what)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(f"{what} is not a list of text")
    return tuple(value)


def _time(text: object, what: str) -> datetime:
    try:
        if not isinstance(text, str):
            raise TypeError
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        raise _Bad(f"bad {what} time {_shown(text)}") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _shown(value: object) -> str:
    """A stored value in a message: short, and no control characters."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _license(text: object, what: str) -> License:
    raw = _json(text, what)
    try:
        return license_from_json(raw, seen_by=frozenset(raw.get("accounts") or ()))
    except (ValueError, TypeError, KeyError, AttributeError):  # LicenseJsonError, domain refusals
        raise _Bad(f"{what} is not a license") from None


def _steps(text: object, sen: str) -> tuple[Step, ...]:
    raw = _json(text, f"the steps of {sen}")
    if not isinstance(raw, list):
        raise _Bad(f"the steps of {sen} are not a list")
    steps: list[Step] = []
    for item in raw:
        if (
            not isinstance(item, list)
            or len(item) != 3
            or not all(isinstance(v, str) for v in item)
        ):
            raise _Bad(f"a step of {sen} is not [kind, actor, email]")
        kind, actor, email = item
        steps.append(Step(_enum(StepKind, kind, "step", sen), actor, email))
    return tuple(steps)


def _billing(text: object, sen: str) -> BillingPart | None:
    if text is None:
        return None
    raw = _json(text, f"the billing part of {sen}")
    if not isinstance(raw, dict):
        raise _Bad(f"the billing part of {sen} is not an object")
    old = raw.get("oldPrimary")
    if old is not None and not isinstance(old, str):
        raise _Bad(f"the old primary billing contact of {sen} is not text")
    return BillingPart(
        action=_enum(Action, raw.get("action"), "billing action", sen),
        reason=str(raw.get("reason", "")),
        reason_args=_strings(json.dumps(raw.get("reasonArgs", [])), f"the billing of {sen}"),
        old_primary=old,
    )


def _removals(text: object, sen: str) -> tuple[Removal, ...]:
    raw = _json(text, f"the removals of {sen}")
    if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
        raise _Bad(f"the removals of {sen} are not a list of objects")
    found: list[Removal] = []
    for item in raw:
        email, roles = item.get("email"), item.get("roles")
        if not isinstance(email, str) or not isinstance(roles, list):
            raise _Bad(f"a removal of {sen} has no email or roles")
        found.append(
            Removal(
                email=email,
                roles=tuple(_enum(ContactRole, r, "contact role", sen) for r in roles),
                reason=str(item.get("reason", "")),
                reason_args=_strings(json.dumps(item.get("reasonArgs", [])), f"a removal of {sen}"),
                removed=item.get("removed") is True,
            )
        )
    return tuple(found)


def _billing_text(part: BillingPart | None) -> str | None:
    if part is None:
        return None
    return json.dumps(
        {
            "action": part.action,
            "reason": part.reason,
            "reasonArgs": list(part.reason_args),
            "oldPrimary": part.old_primary,
        }
    )


def _removals_text(removals: Sequence[Removal]) -> str:
    return json.dumps(
        [
            {
                "email": r.email,
                "roles": list(r.roles),
                "reason": r.reason,
                "reasonArgs": list(r.reason_args),
                "removed": r.removed,
            }
            for r in removals
        ]
    )


@dataclass(frozen=True, slots=True)
class _RunHead:
    target: str
    plan_created: datetime
    signed_in: frozenset[str]
    status: RunStatus
    started: datetime
    updated: datetime
    accounts: dict[str, str]
    kind: PlanKind = PlanKind.CONSOLIDATE
    leaving: tuple[str, ...] = ()


def _decode_head(row: Mapping[str, Any]) -> _RunHead:
    run_format = row["format"]
    if run_format in _EARLIER_FORMATS:
        raise _Bad("recorded by an earlier version, without the portal it ran at")
    if run_format not in _READABLE_FORMATS:
        raise _Bad(f"unknown format {_shown(run_format)} (a newer version of the app?)")
    kind = _enum(PlanKind, row.get("kind", PlanKind.CONSOLIDATE), "kind of run")
    leaving = _strings(row.get("leaving", "[]"), "the people leaving")
    target = row["target"]
    if kind is PlanKind.REMOVE_CONTACTS:
        # A removal's "target" is the emails kept (may be none); it has its people instead.
        if not isinstance(target, str) or not leaving:
            raise _Bad("a removal without the people leaving")
    elif not isinstance(target, str) or "@" not in target:
        raise _Bad("no target email")
    accounts = _json(row["accounts"], "the accounts")
    if not isinstance(accounts, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in accounts.items()
    ):
        raise _Bad("the accounts are not {email: portal}")
    status = _enum(RunStatus, row["status"], "status")
    if status not in _STORED_STATUSES:
        raise _Bad(f"unknown status {_shown(row['status'])}")
    return _RunHead(
        target=target,
        plan_created=_time(row["plan_created"], "plan"),
        signed_in=frozenset(_strings(row["signed_in"], "the signed-in accounts")),
        status=status,
        started=_time(row["started"], "start"),
        updated=_time(row["updated"], "update"),
        accounts=accounts,
        kind=kind,
        leaving=leaving,
    )


# The entry columns a resume reads, in _decode_entry's order.
_ENTRY_COLUMNS = "sen, license, action, reason, reason_args, steps, old_primary, billing, removals"


def _decode_entry(row: Sequence[Any]) -> PlanEntry:
    sen, text, action, reason, args, steps, old, billing, removals = row
    what = f"the license {sen}"
    if old is not None and not isinstance(old, str):
        raise _Bad(f"the old primary of {sen} is not text")
    return PlanEntry(
        license=_license(text, what),
        action=_enum(Action, action, "action", sen),
        reason=str(reason),
        steps=_steps(steps, sen),
        reason_args=_strings(args, f"the reason of {sen}"),
        old_primary=old,
        billing=_billing(billing, sen),
        removals=_removals(removals, sen),
    )


def _decode_finished(row: Sequence[Any]) -> LicenseFinished:
    sen, outcome, error_key, args, message, done, final, at = row
    return LicenseFinished(
        sen=sen,
        outcome=_enum(Outcome, outcome, "outcome", sen),
        license=_license(final, f"the end of {sen}") if final else None,
        error_key=str(error_key),
        message=str(message),
        steps_done=tuple(
            _enum(StepKind, k, "step", sen) for k in _strings(done, f"the steps of {sen}")
        ),
        at=_time(at, f"{sen}'s end") if at else None,
        error_args=_strings(args, f"the error of {sen}"),
    )


def _decode_step_record(row: Sequence[Any]) -> None:
    sen, kind, status, started, finished = row
    _enum(StepKind, kind, "step", sen)
    _enum(StepRecord, status, "step record", sen)
    _time(started, f"{sen}'s step")
    if finished:
        _time(finished, f"{sen}'s step")


# --- the journal ---------------------------------------------------------------------------


class Journal:
    """The journal file. One connection, used from the thread that created it (the loop's).

    Each write is its own committed transaction, so whatever was written before a crash is
    there after it.

    Args:
        path: the file (default :func:`default_journal_path`).
        lock: hold the journal's lock while open (every handle that may write or resume);
            without it the handle only reads (a history view beside a running wizard).

    Raises:
        JournalBusy: ``lock`` and another process or handle holds the lock.
        JournalError: the file cannot be opened or made.
    """

    def __init__(self, path: Path | None = None, *, lock: bool = True) -> None:
        self.path = path if path is not None else default_journal_path()
        self.set_aside_file: Path | None = None  # a file the app could not read, moved here
        self._read_only = not lock
        self._lock: _Lock | None = None
        self._told: list[RunSummary] = []
        try:
            private_folder(self.path.parent, tighten=path is None)  # the app's own folder
            if lock:
                self._lock = _Lock(self.path)
            self._db = self._connect()
        except JournalError:
            self._release()
            raise
        except (OSError, sqlite3.Error) as error:
            self._release()
            raise JournalError(f"cannot open the run journal at {self.path}: {error}") from None

    def _connect(self) -> sqlite3.Connection:
        if not self._read_only:
            private_file(self.path)
        db = sqlite3.connect(self.path, isolation_level=None)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            problem = "" if version <= SCHEMA_VERSION else f"written by a newer version ({version})"
        except sqlite3.DatabaseError as error:  # not a database, or a damaged one
            problem = f"not a journal ({error})"
        if problem:
            db.close()
            if self._read_only:
                raise JournalError(f"the run journal at {self.path} cannot be read: {problem}")
            self._set_file_aside(problem)
            private_file(self.path)
            db = sqlite3.connect(self.path, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA busy_timeout=5000")
        self._migrate(db)
        return db

    def _migrate(self, db: sqlite3.Connection) -> None:
        """Bring the layout to :data:`SCHEMA_VERSION` in one transaction (a reader too: the
        same transaction in another process waits, then finds nothing left to do)."""
        if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version < SCHEMA_VERSION:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                for step in range(max(version, 1) + 1, SCHEMA_VERSION + 1):
                    for statement in _MIGRATIONS[step]:
                        db.execute(statement)
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def _set_file_aside(self, problem: str) -> None:
        """Move a journal the app cannot read out of the way (kept, with its WAL files)."""
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.stem}.set-aside-{stamp}{self.path.suffix}")
        self.path.replace(aside)
        for extra in ("-wal", "-shm"):
            side = self.path.with_name(self.path.name + extra)
            if side.exists():
                side.replace(aside.with_name(aside.name + extra))
        self.set_aside_file = aside
        log.warning("the run journal could not be read (%s); kept as %s", problem, aside.name)

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def close(self) -> None:
        with contextlib.suppress(AttributeError):
            self._db.close()
        self._release()

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
        if self._read_only:
            raise JournalError("this handle of the run journal only reads (opened without lock)")
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

    def start_run(
        self,
        plan: Plan,
        rows: PlanRows | None = None,
        *,
        accounts: Mapping[str, str] | None = None,
    ) -> str:
        """Record a new run and its whole plan in one transaction; returns the run id.

        ``accounts`` are the accounts it runs as, each with its portal (email → the address
        without credentials, ``demo`` or ``my-atlassian``): a resume is bound to them. Without
        them the run cannot be resumed. ``rows`` are :func:`plan_rows` of ``plan``, when the
        caller encoded them already (the executor does so in a worker thread: encoding 500
        licenses is most of the work).
        """
        encoded = rows if rows is not None else plan_rows(plan)
        run_id = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:8]
        now = _now()
        where = {email.lower(): portal for email, portal in (accounts or {}).items()}
        with self._write() as db:
            db.execute(
                "INSERT INTO runs (run_id, target, plan_created, signed_in, status, started,"
                " updated, format, accounts, kind, leaving)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    run_id,
                    plan.target,
                    plan.created.isoformat(),
                    json.dumps(sorted(plan.signed_in)),
                    RunStatus.RUNNING,
                    now,
                    now,
                    RUN_FORMAT,
                    json.dumps(where, sort_keys=True),
                    plan.kind,
                    json.dumps(list(plan.leaving)),
                ),
            )
            db.executemany(
                "INSERT INTO entries (run_id, seq, sen, license, action, reason, reason_args,"
                " steps, old_primary, billing, removals) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(run_id, *row) for row in encoded],
            )
        log.info("run %s started: %d licenses", run_id, len(plan.entries))
        return run_id

    def set_status(self, run_id: str, status: RunStatus) -> None:
        if status not in _STORED_STATUSES:
            raise ValueError(f"{status} is never stored")
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

    def discard(self, run_id: str) -> None:
        """Give up resuming a run; it stays in the history, marked discarded."""
        self._run_row(run_id)
        self.set_status(run_id, RunStatus.DISCARDED)
        log.info("run %s discarded", run_id)

    # -- reading one run (a value the app cannot read: RunUnreadable) -----------------------

    def load_plan(self, run_id: str) -> Plan:
        """The plan the run was started with (licenses as they were read, without keys).

        Raises:
            RunUnreadable: the run holds something the app cannot read.
        """
        head = self._head(run_id)
        rows = self._query(
            f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE run_id = ? ORDER BY seq",
            (run_id,),
        ).fetchall()
        entries = self._decoded(run_id, lambda: tuple(_decode_entry(row) for row in rows))
        return Plan(
            target=head.target,
            entries=entries,
            created=head.plan_created,
            signed_in=head.signed_in,
            kind=head.kind,
            leaving=head.leaving,
        )

    def outcomes(self, run_id: str) -> dict[str, LicenseFinished]:
        """Every license of the run that has an end, by SEN (RunUnreadable as above)."""
        rows = self._query(
            "SELECT sen, outcome, error_key, error_args, message, steps_done, final_license,"
            " finished_at FROM entries WHERE run_id = ? AND outcome IS NOT NULL ORDER BY seq",
            (run_id,),
        ).fetchall()
        ended = self._decoded(run_id, lambda: [_decode_finished(row) for row in rows])
        return {finished.sen: finished for finished in ended}

    def load_result(self, run_id: str) -> RunResult:
        """The run as far as the journal knows it (RunUnreadable as above)."""
        head = self._head(run_id)
        return RunResult(
            run_id=run_id,
            target=head.target,
            plan=self.load_plan(run_id),
            outcomes=self.outcomes(run_id),
            cancelled=head.status is RunStatus.CANCELLED,
        )

    def status(self, run_id: str) -> RunStatus:
        """The run's status; ``SET_ASIDE`` when the app cannot read it."""
        if self._set_aside_reasons(run_id):
            return RunStatus.SET_ASIDE
        try:
            return self._head(run_id).status
        except RunUnreadable:
            return RunStatus.SET_ASIDE

    def accounts(self, run_id: str) -> dict[str, str]:
        """The accounts the run runs as: email → portal."""
        return dict(self._head(run_id).accounts)

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

    def check_resume(self, run_id: str, accounts: Mapping[str, str]) -> None:
        """Whether the run may be resumed as ``accounts`` (email → portal, as recorded by
        :meth:`start_run`): every one of them that the run runs as must be at the same portal,
        and at least one must be.

        Raises:
            RunUnreadable: the run cannot be read (or was recorded without its portal).
            ResumeRefused: another portal, or none of the run's accounts.
        """
        if reason := self._set_aside_reasons(run_id):
            raise RunUnreadable(run_id, reason)
        recorded = self._head(run_id).accounts
        given = {email.lower(): portal for email, portal in accounts.items()}
        elsewhere = sorted({given[e] for e in recorded if e in given and given[e] != recorded[e]})
        if elsewhere:
            confirmed = ", ".join(sorted(set(recorded.values())))
            raise ResumeRefused(
                run_id,
                f"run {run_id} was confirmed for {confirmed}, not {', '.join(elsewhere)}: "
                "it is resumed only there",
                recorded,
            )
        if not recorded.keys() & given.keys():
            raise ResumeRefused(
                run_id,
                f"run {run_id} runs as {', '.join(sorted(recorded)) or 'no recorded account'}; "
                "none of them is signed in",
                recorded,
            )

    # -- history ---------------------------------------------------------------------------

    def history(self) -> list[RunSummary]:
        """Every run, newest first (discarded and set-aside ones too). Never raises for a
        damaged run: it comes back ``SET_ASIDE`` with its problem. A run that would be offered
        is read in full first, so whatever is offered can be resumed."""
        cursor = self._query("SELECT * FROM runs ORDER BY started DESC, run_id DESC")
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        aside = dict(self._query("SELECT run_id, reason FROM set_aside").fetchall())
        summaries: list[RunSummary] = []
        for row in rows:
            run_id = str(row["run_id"])
            if run_id in aside:
                summaries.append(_set_aside_summary(row, str(aside[run_id])))
                continue
            try:
                summary = self._summary(run_id, _decode_head(row))
            except _Bad as bad:
                summary = _set_aside_summary(row, str(bad))
                self._found_unreadable(row, summary)
            summaries.append(summary)
        return summaries

    def unfinished_runs(self) -> list[RunSummary]:
        """Runs that can be resumed (crashed or cancelled, with licenses left), newest first."""
        return [s for s in self.history() if s.resumable]

    def latest_unfinished(
        self, target: str | None = None, *, kind: PlanKind | None = None
    ) -> RunSummary | None:
        """The newest resumable run (for ``target``, of ``kind``, when given)."""
        wanted = target.lower() if target else None
        return next(
            (
                s
                for s in self.unfinished_runs()
                if (wanted is None or s.target == wanted) and (kind is None or s.kind is kind)
            ),
            None,
        )

    def newly_set_aside(self) -> list[RunSummary]:
        """Runs that would have been offered but cannot be read, found by this handle and not
        told about before (each is told once: say so to the person)."""
        told, self._told = self._told, []
        return told

    # -- helpers ---------------------------------------------------------------------------

    def _summary(self, run_id: str, head: _RunHead) -> RunSummary:
        rows = self._query(
            "SELECT action, steps, outcome FROM entries WHERE run_id = ?", (run_id,)
        ).fetchall()
        outcomes = [_enum(Outcome, o, "outcome") for _a, _s, o in rows if o is not None]
        pending = sum(
            1
            for action, steps, outcome in rows
            if _actionable(action, steps) and outcome in (None, Outcome.CANCELLED)
        )
        if head.status in (RunStatus.RUNNING, RunStatus.CANCELLED) and pending:
            self._check_whole_run(run_id)
        return RunSummary(
            run_id=run_id,
            target=head.target,
            status=head.status,
            started=head.started,
            updated=head.updated,
            total=len(rows),
            counts=dict(Counter(outcomes)),
            pending=pending,
            accounts=head.accounts,
            kind=head.kind,
            leaving=head.leaving,
        )

    def _check_whole_run(self, run_id: str) -> None:
        """Read every value a resume reads (raises _Bad)."""
        for row in self._query(f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE run_id = ?", (run_id,)):
            _decode_entry(row)
        for row in self._query(
            "SELECT sen, outcome, error_key, error_args, message, steps_done, final_license,"
            " finished_at FROM entries WHERE run_id = ? AND outcome IS NOT NULL",
            (run_id,),
        ):
            _decode_finished(row)
        for row in self._query(
            "SELECT sen, kind, status, started_at, finished_at FROM steps WHERE run_id = ?",
            (run_id,),
        ):
            _decode_step_record(row)

    def _found_unreadable(self, row: Mapping[str, Any], summary: RunSummary) -> None:
        """A run that would be offered (or whose status is unknown) is set aside: recorded,
        so the person is told once."""
        if row.get("status") in (RunStatus.FINISHED, RunStatus.DISCARDED):
            return  # nothing to offer: history shows it, nobody needs telling
        log.warning("run %s set aside: %s", summary.run_id, summary.problem)
        self._told.append(summary)
        if self._read_only:
            return
        with self._write() as db:
            db.execute(
                "INSERT OR IGNORE INTO set_aside VALUES (?, ?, ?)",
                (summary.run_id, summary.problem, _now()),
            )

    def _set_aside_reasons(self, run_id: str) -> str:
        row = self._query("SELECT reason FROM set_aside WHERE run_id = ?", (run_id,)).fetchone()
        return str(row[0]) if row else ""

    def _head(self, run_id: str) -> _RunHead:
        row = self._run_row(run_id)
        return self._decoded(run_id, lambda: _decode_head(row))

    def _decoded[T](self, run_id: str, decode: Callable[[], T]) -> T:
        try:
            return decode()
        except _Bad as bad:
            raise RunUnreadable(run_id, str(bad)) from None

    def _pending_count(self, run_id: str) -> int:
        rows = self._query(
            "SELECT action, steps, outcome FROM entries WHERE run_id = ?", (run_id,)
        ).fetchall()
        return sum(
            1
            for action, steps, outcome in rows
            if _actionable(action, steps) and outcome in (None, Outcome.CANCELLED)
        )

    def _run_row(self, run_id: str) -> dict[str, Any]:
        cursor = self._query("SELECT * FROM runs WHERE run_id = ?", (run_id,))
        row = cursor.fetchone()
        if row is None:
            raise JournalError(f"no run {run_id!r} in the journal")
        names = [d[0] for d in cursor.description]
        return dict(zip(names, row, strict=True))


def _set_aside_summary(row: Mapping[str, Any], problem: str) -> RunSummary:
    """What history shows of a run it cannot read: as much as can be read, no more."""

    def moment(value: object) -> datetime:
        try:
            return _time(value, "")
        except _Bad:
            return datetime.fromtimestamp(0, UTC)

    return RunSummary(
        run_id=str(row["run_id"]),
        target=row["target"] if isinstance(row["target"], str) else "",
        status=RunStatus.SET_ASIDE,
        started=moment(row["started"]),
        updated=moment(row["updated"]),
        total=0,
        counts={},
        pending=0,
        problem=problem,
    )


# One plan entry as the entries table stores it (without the run id): seq, sen, license (JSON,
# no key), action, reason, reason_args, steps, old_primary, billing (JSON or None), removals.
PlanRow = tuple[int, str, str, str, str, str, str, str | None, str | None, str]
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
            _billing_text(entry.billing),
            _removals_text(entry.removals),
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
