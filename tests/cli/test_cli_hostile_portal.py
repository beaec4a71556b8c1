"""The CLI against bad addresses and a hostile portal on 127.0.0.1: one line, exit 2, no
traceback, nothing changed (items 2, 4 and 10 of the safety issue)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.cli.main import main
from desktop.portal.sandbox.demo_data import ACCOUNTS, TARGET
from tests.conftest import SandboxHandle
from tests.portal.hostile_server import Reply, hostile_server, json_reply, license_json, page

EMAILS = ",".join(a.email for a in ACCOUNTS)


@pytest.fixture(autouse=True)
def demo_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKTOP_PORTAL_PASSWORD", "demo")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://127.0.0.1:99999", "between 1 and 65535"),
        ("http://zhang.wei:s3cret@127.0.0.1:8080", "user name or password"),
    ],
)
@pytest.mark.parametrize("command", ["licenses", "plan"])
def test_a_bad_portal_address_is_one_line_and_exit_2(
    url: str, words: str, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--portal", url, "--account", ACCOUNTS[0].email]
    if command == "plan":
        args += ["--target", TARGET]
    code = main([command, *args])
    err = capsys.readouterr().err
    assert code == 2
    assert words in err
    assert "Traceback" not in err
    assert "s3cret" not in err


def _listing_with_a_bad_page_2(bad: Any) -> Any:
    def handler(method: str, path: str, query: dict[str, list[str]]) -> Reply | None:
        if path != "/api/v1/licenses":
            return None
        start = int(query["start"][0])
        if start == 200:
            return bad
        return page([license_json(n) for n in range(start, min(start + 200, 300))], start, 300)

    return handler


@pytest.mark.parametrize(
    "bad",
    [
        json_reply({"errorKey": "not-found", "message": "x"}, 404),
        page(["not a license"] * 100, 200, 300),
        Reply(302, b"", {"Location": "/elsewhere"}),
    ],
    ids=["error-on-page-2", "malformed-license", "redirect"],
)
def test_a_bad_second_page_is_the_accounts_error_not_a_traceback(
    bad: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    with hostile_server(_listing_with_a_bad_page_2(bad)) as server:
        code = main(["licenses", "--portal", server.url, "--account", ACCOUNTS[0].email])
    err = capsys.readouterr().err
    assert code == 2
    assert ACCOUNTS[0].email in err
    assert "Traceback" not in err and "ExceptionGroup" not in err


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("zhаng.wei@huake.example", "mixes letters of different scripts"),  # Cyrillic а
        ("a/b@huake.example", "cannot carry"),
        ("x" * 65 + "@huake.example", "the most is 64"),
    ],
    ids=["cyrillic", "slash", "too-long"],
)
def test_a_look_alike_or_unusable_target_is_refused_before_any_change(
    sandbox: SandboxHandle,
    tmp_path: Path,
    target: str,
    words: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    journal = str(tmp_path / "j.sqlite3")
    code = main(
        [
            "consolidate",
            "--portal",
            sandbox.url,
            "--account",
            EMAILS,
            "--target",
            target,
            "--yes",
            "--journal",
            journal,
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert words in err
    assert sandbox.state.write_requests() == 0


def test_a_full_width_target_is_shown_as_the_address_used(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str]
) -> None:
    typed = "ｚｈａｎｇ．ｗｅｉ＠ｈｕａｋｅ．ｅｘａｍｐｌｅ"  # a Chinese IME in full-width mode
    code = main(["plan", "--portal", sandbox.url, "--account", EMAILS, "--target", typed])
    captured = capsys.readouterr()
    assert code == 0
    assert f"is used as {TARGET}" in captured.err
    assert TARGET in captured.out
    assert sandbox.state.write_requests() == 0
