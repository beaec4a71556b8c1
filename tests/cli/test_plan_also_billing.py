"""``desktop-cli plan --also-billing`` against the sandbox on 127.0.0.1: the billing part of
each license's plan is shown (table and JSON), the same plan ``consolidate --also-billing``
runs, and nothing is changed."""

from __future__ import annotations

import json

import pytest

from desktop.cli.main import main
from desktop.engine.planner import make_plan
from desktop.portal.sandbox.demo_data import ACCOUNTS, TARGET
from tests.conftest import SandboxHandle

EMAILS = ",".join(a.email for a in ACCOUNTS)


@pytest.fixture(autouse=True)
def demo_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKTOP_PORTAL_PASSWORD", "demo")


def _args(sandbox: SandboxHandle, *more: str) -> list[str]:
    return ["plan", "--portal", sandbox.url, "--account", EMAILS, "--target", TARGET, *more]


def test_table_shows_the_billing_reasons_only_with_the_flag(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_args(sandbox)) == 0
    off = capsys.readouterr().out
    assert "Billing:" not in off and "make-billing-primary" not in off
    assert "billing contacts: not changed" in off
    assert main(_args(sandbox, "--also-billing")) == 0
    on = capsys.readouterr().out
    assert "Billing: " in on and "make-billing-primary by" in on
    assert "billing is managed in admin.atlassian.com" in on  # a cloud license's reason
    expected = make_plan(sandbox.data.licenses, sandbox.emails, TARGET, also_billing=True)
    assert f"primary billing contact on {len(expected.billing_promoting())} more" in on
    assert sandbox.state.write_requests() == 0
    assert sandbox.state.notifications() == []


def test_json_carries_each_billing_part(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_args(sandbox, "--format", "json")) == 0
    off = json.loads(capsys.readouterr().out)
    assert off["alsoBilling"] is False and all(e["billing"] is None for e in off["entries"])
    assert main(_args(sandbox, "--format", "json", "--also-billing")) == 0
    on = json.loads(capsys.readouterr().out)
    assert on["alsoBilling"] is True
    expected = make_plan(sandbox.data.licenses, sandbox.emails, TARGET, also_billing=True)
    by_sen = {e["sen"]: e for e in on["entries"]}
    for entry in expected.entries:
        assert entry.billing is not None
        got = by_sen[entry.sen]["billing"]
        assert got["action"] == entry.billing.action.value
        assert got["reason"] == entry.billing.reason
        assert got["oldPrimary"] == entry.billing.old_primary
        assert got["reasonText"]
        kinds = [s["kind"] for s in by_sen[entry.sen]["steps"]]
        assert kinds == [s.kind.value for s in entry.steps]
    assert "AAAB" not in json.dumps(on)
    assert sandbox.state.write_requests() == 0


def test_consolidate_and_plan_share_the_flag(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("plan", "consolidate"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "--also-billing" in capsys.readouterr().out
