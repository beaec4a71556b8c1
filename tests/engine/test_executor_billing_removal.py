"""The executor with billing steps and with a removal plan, against the real sandbox app."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.domain.models import ContactRole
from desktop.engine.events import Outcome
from desktop.engine.executor import Executor, ExecutorError
from desktop.engine.journal import Journal
from desktop.engine.plan import Action, PlanKind, StepKind
from desktop.engine.planner import make_plan
from desktop.engine.removal_planner import make_removal_plan
from desktop.portal.sandbox import create_app, demo_data
from desktop.portal.sandbox.demo_data import ACCOUNTS, TARGET
from tests.engine.sandbox_helpers import in_process_portal, sign_in_all

DEMO_EMAILS = [a.email for a in ACCOUNTS]
BILLING = ContactRole.BILLING
LN, WF, QQ = "li.na@huake.example", "wang.fang@northwind.example", "huake.buyer@qq.com"
CJ, LY = "chen.jie@northwind.example", "liu.yang@huake.example"


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    with Journal(tmp_path / "journal.sqlite3") as j:
        yield j  # type: ignore[misc]


def _deletes(by_route: dict[str, int]) -> int:
    return sum(n for route, n in by_route.items() if route.startswith("DELETE "))


async def test_billing_moves_with_the_technical_contact(journal: Journal) -> None:
    app = create_app(demo_data())
    async with in_process_portal(app) as portal:
        signed = await sign_in_all(portal, DEMO_EMAILS)
        plan = make_plan(signed.licenses, signed.sessions, TARGET, also_billing=True)
        result = await Executor(signed.sessions, journal).run(plan)
    assert result.ok, [(e.sen, result.outcomes.get(e.sen)) for e in result.not_as_planned()]
    billing_moved = {e.sen for e in plan.billing_promoting()}
    assert billing_moved and len(billing_moved) >= 10
    for lic in app.store.all_licenses():
        entry = plan.entry(lic.sen)
        assert entry is not None and entry.billing is not None
        before = entry.license
        if lic.sen in billing_moved:
            assert lic.is_primary(BILLING, TARGET), lic.sen
            old = before.primary_billing_contact
            if old is not None:  # the old primary stays a billing contact
                assert lic.contact(BILLING, old.email) is not None
        elif entry.billing.action in (Action.NOT_POSSIBLE, Action.CANNOT_ACT):
            assert lic.billing_contacts == before.billing_contacts, lic.sen
    # Notifications: once each, technical and billing apart, to the planned old primaries.
    notes = Counter((n.sen, n.to, n.kind) for n in app.store.notifications())
    assert set(notes.values()) == {1}
    billing_notes = {(sen, to) for sen, to, kind in notes if kind == "billing"}
    assert billing_notes == {
        (e.sen, e.billing.old_primary)
        for e in plan.billing_promoting()
        if e.billing is not None and e.billing.old_primary
    }
    assert {to for _sen, to in billing_notes} == set(plan.billing_notified())
    assert _deletes(app.store.requests_by_route()) == 0  # no DELETE outside removal
    steps = result.steps_done()
    assert steps[StepKind.MAKE_BILLING_PRIMARY] == len(billing_notes)
    # Cloud subscriptions keep their billing contacts (managed in admin.atlassian.com).
    cloud = [e for e in plan.entries if e.billing and e.billing.action is Action.NOT_POSSIBLE]
    assert cloud and all("Cloud" in e.license.product for e in cloud)


async def test_billing_waits_for_the_target_where_the_domain_differs(journal: Journal) -> None:
    app = create_app(demo_data())
    async with in_process_portal(app) as portal:
        signed = await sign_in_all(portal, [LN, WF, QQ])  # the target is not signed in
        plan = make_plan(signed.licenses, signed.sessions, TARGET, also_billing=True)
        result = await Executor(signed.sessions, journal).run(plan)
    assert result.ok
    waiting = [
        e
        for e in plan.entries
        if e.billing is not None and e.billing.action is Action.NEEDS_TARGET_SIGN_IN
    ]
    assert waiting
    for entry in waiting:
        lic = app.store.license(entry.sen)
        assert lic.contact(BILLING, TARGET) is not None and not lic.is_primary(BILLING, TARGET)
        assert result.outcomes[entry.sen].outcome is Outcome.PARTIAL


async def test_removing_people_who_left(journal: Journal) -> None:
    app = create_app(demo_data())
    async with in_process_portal(app) as portal:
        signed = await sign_in_all(portal, DEMO_EMAILS)
        plan = make_removal_plan(signed.licenses, signed.sessions, [CJ, LY, WF], keep=[TARGET])
        result = await Executor(signed.sessions, journal).run(plan)
    assert result.ok, result.not_as_planned()
    removed = {(e.sen, r.email) for e in plan.entries for r in e.removals if r.removed}
    refused = {(e.sen, r.email) for e in plan.entries for r in e.removals if not r.removed}
    assert removed and refused
    for lic in app.store.all_licenses():
        for sen, email in removed:
            if sen == lic.sen:
                assert not lic.is_contact(email), (sen, email)
        primary_before = plan.entry(lic.sen)
        if primary_before is not None:  # nobody primary was removed
            for role in ContactRole:
                old = primary_before.license.primary_contact(role)
                assert old is None or lic.is_primary(role, old.email)
    # Wang Fang removed herself where she was only a secondary contact: she no longer sees it.
    async with in_process_portal(app) as portal:
        wang = await portal.sign_in(WF, "demo")
        seen = {lic.sen for lic in await wang.list_licenses()}
    assert not {sen for sen, email in removed if email == WF} & seen
    deletes = _deletes(app.store.requests_by_route())
    assert deletes == sum(len(e.steps) for e in plan.actionable())
    assert app.store.notifications() == []


async def test_only_a_removal_plan_may_delete(journal: Journal) -> None:
    app = create_app(demo_data())
    async with in_process_portal(app) as portal:
        signed = await sign_in_all(portal, DEMO_EMAILS)
        removal = make_removal_plan(signed.licenses, signed.sessions, [LY], keep=[TARGET])
        smuggled = replace(removal, kind=PlanKind.CONSOLIDATE)
        with pytest.raises(ExecutorError):
            await Executor(signed.sessions, journal).run(smuggled)
    assert _deletes(app.store.requests_by_route()) == 0
    assert journal.history() == []
