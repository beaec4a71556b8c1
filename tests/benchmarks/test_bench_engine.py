"""Benchmark of the consolidation engine (issue 4): 200 licenses, 100 ms latency, rate limit
20 requests/s, the sandbox on 127.0.0.1.

The whole job is timed: sign-ins, every page, the plan, every add and promotion. The bound,
measured in the same run, is the fewest requests the job needs (sign-ins + pages + adds +
promotions, counted from the plan and the page size) ÷ the rate limit. A one-at-a-time run
(concurrency 1, sequential sign-ins) on a fresh sandbox gives the ratio.
Goal: wall time ≤ 1.2 × the bound.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

from desktop.cli.plan_cmd import sign_in_accounts
from desktop.domain.merge import merge_licenses
from desktop.domain.models import License
from desktop.engine.executor import Executor
from desktop.engine.journal import Journal
from desktop.engine.planner import make_plan
from desktop.engine.run_result import RunResult
from desktop.portal.http_client import DEFAULT_PAGE_LIMIT, HttpPortal
from desktop.portal.protocol import PortalSession
from desktop.portal.sandbox import DEMO_PASSWORD
from desktop.services.session_broker import GivenPasswords, SessionBroker
from tests.conftest import SandboxFactory, SandboxHandle

LICENSES = 200
ACCOUNTS = 4
LATENCY_MS = 100
RATE_LIMIT = 20.0
GOAL = 1.2


async def _job(
    handle: SandboxHandle, journal: Path, concurrency: int
) -> tuple[float, int, RunResult]:
    """Time the whole job; returns (seconds, fewest requests it needs, result)."""
    started = time.perf_counter()
    async with HttpPortal(handle.url, concurrency=concurrency) as portal:
        accounts = [(email, DEMO_PASSWORD) for email in handle.emails]
        broker = SessionBroker(GivenPasswords(accounts), portal_factory=lambda _url: portal)
        if concurrency == 1:
            sessions: dict[str, PortalSession] = {}
            licenses: list[License] = []
            for account in accounts:
                one = await sign_in_accounts(broker, handle.url, [account[0]])
                sessions.update(one.sessions)
                licenses.extend(one.licenses)
            licenses = merge_licenses(licenses)
        else:
            signed = await sign_in_accounts(broker, handle.url, handle.emails)
            sessions, licenses = signed.sessions, signed.licenses
        target = handle.emails[0]
        plan = make_plan(licenses, sessions, target)
        with Journal(journal) as j:
            result = await Executor(sessions, j, concurrency=concurrency).run(plan)
    elapsed = time.perf_counter() - started
    visible = [sum(lic.is_contact(e) for lic in handle.data.licenses) for e in handle.emails]
    pages = sum(max(1, math.ceil(n / DEFAULT_PAGE_LIMIT)) for n in visible)
    writes = sum(len(e.steps) for e in plan.actionable())
    return elapsed, len(accounts) + pages + writes, result


async def test_bench_consolidate_200_licenses(
    sandbox_server: SandboxFactory, tmp_path: Path
) -> None:
    options = dict(
        licenses=LICENSES, accounts=ACCOUNTS, latency_ms=LATENCY_MS, rate_limit=RATE_LIMIT, seed=4
    )
    parallel = sandbox_server(**options)
    wall, needed, result = await _job(parallel, tmp_path / "a.sqlite3", concurrency=4)
    assert result.ok
    sent = sum(parallel.state.requests_by_route().values())
    bound = needed / RATE_LIMIT
    parallel.stop()

    serial = sandbox_server(**options)
    wall_serial, _, serial_result = await _job(serial, tmp_path / "b.sqlite3", concurrency=1)
    assert serial_result.ok

    print(
        f"\n[bench] engine: {LICENSES} licenses, {ACCOUNTS} accounts, {LATENCY_MS} ms latency, "
        f"rate limit {RATE_LIMIT:g}/s\n"
        f"[bench]   fewest requests needed: {needed}; sent (with 429s): {sent}\n"
        f"[bench]   bound = {needed} / {RATE_LIMIT:g} = {bound:.2f} s\n"
        f"[bench]   concurrency 4: {wall:.2f} s = {wall / bound:.2f} × bound (goal ≤ {GOAL})\n"
        f"[bench]   one at a time: {wall_serial:.2f} s = {wall_serial / bound:.2f} × bound; "
        f"speed-up {wall_serial / wall:.2f}×"
    )
    assert wall <= GOAL * bound, f"{wall:.2f} s > {GOAL} × {bound:.2f} s"
