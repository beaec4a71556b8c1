"""``desktop-cli licenses --portal URL --account EMAIL…`` against the real sandbox."""

from __future__ import annotations

import csv
import io
import json
import socket

import pytest

from desktop.cli.main import main
from desktop.services.credentials import store_password
from tests.conftest import SandboxHandle

ZW, LN, WF, QQ = (
    "zhang.wei@huake.example",
    "li.na@huake.example",
    "wang.fang@northwind.example",
    "huake.buyer@qq.com",
)


@pytest.fixture
def env_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKTOP_PORTAL_PASSWORD", "demo")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["licenses", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.usefixtures("env_password")
def test_json_merges_every_account_by_sen(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(
        capsys, "--portal", sandbox.url, "--account", LN, "--account", WF, "--format", "json"
    )
    assert code == 0, err
    rows = json.loads(out)
    sens = [row["sen"] for row in rows]
    expected = [x for x in sandbox.state.all_licenses() if x.is_contact(LN) or x.is_contact(WF)]
    assert sens == [x.sen for x in expected]
    by_sen = {row["sen"]: row for row in rows}
    assert by_sen["SEN-20110388"]["accounts"] == [LN, WF]
    assert by_sen["SEN-20110101"]["accounts"] == [LN]
    assert "licenseKey" not in by_sen["SEN-20110101"]  # keys only with --show-keys
    assert expected[0].license_key not in out


def test_password_from_the_keyring_first(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESKTOP_PORTAL_PASSWORD", "wrong-for-everyone")
    store_password(sandbox.url, ZW, "demo")
    code, out, err = _run(capsys, "--portal", sandbox.url, "--account", ZW, "--format", "csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert len(rows) - 1 == sum(x.is_contact(ZW) for x in sandbox.state.all_licenses())


@pytest.mark.usefixtures("env_password")
def test_demo_in_process_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--portal", "demo", "--account", ZW, "--account", QQ)
    assert code == 0, err
    assert "SEN-20110412" in out and "SEN-20110623" in out  # zhang.wei's, huake.buyer's
    assert "SEN-20111344" not in out  # only wang.fang sees it


@pytest.mark.usefixtures("env_password")
def test_a_wrong_password_is_one_line_and_exit_2(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store_password(sandbox.url, WF, "not-her-password")
    code, out, err = _run(capsys, "--portal", sandbox.url, "--account", LN, "--account", WF)
    assert code == 2 and out == ""
    assert err == f"error: {WF}: wrong email or password for {sandbox.url}\n"
    assert "not-her-password" not in err


@pytest.mark.usefixtures("env_password")
def test_an_unreachable_portal_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    code, out, err = _run(capsys, "--portal", url, "--account", LN, "--timeout", "2")
    assert code == 2 and out == ""
    assert err.startswith(f"error: cannot reach the portal at {url}") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--portal", "demo"], "--portal needs at least one --account"),
        (["--portal", "http://portal.example", "--account", LN], "--portal: Plain http://"),
        (["--portal", "ftp://x", "--account", LN], "--portal: "),
        (["--portal", "demo", "--account", "not-an-email"], "--account: "),
        (["--paste", "page.txt", "--account", LN], "--account needs --portal"),
    ],
)
@pytest.mark.usefixtures("env_password")
def test_bad_arguments_are_one_line_and_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith(f"error: {message}") and err.count("\n") == 1


def test_no_password_anywhere_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = _run(capsys, "--portal", "demo", "--account", LN)
    assert code == 2
    assert err.startswith(f"error: no password for {LN}") and "DESKTOP_PORTAL_PASSWORD" in err


def test_paste_and_portal_are_mutually_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["licenses", "--paste", "x.txt", "--portal", "demo"])
    assert caught.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


@pytest.mark.parametrize(
    "url",
    [
        "https://my.atlassian.com",
        "https://my.atlassian.com/product",
        "my.atlassian.com",
        "https://id.atlassian.com/login",
    ],
)
def test_my_atlassian_itself_needs_the_app_s_browser(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "--portal", url, "--account", LN)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "only the app's own browser" in err and "--paste" in err
