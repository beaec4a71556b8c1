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
    removals: list[Removal] = []
    others: list[Step] = []
    selves: list[Step] = []
    for email in leaving:
        roles = tuple(role for role in ContactRole if lic.contact(role, email) is not None)
        if not roles:
            continue
        removal, steps = _one_person(lic, signed_in, leaving, keep, email, roles)
        removals.append(removal)
        (selves if steps and steps[0].actor == email else others).extend(steps)
    if not removals:
        return None
    # Whoever removes itself no longer sees the license: those steps come last.
    steps = (*others, *selves)
    removed = tuple(r.email for r in removals if r.removed)
    if steps:
        args = (", ".join(removed),)
        return PlanEntry(
            lic,
            Action.REMOVE_CONTACTS,
            Reason.REMOVE_CONTACTS,
            steps,
            args,
            None,
            None,
            tuple(removals),
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


def _one_person(
    lic: License,
    signed_in: frozenset[str],
    leaving: tuple[str, ...],
    keep: frozenset[str],
    email: str,
    roles: tuple[ContactRole, ...],
) -> tuple[Removal, tuple[Step, ...]]:
    if email in keep:
        return Removal(email, roles, Reason.REMOVE_TARGET, (email,)), ()
    for role in roles:
        if lic.is_primary(role, email):
            # Removing only the other role would not stop them seeing the license.
            return Removal(email, roles, _PRIMARY_REASON[role], (email,)), ()
    actor = _actor(lic, signed_in, leaving, email)
    if actor is None:
        return Removal(email, roles, Reason.REMOVE_NO_SIGNED_IN_CONTACT, (email,)), ()
    steps = tuple(Step(_REMOVE_STEP[role], actor, email) for role in roles)
    return Removal(email, roles, Reason.REMOVE_CONTACT, (actor, email), removed=True), steps


def _actor(
    lic: License, signed_in: frozenset[str], leaving: tuple[str, ...], email: str
) -> str | None:
    """Who deletes ``email``'s contacts: a signed-in contact who stays (the primary technical
    contact first), else the person itself (it is leaving and not primary), else nobody."""
    contacts = {c.email for c in (*lic.technical_contacts, *lic.billing_contacts)}
    staying = sorted((contacts & signed_in) - set(leaving))
    primary = lic.primary_technical_contact
    if primary is not None and primary.email in staying:
        return primary.email
    if staying:
        return staying[0]
    return email if email in signed_in else None
