"""``desktop-cli consolidate`` in-process against the sandbox on 127.0.0.1."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.engine.planner import make_plan
from desktop.portal.sandbox.demo_data import TARGET
from tests.cli_runs import DEMO, EMAILS, consolidate, remove_contacts
from tests.conftest import SandboxHandle
from tests.engine.sandbox_helpers import check_end_state


@pytest.fixture(autouse=True)
def demo_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKTOP_PORTAL_PASSWORD", "demo")


def test_consolidate_all_demo_accounts_with_yes_and_a_report(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = make_plan(sandbox.data.licenses, sandbox.emails, TARGET)
    report = tmp_path / "report.csv"
    code = consolidate(sandbox.url, tmp_path, *DEMO, "--yes", "--report", str(report))
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.index("Promote to primary technical contact?") < out.index("[1/")
    assert "A notification email will be sent to" in out
    check_end_state(sandbox.state, plan)
    rows = list(csv.reader(report.read_text("utf-8-sig").splitlines()))
    assert len(rows) == 1 + len(plan.entries)
    assert "AAAB" not in report.read_text("utf-8-sig")
    # again: nothing left to do, nothing sent
    before = sandbox.state.write_requests()
    code = consolidate(sandbox.url, tmp_path, *DEMO, "--yes")
    assert code == 0
    assert "Nothing to do" in capsys.readouterr().out
    assert sandbox.state.write_requests() == before


@pytest.mark.parametrize(
    ("command", "options", "shown"),
    [
        (consolidate, DEMO, "Promote to primary technical contact?"),
        (
            remove_contacts,
            ("--account", EMAILS, "--email", "liu.yang@huake.example"),
            "These people will no longer see these licenses in My Atlassian",
        ),
    ],
)
def test_without_a_terminal_and_without_yes_it_refuses(
    sandbox: SandboxHandle,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: Callable[..., int],
    options: tuple[str, ...],
    shown: str,
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code = command(sandbox.url, tmp_path, *options)
    captured = capsys.readouterr()
    assert code == 2
    assert shown in captured.out
    assert "--yes" in captured.err
    assert sandbox.state.write_requests() == 0


def test_answering_no_changes_nothing(
    sandbox: SandboxHandle,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    code = consolidate(sandbox.url, tmp_path, *DEMO)
    assert code == 0
    assert "nothing was changed" in capsys.readouterr().out
    assert sandbox.state.write_requests() == 0


CJ = "chen.jie@northwind.example"


@pytest.mark.parametrize(
    ("command", "extra", "message"),
    [
        (consolidate, ["--target", "zhang.wei@"], "--target"),
        (consolidate, ["--target", TARGET, "--concurrency", "0"], "--concurrency"),
        (consolidate, ["--target", TARGET, "--report", "out.pdf"], ".xlsx or .csv"),
        (consolidate, ["--target", TARGET, "--report", "/no/such/folder/r.csv"], "does not exist"),
        (remove_contacts, [], "--email"),
        (remove_contacts, ["--email", "chen.jie@"], "--email"),
        (remove_contacts, ["--email", CJ, "--keep", CJ], "both name"),
        (remove_contacts, ["--email", CJ, "--concurrency", "0"], "--concurrency"),
        (remove_contacts, ["--email", CJ, "--report", "out.pdf"], ".xlsx or .csv"),
    ],
)
def test_bad_input_exits_2_before_any_request(
    sandbox: SandboxHandle,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    command: Callable[..., int],
    extra: list[str],
    message: str,
) -> None:
    code = command(sandbox.url, tmp_path, "--account", EMAILS, "--yes", *extra)
    assert code == 2
    assert message in capsys.readouterr().err
    assert sandbox.state.requests_by_route() == {}


def test_resume_with_nothing_to_resume_is_bad_input(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = consolidate(sandbox.url, tmp_path, "--resume", "--yes")
    assert code == 2
    assert "no unfinished run" in capsys.readouterr().err
