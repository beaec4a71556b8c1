"""Signing in to a real sandbox (in-process or on 127.0.0.1) and checking its end state."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from desktop.domain.merge import merge_licenses
from desktop.domain.models import AccountKind, License
from desktop.engine.plan import Plan
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
    notifications = Counter((n.sen, n.to) for n in store.notifications())
    assert all(count == 1 for count in notifications.values()), notifications
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
    delete_routes = [r for r in store.requests_by_route() if r.startswith("DELETE")]
    assert delete_routes == []
