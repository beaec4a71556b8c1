"""The real CLI as a subprocess: ``kill -9`` in the middle of a run, then ``--resume``; and
Ctrl-C (SIGINT), which cancels cleanly and leaves a resumable journal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from desktop.engine.journal import Journal, StepRecord
from desktop.engine.planner import make_plan
from tests.conftest import SandboxFactory, SandboxHandle
from tests.engine.sandbox_helpers import check_end_state

ROOT = Path(__file__).resolve().parents[2]


def _cli(handle: SandboxHandle, journal: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "DESKTOP_PORTAL_PASSWORD": "demo", "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop.cli",
            "consolidate",
            "--portal",
            handle.url,
            "--account",
            ",".join(handle.emails),
            "--yes",
            "--journal",
            str(journal),
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_notifications(
    handle: SandboxHandle, count: int, process: subprocess.Popen[str]
) -> None:
    deadline = time.monotonic() + 60
    while len(handle.state.notifications()) < count:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the run did not get going"
        time.sleep(0.02)


def test_kill_9_mid_run_then_resume_reaches_the_same_end_state(
    sandbox_server: SandboxFactory, tmp_path: Path
) -> None:
    handle = sandbox_server(licenses=80, accounts=4, latency_ms=60, seed=11)
    target = handle.emails[0]
    plan = make_plan(handle.data.licenses, handle.emails, target)
    journal = tmp_path / "journal.sqlite3"

    process = _cli(handle, journal, "--target", target)
    _wait_for_notifications(handle, 8, process)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    changed = len(handle.state.notifications())
    assert changed < len(plan.promoting()), "killed too late to test anything"

    with Journal(journal) as j:
        (run,) = j.unfinished_runs()
        assert run.pending > 0

    resumed = _cli(handle, journal, "--resume")
    out, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, (out, err)
    assert f"Run {run.run_id}" in out
    check_end_state(handle.state, plan)
    with Journal(journal) as j:
        assert j.unfinished_runs() == []
        result = j.load_result(run.run_id)
    assert result.ok


def test_ctrl_c_cancels_cleanly_and_resume_finishes(
    sandbox_server: SandboxFactory, tmp_path: Path
) -> None:
    handle = sandbox_server(licenses=60, accounts=3, latency_ms=60, seed=12)
    target = handle.emails[0]
    plan = make_plan(handle.data.licenses, handle.emails, target)
    journal = tmp_path / "journal.sqlite3"

    process = _cli(handle, journal, "--target", target)
    _wait_for_notifications(handle, 5, process)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 1, (out, err)
    assert "cancelling" in err
    assert "--resume" in out
    assert "Traceback" not in err
    with Journal(journal) as j:
        (run,) = j.unfinished_runs()
        # nothing half-recorded: every request's outcome was written
        assert all(r["status"] != StepRecord.INTENT for r in j.step_records(run.run_id))

    resumed = _cli(handle, journal, "--resume")
    out, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, (out, err)
    check_end_state(handle.state, plan)
