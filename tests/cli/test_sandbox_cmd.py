"""``desktop-cli sandbox`` as a real process: it listens, serves, and stops on SIGINT/SIGTERM."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from desktop.cli.main import main

ARGS = [sys.executable, "-m", "desktop.cli", "sandbox"]


def _start(*extra: str) -> tuple[subprocess.Popen[str], str, list[str]]:
    process = subprocess.Popen(
        [*ARGS, *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    first = process.stdout.readline().strip()
    assert first.startswith("listening on http://127.0.0.1:"), first
    lines = [process.stdout.readline().strip()]
    while not lines[-1].startswith("accounts"):
        lines.append(process.stdout.readline().strip())
    return process, first.removeprefix("listening on "), lines


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_serves_generated_data_and_stops_cleanly(
    sig: signal.Signals, processes: list[subprocess.Popen[str]]
) -> None:
    process, url, _ = _start("--licenses", "25", "--accounts", "2", "--seed", "4")
    processes.append(process)
    emails = [process.stdout.readline().strip() for _ in range(2)]  # type: ignore[union-attr]
    assert emails == ["user000@huake.example", "user001@northwind.example"]
    with httpx.Client(base_url=url) as client:
        every = client.get("/api/v1/_sandbox/licenses").json()
        token = client.post(
            "/api/v1/session", json={"email": emails[0], "password": "demo"}
        ).json()["token"]
        page = client.get("/api/v1/licenses", headers={"Authorization": f"Bearer {token}"})
    assert len(every) == 25 and page.status_code == 200
    process.send_signal(sig)
    assert process.wait(timeout=15) == 0
    assert "stopped" in (process.stderr.read() if process.stderr else "")


def test_serves_the_demo_with_faults(processes: list[subprocess.Popen[str]]) -> None:
    process, url, _ = _start("--fail-rate", "1", "--port", "0")
    processes.append(process)
    accounts = [process.stdout.readline().strip() for _ in range(4)]  # type: ignore[union-attr]
    assert "zhang.wei@huake.example" in accounts and "huake.buyer@qq.com" in accounts
    with httpx.Client(base_url=url) as client:
        answer = client.post("/api/v1/session", json={"email": accounts[0], "password": "demo"})
        stats = client.get("/api/v1/_sandbox/stats").json()
    assert answer.status_code == 503 and answer.json()["errorKey"] == "unavailable"
    assert stats["faultsInjected"] == 1
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=15) == 0


def test_a_taken_port_is_one_clear_line(
    processes: list[subprocess.Popen[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    process, url, _ = _start()
    processes.append(process)
    port = url.rsplit(":", 1)[1]
    assert main(["sandbox", "--port", port]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: cannot listen on 127.0.0.1:{port}") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--host", "0.0.0.0"], "refusing to listen on 0.0.0.0"),
        (["--host", "192.168.1.5"], "refusing to listen on 192.168.1.5"),
        (["--fail-rate", "1.5"], "fail-rate must be between 0 and 1"),
        (["--drop-rate", "-0.1"], "drop-rate must be between 0 and 1"),
        (["--latency-ms", "-5"], "latency-ms must not be negative"),
        (["--port", "70000"], "--port must be between 0 and 65535"),
        (["--licenses", "-1"], "--licenses must be ≥ 0"),
    ],
)
def test_bad_options_are_refused(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sandbox", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_replica_layout_and_token_lifetime(processes: list[subprocess.Popen[str]]) -> None:
    """``--replica-layout classic`` shows the table page; ``--token-lifetime`` ends sign-ins."""
    process, url, lines = _start("--replica-layout", "classic", "--token-lifetime", "1")
    processes.append(process)
    assert any("My Atlassian replica (classic)" in line for line in lines)
    with httpx.Client(base_url=url) as client:
        signed_in = client.post(
            "/my-atlassian/login",
            content="email=li.na%40huake.example&password=demo",
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert signed_in.status_code == 303
        table = client.get("/my-atlassian/api/licenses")
        token = client.post(
            "/api/v1/session", json={"email": "li.na@huake.example", "password": "demo"}
        ).json()["token"]
        assert table.status_code == 200 and 'class="productTable"' in table.json()["html"]
        time.sleep(1.2)
        expired = client.get("/api/v1/licenses", headers={"Authorization": f"Bearer {token}"})
        page_expired = client.get("/my-atlassian/api/licenses")
    assert expired.status_code == 401 and expired.json()["errorKey"] == "unauthenticated"
    assert page_expired.status_code == 401
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=15) == 0


@pytest.mark.parametrize("value", ["0", "-3", "inf"])
def test_a_token_lifetime_must_be_positive(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sandbox", "--token-lifetime", value]) == 2
    err = capsys.readouterr().err
    assert "--token-lifetime must be a number of seconds above 0" in err and err.count("\n") == 1


def test_an_unknown_replica_layout_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["sandbox", "--replica-layout", "modern"])
    assert exited.value.code == 2
    assert "invalid choice: 'modern'" in capsys.readouterr().err


def test_allow_remote_prints_a_warning(processes: list[subprocess.Popen[str]]) -> None:
    process, _url, _ = _start("--allow-remote", "--port", "0")  # still on 127.0.0.1 here
    processes.append(process)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=15) == 0
    err = process.stderr.read() if process.stderr else ""
    assert "warning: --allow-remote" in err and "plain http" in err


def test_allow_remote_says_other_computers_can_reach_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 192.0.2.1 (documentation only) never listens: the bad lifetime stops it first.
    code = main(["sandbox", "--allow-remote", "--host", "192.0.2.1", "--token-lifetime", "0"])
    assert code == 2
    err = capsys.readouterr().err
    assert "other computers can reach it" in err and "'demo'" in err
