"""The report: .xlsx and .csv, translated headers, no license key, never half-written."""

from __future__ import annotations

import csv
import errno
import os
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.domain.models import Contact
from desktop.engine.events import LicenseFinished, Outcome
from desktop.engine.plan import StepKind
from desktop.engine.planner import make_plan
from desktop.engine.report import HEADERS, ReportError, ReportRow, rows_from_result, write_report
from desktop.engine.run_result import RunResult
from desktop.portal.paste_reader import read_paste
from tests.licenses import OTHER, SAME, TARGET, make_license

AT = datetime(2024, 3, 1, 8, 30, tzinfo=UTC)


def _result() -> RunResult:
    plan = make_plan(
        [
            make_license("SEN-1", primary=SAME),
            make_license("SEN-2", primary=OTHER),
            make_license("SEN-3", primary=TARGET),
            make_license("SEN-4", primary=SAME, evaluation=True),
        ],
        [SAME, OTHER, TARGET],
        TARGET,
    )
    after = plan.entries[0].license
    outcomes = {
        "SEN-1": LicenseFinished(
            "SEN-1",
            Outcome.DONE,
            license=replace(
                after,
                technical_contacts=(
                    Contact(SAME, None, False),
                    Contact(TARGET, None, True),
                ),
            ),
            steps_done=(StepKind.ADD_CONTACT, StepKind.MAKE_PRIMARY),
            at=AT,
        ),
        "SEN-2": LicenseFinished("SEN-2", Outcome.FAILED, error_key="domain-mismatch", at=AT),
        "SEN-3": LicenseFinished("SEN-3", Outcome.ALREADY_DONE, at=AT),
        "SEN-4": LicenseFinished("SEN-4", Outcome.NOT_POSSIBLE, at=AT),
    }
    return RunResult("run-1", TARGET, plan, outcomes)


def test_rows_say_what_happened() -> None:
    rows = {r.sen: r for r in rows_from_result(_result())}
    assert rows["SEN-1"].done == (StepKind.ADD_CONTACT, StepKind.MAKE_PRIMARY)
    assert rows["SEN-1"].old_primary == SAME
    assert rows["SEN-1"].new_primary == TARGET
    assert rows["SEN-2"].outcome is Outcome.FAILED
    assert rows["SEN-2"].message_key == "domain-mismatch"
    assert rows["SEN-4"].message_key == "evaluation"


def test_csv_has_a_bom_headers_and_no_license_key(tmp_path: Path) -> None:
    path = write_report(_result(), tmp_path / "report.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"SECRET-KEY" not in raw
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == list(HEADERS)
    by_sen = {r[0]: r for r in rows[1:]}
    assert by_sen["SEN-1"][8] == "Added as technical contact; Made primary"
    assert by_sen["SEN-1"][9] == "Done"
    assert by_sen["SEN-2"][9] == "Failed"
    assert "must sign in and promote itself" in by_sen["SEN-2"][10]
    assert by_sen["SEN-3"][8] == "Nothing"
    assert by_sen["SEN-1"][2] == "华科天下科技有限公司"


def test_xlsx_reads_back_with_translated_headers(tmp_path: Path) -> None:
    def translate(context: str, text: str) -> str:
        return {"SEN": "SEN", "Product": "产品", "Result": "结果", "Done": "已完成"}.get(text, text)

    path = write_report(_result(), tmp_path / "report.xlsx", translate=translate)
    sheet = load_workbook(path).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:2] == ["SEN", "产品"] and values[0][9] == "结果"
    assert values[1][0] == "SEN-1" and values[1][9] == "已完成"
    assert isinstance(values[1][11], datetime)
    assert all("SECRET-KEY" not in str(v) for row in values for v in row)


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    row = ReportRow("SEN-9", '=HYPERLINK("x")', "+org", "", "", (), Outcome.DONE)
    csv_path = write_report([row], tmp_path / "r.csv")
    cells = list(csv.reader(csv_path.read_text("utf-8-sig").splitlines()))[1]
    assert cells[1].startswith("'=") and cells[2] == "'+org"
    sheet = load_workbook(write_report([row], tmp_path / "r.xlsx")).active
    assert sheet["B2"].data_type == "s"
    assert sheet["B2"].value == '=HYPERLINK("x")'


def test_unknown_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match=r"\.xlsx or \.csv"):
        write_report(_result(), tmp_path / "report.pdf")
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="Cannot write the report"):
        write_report(_result(), tmp_path / "missing" / "report.csv")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_folder_leaves_the_old_report(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old report")
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ReportError):
            write_report(_result(), target)
    finally:
        tmp_path.chmod(0o700)
    assert target.read_text() == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv"]


def test_a_full_disk_leaves_no_half_written_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"previous")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop.engine.report.os.fsync", no_space)
    with pytest.raises(ReportError) as raised:
        write_report(_result(), target)
    assert raised.value.key == "disk-full"
    assert "disk is full" in str(raised.value)
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx"]


def test_a_folder_in_the_way_is_a_plain_error_and_leaves_nothing(tmp_path: Path) -> None:
    (tmp_path / "report.csv").mkdir()
    with pytest.raises(ReportError, match="is a folder") as raised:
        write_report(_result(), tmp_path / "report.csv")
    assert raised.value.key == "report-is-folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv"]


def test_a_pasted_summary_row_reports_its_name_as_organisation() -> None:
    pasted = read_paste(
        "SEN-7\nJira Software (Server) 10 Users: Commercial License\n华科示例大学\n3 Mar 2030\n"
    ).licenses
    plan = make_plan(pasted, [SAME], TARGET)
    (row,) = rows_from_result(RunResult("run-1", TARGET, plan, {}))
    assert row.organisation == "华科示例大学"


def test_times_are_written_as_the_language_writes_dates(tmp_path: Path) -> None:
    local = AT.astimezone().replace(tzinfo=None)
    chinese = f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"
    csv_path = write_report(_result(), tmp_path / "zh.csv", language="zh_CN")
    with csv_path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][-1] == chinese
    english = write_report(_result(), tmp_path / "en.csv")
    with english.open(encoding="utf-8-sig") as handle:
        assert list(csv.reader(handle))[1][-1] == f"{local.day} {local:%b %Y %H:%M}"
    sheet = load_workbook(write_report(_result(), tmp_path / "zh.xlsx", language="zh_CN")).active
    assert sheet is not None
    cell = sheet.cell(row=2, column=len(HEADERS))
    assert cell.value == local.replace(second=0) or cell.value == local
    assert cell.number_format == 'yyyy"年"m"月"d"日" hh:mm'
