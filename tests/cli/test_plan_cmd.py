"""``desktop-cli plan`` against the sandbox on 127.0.0.1 (and the built-in demo in-process)."""

from __future__ import annotations

import json

import pytest

from desktop.cli.main import main
from desktop.portal.sandbox.demo_data import ACCOUNTS, TARGET
from tests.conftest import SandboxHandle

EMAILS = ",".join(a.email for a in ACCOUNTS)


@pytest.fixture(autouse=True)
def demo_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKTOP_PORTAL_PASSWORD", "demo")


def test_table_lists_every_license_with_its_reason(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["plan", "--portal", sandbox.url, "--account", EMAILS, "--target", TARGET])
    out = capsys.readouterr().out
    assert code == 0
    sens = {lic.sen for lic in sandbox.data.licenses}
    assert all(sen in out for sen in sens)
    assert "already-done" in out and "not-possible" in out and "add-and-promote" in out
    assert "is already the primary technical contact" in out
    assert f"{len(sens)} licenses for {TARGET}" in out
    assert "AAAB" not in out
    # nothing was changed
    assert sandbox.state.write_requests() == 0
    assert sandbox.state.notifications() == []


def test_json_has_steps_actors_and_no_license_key(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["plan", "--portal", sandbox.url, "--target", TARGET, "--format", "json"]
    for account in ACCOUNTS:
        args += ["--account", account.email]
    assert main(args) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert data["target"] == TARGET
    assert len(data["entries"]) == len(sandbox.data.licenses)
    promoted = [e for e in data["entries"] if e["action"] == "add-and-promote"]
    assert promoted and all(e["steps"][-1]["kind"] == "make-primary" for e in promoted)
    assert all(e["oldPrimary"] for e in promoted)
    assert "licenseKey" not in out and "AAAB" not in out


def test_demo_portal_works_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--portal", "demo", "--account", TARGET, "--target", TARGET]) == 0
    assert "already-done" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--target", "not-an-email"], "--target"),
        (["--target", TARGET, "--account", "nobody"], "--account"),
        (["--target", TARGET, "--portal", "http://portal.example"], "--portal"),
        (["--target", TARGET, "--portal", "ftp://x"], "--portal"),
        (["--account", TARGET], "--target is required"),
    ],
)
def test_bad_input_exits_2_with_one_clear_line(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    base = ["plan", "--portal", sandbox.url, "--account", TARGET]
    code = main([*base, *args])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert sandbox.state.requests_by_route() == {}


def test_wrong_password_exits_2(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESKTOP_PORTAL_PASSWORD", "wrong")
    code = main(["plan", "--portal", sandbox.url, "--account", TARGET, "--target", TARGET])
    err = capsys.readouterr().err
    assert code == 2
    assert "Wrong email or password" in err and "wrong" not in err.replace("Wrong", "")


def test_missing_password_says_where_it_comes_from(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DESKTOP_PORTAL_PASSWORD")
    code = main(["plan", "--portal", sandbox.url, "--account", TARGET, "--target", TARGET])
    assert code == 2
    assert "DESKTOP_PORTAL_PASSWORD" in capsys.readouterr().err


def test_password_from_the_keyring(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.services.credentials import store_password

    monkeypatch.delenv("DESKTOP_PORTAL_PASSWORD")
    store_password(sandbox.url, TARGET, "demo")
    assert main(["plan", "--portal", sandbox.url, "--account", TARGET, "--target", TARGET]) == 0
