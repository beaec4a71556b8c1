"""``desktop-cli consolidate --also-billing`` and ``desktop-cli remove-contacts``, in-process
against the sandbox on 127.0.0.1: the confirmations, the y/N rules, the end state."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop.domain.models import ContactRole
from desktop.engine.journal import Journal
from desktop.engine.planner import make_plan
from desktop.engine.removal_planner import make_removal_plan
from desktop.portal.sandbox.demo_data import TARGET
from tests.cli_runs import DEMO, EMAILS, consolidate, remove_contacts
from tests.conftest import SandboxHandle
from tests.engine.sandbox_helpers import check_end_state, check_removal_end_state

CJ, LY, WF = "chen.jie@northwind.example", "liu.yang@huake.example", "wang.fang@northwind.example"
LN = "li.na@huake.example"
LEAVING = ("--email", CJ, "--email", f"{LY},{WF}", "--keep", TARGET)


@pytest.fixture(autouse=True)
def demo_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKTOP_PORTAL_PASSWORD", "demo")


def _deletes(sandbox: SandboxHandle) -> int:
    return sum(n for r, n in sandbox.state.requests_by_route().items() if r.startswith("DELETE"))


def test_also_billing_moves_billing_too_and_says_so_first(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = make_plan(sandbox.data.licenses, sandbox.emails, TARGET, also_billing=True)
    report = tmp_path / "billing.csv"
    code = consolidate(
        sandbox.url, tmp_path, *DEMO, "--also-billing", "--yes", "--report", str(report)
    )
    out = capsys.readouterr().out
    assert code == 0, out
    first_line = out.index("[1/")
    assert out.index("Promote to primary technical contact?") < first_line
    assert out.index("Promote to primary billing contact?") < first_line
    assert "renewal quotes and invoices" in out[:first_line]
    check_end_state(sandbox.state, plan)  # billing included, and no DELETE
    with Journal(tmp_path / "j.sqlite3") as journal:
        (run,) = journal.history()
        assert journal.load_result(run.run_id).ok
    header, *rows = csv.reader(report.read_text("utf-8-sig").splitlines())
    new_billing = header.index("New primary billing contact")
    moved = {row[0] for row in rows if row[new_billing] == TARGET}
    assert {e.sen for e in plan.billing_promoting()} <= moved
    assert any("Made primary billing contact" in cell for row in rows for cell in row)


def test_without_also_billing_billing_stays_and_the_confirmation_says_so(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    before = {lic.sen: lic.billing_contacts for lic in sandbox.state.all_licenses()}
    assert consolidate(sandbox.url, tmp_path, *DEMO, "--yes") == 0
    out = capsys.readouterr().out
    assert "Billing contacts are not changed" in out
    assert "Promote to primary billing contact?" not in out
    after = {lic.sen: lic.billing_contacts for lic in sandbox.state.all_licenses()}
    assert after == before
    assert all(n.kind == "technical" for n in sandbox.state.notifications())


def test_remove_contacts_with_yes_removes_the_people_who_left(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = make_removal_plan(sandbox.data.licenses, sandbox.emails, [CJ, LY, WF], keep=[TARGET])
    report = tmp_path / "removed.csv"
    code = remove_contacts(
        sandbox.url, tmp_path, "--account", EMAILS, *LEAVING, "--yes", "--report", str(report)
    )
    out = capsys.readouterr().out
    assert code == 0, out
    first_line = out.index("[1/")
    assert out.index("These people will no longer see these licenses in My Atlassian") < first_line
    assert "make someone else primary first" in out[:first_line]
    assert f"removing {CJ}, {LY}, {WF}" in out
    check_removal_end_state(sandbox.state, plan)
    text = report.read_text("utf-8-sig")
    assert "AAAB" not in text
    header, *rows = csv.reader(text.splitlines())
    column = header.index("Removed contacts")
    removed = {row[0]: row[column] for row in rows if row[column]}
    assert removed == {
        e.sen: ", ".join(r.email for r in e.removals if r.removed) for e in plan.actionable()
    }
    # again: nothing left to remove, nothing sent
    before = sandbox.state.write_requests()
    assert remove_contacts(sandbox.url, tmp_path, "--account", EMAILS, *LEAVING, "--yes") == 0
    assert "Nothing to do" in capsys.readouterr().out
    assert sandbox.state.write_requests() == before


@pytest.mark.parametrize("answer", ["", "n", "y", "yes"])
def test_remove_contacts_asks_and_the_default_is_no(
    sandbox: SandboxHandle,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or answer)
    assert remove_contacts(sandbox.url, tmp_path, "--account", EMAILS, "--email", LY) == 0
    assert asked == ["Go ahead? [y/N] "]
    if answer.startswith("y"):
        assert _deletes(sandbox) > 0
        assert not any(
            lic.is_contact(LY) and not lic.is_primary_technical(LY)
            for lic in sandbox.state.all_licenses()
        )
    else:
        assert "nothing was changed" in capsys.readouterr().out
        assert sandbox.state.write_requests() == 0


def test_a_primary_contact_is_listed_and_never_removed(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Li Na is the primary technical contact of most of her licenses.
    code = remove_contacts(sandbox.url, tmp_path, "--account", EMAILS, "--email", LN, "--yes")
    out = capsys.readouterr().out
    assert code == 0, out
    assert f"{LN} on SEN-" in out and "make someone else primary first" in out
    primaries = {
        lic.sen
        for lic in sandbox.data.licenses
        if any(lic.is_primary(role, LN) for role in ContactRole)
    }
    assert primaries
    for sen in primaries:
        assert sandbox.state.license(sen).is_contact(LN), sen


def test_consolidate_never_deletes_and_has_no_email_option(
    sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit):
        consolidate(sandbox.url, tmp_path, *DEMO, "--email", CJ, "--yes")
    assert sandbox.state.requests_by_route() == {}
