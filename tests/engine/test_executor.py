"""The executor against the real sandbox app (in-process through httpx.ASGITransport)."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import pytest

from desktop.engine.events import LicenseFinished, Outcome, ProgressEvent, StepEvent, StepStatus
from desktop.engine.executor import Executor, ExecutorError, RunResult
from desktop.engine.journal import Journal, JournalError, RunStatus, StepRecord
from desktop.engine.plan import Action, StepKind
from desktop.engine.planner import make_plan
from desktop.portal.sandbox import FaultOptions, create_app, demo_data, generate
from desktop.portal.sandbox.demo_data import ACCOUNTS, TARGET
from tests.engine.sandbox_helpers import (
    FAST_RETRY,
    check_end_state,
    in_process_portal,
    sign_in_all,
)

DEMO_EMAILS = [a.email for a in ACCOUNTS]


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    with Journal(tmp_path / "journal.sqlite3") as j:
        yield j  # type: ignore[misc]


async def test_consolidate_every_demo_account_into_the_target(journal: Journal) -> None:
    app = create_app(demo_data())
    async with in_process_portal(app) as portal:
        signed = await sign_in_all(portal, DEMO_EMAILS)
        plan = make_plan(signed.licenses, signed.sessions, TARGET)
        events: list[ProgressEvent] = []
        result = await Executor(signed.sessions, journal, on_event=events.append).run(plan)
    assert result.ok, result.not_as_planned()
    check_end_state(app.store, plan)
    counts = result.counts()
    assert counts[Outcome.DONE] == len(plan.promoting()) > 0
    assert counts[Outcome.NOT_POSSIBLE] == plan.counts()[Action.NOT_POSSIBLE] >= 1
    assert sum(counts.values()) == len(plan.entries)
    finished = [e for e in events if isinstance(e, LicenseFinished)]
    assert sorted(f.sen for f in finished) == sorted(e.sen for e in plan.entries)
    starts = Counter(
        e.step for e in events if isinstance(e, StepEvent) and e.status is StepStatus.STARTED
    )
    wanted = Counter(s.kind for e in plan.actionable() for s in e.steps)
    assert starts == wanted
    # every license's final state came from the portal's answer
    for sen, end in result.outcomes.items():
        if end.outcome is Outcome.DONE:
            assert end.license is not None and end.license.is_primary_technical(TARGET), sen
    assert journal.status(result.run_id) is RunStatus.FINISHED
    # a second run of the same plan finds everything done and changes nothing more
    notified = len(app.store.notifications())
    async with in_process_portal(app) as portal:
        signed = await sign_in_all(portal, DEMO_EMAILS)
        again = make_plan(signed.licenses, signed.sessions, TARGET)
    assert set(again.counts()) <= {Action.ALREADY_DONE, Action.NOT_POSSIBLE}
    assert len(app.store.notifications()) == notified


async def test_target_not_signed_in_gets_added_where_it_must_promote_itself(
    journal: Journal,
) -> None:
    app = create_app(demo_data())
    others = [e for e in DEMO_EMAILS if e != TARGET]
    async with in_process_portal(app) as portal:
        signed = await sign_in_all(portal, others)
        plan = make_plan(signed.licenses, signed.sessions, TARGET)
        result = await Executor(signed.sessions, journal).run(plan)
    assert result.ok
    assert result.counts()[Outcome.PARTIAL] == plan.counts()[Action.NEEDS_TARGET_SIGN_IN] > 0
    check_end_state(app.store, plan)


async def test_unknown_outcome_is_read_again_never_applied_twice(journal: Journal) -> None:
    # Every write is applied, then answered after the client's timeout.
    # In-process the client bounds an attempt at timeout + 1 s.
    faults = FaultOptions(slow_commit_rate=1.0, slow_commit_delay_s=1.5)
    app = create_app(generate(8, 3, seed=3), faults)
    async with in_process_portal(app, timeout=0.1, retry=FAST_RETRY) as portal:
        signed = await sign_in_all(portal, [a.email for a in app.store.accounts])
        target = next(iter(signed.sessions))
        plan = make_plan(signed.licenses, signed.sessions, target)
        events: list[ProgressEvent] = []
        result = await Executor(signed.sessions, journal, on_event=events.append).run(plan)
    assert result.ok, [(f.sen, f.error_key) for f in result.failed()]
    check_end_state(app.store, plan)
    verified = [
        e for e in events if isinstance(e, StepEvent) and e.message == "verified by reading again"
    ]
    assert len(verified) == sum(len(e.steps) for e in plan.actionable()) > 0
    records = journal.step_records(result.run_id)
    assert {r["status"] for r in records} == {StepRecord.UNKNOWN}
    # one write request per step: the re-read found each applied, so none was sent again
    assert app.store.write_requests() == len(records)


async def test_one_failing_license_does_not_stop_the_others_and_retry_fixes_it(
    journal: Journal,
) -> None:
    app = create_app(demo_data())
    async with in_process_portal(app) as portal:
        signed = await sign_in_all(portal, DEMO_EMAILS)
        plan = make_plan(signed.licenses, signed.sessions, TARGET)
        missing = "wang.fang@northwind.example"
        partial = {k: v for k, v in signed.sessions.items() if k != missing}
        executor = Executor(partial, journal, concurrency=2)
        first = await executor.run(plan)
        assert not first.ok
        failed = first.failed()
        assert failed and all(f.error_key == "no-session" for f in failed)
        assert all(f.error_args == (missing,) for f in failed)
        needing = {e.sen for e in plan.actionable() if any(s.actor == missing for s in e.steps)}
        assert {f.sen for f in failed} == needing
        assert first.counts()[Outcome.DONE] == len(plan.promoting()) - len(needing)

        assert _same_as_journal(first, journal)
        retried = await Executor(signed.sessions, journal).retry_failed(first)
    assert retried.run_id == first.run_id
    assert retried.ok
    assert _same_as_journal(retried, journal)
    check_end_state(app.store, plan)


async def test_cancel_stops_cleanly_and_resume_finishes(journal: Journal) -> None:
    app = create_app(generate(30, 3, seed=5), FaultOptions(latency_ms=20))
    async with in_process_portal(app) as portal:
        signed = await sign_in_all(portal, [a.email for a in app.store.accounts])
        target = next(iter(signed.sessions))
        plan = make_plan(signed.licenses, signed.sessions, target)
        executor: Executor

        def on_event(event: ProgressEvent) -> None:
            if isinstance(event, LicenseFinished) and event.outcome is Outcome.DONE:
                executor.cancel()

        executor = Executor(signed.sessions, journal, concurrency=2, on_event=on_event)
        first = await executor.run(plan)
        assert first.cancelled
        cancelled = [s for s, f in first.outcomes.items() if f.outcome is Outcome.CANCELLED]
        assert cancelled
        # nothing half-recorded: every intent has its outcome
        assert all(r["status"] != StepRecord.INTENT for r in journal.step_records(first.run_id))
        assert [s.run_id for s in journal.unfinished_runs()] == [first.run_id]

        assert _same_as_journal(first, journal)
        resumed = await Executor(signed.sessions, journal).resume(first.run_id)
    assert resumed.ok and not resumed.cancelled
    assert _same_as_journal(resumed, journal)
    assert journal.unfinished_runs() == []
    check_end_state(app.store, plan)
    # licenses finished before the cancel were not touched again
    done_first = {s for s, f in first.outcomes.items() if f.outcome is Outcome.DONE}
    for sen in done_first:
        assert _journalled(resumed.outcomes[sen]) == _journalled(first.outcomes[sen])


def _same_as_journal(result: RunResult, journal: Journal) -> bool:
    """The result the executor built in memory says what the journal says."""
    stored = journal.load_result(result.run_id)
    assert [e.sen for e in result.plan.entries] == [e.sen for e in stored.plan.entries]
    assert result.cancelled == stored.cancelled
    assert set(result.outcomes) == set(stored.outcomes)
    return all(
        (f.outcome, f.error_key, f.error_args, f.message, f.steps_done)
        == (g.outcome, g.error_key, g.error_args, g.message, g.steps_done)
        for f, g in ((result.outcomes[s], stored.outcomes[s]) for s in result.outcomes)
    )


def _journalled(finished: LicenseFinished) -> tuple[object, ...]:
    """What the journal keeps of a license's end (no key; times to the millisecond)."""
    assert finished.license is not None and finished.at is not None
    return (
        finished.outcome,
        finished.steps_done,
        finished.error_key,
        finished.at.isoformat(timespec="milliseconds"),
        finished.license.technical_contacts,
    )


async def test_resume_after_a_hard_stop_continues_from_the_portal_state(journal: Journal) -> None:
    app = create_app(generate(40, 3, seed=8), FaultOptions(latency_ms=30))
    async with in_process_portal(app) as portal:
        signed = await sign_in_all(portal, [a.email for a in app.store.accounts])
        target = next(iter(signed.sessions))
        plan = make_plan(signed.licenses, signed.sessions, target)
        task = asyncio.create_task(Executor(signed.sessions, journal, concurrency=4).run(plan))
        while not app.store.notifications():
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)
        task.cancel()  # like a crash: requests in flight are abandoned mid-way
        with pytest.raises(asyncio.CancelledError):
            await task
        (unfinished,) = journal.unfinished_runs()
        assert unfinished.pending > 0
        resumed = await Executor(signed.sessions, journal).resume(unfinished.run_id)
    assert resumed.ok
    check_end_state(app.store, plan)


async def test_resume_of_unknown_or_discarded_run_is_refused(journal: Journal) -> None:
    app = create_app(demo_data())
    async with in_process_portal(app) as portal:
        signed = await sign_in_all(portal, [TARGET])
        plan = make_plan(signed.licenses, signed.sessions, TARGET)
        executor = Executor(signed.sessions, journal)
        with pytest.raises(ExecutorError):
            await executor.resume("no-such-run")
        run_id = journal.start_run(plan)
        journal.discard(run_id)
        with pytest.raises(ExecutorError, match="discarded"):
            await executor.resume(run_id)


def test_concurrency_must_be_positive(journal: Journal) -> None:
    with pytest.raises(ValueError):
        Executor({}, journal, concurrency=0)


async def test_steps_of_one_license_run_in_order(journal: Journal) -> None:
    app = create_app(demo_data())
    async with in_process_portal(app) as portal:
        signed = await sign_in_all(portal, DEMO_EMAILS)
        plan = make_plan(signed.licenses, signed.sessions, TARGET)
        events: list[ProgressEvent] = []
        await Executor(signed.sessions, journal, concurrency=8, on_event=events.append).run(plan)
    by_sen: dict[str, list[StepKind]] = {}
    for event in events:
        if isinstance(event, StepEvent) and event.status is StepStatus.SUCCEEDED:
            by_sen.setdefault(event.sen, []).append(event.step)
    for sen, kinds in by_sen.items():
        entry = plan.entry(sen)
        assert entry is not None
        assert kinds == [s.kind for s in entry.steps]


async def test_a_journal_that_cannot_be_written_stops_the_run(tmp_path: Path) -> None:
    app = create_app(demo_data())
    journal = Journal(tmp_path / "j.sqlite3")
    async with in_process_portal(app) as portal:
        signed = await sign_in_all(portal, DEMO_EMAILS)
        plan = make_plan(signed.licenses, signed.sessions, TARGET)

        def break_journal(event: ProgressEvent) -> None:
            if isinstance(event, StepEvent) and event.status is StepStatus.SUCCEEDED:
                journal.close()  # like a disk that went away

        executor = Executor(signed.sessions, journal, on_event=break_journal)
        with pytest.raises(JournalError):
            await executor.run(plan)
    # at most the requests already in flight were sent; the run did not go on unrecorded
    assert app.store.write_requests() <= executor.concurrency


async def test_older_objects_are_left_out_of_collections_only_while_running(
    journal: Journal,
) -> None:
    import gc

    app = create_app(demo_data())
    async with in_process_portal(app) as portal:
        signed = await sign_in_all(portal, DEMO_EMAILS)
        plan = make_plan(signed.licenses, signed.sessions, TARGET)
        frozen: list[int] = []
        executor = Executor(
            signed.sessions, journal, on_event=lambda _e: frozen.append(gc.get_freeze_count())
        )
        result = await executor.run(plan)
    assert result.ok
    assert frozen and min(frozen) > 0  # during the run: the objects from before are frozen
    assert gc.get_freeze_count() == 0  # afterwards every object is collectable again
