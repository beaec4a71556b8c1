"""The real CLI as a subprocess, killed with ``kill -9`` in the middle of a billing run and of
a removal, then ``--resume``: the same end state as an uninterrupted run (billing moved,
notifications once each, removed people gone, no primary removed, no DELETE outside removal)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from desktop.engine.journal import Journal
from desktop.engine.plan import PlanKind
from desktop.engine.planner import make_plan
from desktop.engine.removal_planner import make_removal_plan
from desktop.portal.sandbox import SandboxStore
from tests.conftest import SandboxFactory, SandboxHandle
from tests.engine.sandbox_helpers import check_end_state, check_removal_end_state

ROOT = Path(__file__).resolve().parents[2]


def _cli(handle: SandboxHandle, journal: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "DESKTOP_PORTAL_PASSWORD": "demo", "PYTHONUNBUFFERED": "1"}
    where = ("--portal", handle.url, "--account", ",".join(handle.emails))
    return subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", *args, *where, "--yes", "--journal", str(journal)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_when(
    handle: SandboxHandle, process: subprocess.Popen[str], ready: Callable[[SandboxStore], bool]
) -> None:
    deadline = time.monotonic() + 60
    while not ready(handle.state):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the run did not get going"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL


def _deletes(store: SandboxStore) -> int:
    return sum(n for route, n in store.requests_by_route().items() if route.startswith("DELETE"))


def _resume(handle: SandboxHandle, journal: Path, command: str, kind: PlanKind) -> str:
    with Journal(journal) as j:
        (run,) = j.unfinished_runs()
        assert run.pending > 0 and run.kind is kind
    resumed = _cli(handle, journal, command, "--resume")
    out, err = resumed.communicate(timeout=180)
    assert resumed.returncode == 0, (out, err)
    assert f"Run {run.run_id}" in out
    with Journal(journal) as j:
        assert j.unfinished_runs() == []
        assert j.load_result(run.run_id).ok
    return out


def test_kill_9_in_a_billing_run_then_resume(
    sandbox_server: SandboxFactory, tmp_path: Path
) -> None:
    handle = sandbox_server(licenses=80, accounts=4, latency_ms=60, seed=21)
    target = handle.emails[0]
    plan = make_plan(handle.data.licenses, handle.emails, target, also_billing=True)
    assert len(plan.billing_promoting()) > 20
    journal = tmp_path / "journal.sqlite3"

    def billing_started(store: SandboxStore) -> bool:
        return sum(n.kind == "billing" for n in store.notifications()) >= 4

    process = _cli(handle, journal, "consolidate", "--target", target, "--also-billing")
    _kill_when(handle, process, billing_started)
    moved = sum(n.kind == "billing" for n in handle.state.notifications())
    assert moved < len(plan.billing_promoting()), "killed too late to test anything"

    _resume(handle, journal, "consolidate", PlanKind.CONSOLIDATE)
    check_end_state(handle.state, plan)  # billing too: once each, nothing deleted


def test_kill_9_in_a_removal_then_resume(sandbox_server: SandboxFactory, tmp_path: Path) -> None:
    handle = sandbox_server(licenses=300, accounts=4, latency_ms=80, seed=22)
    leaving = handle.emails[1:]
    plan = make_removal_plan(handle.data.licenses, handle.emails, leaving)
    planned = sum(len(e.steps) for e in plan.actionable())
    assert planned > 30
    journal = tmp_path / "journal.sqlite3"

    emails = [arg for email in leaving for arg in ("--email", email)]
    process = _cli(handle, journal, "remove-contacts", *emails)
    _kill_when(handle, process, lambda store: _deletes(store) >= 6)
    assert _deletes(handle.state) < planned, "killed too late to test anything"

    # consolidate --resume never picks up a removal
    other = _cli(handle, journal, "consolidate", "--resume")
    out, err = other.communicate(timeout=60)
    assert other.returncode == 2 and "no unfinished run" in err, (out, err)

    _resume(handle, journal, "remove-contacts", PlanKind.REMOVE_CONTACTS)
    check_removal_end_state(handle.state, plan)
