"""The removal planner: per license, which contacts of the people who left to delete, and why not.

Atlassian's rules (DESIGN.md): a primary contact cannot be removed, and secondary contacts
cannot remove the primary. Ours on top: the account the licenses were gathered under (the
target) is never removed, and a session never deletes its own account unless that person is
one who is leaving and is not primary there — then it removes itself last, as it no longer
sees the license afterwards.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable
from datetime import UTC, datetime

from desktop.domain.emails import normalize_email
from desktop.domain.models import ContactRole, License
from desktop.engine.plan import Action, Plan, PlanEntry, PlanKind, Removal, Step, StepKind
from desktop.engine.planner import distinct, signed_in_emails
from desktop.engine.reasons import Reason

log = logging.getLogger(__name__)

_REMOVE_STEP = {
    ContactRole.TECHNICAL: StepKind.REMOVE_TECHNICAL_CONTACT,
    ContactRole.BILLING: StepKind.REMOVE_BILLING_CONTACT,
}
_PRIMARY_REASON = {
    ContactRole.TECHNICAL: Reason.REMOVE_PRIMARY_TECHNICAL,
    ContactRole.BILLING: Reason.REMOVE_PRIMARY_BILLING,
}


def make_removal_plan(
    licenses: Iterable[License],
    signed_in: Collection[str],
    leaving: Collection[str],
    *,
    keep: Collection[str] = (),
    now: datetime | None = None,
) -> Plan:
    """One entry per license on which one of ``leaving`` is a contact (ordered as given).

    Args:
        licenses: the merged licenses (one per SEN).
        signed_in: the emails of the accounts signed in now.
        leaving: the people to remove (technical and billing contacts alike).
        keep: emails never to remove (the consolidation target).

    Raises:
        desktop.domain.InvalidEmail: one of ``leaving`` or ``keep`` is not an email address.
    """
    people = tuple(sorted({normalize_email(email) for email in leaving}))
    kept = frozenset(normalize_email(email) for email in keep)
    accounts = signed_in_emails(signed_in)
    entries: list[PlanEntry] = []
    for lic in distinct(licenses):
        entry = plan_removal(lic, accounts, people, kept)
        if entry is not None:
            entries.append(entry)
    plan = Plan(
        target=",".join(sorted(kept)),
        entries=tuple(entries),
        created=now or datetime.now(UTC),
        signed_in=accounts,
        kind=PlanKind.REMOVE_CONTACTS,
        leaving=people,
    )
    log.info("planned removals on %d licenses: %s", len(entries), dict(plan.counts()))
    return plan


def plan_removal(
    lic: License, signed_in: frozenset[str], leaving: tuple[str, ...], keep: frozenset[str]
) -> PlanEntry | None:
    """The entry of one license, or None when none of ``leaving`` is one of its contacts."""
    people = {
        email: roles
        for email in leaving
        if (roles := tuple(role for role in ContactRole if lic.contact(role, email) is not None))
    }
    if not people:
        return None
    refusals = {email: _refusal(lic, keep, email, roles) for email, roles in people.items()}
    removable = {email for email, refusal in refusals.items() if refusal is None}
    # Whoever stays a contact of the license may delete the others' contacts.
    contacts = {c.email for c in (*lic.technical_contacts, *lic.billing_contacts)}
    acting = sorted((contacts - removable) & signed_in, key=lambda e: _rank(lic, e))
    removals: list[Removal] = []
    others: list[Step] = []
    selves: list[Step] = []
    for email, roles in people.items():
        refusal = refusals[email]
        if refusal is not None:
            removals.append(refusal)
            continue
        actor = acting[0] if acting else email if email in signed_in else None
        if actor is None:
            removals.append(Removal(email, roles, Reason.REMOVE_NO_SIGNED_IN_CONTACT, (email,)))
            continue
        removals.append(Removal(email, roles, Reason.REMOVE_CONTACT, (actor, email), True))
        # Whoever removes itself no longer sees the license: those steps come last.
        (selves if actor == email else others).extend(
            Step(_REMOVE_STEP[role], actor, email) for role in roles
        )
    steps = (*others, *selves)
    if steps:
        removed = ", ".join(r.email for r in removals if r.removed)
        return PlanEntry(
            lic,
            Action.REMOVE_CONTACTS,
            Reason.REMOVE_CONTACTS,
            steps,
            (removed,),
            removals=tuple(removals),
        )
    if all(r.reason == Reason.REMOVE_NO_SIGNED_IN_CONTACT for r in removals):
        args = (", ".join(r.email for r in removals),)
        return PlanEntry(
            lic,
            Action.CANNOT_ACT,
            Reason.REMOVE_NO_SIGNED_IN_CONTACT,
            (),
            args,
            removals=tuple(removals),
        )
    return PlanEntry(lic, Action.NOT_POSSIBLE, Reason.REMOVE_NOTHING, removals=tuple(removals))


def _refusal(
    lic: License, keep: frozenset[str], email: str, roles: tuple[ContactRole, ...]
) -> Removal | None:
    """Why ``email`` stays on the license whoever would act, or None."""
    if email in keep:
        return Removal(email, roles, Reason.REMOVE_TARGET, (email,))
    for role in roles:
        if lic.is_primary(role, email):
            # Removing only the other kind of contact would not stop them seeing the license.
            return Removal(email, roles, _PRIMARY_REASON[role], (email,))
    return None


def _rank(lic: License, email: str) -> tuple[int, str]:
    """The primary technical contact acts first, then the others alphabetically."""
    return (0 if lic.is_primary_technical(email) else 1, email)
