"""A report from a portal's hostile text: control characters cleaned (the .xlsx used to crash
after the run and the report was lost), formulas never run, a folder refused, any failure a
ReportError that leaves the file as it was (so it can be tried again)."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.engine.report import ReportError, write_report
from desktop.engine.run_result import RunResult
from tests.engine.test_report import _result

EVIL_ORG = "\x1b[31m华科\x07 Corp\x00\x0b\u202e"
FORMULA_PRODUCT = '\ufeff=HYPERLINK("http://evil.example","Jira")'


def _hostile() -> RunResult:
    result = _result()
    first, second, *rest = result.plan.entries
    entries = (
        replace(first, license=replace(first.license, organisation=EVIL_ORG)),
        replace(second, license=replace(second.license, product=FORMULA_PRODUCT)),
        *rest,
    )
    return replace(result, plan=replace(result.plan, entries=tuple(entries)))


def _all_printable(values: list[object]) -> bool:
    return all(str(v).isprintable() for v in values if v is not None)


def test_control_characters_in_an_organisation_make_a_clean_xlsx(tmp_path: Path) -> None:
    path = write_report(_hostile(), tmp_path / "report.xlsx")
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0][2] == "[31m华科 Corp "  # the text without its controls
    assert all(_all_printable(list(row)) for row in rows)
    assert sheet.cell(row=3, column=2).data_type == "s"  # never a formula


def test_the_csv_is_clean_and_its_disguised_formula_neutralised(tmp_path: Path) -> None:
    path = write_report(_hostile(), tmp_path / "report.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][2] == "[31m华科 Corp "
    assert rows[2][1] == '\'=HYPERLINK("http://evil.example","Jira")'
    assert all(_all_printable(list(row)) for row in rows)


def test_a_folder_is_refused_and_a_failure_leaves_the_file_to_try_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "report.xlsx"
    folder.mkdir()
    with pytest.raises(ReportError) as raised:
        write_report(_hostile(), folder)
    assert raised.value.key == "report-is-folder"

    target = tmp_path / "again.xlsx"
    target.write_bytes(b"previous")

    def broken(*args: object) -> None:
        raise ValueError("something the writer did not expect")

    monkeypatch.setattr("desktop.engine.report._write_xlsx", broken)
    with pytest.raises(ReportError) as raised:
        write_report(_hostile(), target)
    assert raised.value.key == "report-failed"
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again.xlsx", "report.xlsx"]
    monkeypatch.undo()
    write_report(_hostile(), target)  # and again: now it works
    assert load_workbook(target).active is not None
