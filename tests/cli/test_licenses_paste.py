"""``desktop-cli licenses --paste``: the real command, on fixture pages in the seed's layout."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.cli.output import write_licenses
from desktop.domain.models import Contact, License

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "paste"
SEED = FIXTURES / "seed_layout.txt"
SEVERAL = FIXTURES / "several_licenses.txt"
KEY_PIECES = ("AAABqL3ZOLvAlYxQrjQVd3L", "AAABkQ0ODAoPeNp9kMFOwzAM", "AAABwh5lcVgyYQ4YYuQ5F")


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """The command as a person runs it: a separate process, bytes in and out."""
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- the "Done when": the seed-like fixture as JSON ------------------------------------


def test_seed_like_fixture_as_json_in_a_real_process() -> None:
    done = run_cli("licenses", "--paste", str(SEED), "--format", "json")
    assert done.returncode == 0, done.stderr.decode()
    (lic,) = json.loads(done.stdout.decode("utf-8"))
    assert lic == {
        "sen": "SEN-20481357",
        "product": "TestFlow - Test Management for Jira (Server) 10 Users: Commercial License",
        "organisation": "华科示例软件有限公司",
        "licenseType": "commercial",
        "hosting": "server",
        "supportExpires": "2020-10-19",
        "technicalContacts": [
            {"email": "zhang.wei@huake.example", "name": "Wei Zhang", "primary": True},
            {"email": "li.na@huake.example", "name": "Na Li", "primary": False},
        ],
        "billingContacts": [
            {"email": "zhang.wei@huake.example", "name": "Wei Zhang", "primary": True}
        ],
        "accounts": ["paste:seed_layout.txt"],
    }
    # The duplicate block is reported, on stderr, never mixed into the JSON.
    assert b"SEN-20481357 appears more than once" in done.stderr
    assert b"Traceback" not in done.stderr


def test_show_keys_adds_the_license_key_to_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(
        capsys, "licenses", "--paste", str(SEED), "--format", "json", "--show-keys"
    )
    assert code == 0
    (lic,) = json.loads(out)
    assert lic["licenseKey"].startswith("AAABqL3ZOLvAlYxQrjQVd3LBob/")
    assert " " not in lic["licenseKey"]


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_keys_are_left_out_unless_asked(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, err = run_main(capsys, "licenses", "--paste", str(SEVERAL), "--format", fmt)
    assert code == 0
    assert not any(piece in out or piece in err for piece in KEY_PIECES)
    assert "licenseKey" not in out and "License Key" not in out


def test_standard_input_with_windows_line_endings() -> None:
    page = SEED.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8")
    done = run_cli("licenses", "--paste", "-", "--format", "json", stdin=page)
    assert done.returncode == 0, done.stderr.decode()
    (lic,) = json.loads(done.stdout)
    assert lic["sen"] == "SEN-20481357"
    assert lic["accounts"] == ["paste:stdin"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_files_saved_by_notepad_are_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    saved = tmp_path / "页面.txt"
    saved.write_text(SEVERAL.read_text(encoding="utf-8"), encoding=encoding)
    code, out, _ = run_main(capsys, "licenses", "--paste", str(saved), "--format", "json")
    assert code == 0
    assert [lic["sen"] for lic in json.loads(out)] == [f"SEN-3000000{n}" for n in range(1, 5)]
    assert json.loads(out)[0]["accounts"] == ["paste:页面.txt"]


# --- table ---------------------------------------------------------------------------------------


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_table_has_my_atlassians_columns_aligned_for_chinese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run_main(capsys, "licenses", "--paste", str(SEVERAL))
    assert code == 0
    lines = out.splitlines()
    header, rule, *rows = lines
    columns = [
        "SEN",
        "Product",
        "Name",
        "Support Expires",
        "Support",
        "Primary technical contact",
        "Accounts",
    ]
    starts, position = [], 0
    for name in columns:  # the header is ASCII: its characters are its display columns
        position = header.index(name, position)
        starts.append(position)
        position += len(name)
    assert set(rule) == {"-", " "}
    assert len(rows) == 4
    # Every row's cells sit in the header's display columns, Chinese names included.
    ends = [*starts[1:], None]
    cells = [
        [display_slice(row, start, end).strip() for start, end in zip(starts, ends, strict=True)]
        for row in rows
    ]
    assert cells[0] == [
        "SEN-30000001",
        "Jira Software (Data Center) 500 Users: Commercial License",
        "华科示例软件有限公司 Jira 数据中心",
        "3 Mar 2025",
        cells[0][4],  # Active or Expired, depending on today
        "zhang.wei@huake.example",
        "paste:several_licenses.txt",
    ]
    assert cells[0][4] in ("Active", "Expired")
    assert cells[1][:4] == [
        "SEN-30000002",
        "Confluence (Server) 25 Users: Academic License",
        "华科示例大学",
        "28 Feb 2022",
    ]
    assert cells[1][5] == ""  # a collapsed license shows no contact
    assert cells[3][2:4] == ["华科示例 IT", "9 Sep 2024"]
    assert "only the summary row was pasted" in err


def display_slice(row: str, start: int, end: int | None) -> str:
    """The characters of ``row`` between two display columns (a Chinese character takes two)."""
    out, column = [], 0
    for ch in row:
        if column >= start and (end is None or column < end):
            out.append(ch)
        column += display_width(ch)
    return "".join(out)


def test_table_support_column_follows_the_date() -> None:
    lic = License(
        "SEN-1",
        "Jira Software (Server) 10 Users: Commercial License",
        name="华科",
        support_expires=date(2020, 10, 19),
        technical_contacts=(Contact("zhang.wei@huake.example", None, True),),
    )
    for today, word in [(date(2020, 10, 19), "Active"), (date(2020, 10, 20), "Expired")]:
        stream = io.StringIO()
        write_licenses([lic], "table", stream, today=today)
        row = stream.getvalue().splitlines()[2]
        assert "19 Oct 2020" in row and word in row


def test_table_shows_keys_only_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(capsys, "licenses", "--paste", str(SEED), "--show-keys")
    assert code == 0
    assert "License Key" in out.splitlines()[0]
    assert "AAABqL3ZOLvAlYxQrjQVd3LBob/" in out


def test_table_never_prints_control_characters() -> None:
    lic = License("SEN-1", "Evil\x1b[2J product\nsecond line", name="名\x07字")
    stream = io.StringIO()
    write_licenses([lic], "table", stream)
    text = stream.getvalue()
    assert "\x1b" not in text and "\x07" not in text
    assert len(text.splitlines()) == 3


def test_an_empty_list_prints_the_header_only() -> None:
    for fmt, expected in [("json", "[]\n"), ("table", None), ("csv", None)]:
        stream = io.StringIO()
        write_licenses([], fmt, stream)
        if expected is not None:
            assert stream.getvalue() == expected
        else:
            assert len(stream.getvalue().splitlines()) in (1, 2)
    with pytest.raises(ValueError, match="unknown format"):
        write_licenses([], "xml", io.StringIO())


# --- CSV -----------------------------------------------------------------------------------------


def test_csv_is_utf8_with_a_byte_order_mark_for_excel() -> None:
    done = run_cli("licenses", "--paste", str(SEVERAL), "--format", "csv")
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8-sig"))))
    assert [row["sen"] for row in rows] == [f"SEN-3000000{n}" for n in range(1, 5)]
    first = rows[0]
    assert first["name"] == "华科示例软件有限公司 Jira 数据中心"
    assert first["organisation"] == "华科示例软件有限公司"
    assert (first["licenseType"], first["hosting"]) == ("commercial", "datacenter")
    assert first["supportExpires"] == "2025-03-03"
    assert first["primaryTechnicalContact"] == "zhang.wei@huake.example"
    assert first["technicalContacts"] == "zhang.wei@huake.example; wang.fang@huake.example"
    assert first["billingContacts"] == "caiwu@huake.example; demo.buyer@qq.com"
    assert first["accounts"] == "paste:several_licenses.txt"
    assert "licenseKey" not in first


def test_csv_with_keys_and_no_formula_cells() -> None:
    lic = License("SEN-1", '=HYPERLINK("http://x.example")', name="+1 华科", license_key="AAAB")
    stream = io.StringIO()
    write_licenses([lic], "csv", stream, show_keys=True)
    (row,) = csv.DictReader(io.StringIO(stream.getvalue().lstrip("\ufeff")))
    assert row["product"] == '\'=HYPERLINK("http://x.example")'
    assert row["name"] == "'+1 华科"
    assert row["licenseKey"] == "AAAB"


# --- bad input: one plain line on stderr, exit 2, nothing on stdout -----------------------------


def write_bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("make_file", "expected"),
    [
        (lambda tmp: tmp / "missing.txt", "no such file"),
        (lambda tmp: tmp, "is a folder"),
        (lambda tmp: write_bytes(tmp, "empty.txt", b""), "The pasted text is empty"),
        (
            lambda tmp: write_bytes(tmp, "prose.txt", (FIXTURES / "no_license.txt").read_bytes()),
            "No license found in the pasted text. Expected the text of the My Atlassian",
        ),
        (
            lambda tmp: write_bytes(tmp, "gbk.txt", "SEN-1 授权".encode("gb18030")),
            "is not UTF-8 text; save it as UTF-8",
        ),
    ],
)
def test_bad_input_gets_one_plain_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_file, expected: str
) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run_main(capsys, "licenses", "--paste", str(make_file(tmp_path)))
    assert code == 2
    assert out == ""
    assert err.startswith("error: ") and expected in err
    assert len(err.strip().splitlines()) == 1


def test_bad_input_in_a_real_process_has_no_traceback() -> None:
    done = run_cli("licenses", "--paste", str(FIXTURES / "no_license.txt"))
    assert done.returncode == 2
    assert done.stdout == b""
    assert b"Traceback" not in done.stderr
    assert done.stderr.decode().startswith("error: ")


@pytest.mark.parametrize(
    "args",
    [
        ["licenses"],
        ["licenses", "--paste", str(SEED), "--format", "xml"],
        ["licenses", "--paste"],
    ],
)
def test_bad_arguments_exit_2(args: list[str]) -> None:
    done = run_cli(*args)
    assert done.returncode == 2
    assert done.stdout == b""
    assert b"Traceback" not in done.stderr and b"error:" in done.stderr


@pytest.mark.parametrize("source", ["/dev/zero", "fifty-megabytes", "stdin"])
def test_too_large_a_paste_ends_in_one_line_and_exit_2(tmp_path: Path, source: str) -> None:
    """``/dev/zero`` never ends and a 50 MB file is too large: one plain line, never MemoryError."""
    stdin = None
    if source == "fifty-megabytes":
        big = tmp_path / "big.txt"
        with big.open("wb") as stream:  # sparse: 50 MB of NUL bytes, nothing on the disk
            stream.truncate(50 * 1000 * 1000)
        source = str(big)
    elif source == "stdin":
        stdin, source = b"SEN-1\n" * (6 * 1024 * 1024), "-"
    done = run_cli("licenses", "--paste", source, stdin=stdin)
    assert done.returncode == 2
    assert done.stdout == b""
    err = done.stderr.decode()
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("error: ") and "too large: more than 32 MB" in err
    assert "paste the licenses page in parts" in err
    assert "MemoryError" not in err and "Traceback" not in err


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_summary_row_alone_keeps_its_name_as_organisation_and_warns_once(
    capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code, out, err = run_main(capsys, "licenses", "--paste", str(SEVERAL), "--format", fmt)
    assert code == 0
    if fmt == "json":
        collapsed = next(row for row in json.loads(out) if row["sen"] == "SEN-30000002")
    else:
        rows = csv.DictReader(io.StringIO(out.lstrip("\ufeff")))
        collapsed = next(row for row in rows if row["sen"] == "SEN-30000002")
        assert collapsed["name"] == "华科示例大学"
    assert collapsed["organisation"] == "华科示例大学"  # as the table's Name column shows it
    lines = [line for line in err.splitlines() if "SEN-30000002" in line]
    assert lines == [
        "warning: SEN-30000002: only the summary row was pasted; expand the license on the "
        "page to read its key and contacts."
    ]


def test_licenses_that_read_two_ways_are_left_out_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SEVERAL.read_text(encoding="utf-8")
    first = text.index("Wei Zhang", text.index("Technical Contacts"))
    page = tmp_path / "page.txt"  # the first license's contact is named by another address
    page.write_text(text[:first] + "other.person@huake.example" + text[first + 9 :], "utf-8")
    code, out, err = run_main(capsys, "licenses", "--paste", str(page), "--format", "json")
    shown = {lic["sen"] for lic in json.loads(out)}
    _, every, _ = run_main(capsys, "licenses", "--paste", str(SEVERAL), "--format", "json")
    everyone = {lic["sen"] for lic in json.loads(every)}
    assert code == 0
    (flagged,) = everyone - shown
    lines = [line for line in err.splitlines() if line.startswith("not readable: ")]
    assert lines == [
        f"not readable: {flagged} was not read: a contact's name on the page is an email "
        "address ('other.person@huake.example'), so the text cannot tell which address is the "
        "contact."
    ]
