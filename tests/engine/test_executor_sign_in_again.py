"""A run whose sign-ins end midway (401 ``unauthenticated``): it pauses for that account, signs
in again and goes on, each license changed exactly once. The sandbox over HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from desktop.engine.events import (
    LicenseFinished,
    Outcome,
    ProgressEvent,
    SessionPaused,
    SessionResumed,
    StepEvent,
    StepStatus,
)
from desktop.engine.executor import Executor
from desktop.engine.journal import Journal, RunStatus, StepRecord
from desktop.engine.planner import make_plan
from desktop.portal.http_client import HttpPortal, HttpPortalSession
from desktop.portal.protocol import PortalSession
from desktop.portal.sandbox import FaultOptions, SandboxStore
from desktop.portal.sandbox.faults import Decision, Fault, FaultInjector
from tests.conftest import SandboxFactory, SandboxHandle
from tests.engine.sandbox_helpers import (
    FAST_RETRY,
    SignedIn,
    changed_once,
    check_end_state,
    expire_after_write,
    sign_in_all,
)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal(tmp_path / "journal.sqlite3") as j:
        yield j


class SignIns:
    """The reauthenticate callable the tests give: the real sign-in, counted per account."""

    def __init__(self, portal: HttpPortal, password: str) -> None:
        self.portal = portal
        self.password = password
        self.asked: Counter[str] = Counter()

    async def __call__(self, email: str) -> HttpPortalSession | None:
        self.asked[email] += 1
        return await self.portal.sign_in(email, self.password)


async def _signed_in(handle: SandboxHandle, **options: Any) -> tuple[HttpPortal, SignedIn]:
    portal = HttpPortal(handle.url, retry=FAST_RETRY, **options)
    return portal, await sign_in_all(portal, handle.emails, handle.password)


async def test_a_run_survives_sign_ins_that_end_midway(
    sandbox_server: SandboxFactory, journal: Journal
) -> None:
    # Sign-ins last 0.5 s and the run takes longer; besides, every token is expired at once
    # after the 20th license, so the pause surely falls in the middle of the run.
    handle = sandbox_server(licenses=80, accounts=3, latency_ms=15, token_ttl_s=0.5)
    portal, signed = await _signed_in(handle)
    async with portal:
        plan = make_plan(signed.licenses, signed.sessions, handle.emails[0])
        sign_ins = SignIns(portal, handle.password)
        events: list[ProgressEvent] = []

        def on_event(event: ProgressEvent) -> None:
            events.append(event)
            if isinstance(event, LicenseFinished) and len(_finished(events)) == 20:
                handle.state.expire_sessions()

        executor = Executor(
            signed.sessions, journal, concurrency=4, on_event=on_event, reauthenticate=sign_ins
        )
        result = await executor.run(plan)
    assert result.ok, [(f.sen, f.error_key) for f in result.failed()]
    assert len(plan.actionable()) > 40
    check_end_state(handle.state, plan)  # each old primary notified exactly once
    changed_once(handle.state, plan)
    paused = [e for e in events if isinstance(e, SessionPaused)]
    resumed = [e for e in events if isinstance(e, SessionResumed)]
    assert paused and Counter(e.actor for e in paused) == sign_ins.asked
    assert [(e.actor, e.ok) for e in resumed] == [(e.actor, True) for e in paused]
    first_pause = events.index(paused[0])
    assert 0 < len(_finished(events[:first_pause])) < len(plan.entries)
    waiting = [e for e in events if _waiting(e)]
    assert len(waiting) >= len(paused)
    # a step refused for the sign-in is journalled as unknown, then done after the new one
    records = journal.step_records(result.run_id)
    refused = [r for r in records if r["status"] == StepRecord.UNKNOWN]
    assert all(r["error_key"] == "unauthenticated" for r in refused)
    assert journal.status(result.run_id) is RunStatus.FINISHED
    assert executor.paused == []


async def test_an_answer_lost_as_the_sign_in_ends_is_read_again_not_repeated(
    sandbox_server: SandboxFactory, journal: Journal
) -> None:
    handle = sandbox_server(licenses=12, accounts=3, slow_commit_delay_s=1.0)
    store = handle.state
    # The 5th write is applied, then every token expires, and its answer comes after the
    # client's timeout: the outcome is unknown and the re-read meets 401.
    lost = _LostAnswer(store, nth_write=5)
    handle.app.faults = lost
    portal, signed = await _signed_in(handle, timeout=0.4)
    async with portal:
        plan = make_plan(signed.licenses, signed.sessions, handle.emails[0])
        sign_ins = SignIns(portal, handle.password)
        events: list[ProgressEvent] = []
        result = await Executor(
            signed.sessions,
            journal,
            concurrency=1,
            on_event=events.append,
            reauthenticate=sign_ins,
        ).run(plan)
    (lost_sen,) = lost.lost
    assert result.ok, [(f.sen, f.error_key) for f in result.failed()]
    check_end_state(store, plan)
    changed_once(store, plan)  # the lost write was not sent again
    assert set(sign_ins.asked.values()) == {1}  # each account once: every token expired
    verified = [
        e for e in events if isinstance(e, StepEvent) and e.message == "verified by reading again"
    ]
    assert [e.sen for e in verified] == [lost_sen]
    # the lost step: one request, journalled as unknown (timeout), never sent again
    records = journal.step_records(result.run_id, lost_sen)
    (timeout,) = [r for r in records if r["error_key"] == "timeout"]
    assert timeout["status"] == StepRecord.UNKNOWN
    assert [r for r in records if r["idx"] == timeout["idx"]] == [timeout]


class _LostAnswer(FaultInjector):
    """Faults nothing but the ``nth_write``: that one is applied, then every token expires,
    and its answer is held back past the client's timeout (a slow commit)."""

    def __init__(self, store: SandboxStore, nth_write: int) -> None:
        super().__init__(FaultOptions(slow_commit_delay_s=1.0))
        self.writes = 0
        self.nth = nth_write
        self.lost = expire_after_write(store, nth_write)  # gets the SEN of the lost write

    def decide(self, *, is_write: bool) -> Decision:
        self.writes += is_write
        slow = is_write and self.writes == self.nth
        return Decision(0.0, Fault.SLOW_COMMIT if slow else Fault.NONE)


async def test_declined_sign_in_fails_that_accounts_licenses_and_asks_once(
    sandbox_server: SandboxFactory, journal: Journal
) -> None:
    handle = sandbox_server(licenses=30, accounts=3)
    portal, signed = await _signed_in(handle)
    async with portal:
        plan = make_plan(signed.licenses, signed.sessions, handle.emails[0])
        needing = Counter(s.actor for e in plan.actionable() for s in e.steps)
        declined = needing.most_common()[-1][0]  # an account some licenses need, not all
        signing = SignIns(portal, handle.password)
        asked: Counter[str] = Counter()

        async def sign_in_again(email: str) -> PortalSession | None:
            asked[email] += 1
            return None if email == declined else await signing(email)

        handle.state.expire_sessions()  # every sign-in ended before the first step
        executor = Executor(signed.sessions, journal, concurrency=4, reauthenticate=sign_in_again)
        first = await executor.run(plan)
        assert asked[declined] == 1  # not asked again in this run
        failed = {f.sen for f in first.failed()}
        wanted = {e.sen for e in plan.actionable() if any(s.actor == declined for s in e.steps)}
        assert failed == wanted
        assert {(f.error_key, f.error_args) for f in first.failed()} == {
            ("unauthenticated", (declined,))
        }
        assert journal.status(first.run_id) is RunStatus.FINISHED
        # later, signed in again, the failed licenses are retried and finish
        executor.add_session(declined, await portal.sign_in(declined, handle.password))
        retried = await executor.retry_failed(first)
    assert retried.ok
    check_end_state(handle.state, plan)
    changed_once(handle.state, plan)


async def test_a_portal_that_keeps_saying_401_ends_with_a_clear_failure(
    sandbox_server: SandboxFactory, journal: Journal
) -> None:
    handle = sandbox_server(licenses=10, accounts=2)
    portal, signed = await _signed_in(handle)
    async with portal:
        plan = make_plan(signed.licenses, signed.sessions, handle.emails[0])
        signing = SignIns(portal, handle.password)

        async def short_lived(email: str) -> PortalSession | None:
            session = await signing(email)
            handle.state.expire_sessions()  # ends at once, again and again
            return session

        handle.state.expire_sessions()
        result = await asyncio.wait_for(
            Executor(signed.sessions, journal, reauthenticate=short_lived).run(plan), 30
        )
    actors = {s.actor for e in plan.actionable() for s in e.steps}
    assert signing.asked == dict.fromkeys(actors, 3)
    assert len(result.failed()) == len(plan.actionable())
    assert {f.error_key for f in result.failed()} == {"sign-in-keeps-ending"}
    assert {f.error_args[1] for f in result.failed()} == {"3"}
    assert handle.state.writes_by_license() == {}
    assert handle.state.notifications() == []


async def test_cancel_while_paused_ends_the_run_cancelled_and_resume_finishes_it(
    sandbox_server: SandboxFactory, journal: Journal
) -> None:
    handle = sandbox_server(licenses=20, accounts=3, latency_ms=5)
    portal, signed = await _signed_in(handle)
    async with portal:
        plan = make_plan(signed.licenses, signed.sessions, handle.emails[0])
        given_up: list[str] = []
        executor: Executor

        async def never_answered(email: str) -> PortalSession | None:
            try:
                await asyncio.Event().wait()  # the sign-in window left open
            except asyncio.CancelledError:
                given_up.append(email)
                raise
            return None

        def on_event(event: ProgressEvent) -> None:
            if isinstance(event, LicenseFinished) and event.outcome is Outcome.DONE:
                handle.state.expire_sessions()
            if isinstance(event, SessionPaused):
                asyncio.get_running_loop().call_later(0.05, executor.cancel)

        executor = Executor(
            signed.sessions,
            journal,
            concurrency=3,
            on_event=on_event,
            reauthenticate=never_answered,
        )
        first = await asyncio.wait_for(executor.run(plan), 30)
        await asyncio.sleep(0)  # the sign-in task sees its cancellation
        assert first.cancelled and given_up
        assert executor.paused == []
        cancelled = [f for f in first.outcomes.values() if f.outcome is Outcome.CANCELLED]
        assert cancelled and not first.failed()
        assert journal.status(first.run_id) is RunStatus.CANCELLED
        fresh = await sign_in_all(portal, handle.emails, handle.password)
        resumed = await Executor(fresh.sessions, journal).resume(first.run_id)
    assert resumed.ok
    check_end_state(handle.state, plan)
    changed_once(handle.state, plan)


async def test_one_account_paused_the_others_go_on_and_its_licenses_share_one_sign_in(
    sandbox_server: SandboxFactory, journal: Journal
) -> None:
    """Every sign-in ends; one account's person takes their time. That account's licenses
    come first and outnumber the workers several times over, yet the other accounts'
    licenses are all done while it waits, and afterwards no more than ``concurrency``
    licenses are worked on at once."""
    concurrency = 2
    handle = sandbox_server(licenses=40, accounts=3, latency_ms=5)
    portal, signed = await _signed_in(handle)
    async with portal:
        made = make_plan(signed.licenses, signed.sessions, handle.emails[0])
        needing = Counter(s.actor for e in made.actionable() for s in set(e.steps))
        # an account several licenses need, but not every one
        slow = next(a for a, n in needing.most_common() if 1 < n < len(made.actionable()))
        assert needing[slow] > 2 * concurrency  # more than the workers, spares included
        plan = replace(
            made,
            entries=tuple(
                sorted(made.entries, key=lambda e: all(s.actor != slow for s in e.steps))
            ),
        )
        others_done = asyncio.Event()
        without_slow = {e.sen for e in plan.actionable() if all(s.actor != slow for s in e.steps)}
        signing = SignIns(portal, handle.password)
        events: list[ProgressEvent] = []

        def on_event(event: ProgressEvent) -> None:
            events.append(event)
            if without_slow <= {f.sen for f in _finished(events)}:
                others_done.set()

        async def sign_in_again(email: str) -> PortalSession | None:
            if email == slow:  # the person takes their time; the other accounts go on
                await asyncio.wait_for(others_done.wait(), 20)
            return await signing(email)

        handle.state.expire_sessions()
        handle.app.max_in_flight = 0
        result = await Executor(
            signed.sessions,
            journal,
            concurrency=concurrency,
            on_event=on_event,
            reauthenticate=sign_in_again,
        ).run(plan)
    assert result.ok
    assert signing.asked[slow] == 1
    waiting_for_slow = {
        e.sen
        for e in events
        if _waiting(e) and any(s.actor == slow for s in plan.entry(e.sen).steps)  # type: ignore[union-attr]
    }
    assert len(waiting_for_slow) > 2 * concurrency  # many licenses waited on the one sign-in
    # The licenses' requests, and at most one new sign-in per account, at any one time.
    assert handle.app.max_in_flight <= concurrency + len(needing)
    check_end_state(handle.state, plan)
    changed_once(handle.state, plan)


def _finished(events: list[ProgressEvent]) -> list[LicenseFinished]:
    return [e for e in events if isinstance(e, LicenseFinished)]


def _waiting(event: ProgressEvent) -> bool:
    return isinstance(event, StepEvent) and event.status is StepStatus.WAITING_FOR_SIGN_IN
