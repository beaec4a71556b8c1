"""The journal carries the billing parts, the removals and the kind of plan: a run reads back
as the plan it was started with, a run of the layout before them reads as a consolidation
without billing, and one kind of run is never offered as the other."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop.engine.journal import RUN_FORMAT, Journal, RunStatus
from desktop.engine.plan import PlanKind
from desktop.engine.planner import make_plan
from desktop.engine.removal_planner import make_removal_plan
from desktop.portal.sandbox.demo_data import ACCOUNTS, TARGET, demo_data

EMAILS = [a.email for a in ACCOUNTS]
LICENSES = demo_data().licenses
LEAVING = ["chen.jie@northwind.example", "liu.yang@huake.example", "wang.fang@northwind.example"]
AT = dict.fromkeys(EMAILS, "demo")


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    with Journal(tmp_path / "j.sqlite3") as j:
        yield j  # type: ignore[misc]


def test_a_billing_plan_reads_back_whole(journal: Journal) -> None:
    plan = make_plan(LICENSES, EMAILS, TARGET, also_billing=True)
    run_id = journal.start_run(plan, accounts=AT)
    loaded = journal.load_plan(run_id)
    assert loaded.kind is PlanKind.CONSOLIDATE and loaded.also_billing
    assert [e.billing for e in loaded.entries] == [e.billing for e in plan.entries]
    assert [e.steps for e in loaded.entries] == [e.steps for e in plan.entries]
    assert loaded.billing_notified() == plan.billing_notified()
    (summary,) = journal.unfinished_runs()
    assert summary.kind is PlanKind.CONSOLIDATE and summary.leaving == ()


def test_a_removal_plan_reads_back_whole_and_is_offered_only_as_a_removal(
    journal: Journal,
) -> None:
    plan = make_removal_plan(LICENSES, EMAILS, LEAVING, keep=[TARGET])
    run_id = journal.start_run(plan, accounts=AT)
    loaded = journal.load_plan(run_id)
    assert loaded.kind is PlanKind.REMOVE_CONTACTS
    assert loaded.leaving == tuple(LEAVING)
    assert [e.removals for e in loaded.entries] == [e.removals for e in plan.entries]
    assert [e.steps for e in loaded.entries] == [e.steps for e in plan.entries]
    assert journal.latest_unfinished(kind=PlanKind.CONSOLIDATE) is None
    found = journal.latest_unfinished(kind=PlanKind.REMOVE_CONTACTS)
    assert found is not None and found.run_id == run_id and found.leaving == tuple(LEAVING)


def test_a_removal_that_keeps_nobody_reads_back(journal: Journal) -> None:
    plan = make_removal_plan(LICENSES, EMAILS, LEAVING[:1])
    assert plan.target == ""
    run_id = journal.start_run(plan, accounts=AT)
    assert journal.status(run_id) is RunStatus.RUNNING
    assert journal.load_plan(run_id).leaving == tuple(LEAVING[:1])


def test_a_run_of_the_layout_before_billing_reads_as_a_consolidation(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    plan = make_plan(LICENSES, EMAILS, TARGET)
    with Journal(path) as journal:
        run_id = journal.start_run(plan, accounts=AT)
    with sqlite3.connect(path) as db:  # as layout 2 wrote it
        for table, column in (
            ("runs", "kind"),
            ("runs", "leaving"),
            ("entries", "billing"),
            ("entries", "removals"),
        ):
            db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        db.execute("UPDATE runs SET format = 2")
        db.execute("PRAGMA user_version=2")
    with Journal(path) as journal:
        (summary,) = journal.unfinished_runs()
        assert summary.run_id == run_id and summary.kind is PlanKind.CONSOLIDATE
        loaded = journal.load_plan(run_id)
        assert not loaded.also_billing and loaded.kind is PlanKind.CONSOLIDATE
        assert [e.steps for e in loaded.entries] == [e.steps for e in plan.entries]


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("kind", "merge-accounts", "unknown kind of run"),
        ("leaving", "not json", "not valid JSON"),
        ("format", RUN_FORMAT + 1, "unknown format"),
    ],
)
def test_a_run_with_an_unknown_kind_is_set_aside_never_resumed(
    tmp_path: Path, column: str, value: object, problem: str
) -> None:
    path = tmp_path / "j.sqlite3"
    with Journal(path) as journal:
        journal.start_run(make_removal_plan(LICENSES, EMAILS, LEAVING), accounts=AT)
    with sqlite3.connect(path) as db:
        db.execute(f"UPDATE runs SET {column} = ?", (value,))
    with Journal(path) as journal:
        (summary,) = journal.history()
        assert summary.status is RunStatus.SET_ASIDE and problem in summary.problem
        assert journal.unfinished_runs() == []


def test_a_damaged_removal_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    with Journal(path) as journal:
        journal.start_run(make_removal_plan(LICENSES, EMAILS, LEAVING), accounts=AT)
    with sqlite3.connect(path) as db:
        bad = json.dumps([{"email": LEAVING[0], "roles": ["owner"]}])
        db.execute("UPDATE entries SET removals = ? WHERE removals != '[]'", (bad,))
    with Journal(path) as journal:
        (summary,) = journal.history()
        assert summary.status is RunStatus.SET_ASIDE
        assert "unknown contact role" in summary.problem
