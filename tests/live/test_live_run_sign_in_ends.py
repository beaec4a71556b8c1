"""A whole run through the live page whose sign-in ends in the middle: the engine pauses for
the account, its reauthenticate hook signs in again in the same page (as the person does in
the sign-in window), and the run finishes, each license changed exactly once; the step whose
answer was lost is read again, not repeated."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from desktop.engine.events import (
    LicenseFinished,
    ProgressEvent,
    SessionPaused,
    SessionResumed,
    StepEvent,
    StepStatus,
)
from desktop.engine.executor import Executor
from desktop.engine.journal import Journal, RunStatus, StepRecord
from desktop.engine.planner import make_plan
from desktop.portal.protocol import PortalSession
from desktop.services.my_atlassian.session import MyAtlassianSession
from tests.engine.sandbox_helpers import changed_once, check_end_state
from tests.live.conftest import Live

ACTOR = "li.na@huake.example"
TARGET = "zhang.wei@huake.example"
LICENSES = 8  # the first licenses of the actor that need a step (7 add and promote, 1 promote)


@pytest.mark.parametrize("ended", ["right-after-a-change", "between-licenses"])
async def test_a_run_survives_a_sign_in_that_ends_midway(
    live: Live, tmp_path: Path, ended: str
) -> None:
    await live.sign_in(ACTOR)
    session = live.session(ACTOR)
    everything = make_plan(await session.list_licenses(), {ACTOR}, TARGET)
    plan = everything.only({e.sen for e in everything.actionable()[:LICENSES]})
    writes = sum(len(e.steps) for e in plan.actionable())
    assert len(plan.actionable()) == LICENSES and writes > LICENSES + 4
    if ended == "right-after-a-change":
        # The 6th change is applied, then the session ends and its answer says "expired".
        await live.set_quirks(expireAfterWrite=6)
    events: list[ProgressEvent] = []
    asked: Counter[str] = Counter()
    sessions: list[MyAtlassianSession] = []

    acting = {e.sen for e in plan.actionable()}

    def on_event(event: ProgressEvent) -> None:
        events.append(event)
        finished = [e for e in events if isinstance(e, LicenseFinished) and e.sen in acting]
        if (
            ended == "between-licenses"
            and isinstance(event, LicenseFinished)
            and len(finished) == 3
        ):
            live.sandbox.state.expire_sessions(ACTOR)  # the next click is refused: 401

    async def sign_in_again(email: str) -> PortalSession | None:
        """What the person does in the sign-in window: sign in again in the same page."""
        asked[email] += 1
        # The person sees the page go to the sign-in page (the page's own navigation), then
        # signs in there.
        assert await live.on_sign_in_page()
        await live.sign_in(email)
        # Between licenses the same session goes on; after a lost answer, a fresh one.
        again = session if ended == "between-licenses" else live.session(email)
        sessions.append(again)
        return again

    with Journal(tmp_path / "journal.sqlite3") as journal:
        executor = Executor(
            {ACTOR: session}, journal, on_event=on_event, reauthenticate=sign_in_again
        )
        result = await executor.run(plan)
        records = journal.step_records(result.run_id)
        status = journal.status(result.run_id)

    assert result.ok, [(f.sen, f.error_key) for f in result.failed()]
    assert status is RunStatus.FINISHED
    assert asked == {ACTOR: 1} and executor.sessions[ACTOR] is sessions[0]
    check_end_state(live.sandbox.state, plan)  # each old primary notified exactly once
    changed_once(live.sandbox.state, plan)  # every step reached the site once, none repeated
    paused = [e for e in events if isinstance(e, SessionPaused)]
    resumed = [e for e in events if isinstance(e, SessionResumed)]
    assert [e.actor for e in paused] == [ACTOR] and [(e.actor, e.ok) for e in resumed] == [
        (ACTOR, True)
    ]
    before_pause = events[: events.index(paused[0])]
    done_before = [e for e in before_pause if isinstance(e, LicenseFinished) and e.sen in acting]
    assert 0 < len(done_before) < LICENSES
    # Every step the ended sign-in refused (the one at work, and those queued behind it on
    # the page) is journalled as of unknown outcome.
    unknown = [r for r in records if r["status"] == StepRecord.UNKNOWN]
    assert unknown and {r["error_key"] for r in unknown} == {"unauthenticated"}
    verified = [
        e.sen
        for e in events
        if isinstance(e, StepEvent)
        and e.status is StepStatus.SUCCEEDED
        and e.message == "verified by reading again"
    ]
    if ended == "right-after-a-change":
        # The change had landed: read again after the new sign-in, found done, not sent again.
        assert len(verified) == 1 and verified[0] in {r["sen"] for r in unknown}
    else:
        # The click was refused (401 before any change): read again, then done once.
        assert verified == []
    # The page, read by the session the run ended with, shows what the site holds.
    shown = {lic.sen: lic for lic in await sessions[0].list_licenses()}
    for sen in acting:
        assert shown[sen].technical_contacts == live.sandbox.state.license(sen).technical_contacts
