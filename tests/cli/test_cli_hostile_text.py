"""A portal whose organisation, product and contact names hold escape codes (clear the screen,
colour, a bell, C1 controls, a bidirectional override): nothing of it reaches the terminal from
``licenses``, ``plan`` (table and JSON) or ``consolidate``, JSON keeps the exact data as escapes,
and ``report`` writes the run again from the journal — clean, also after a failed report."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli.main import main
from desktop.domain.models import Contact
from desktop.engine.journal import Journal
from desktop.engine.planner import make_plan
from desktop.portal.sandbox import SandboxData, demo_data
from desktop.portal.sandbox.demo_data import TARGET
from tests.cli_runs import DEMO, consolidate
from tests.conftest import SandboxFactory, SandboxHandle
from tests.engine.sandbox_helpers import check_end_state
from tests.engine.test_journal_safety import ODD_ROWS

CLEAR_AND_FAKE = "\x1b[2J\x1b[H\x1b[32mAll licenses already consolidated.\x1b[0m\x07"
EVIL_PRODUCT = "Jira\x9b2J\u202e (Server)\x1b]0;owned\x07"
EVIL_NAME = "Li\x1b[8m hidden\x1b[0m Na"


@pytest.fixture(autouse=True)
def demo_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKTOP_PORTAL_PASSWORD", "demo")


@pytest.fixture
def hostile(sandbox_server: SandboxFactory) -> SandboxHandle:
    demo = demo_data()
    licenses = tuple(
        replace(
            lic,
            organisation=CLEAR_AND_FAKE,
            product=EVIL_PRODUCT,
            technical_contacts=tuple(
                Contact(c.email, EVIL_NAME, c.primary) for c in lic.technical_contacts
            ),
        )
        for lic in demo.licenses
    )
    return sandbox_server(data=SandboxData(accounts=demo.accounts, licenses=licenses))


def _shown_cleanly(text: str) -> None:
    body = text.removeprefix("\ufeff")
    bad = sorted({repr(c) for c in body if not (c.isprintable() or c == "\n")})
    assert not bad, bad


def test_plan_and_consolidate_print_no_control_character(
    hostile: SandboxHandle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    portal = ["--portal", hostile.url, *DEMO]
    for command in (["plan", *portal], ["licenses", *portal[:4]]):
        assert main(command) == 0
        out, err = capsys.readouterr()
        _shown_cleanly(out + err)
    assert "Jira2J (Server)]0;owned" in out  # the licenses table: the text, not its codes

    assert main(["plan", *portal, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    _shown_cleanly(out + err)
    entries = json.loads(out)["entries"]
    assert {e["organisation"] for e in entries} == {CLEAR_AND_FAKE}  # the data, exactly
    assert {e["product"] for e in entries} == {EVIL_PRODUCT}

    report = tmp_path / "report.xlsx"
    assert consolidate(hostile.url, tmp_path, *DEMO, "--yes", "--report", str(report)) == 0
    out, err = capsys.readouterr()
    _shown_cleanly(out + err)
    assert "[1/" in out and f"Report: {report}" in out
    sheet = load_workbook(report).active
    assert sheet is not None
    assert all(str(v).isprintable() for row in sheet.iter_rows(values_only=True) for v in row if v)


def test_a_report_path_that_is_a_folder_is_refused_before_any_change(
    sandbox: SandboxHandle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "reports.xlsx"
    folder.mkdir()
    code = consolidate(sandbox.url, tmp_path, *DEMO, "--yes", "--report", str(folder))
    assert code == 2
    assert "is a folder" in capsys.readouterr().err
    assert sandbox.state.write_requests() == 0
    assert not (tmp_path / "j.sqlite3").exists()  # nothing started, not even a journal


def test_report_writes_a_run_again_from_the_journal(
    sandbox: SandboxHandle,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan = make_plan(sandbox.data.licenses, sandbox.emails, TARGET)
    journal = tmp_path / "j.sqlite3"
    unwritable = tmp_path / "ro"
    unwritable.mkdir()
    target = unwritable / "report.csv"

    def refuse(*args: object, **kwargs: object) -> Path:
        from desktop.engine.report import ReportError

        raise ReportError("Cannot write the report: no space.", "disk-full")

    monkeypatch.setattr("desktop.cli.consolidate_cmd.write_report", refuse)
    assert consolidate(sandbox.url, tmp_path, *DEMO, "--yes", "--report", str(target)) == 1
    err = capsys.readouterr().err
    check_end_state(sandbox.state, plan)
    with Journal(journal) as j:
        (run,) = j.history()
    assert f"desktop-cli report --journal {journal} --run {run.run_id} FILE" in err
    monkeypatch.undo()

    with Journal(journal):  # even while another process holds it: report only reads
        assert main(["report", "--journal", str(journal), str(target)]) == 0
    assert f"Report of run {run.run_id} ({len(plan.entries)} licenses)" in capsys.readouterr().out
    rows = list(csv.reader(target.read_text("utf-8-sig").splitlines()))
    assert len(rows) == 1 + len(plan.entries)
    xlsx = tmp_path / "again.xlsx"
    assert main(["report", "--journal", str(journal), "--run", run.run_id, str(xlsx)]) == 0
    sheet = load_workbook(xlsx).active
    assert sheet is not None and sheet.max_row == 1 + len(plan.entries)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--run", "no-such-run", "out.xlsx"], "no run 'no-such-run'"),
        (["out.txt"], "must end in .xlsx or .csv"),
        (["folder.xlsx"], "is a folder"),
        (["missing/out.xlsx"], "does not exist"),
    ],
)
def test_report_refuses_bad_input_in_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    says: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder.xlsx").mkdir()
    Journal(tmp_path / "j.sqlite3").close()
    assert main(["report", "--journal", str(tmp_path / "j.sqlite3"), *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err


def test_report_of_no_journal_or_a_damaged_run_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.engine.test_journal_safety import _run

    assert main(["report", "--journal", str(tmp_path / "none.sqlite3"), "x.csv"]) == 2
    assert "no run journal at" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists()
    journal = tmp_path / "j.sqlite3"
    run_id = _run(journal)
    import sqlite3

    with sqlite3.connect(journal) as db:
        db.execute(ODD_ROWS["unknown outcome"])
    out = str(tmp_path / "r.csv")
    assert main(["report", "--journal", str(journal), "--run", run_id, out]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"run {run_id} cannot be read" in err
