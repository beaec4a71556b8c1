"""``desktop-cli consolidate`` and ``remove-contacts`` when sign-ins end during the run: signed
in again with the stored password, one line on stderr, each license changed exactly once.
In-process against the sandbox on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.engine.journal import Journal
from desktop.engine.planner import make_plan
from desktop.engine.removal_planner import make_removal_plan
from desktop.portal.sandbox.demo_data import TARGET
from desktop.portal.sandbox.store import SandboxFailure
from tests.cli_runs import EMAILS, consolidate, remove_contacts
from tests.conftest import SandboxFactory, SandboxHandle
from tests.engine.sandbox_helpers import (
    changed_once,
    check_end_state,
    check_removal_end_state,
    expire_after_write,
)

CJ, LY, WF = "chen.jie@northwind.example", "liu.yang@huake.example", "wang.fang@northwind.example"


@pytest.fixture(autouse=True)
def demo_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKTOP_PORTAL_PASSWORD", "demo")


def _signed_in_again(err: str) -> list[str]:
    lines = [line for line in err.splitlines() if line.startswith("signed in again as ")]
    assert all(line.removeprefix("signed in again as ").count("@") == 1 for line in lines)
    return lines


def _consolidate_all(handle: SandboxHandle, tmp_path: Path, *, concurrency: int) -> int:
    """Every account of ``handle`` into its first one, with --yes."""
    accounts = ",".join(handle.emails)
    options = ("--account", accounts, "--target", handle.emails[0], "--yes")
    return consolidate(handle.url, tmp_path, *options, "--concurrency", str(concurrency))


def test_consolidate_signs_in_again_when_tokens_end_midway(
    sandbox_server: SandboxFactory, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Sign-ins last 0.6 s, and every token also ends after the 15th write.
    handle = sandbox_server(licenses=40, accounts=3, latency_ms=40, token_ttl_s=0.6)
    lost = expire_after_write(handle.state, 15)
    plan = make_plan(handle.data.licenses, handle.emails, handle.emails[0])
    code = _consolidate_all(handle, tmp_path, concurrency=2)
    out, err = capsys.readouterr()
    assert code == 0, out
    assert lost
    again = _signed_in_again(err)
    assert again and len(again) == err.count("\n")  # nothing else said on stderr
    assert "Sign in again" not in out and "not done" not in out
    check_end_state(handle.state, plan)
    changed_once(handle.state, plan)
    with Journal(tmp_path / "j.sqlite3") as journal:
        (run,) = journal.history()
        assert journal.load_result(run.run_id).ok


def test_remove_contacts_signs_in_again_when_tokens_end_midway(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = make_removal_plan(sandbox.data.licenses, sandbox.emails, [CJ, LY, WF], keep=[TARGET])
    lost = expire_after_write(sandbox.state, 2)
    code = remove_contacts(
        sandbox.url,
        tmp_path,
        "--account",
        EMAILS,
        "--email",
        f"{CJ},{LY},{WF}",
        "--keep",
        TARGET,
        "--yes",
    )
    out, err = capsys.readouterr()
    assert code == 0, out
    assert lost and _signed_in_again(err)
    check_removal_end_state(sandbox.state, plan)
    changed_once(sandbox.state, plan)


def test_a_new_sign_in_that_fails_fails_those_licenses_and_says_why(
    sandbox_server: SandboxFactory, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    handle = sandbox_server(licenses=20, accounts=3, latency_ms=10)
    store = handle.state
    first_sign_in = store.sign_in
    signed: set[str] = set()

    def once_each(email: str, password: str) -> object:
        if email in signed:  # the password was changed elsewhere meanwhile
            raise SandboxFailure(401, "bad-credentials", "Wrong email or password.")
        signed.add(email)
        return first_sign_in(email, password)

    store.sign_in = once_each  # type: ignore[method-assign,assignment]
    expire_after_write(store, 3)
    code = _consolidate_all(handle, tmp_path, concurrency=1)
    out, err = capsys.readouterr()
    assert code == 1
    assert "could not sign in again as " in err and "Wrong email or password." in err
    assert err.count("could not sign in again as ") == len(signed)  # once per account
    assert "not done: SEN-" in out
    assert any(f"The sign-in of {email} ended" in out for email in signed)  # whose it was
    assert "run the same command again to retry them" in out
    with Journal(tmp_path / "j.sqlite3") as journal:
        (run,) = journal.history()
        result = journal.load_result(run.run_id)
    assert result.failed()
    assert {f.error_key for f in result.failed()} == {"unauthenticated"}
    # nothing was repeated: the licenses done before the end were changed once each
    writes = store.writes_by_license()
    assert all(asked == changed for asked, changed in writes.values())
