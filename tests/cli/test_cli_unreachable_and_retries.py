"""``desktop-cli plan`` / ``consolidate``: an unreachable portal fails at once (exit 2, one
line), and the client's retries are logged only with ``-v``."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.portal.sandbox.demo_data import ACCOUNTS, TARGET
from tests.conftest import SandboxFactory

EMAILS = ",".join(a.email for a in ACCOUNTS)
FAIL_FAST_S = 3.0


@pytest.fixture(autouse=True)
def demo_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKTOP_PORTAL_PASSWORD", "demo")


@pytest.fixture
def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"  # nothing listens once closed


@pytest.mark.parametrize(
    "command",
    [["plan"], ["consolidate", "--yes"]],
    ids=["plan", "consolidate"],
)
def test_an_unreachable_portal_fails_at_once_with_exit_2(
    command: list[str],
    closed_port_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    args = ["-v", *command, "--portal", closed_port_url, "--account", EMAILS, "--target", TARGET]
    if command[0] == "consolidate":
        args += ["--journal", str(tmp_path / "journal.sqlite3")]
    caplog.set_level(logging.INFO, logger="stamina")
    started = time.monotonic()
    code = main(args)
    elapsed = time.monotonic() - started
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith("error: ") and "Cannot reach the portal" in err
    assert err.count("\n") == 1, err
    # not retried: a refused connection before any answer is a wrong address, not a blip
    assert not [r for r in caplog.records if r.name == "stamina"]
    assert elapsed < FAIL_FAST_S, f"took {elapsed:.1f} s"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DESKTOP_PORTAL_PASSWORD": "demo"}
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_retries_are_logged_only_with_verbose(sandbox_server: SandboxFactory) -> None:
    handle = sandbox_server(fail_rate=0.5, seed=3)
    plan = ["plan", "--portal", handle.url, "--account", EMAILS, "--target", TARGET]
    quiet = _cli(*plan)
    assert handle.faults_injected > 0
    assert quiet.returncode in (0, 1), quiet.stderr
    assert "stamina" not in quiet.stderr
    injected = handle.faults_injected
    verbose = _cli("-v", *plan)
    assert handle.faults_injected > injected
    assert "stamina" in verbose.stderr and "retry" in verbose.stderr
