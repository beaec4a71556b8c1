"""The measurement behind test_bench_live: an assisted consolidation of 50 licenses through
QtWebEngine on the sandbox's My Atlassian replica, 300 ms added to every request.

Run as its own process (Chromium must come up before the QApplication, and the non-live pytest
process already has one)::

    python -m tests.benchmarks.live_consolidation --layout classic

It prints one JSON line: the run's time, the replica's request counts during the run (by
route, from the sandbox's own counter), and the end state of every license.

The run is the app's: the engine's planner and Executor (its default concurrency), the
signed-in page's MyAtlassianSession as the actor, assisted mode, the default LiveTimings.
"""

from __future__ import annotations

import os

os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --disable-logging")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6.QtWebEngineWidgets  # noqa: F401, I001  (must be imported before the QApplication)

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtWebEngineCore import QWebEngineProfile

from desktop.domain.models import Account, AccountKind
from desktop.engine.events import Outcome
from desktop.engine.executor import Executor
from desktop.engine.journal import Journal
from desktop.engine.plan import Action
from desktop.engine.planner import make_plan
from desktop.portal.my_atlassian.urls import replica
from desktop.portal.sandbox import (
    DEMO_PASSWORD,
    FaultOptions,
    SandboxAccount,
    SandboxData,
    create_app,
    start_in_thread,
)
from desktop.portal.sandbox.dataset import fake_license_key
from desktop.portal.sandbox.replica.routes import LAYOUTS
from desktop.services.my_atlassian.page_driver import PageDriver
from desktop.services.my_atlassian.session import MyAtlassianSession
from tests.licenses import NAMES, SAME, TARGET, make_license
from tests.live.conftest import type_sign_in, release
from tests.qt_loop import qasync_loop

LICENSES = 50
LATENCY_MS = 300.0
ACTOR = SAME  # signed in, primary technical contact of every license
FIRST_SEN = 30_000_000


def bench_data(count: int = LICENSES) -> SandboxData:
    """``count`` licenses whose primary is the actor; the target (same company domain) is on
    none of them, so each needs Add and Make Primary."""
    licenses = tuple(
        make_license(FIRST_SEN + i, primary=ACTOR, key=fake_license_key(f"bench-{i}"))
        for i in range(count)
    )
    accounts = tuple(
        SandboxAccount(email, NAMES.get(email), DEMO_PASSWORD) for email in (ACTOR, TARGET)
    )
    return SandboxData(accounts, licenses)


def _changed(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {
        route: n - before.get(route, 0) for route, n in after.items() if n > before.get(route, 0)
    }


async def measure(layout: str, count: int, latency_ms: float) -> dict[str, Any]:
    app = create_app(bench_data(count), FaultOptions(latency_ms=latency_ms), replica_layout=layout)
    running = start_in_thread(app)
    urls = replica(running.url)
    profile = QWebEngineProfile()  # off the record, as the live tests' pages
    driver = PageDriver.create(profile)
    try:
        started = time.perf_counter()
        await driver.load(urls.start)
        await type_sign_in(driver, ACTOR, DEMO_PASSWORD)
        while not urls.is_licenses_page(driver.url):
            if time.perf_counter() - started > 60:
                raise RuntimeError("the replica did not sign in")
            await asyncio.sleep(0.05)
        account = Account(AccountKind.MY_ATLASSIAN, email=ACTOR, portal=urls.start)
        session = MyAtlassianSession(driver, account, urls)  # as LiveAccounts makes it
        licenses = await session.list_licenses()
        read_s = time.perf_counter() - started
        plan = make_plan(licenses, {ACTOR}, TARGET)
        actions = sorted({entry.action.value for entry in plan.entries})
        with tempfile.TemporaryDirectory() as folder:
            journal = Journal(Path(folder) / "journal.sqlite3")
            executor = Executor({ACTOR: session}, journal)
            before = app.store.requests_by_route()
            started = time.perf_counter()
            result = await executor.run(plan)
            run_s = time.perf_counter() - started
            after = app.store.requests_by_route()
            journal.close()
        end = {sen: app.store.license(sen) for sen in (lic.sen for lic in licenses)}
        primaries = {
            sen: (lic.primary_technical_contact.email if lic.primary_technical_contact else "")
            for sen, lic in end.items()
        }
        return {
            "layout": layout,
            "licenses": count,
            "read": len(licenses),
            "latency_ms": latency_ms,
            "actions": actions,
            "add_and_promote": sum(e.action is Action.ADD_AND_PROMOTE for e in plan.entries),
            "sign_in_and_read_s": read_s,
            "run_s": run_s,
            "requests": _changed(before, after),
            "outcomes": {o.value: n for o, n in result.counts().items()},
            "done": sum(f.outcome is Outcome.DONE for f in result.outcomes.values()),
            "target_primary": sum(email == TARGET for email in primaries.values()),
            "writes_by_license": {sen: list(v) for sen, v in app.store.writes_by_license().items()},
        }
    finally:
        await release(driver, profile)
        running.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layout", choices=LAYOUTS, default=LAYOUTS[0])
    parser.add_argument("--licenses", type=int, default=LICENSES)
    parser.add_argument("--latency-ms", type=float, default=LATENCY_MS)
    args = parser.parse_args(argv)
    loop = qasync_loop()
    asyncio.set_event_loop(loop)
    figures = loop.run_until_complete(measure(args.layout, args.licenses, args.latency_ms))
    loop.close()  # its worker threads too (a QThread left running aborts the process)
    print(json.dumps(figures, sort_keys=True), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
