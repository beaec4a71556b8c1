"""``consolidate --resume`` only where the run was confirmed: killed (-9) at portal A, a resume
with ``--portal B`` is refused (exit 2, one line, nothing sent to B); a second process on the
journal is refused; a damaged journal gives one clear line, never a traceback; the progress
counts what is left."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.engine.journal import Journal
from desktop.engine.planner import make_plan
from tests.cli.test_consolidate_crash import ROOT, _cli, _wait_for_notifications
from tests.conftest import SandboxFactory
from tests.engine.sandbox_helpers import check_end_state
from tests.engine.test_journal_safety import AT_A, ODD_ROWS, _run


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def _resume(portal: str, journal: Path, *extra: str) -> int:
    return main(["consolidate", "--resume", "--portal", portal, "--journal", str(journal), *extra])


def test_killed_at_portal_a_a_resume_at_portal_b_is_refused_and_a_finishes_counting_what_is_left(
    sandbox_server: SandboxFactory,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DESKTOP_PORTAL_PASSWORD", "demo")
    portal_a = sandbox_server(licenses=60, accounts=3, latency_ms=50, seed=21)
    portal_b = sandbox_server(licenses=60, accounts=3, seed=21)  # same SENs, same people
    target = portal_a.emails[0]
    plan = make_plan(portal_a.data.licenses, portal_a.emails, target)
    journal = tmp_path / "journal.sqlite3"
    process = _cli(portal_a, journal, "--target", target)
    _wait_for_notifications(portal_a, 5, process)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    with Journal(journal) as j:
        (run,) = j.unfinished_runs()
    assert 0 < run.pending < len(plan.actionable())

    capsys.readouterr()
    assert _resume(portal_b.url, journal, "--yes") == 2
    out, err = capsys.readouterr()
    (line,) = _errors(err)  # the sandbox's own log may say the killed client went away
    assert f"confirmed for {portal_a.url}, not {portal_b.url}" in line
    assert portal_b.state.write_requests() == 0 and portal_b.state.notifications() == []

    with Journal(journal):  # another process holds it (here: this one's own handle)
        assert _resume(portal_a.url, journal, "--yes") == 2
    out, err = capsys.readouterr()
    (line,) = _errors(err)
    assert "is in use by another copy" in line

    assert _resume(portal_a.url, journal, "--yes") == 0
    out, err = capsys.readouterr()
    counts = re.findall(r"^\[(\d+)/(\d+)\]", out, flags=re.MULTILINE)
    assert counts and {int(total) for _, total in counts} == {run.pending}, out
    assert int(counts[-1][0]) == run.pending
    check_end_state(portal_a.state, plan)


def test_a_resume_as_accounts_the_run_does_not_run_as_is_refused(
    sandbox_server: SandboxFactory,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DESKTOP_PORTAL_PASSWORD", "demo")
    portal = sandbox_server()
    journal = tmp_path / "j.sqlite3"
    _run(journal, {email: portal.url for email in portal.emails})
    code = _resume(portal.url, journal, "--yes", "--account", "stranger@elsewhere.example")
    assert code == 2
    assert "none of them is signed in" in capsys.readouterr().err
    assert portal.state.write_requests() == 0


def test_a_resume_for_another_target_names_the_run_there_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = tmp_path / "j.sqlite3"
    run_id = _run(journal)
    code = _resume("http://127.0.0.1:8801", journal, "--yes", "--target", "x@y.example")
    assert code == 2
    err = capsys.readouterr().err
    assert f"run {run_id}" in err and "not --target x@y.example" in err


@pytest.mark.parametrize(
    "damage",
    [ODD_ROWS[k] for k in ("unknown outcome", "bad JSON in steps", "bad finished time")]
    + ['UPDATE entries SET steps = \'[["teleport", "a", "b"]]\' WHERE sen = \'SEN-1\''],
    ids=["outcome", "json", "timestamp", "step"],
)
def test_resume_of_a_damaged_run_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    journal = tmp_path / "j.sqlite3"
    run_id = _run(journal)
    with sqlite3.connect(journal) as db:
        db.execute(damage)
    for _ in range(2):  # the first finds it, the next knows it: the same clear answer
        assert _resume(AT_A[next(iter(AT_A))], journal, "--yes") == 2
        out, err = capsys.readouterr()
        assert err.count("\n") == 1, err
        assert f"run {run_id} is set aside: it cannot be read" in err
        assert out == ""


def test_resume_of_a_damaged_journal_prints_no_traceback(tmp_path: Path) -> None:
    journal = tmp_path / "j.sqlite3"
    _run(journal)
    with sqlite3.connect(journal) as db:
        db.execute(ODD_ROWS["unknown outcome"])
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop.cli",
            "consolidate",
            "--resume",
            "--portal",
            "http://127.0.0.1:8801",
            "--journal",
            str(journal),
            "--yes",
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: no unfinished run to resume")
    assert result.stderr.count("\n") == 1
