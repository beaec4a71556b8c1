"""Signing in to a real sandbox (in-process or on 127.0.0.1) and checking its end state."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from desktop.domain.merge import merge_licenses
from desktop.domain.models import AccountKind, ContactRole, License
from desktop.engine.plan import Plan, PlanKind, StepKind
from desktop.portal.http_client import DEMO_BASE_URL, HttpPortal, HttpPortalSession, RetryPolicy
from desktop.portal.sandbox import SandboxApp, SandboxStore

FAST_RETRY = RetryPolicy(attempts=8, total_s=30.0, wait_initial_s=0.02, wait_max_s=0.5)


def in_process_portal(app: SandboxApp, **options: Any) -> HttpPortal:
    return HttpPortal(
        DEMO_BASE_URL,
        transport=httpx.ASGITransport(app=app),
        portal_id="demo",
        kind=AccountKind.DEMO,
        **options,
    )


@dataclass
class SignedIn:
    portal: HttpPortal
    sessions: dict[str, HttpPortalSession] = field(default_factory=dict)
    licenses: list[License] = field(default_factory=list)


async def sign_in_all(
    portal: HttpPortal, emails: Sequence[str], password: str = "demo"
) -> SignedIn:
    result = SignedIn(portal)
    read: list[License] = []
    for email in emails:
        session = await portal.sign_in(email, password)
        result.sessions[session.account.email] = session
        read.extend(await session.list_licenses())
    result.licenses = merge_licenses(read)
    return result


def check_end_state(store: SandboxStore, plan: Plan) -> None:
    """The issue's end state: target primary on every eligible license, evaluation ones and
    the others untouched, old primaries still contacts and notified exactly once, no DELETE."""
    before = {e.sen: e.license for e in plan.entries}
    every = Counter((n.sen, n.to, n.kind) for n in store.notifications())
    assert all(count == 1 for count in every.values()), every
    notifications = Counter((n.sen, n.to) for n in store.notifications() if n.kind == "technical")
    for lic in store.all_licenses():
        old = before.get(lic.sen)
        if old is None:
            continue
        old_primary = old.primary_technical_contact
        assert old_primary is not None
        # nobody lost: every contact before is still a contact
        assert {c.email for c in old.technical_contacts} <= {
            c.email for c in lic.technical_contacts
        }
        emails = [c.email for c in lic.technical_contacts]
        assert len(emails) == len(set(emails)), f"duplicate contact on {lic.sen}"
        if old.is_evaluation or old_primary.email == plan.target:
            assert lic.technical_contacts == old.technical_contacts, f"{lic.sen} changed"
            assert (lic.sen, old_primary.email) not in notifications
            continue
        entry = plan.entry(lic.sen)
        assert entry is not None
        if entry.changes_primary:
            assert lic.is_primary_technical(plan.target), lic.sen
            assert notifications[(lic.sen, old_primary.email)] == 1
        elif entry.steps:
            assert lic.is_technical_contact(plan.target)
            assert lic.primary_technical_contact == old_primary
    billing = Counter((n.sen, n.to) for n in store.notifications() if n.kind == "billing")
    if plan.also_billing:
        check_billing_end_state(store, plan, billing)
    else:
        assert billing == Counter()
    delete_routes = [r for r in store.requests_by_route() if r.startswith("DELETE")]
    assert delete_routes == []


def check_billing_end_state(
    store: SandboxStore, plan: Plan, notified: Counter[tuple[str, str]]
) -> None:
    """Billing moved as planned: the target primary billing contact where it was to become
    it, its billing contact where it must sign in first, the others' billing untouched; every
    old primary billing contact still one and notified once, nobody else notified."""
    expected: set[tuple[str, str]] = set()
    for lic in store.all_licenses():
        entry = plan.entry(lic.sen)
        if entry is None or entry.billing is None:
            continue
        old = entry.license
        old_emails = {c.email for c in old.billing_contacts}
        assert old_emails <= {c.email for c in lic.billing_contacts}, lic.sen
        if entry.changes_billing_primary:
            assert lic.is_primary(ContactRole.BILLING, plan.target), lic.sen
            if entry.billing.old_primary:
                expected.add((lic.sen, entry.billing.old_primary))
        elif any(s.kind is StepKind.ADD_BILLING_CONTACT for s in entry.steps):
            assert lic.contact(ContactRole.BILLING, plan.target) is not None, lic.sen
            assert lic.primary_billing_contact == old.primary_billing_contact, lic.sen
        else:
            assert lic.billing_contacts == old.billing_contacts, lic.sen
    assert notified == Counter(dict.fromkeys(expected, 1))


def check_removal_end_state(store: SandboxStore, plan: Plan) -> None:
    """The people removed are gone from those licenses (both kinds of contact), nobody
    primary was removed, nobody else lost, no notification; one DELETE per planned removal
    at most (a retry after a lost answer may ask twice, never three times)."""
    assert plan.kind is PlanKind.REMOVE_CONTACTS
    assert store.notifications() == []
    for entry in plan.entries:
        lic = store.license(entry.sen)
        before = entry.license
        gone = {r.email for r in entry.removals if r.removed and entry.actionable}
        for email in gone:
            assert not lic.is_contact(email), (entry.sen, email)
        for role in ContactRole:
            primary = before.primary_contact(role)
            assert primary is None or lic.is_primary(role, primary.email), (entry.sen, role)
            kept = {c.email for c in before.contacts(role)} - gone
            assert kept == {c.email for c in lic.contacts(role)}, (entry.sen, role)
    deletes = sum(n for r, n in store.requests_by_route().items() if r.startswith("DELETE"))
    planned = sum(len(e.steps) for e in plan.actionable())
    assert planned <= deletes <= 2 * planned, (planned, deletes)


def changed_once(store: SandboxStore, plan: Plan) -> None:
    """Every planned step reached the sandbox signed in exactly once and changed the license:
    nothing repeated, nothing lost; no other license was written to."""
    writes = store.writes_by_license()
    steps = {e.sen: len(e.steps) for e in plan.actionable()}
    assert writes == {sen: (n, n) for sen, n in steps.items()}


def expire_after_write(store: SandboxStore, nth: int) -> list[str]:
    """Every token of ``store`` expires right after its ``nth`` write (add, make primary or
    remove, applied or not): a sign-in that ends in the middle of a run, wherever the run is.
    The list returned gets the SEN of that write."""
    seen: list[str] = []
    count = 0
    for name in ("add_contact", "make_contact_primary", "remove_contact"):
        write = getattr(store, name)

        def expiring(*args: Any, _write: Any = write) -> Any:
            nonlocal count
            count += 1
            try:
                return _write(*args)
            finally:
                if count == nth:
                    seen.append(str(args[2]))
                    store.expire_sessions()

        setattr(store, name, expiring)
    return seen
