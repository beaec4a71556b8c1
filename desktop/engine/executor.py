"""The executor: runs a Plan against the portals, journals every request, resumes after a crash.

The steps of one license run in order, licenses in parallel (at most ``concurrency`` at once).
A write whose outcome is unknown (a timeout or a dropped connection after it was sent) is
never simply repeated: the license is read again and the step is done only if it has not
taken effect, so no step is ever applied twice in effect.

A sign-in that ends during the run (``unauthenticated``: a portal's expired token, or the My
Atlassian page asking to sign in) pauses the licenses of that account, not the run: with a
``reauthenticate`` callable the executor asks once per account for a new session (every worker
of that account waits on the same request, the others go on), then reads the license again and
does the step only if it is not yet in effect (a click may have landed before the page asked
to sign in).
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from desktop.domain.models import ContactRole, License
from desktop.engine.events import (
    LicenseFinished,
    Outcome,
    ProgressEvent,
    SessionPaused,
    SessionResumed,
    StepEvent,
    StepStatus,
)
from desktop.engine.journal import Journal, JournalError, RunStatus, StepRecord, plan_rows
from desktop.engine.plan import Action, Plan, PlanEntry, PlanKind, Step, StepKind
from desktop.engine.reasons import EngineErrorKey
from desktop.engine.run_result import RunResult, planned_outcome
from desktop.portal.errors import (
    CertificateError,
    ConnectionFailed,
    ContactNotFound,
    NotFound,
    PortalError,
    PortalUnreachable,
    RateLimited,
    Unavailable,
)
from desktop.portal.protocol import PortalSession

log = logging.getLogger(__name__)

__all__ = ["Executor", "ExecutorError", "Reauthenticate", "RunResult"]

DEFAULT_CONCURRENCY = 4
DEFAULT_SIGN_INS_IN_A_ROW = 3
_ANNOUNCE_BATCH = 50  # events sent before the loop gets a turn
EventHandler = Callable[[ProgressEvent], None]
#: Signs an account (its email, lower-case) in again: a new session, or None (declined, failed).
Reauthenticate = Callable[[str], Awaitable[PortalSession | None]]
UNAUTHENTICATED = "unauthenticated"  # the portal's and the live connector's errorKey


@contextmanager
def _objects_before_left_out_of_collections() -> Iterator[None]:
    """While a run goes on, full garbage collections skip the objects that existed before it.

    A full collection walks every object of the process (Qt wrappers, every license read…):
    60–90 ms with the GIL held, a visible freeze when the loop's thread is the UI's. Frozen
    (:func:`gc.freeze`), only what the run itself creates is walked; all is collectable again
    afterwards.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class ExecutorError(Exception):
    """A run cannot start (e.g. resuming a run that is not resumable); plain message."""


def step_in_effect(step: Step, lic: License) -> bool:
    """Whether the license already shows what ``step`` would do."""
    role = step.kind.role
    if step.kind.is_removal:
        return lic.contact(role, step.email) is None
    if step.kind.is_promotion:
        return lic.is_primary(role, step.email)
    return lic.contact(role, step.email) is not None


def without_contact(lic: License, role: ContactRole, email: str) -> License:
    """The license as a removal's answer (204, no body) leaves it."""
    return lic.with_contacts(role, tuple(c for c in lic.contacts(role) if c.email != email))


def _part_state(entry: PlanEntry, role: ContactRole, lic: License, target: str) -> str:
    """How one kind of contact ended: ``ok``, ``partial`` (the target must sign in) or
    ``failed``; a part without steps ended as planned unless it waits for the target."""
    action = entry.action if role is ContactRole.TECHNICAL else _billing_action(entry)
    if not entry.role_steps(role):
        return "partial" if action is Action.NEEDS_TARGET_SIGN_IN else "ok"
    if lic.is_primary(role, target):
        return "ok"
    if action is Action.NEEDS_TARGET_SIGN_IN and lic.contact(role, target) is not None:
        return "partial"
    return "failed"


def _billing_action(entry: PlanEntry) -> Action | None:
    return entry.billing.action if entry.billing is not None else None


def _outcome_unknown(error: PortalError) -> bool:
    """A failure after which a write may or may not have applied."""
    return isinstance(error, PortalUnreachable) and not isinstance(
        error, ConnectionFailed | CertificateError
    )


def _signed_out(error: PortalError) -> bool:
    """The sign-in ended: a portal's 401 ``unauthenticated`` or the page's SignInRequired."""
    return error.error_key == UNAUTHENTICATED


def _surely_not_applied_transient(error: PortalError) -> bool:
    return isinstance(error, RateLimited | Unavailable | ConnectionFailed)


def _removes_itself(entry: PlanEntry, actor: str) -> bool:
    return any(s.kind.is_removal and s.actor == s.email == actor for s in entry.steps)


def _only_removal_plans_delete(plan: Plan) -> None:
    if plan.kind is not PlanKind.REMOVE_CONTACTS and any(
        step.kind.is_removal for entry in plan.entries for step in entry.steps
    ):
        raise ExecutorError("only a removal plan deletes contacts")


@dataclass
class _Failure:
    error_key: str
    message: str = ""
    args: tuple[str, ...] = ()


@dataclass
class _LicenseRun:
    """One license's progress inside a run."""

    entry: PlanEntry
    state: License | None
    done: list[StepKind] = field(default_factory=list)


class Executor:
    """Runs plans. One executor may run, resume and retry many times, one run at a time.

    Args:
        sessions: the signed-in sessions by account email (lower-case).
        journal: where every run and request is recorded.
        concurrency: licenses worked on at once (default 4).
        on_event: called (on the loop's thread) with every :class:`StepEvent` and
            :class:`LicenseFinished`.
        step_attempts: tries per step when the portal fails in a way worth retrying (after
            the client's own retries).
        retry_pause_s: the pause before such a retry.
        places: where each session's account signs in (email → portal: the address
            without credentials, ``demo`` or ``my-atlassian``), recorded with a new run and
            checked by a resume; by default each session's ``account.portal``.
        reauthenticate: signs an account in again when its sign-in ended mid-run (its email
            → a new session of that account, or None when the person declined or it failed).
            Called at most once at a time per account; without it such licenses fail with
            ``unauthenticated``. The caller owns (and closes) the sessions it returns.
        sign_ins_in_a_row: new sign-ins of one account without any of its requests
            succeeding in between, before its licenses fail with ``sign-in-keeps-ending``.
    """

    def __init__(
        self,
        sessions: Mapping[str, PortalSession],
        journal: Journal,
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        on_event: EventHandler | None = None,
        step_attempts: int = 3,
        retry_pause_s: float = 0.5,
        places: Mapping[str, str] | None = None,
        reauthenticate: Reauthenticate | None = None,
        sign_ins_in_a_row: int = DEFAULT_SIGN_INS_IN_A_ROW,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self.reauthenticate = reauthenticate
        self.sign_ins_in_a_row = max(1, sign_ins_in_a_row)
        self._signing_in: dict[str, asyncio.Future[PortalSession | None]] = {}
        self._sign_in_tasks: dict[str, asyncio.Task[None]] = {}
        self._fruitless: Counter[str] = Counter()  # new sign-ins since a request succeeded
        self._declined: set[str] = set()  # accounts not asked again in this run
        # Licenses worked on at once are ``concurrency`` slots; a license waiting for a sign-in
        # gives its slot up and a spare worker starts, so the other accounts' licenses go on.
        self._slots = asyncio.Semaphore(concurrency)
        self._spawn: Callable[[], None] | None = None  # starts one more worker
        self._workers = 0  # workers started and not yet ended
        self._waiting = 0  # licenses waiting for a sign-in
        self.sessions = {email.lower(): s for email, s in sessions.items()}
        self.places = {email.lower(): place for email, place in (places or {}).items()}
        self.journal = journal
        self.concurrency = concurrency
        self.on_event = on_event
        self.step_attempts = max(1, step_attempts)
        self.retry_pause_s = retry_pause_s
        self._cancelled = False
        self._running = False
        self._outcomes: dict[str, LicenseFinished] = {}
        self.run_id: str | None = None  # the run last started, resumed or retried

    # -- public API ------------------------------------------------------------------------

    def cancel(self) -> None:
        """Stop cleanly: requests in flight finish (or time out) and are recorded; no license
        starts and no further step is sent. The run stays resumable."""
        if self._running and not self._cancelled:
            log.info("cancel requested")
        self._cancelled = True
        # A pending new sign-in is given up: its licenses end as cancelled.
        for actor, pending in list(self._signing_in.items()):
            if not pending.done():
                pending.set_result(None)
                self._emit(SessionResumed(actor, ok=False))
        for task in list(self._sign_in_tasks.values()):
            task.cancel()

    @property
    def paused(self) -> list[str]:
        """The accounts whose new sign-in the run waits for now."""
        return [actor for actor, pending in self._signing_in.items() if not pending.done()]

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def add_session(self, email: str, session: PortalSession, place: str | None = None) -> None:
        """An account signed in since (e.g. the target, from the wizard) acts from now on."""
        self.sessions[email.lower()] = session
        if place is not None:
            self.places[email.lower()] = place

    def where(self) -> dict[str, str]:
        """Each session's account and its portal, as recorded and checked (see ``places``)."""
        return {
            email: self.places.get(email, session.account.portal)
            for email, session in self.sessions.items()
        }

    async def run(self, plan: Plan) -> RunResult:
        """Record the plan as a new run, then carry it out.

        The plan is encoded in a worker thread (the loop's thread may be the UI's); the journal
        write itself stays on the loop's thread and ends before the first request.
        """
        _only_removal_plans_delete(plan)
        rows = await asyncio.to_thread(plan_rows, plan)
        run_id = self.journal.start_run(plan, rows, accounts=self.where())
        return await self._execute(run_id, plan, plan.entries, refresh=False, earlier={})

    async def resume(self, run_id: str) -> RunResult:
        """Continue an unfinished run (crashed or cancelled) from the portal's current state.

        Licenses that already ended are not touched; every other one is read again first.

        Raises:
            ExecutorError: the run is unknown, discarded or has nothing left to do.
            ResumeRefused: the sessions are at another portal than the run was confirmed for.
            RunUnreadable: the run cannot be read (it is kept, never resumed).
        """
        try:
            status = self.journal.status(run_id)
        except JournalError as error:
            raise ExecutorError(str(error)) from None
        if status is RunStatus.DISCARDED:
            raise ExecutorError(f"run {run_id} was discarded; start a new run instead")
        self.journal.check_resume(run_id, self.where())
        plan = self.journal.load_plan(run_id)
        ended = self.journal.outcomes(run_id)
        todo = [
            e
            for e in plan.entries
            if e.sen not in ended or ended[e.sen].outcome is Outcome.CANCELLED
        ]
        log.info("resuming run %s: %d licenses left", run_id, len(todo))
        return await self._execute(run_id, plan, todo, refresh=True, earlier=ended)

    async def retry_failed(self, result: RunResult) -> RunResult:
        """Run again the licenses of ``result`` that failed (read again first)."""
        failed = {f.sen for f in result.failed()}
        todo = [e for e in result.plan.entries if e.sen in failed]
        log.info("retrying %d failed licenses of run %s", len(todo), result.run_id)
        return await self._execute(
            result.run_id, result.plan, todo, refresh=True, earlier=result.outcomes
        )

    # -- the run ---------------------------------------------------------------------------

    async def _execute(
        self,
        run_id: str,
        plan: Plan,
        entries: Iterable[PlanEntry],
        *,
        refresh: bool,
        earlier: Mapping[str, LicenseFinished],
    ) -> RunResult:
        """Carry out ``entries``; the result is ``earlier`` outcomes updated with this pass's,
        built from memory (each of them was journalled as it ended)."""
        if self._running:
            raise ExecutorError("this executor is already running")
        _only_removal_plans_delete(plan)  # a resumed or retried one too
        self._running = True
        self.run_id = run_id
        self._cancelled = False
        self._outcomes = dict(earlier)
        self._fruitless.clear()
        self._slots = asyncio.Semaphore(self.concurrency)
        self._workers = self._waiting = 0
        self._declined.clear()
        with _objects_before_left_out_of_collections():
            self.journal.set_status(run_id, RunStatus.RUNNING)
            try:
                entries = list(entries)
                untouched = [e for e in entries if not e.actionable]
                now = datetime.now(UTC)
                await self._finish_batch(
                    run_id, [LicenseFinished(e.sen, planned_outcome(e), at=now) for e in untouched]
                )
                actionable = [e for e in entries if e.actionable]
                todo = iter(actionable)  # shared by the workers: each takes the next license
                try:
                    async with asyncio.TaskGroup() as group:

                        def spawn() -> None:
                            self._workers += 1
                            group.create_task(self._worker(run_id, plan.target, todo, refresh))

                        self._spawn = spawn
                        for _ in range(min(self.concurrency, len(actionable))):
                            spawn()
                except BaseExceptionGroup as group_error:
                    # A journal that cannot be written stops the run: no request without its record.
                    broken = next(
                        (e for e in group_error.exceptions if isinstance(e, JournalError)), None
                    )
                    if broken is not None:
                        raise broken from None
                    raise
            finally:
                self._running = False
                self._spawn = None
                for task in list(self._sign_in_tasks.values()):
                    task.cancel()
                status = self.journal.close_run(run_id, cancelled=self._cancelled)
                log.info("run %s: %s", run_id, status)
        return RunResult(
            run_id=run_id,
            target=plan.target,
            plan=plan,
            outcomes=self._outcomes,
            cancelled=status is RunStatus.CANCELLED,
        )

    async def _worker(
        self,
        run_id: str,
        target: str,
        todo: Iterator[PlanEntry],
        refresh: bool,
    ) -> None:
        """A worker: licenses one after the other, each in one of the ``concurrency`` slots,
        until none is left, or until fewer workers are needed (``concurrency``, plus one for
        each license that waits for a sign-in). After Cancel, the first to notice records
        every license not started as cancelled."""
        try:
            while self._workers <= self.concurrency + self._waiting:
                async with self._slots:
                    entry = next(todo, None)
                    if entry is None:
                        return
                    if self._cancelled:
                        now = datetime.now(UTC)
                        rest = [entry, *todo]
                        await self._finish_batch(
                            run_id,
                            [LicenseFinished(e.sen, Outcome.CANCELLED, at=now) for e in rest],
                        )
                        return
                    finished = await self._one_license(run_id, target, entry, refresh)
                self._finish(run_id, finished)
        finally:
            self._workers -= 1

    async def _one_license(
        self, run_id: str, target: str, entry: PlanEntry, refresh: bool
    ) -> LicenseFinished:
        work = _LicenseRun(entry, None if refresh else entry.license)
        if work.state is None:
            reread = await self._reread(entry, entry.steps[0].actor)
            if isinstance(reread, _Failure):
                if reread.error_key == EngineErrorKey.INTERRUPTED:
                    return self._ended(work, Outcome.CANCELLED)
                return self._failed(work, reread)
            work.state = reread
        for index, step in enumerate(entry.steps):
            if self._cancelled:
                return self._ended(work, Outcome.CANCELLED)
            if step_in_effect(step, work.state):
                self.journal.record_skipped(run_id, entry.sen, index, step)
                self._emit(StepEvent(entry.sen, step.kind, StepStatus.SKIPPED))
                continue
            failure = await self._apply(run_id, work, index, step)
            if failure is not None and failure.error_key == EngineErrorKey.INTERRUPTED:
                return self._ended(work, Outcome.CANCELLED)
            if failure is not None:
                self._emit(
                    StepEvent(
                        entry.sen, step.kind, StepStatus.FAILED, failure.error_key, failure.message
                    )
                )
                return self._failed(work, failure)
        return self._verify(work, target)

    async def _apply(
        self, run_id: str, work: _LicenseRun, index: int, step: Step
    ) -> _Failure | None:
        """Do one step (with bounded retries); on success ``work.state`` is the new license."""
        sen = work.entry.sen
        if step.actor not in self.sessions:
            return _Failure(
                EngineErrorKey.NO_SESSION, f"{step.actor} is not signed in", (step.actor,)
            )
        self._emit(StepEvent(sen, step.kind, StepStatus.STARTED))
        last = _Failure(EngineErrorKey.OUTCOME_UNKNOWN)
        attempt = 0
        while attempt < self.step_attempts:
            if attempt and self._cancelled:
                return _Failure(EngineErrorKey.INTERRUPTED, "cancelled between retries")
            attempt += 1
            session = self.sessions[step.actor]  # a new sign-in may have replaced it
            record = self.journal.record_intent(run_id, sen, index, step)
            try:
                assert work.state is not None
                lic = await self._send(session, sen, step, work.state)
            except PortalError as error:
                if _signed_out(error) and self.reauthenticate is not None:
                    # A click may have landed before the page asked to sign in: unknown.
                    self.journal.record_step(record, StepRecord.UNKNOWN, error.error_key)
                    again = await self._session_again(sen, step.kind, step.actor, session)
                    if isinstance(again, _Failure):
                        return again
                    reread = await self._reread(work.entry, step.actor, step.kind)
                    if isinstance(reread, _Failure):
                        if reread.error_key in (EngineErrorKey.INTERRUPTED, UNAUTHENTICATED):
                            return reread
                        last = reread
                        continue
                    work.state = reread
                    if step_in_effect(step, reread):
                        self._verified_by_reading(work, step)
                        return None
                    if self._cancelled:
                        return _Failure(EngineErrorKey.INTERRUPTED, "cancelled after a sign-in")
                    attempt -= 1  # not a try: the step was not sent signed in
                    last = _Failure(error.error_key, str(error))
                    continue
                if _outcome_unknown(error):
                    self.journal.record_step(record, StepRecord.UNKNOWN, error.error_key)
                    log.info(
                        "%s %s: outcome unknown (%s); reading again",
                        sen,
                        step.kind,
                        error.error_key,
                    )
                    reread = await self._reread(work.entry, step.actor, step.kind)
                    if isinstance(reread, _Failure):
                        last = reread
                        continue
                    work.state = reread
                    if step_in_effect(step, reread):
                        self._verified_by_reading(work, step)
                        return None
                    last = _Failure(error.error_key, str(error))
                    continue
                self.journal.record_step(record, StepRecord.FAILED, error.error_key, str(error))
                last = _Failure(error.error_key, str(error))
                if _surely_not_applied_transient(error):
                    await asyncio.sleep(self.retry_pause_s * (attempt + 1))
                    continue
                return last
            self.journal.record_step(record, StepRecord.SUCCEEDED)
            self._worked(step.actor, session)
            work.state = lic
            if not step_in_effect(step, lic):
                return _Failure(EngineErrorKey.NOT_VERIFIED, "the answer does not show the change")
            work.done.append(step.kind)
            self._emit(StepEvent(sen, step.kind, StepStatus.SUCCEEDED))
            return None
        return last

    def _verified_by_reading(self, work: _LicenseRun, step: Step) -> None:
        """A step whose answer was lost is found in effect by reading the license again."""
        work.done.append(step.kind)
        self._emit(
            StepEvent(
                work.entry.sen, step.kind, StepStatus.SUCCEEDED, message="verified by reading again"
            )
        )

    @staticmethod
    async def _send(session: PortalSession, sen: str, step: Step, state: License) -> License:
        """One request; a removal answers without a body, so its license is ``state`` less
        the contact (a contact already gone counts as removed)."""
        kind, email = step.kind, step.email
        if kind.is_removal:
            remove = (
                session.remove_technical_contact
                if kind is StepKind.REMOVE_TECHNICAL_CONTACT
                else session.remove_billing_contact
            )
            try:
                await remove(sen, email)
            except ContactNotFound:
                log.info("%s %s: already gone", sen, kind)
            return without_contact(state, kind.role, email)
        if kind is StepKind.ADD_CONTACT:
            return await session.add_technical_contact(sen, email)
        if kind is StepKind.MAKE_PRIMARY:
            return await session.make_primary(sen, email)
        if kind is StepKind.ADD_BILLING_CONTACT:
            return await session.add_billing_contact(sen, email)
        return await session.make_billing_primary(sen, email)

    async def _reread(
        self, entry: PlanEntry, preferred: str, kind: StepKind | None = None
    ) -> License | _Failure:
        """The license as the portal has it now, read by ``preferred`` or another contact
        (for the step ``kind``, by default the first one: what a pause is shown on)."""
        actors = list(dict.fromkeys([preferred, *(s.actor for s in entry.steps)]))
        last = _Failure(EngineErrorKey.OUTCOME_UNKNOWN)
        gone: list[str] = []  # people removing themselves who no longer see the license
        for actor in actors:
            session = self.sessions.get(actor)
            if session is None:
                last = _Failure(EngineErrorKey.NO_SESSION, f"{actor} is not signed in", (actor,))
                continue
            attempt = 0
            while attempt < self.step_attempts:
                attempt += 1
                try:
                    lic = await session.get_license(entry.sen)
                except PortalError as error:
                    last = _Failure(error.error_key, str(error))
                    if _signed_out(error) and self.reauthenticate is not None:
                        again = await self._session_again(
                            entry.sen, kind or entry.steps[0].kind, actor, session
                        )
                        if isinstance(again, _Failure):
                            if again.error_key == EngineErrorKey.INTERRUPTED:
                                return again
                            last = again
                            break
                        session = again
                        attempt -= 1  # not a try: it was not signed in
                        continue
                    if isinstance(error, NotFound) and _removes_itself(entry, actor):
                        gone.append(actor)
                    if not isinstance(error, PortalUnreachable | RateLimited | Unavailable):
                        break
                    await asyncio.sleep(self.retry_pause_s * attempt)
                else:
                    self._worked(actor, session)
                    return lic
        if gone and len(gone) == len(actors):
            # Not a contact any more (of either kind): their removals took effect.
            lic = entry.license
            for email in gone:
                for role in ContactRole:
                    lic = without_contact(lic, role, email)
            return lic
        return last

    # -- a sign-in that ended --------------------------------------------------------------

    async def _session_again(
        self, sen: str, kind: StepKind, actor: str, refused: PortalSession
    ) -> PortalSession | _Failure:
        """A signed-in session of ``actor``, whose session ``refused`` was told to sign in
        again: one that replaced it meanwhile, or a new sign-in (one at a time per account;
        every license waiting for it says so). A failure when declined, failed, cancelled or
        signed in again too often in a row."""
        ended = _Failure(UNAUTHENTICATED, f"the sign-in of {actor} has ended", (actor,))
        if self._cancelled:  # a request in flight at Cancel was refused: nobody is asked
            return _Failure(EngineErrorKey.INTERRUPTED, "cancelled before signing in again")
        if actor in self._declined or self.reauthenticate is None:
            return ended
        current = self.sessions.get(actor)
        if current is not None and current is not refused:
            return current  # another license's pause already signed it in again
        pending = self._signing_in.get(actor)
        if pending is None:
            if self._fruitless[actor] >= self.sign_ins_in_a_row:
                log.warning("a sign-in keeps ending; its licenses fail")
                return _Failure(
                    EngineErrorKey.SIGN_IN_KEEPS_ENDING,
                    f"signed in again {self._fruitless[actor]} times in a row, still refused",
                    (actor, str(self._fruitless[actor])),
                )
            pending = self._ask_to_sign_in(actor)
        self._emit(StepEvent(sen, kind, StepStatus.WAITING_FOR_SIGN_IN, UNAUTHENTICATED))
        session = await self._wait_for_sign_in(pending)
        if self._cancelled:
            return _Failure(EngineErrorKey.INTERRUPTED, "cancelled while waiting for a sign-in")
        if session is None:
            return ended
        self._emit(StepEvent(sen, kind, StepStatus.STARTED))
        return session

    def _ask_to_sign_in(self, actor: str) -> asyncio.Future[PortalSession | None]:
        """Start the one new sign-in of ``actor``; its future is the session (or None)."""
        pending: asyncio.Future[PortalSession | None] = asyncio.get_running_loop().create_future()
        self._signing_in[actor] = pending
        self._fruitless[actor] += 1
        log.info("a sign-in ended; signing in again (%d in a row)", self._fruitless[actor])
        self._emit(SessionPaused(actor))
        self._sign_in_tasks[actor] = asyncio.ensure_future(self._sign_in_again(actor, pending))
        return pending

    async def _sign_in_again(
        self, actor: str, pending: asyncio.Future[PortalSession | None]
    ) -> None:
        session: PortalSession | None = None
        assert self.reauthenticate is not None
        try:
            session = await self.reauthenticate(actor)
        except asyncio.CancelledError:
            session = None  # Cancel while paused (cancel() answered the waiting licenses)
        except PortalError as error:
            log.warning("signing in again failed: %s", error.error_key)
        except Exception:
            log.exception("signing in again failed")
        finally:
            self._sign_in_tasks.pop(actor, None)
        if session is not None and session.account.email.lower() != actor:
            log.warning("the new sign-in is another account's; not used")
            session = None
        if pending.done():  # cancelled meanwhile
            self._signing_in.pop(actor, None)
            return
        if session is not None:
            self.sessions[actor] = session
        else:
            self._declined.add(actor)  # not asked again in this run
        self._signing_in.pop(actor, None)
        pending.set_result(session)
        self._emit(SessionResumed(actor, ok=session is not None))

    async def _wait_for_sign_in(
        self, pending: asyncio.Future[PortalSession | None]
    ) -> PortalSession | None:
        """Wait for a sign-in outside the license's slot: meanwhile a spare worker takes the
        next licenses (the other accounts' go on, however many licenses wait). Afterwards
        the license waits for a free slot, so that no more than ``concurrency`` are worked
        on at once when many waited for the same sign-in."""
        self._waiting += 1
        self._slots.release()
        if self._spawn is not None and self._workers < self.concurrency + self._waiting:
            self._spawn()
        try:
            return await pending
        finally:
            self._waiting -= 1
            await self._slots.acquire()

    def _worked(self, actor: str, session: PortalSession) -> None:
        """A request of ``actor``'s current session succeeded: its sign-ins bore fruit."""
        if self._fruitless[actor] and self.sessions.get(actor) is session:
            self._fruitless[actor] = 0

    def _verify(self, work: _LicenseRun, target: str) -> LicenseFinished:
        """The end state, judged from the portal's last answers: the technical and (when
        planned) billing primary, or the removed contacts gone."""
        lic = work.state
        assert lic is not None
        entry = work.entry
        if entry.action is Action.REMOVE_CONTACTS:
            states = {"ok" if step_in_effect(s, lic) else "failed" for s in entry.steps}
        else:
            states = {_part_state(entry, role, lic, target) for role in ContactRole}
        if "failed" in states:
            return self._failed(
                work, _Failure(EngineErrorKey.NOT_VERIFIED, "the portal does not show the change")
            )
        return self._ended(work, Outcome.PARTIAL if "partial" in states else Outcome.DONE)

    def _ended(self, work: _LicenseRun, outcome: Outcome) -> LicenseFinished:
        return LicenseFinished(
            work.entry.sen,
            outcome,
            license=work.state,
            steps_done=tuple(work.done),
            at=datetime.now(UTC),
        )

    def _failed(self, work: _LicenseRun, failure: _Failure) -> LicenseFinished:
        return LicenseFinished(
            work.entry.sen,
            Outcome.FAILED,
            license=work.state,
            error_key=failure.error_key,
            message=failure.message,
            steps_done=tuple(work.done),
            at=datetime.now(UTC),
            error_args=failure.args,
        )

    async def _finish_batch(self, run_id: str, ended: list[LicenseFinished]) -> None:
        """Licenses that end without a request (not actionable, or not started before Cancel):
        journalled in one transaction, then announced a batch at a time (the loop's thread may
        be the UI's)."""
        self.journal.record_finished_many(run_id, ended)
        for index, finished in enumerate(ended):
            self._outcomes[finished.sen] = finished
            self._emit(finished)
            if index % _ANNOUNCE_BATCH == _ANNOUNCE_BATCH - 1:
                await asyncio.sleep(0)

    def _finish(self, run_id: str, finished: LicenseFinished) -> None:
        if finished.at is None:
            finished = replace(finished, at=datetime.now(UTC))
        self.journal.record_finished(run_id, finished)
        self._outcomes[finished.sen] = finished
        if finished.outcome is Outcome.FAILED:
            log.warning("%s failed: %s", finished.sen, finished.error_key)
        self._emit(finished)

    def _emit(self, event: ProgressEvent) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(event)
        except Exception:
            log.exception("a progress handler failed; the run goes on")
