"""The planner: per license, what consolidating into one target email takes, and why.

Atlassian's rules (DESIGN.md): any technical or billing contact may add contacts; someone else
may make a contact primary only when it shares the current primary's (non-public) email
domain; otherwise the new contact must sign in and promote itself; evaluation licenses take no
new technical contacts.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime

from desktop.domain.emails import normalize_email, same_company_domain
from desktop.domain.models import ContactRole, Hosting, License
from desktop.engine.plan import Action, BillingPart, Plan, PlanEntry, Step, StepKind
from desktop.engine.reasons import Reason

log = logging.getLogger(__name__)

_NOBODY = "—"


def make_plan(
    licenses: Iterable[License],
    signed_in: Collection[str],
    target: str,
    *,
    now: datetime | None = None,
    also_billing: bool = False,
) -> Plan:
    """One :class:`PlanEntry` per license (ordered as given, one per SEN) for ``target``.

    Args:
        licenses: the merged licenses (one per SEN).
        signed_in: the emails of the accounts signed in now (sessions that can act).
        target: the email that should end up the primary technical contact everywhere.
        now: the plan's creation time (default: now, UTC).
        also_billing: also make ``target`` the primary billing contact (its steps come after
            the technical ones, each entry gets its :class:`BillingPart`).

    Raises:
        desktop.domain.InvalidEmail: ``target`` is not an email address.
    """
    wanted = normalize_email(target)
    accounts = signed_in_emails(signed_in)
    entries: list[PlanEntry] = []
    for lic in distinct(licenses):
        entry = plan_license(lic, accounts, wanted)
        if also_billing:
            entry = with_billing(entry, accounts, wanted)
        entries.append(entry)
    plan = Plan(
        target=wanted,
        entries=tuple(entries),
        created=now or datetime.now(UTC),
        signed_in=accounts,
    )
    log.info("planned %d licenses: %s", len(entries), dict(plan.counts()))
    return plan


def signed_in_emails(signed_in: Collection[str]) -> frozenset[str]:
    """The signed-in accounts' emails, lower-case, blanks dropped."""
    return frozenset(email.strip().lower() for email in signed_in if email.strip())


def distinct(licenses: Iterable[License]) -> Iterator[License]:
    """Each SEN once (the first seen), in the order given."""
    seen: set[str] = set()
    for lic in licenses:
        if lic.sen not in seen:
            seen.add(lic.sen)
            yield lic


def plan_license(lic: License, signed_in: frozenset[str], target: str) -> PlanEntry:
    """The entry of one license; ``signed_in`` and ``target`` are already lower-case."""
    primary = lic.primary_technical_contact
    old = primary.email if primary is not None else None
    if old == target:
        return PlanEntry(lic, Action.ALREADY_DONE, Reason.TARGET_IS_PRIMARY, (), (target,))
    if lic.is_evaluation:
        return PlanEntry(lic, Action.NOT_POSSIBLE, Reason.EVALUATION)
    actors = _signed_in_contacts(lic, signed_in, target)
    if not actors:
        return PlanEntry(lic, Action.CANNOT_ACT, Reason.NO_SIGNED_IN_CONTACT, (), (old or _NOBODY,))
    needs_add = not lic.is_technical_contact(target)
    adder = actors[0]
    add = (Step(StepKind.ADD_CONTACT, adder, target),) if needs_add else ()
    action = Action.ADD_AND_PROMOTE if needs_add else Action.PROMOTE_ONLY

    if old is None or same_company_domain(target, old):
        # Anyone who is a contact may promote; prefer the current primary, else the adder.
        promoter = adder
        promote = Step(StepKind.MAKE_PRIMARY, promoter, target)
        if old is None:
            return PlanEntry(lic, action, Reason.NO_PRIMARY, (*add, promote), (target, promoter))
        if needs_add:
            args: tuple[str, ...] = (target, adder, promoter, old)
            return PlanEntry(lic, action, Reason.ADD_THEN_PROMOTE, (*add, promote), args, old)
        return PlanEntry(
            lic, action, Reason.PROMOTE_SAME_DOMAIN, (promote,), (target, promoter, old), old
        )

    # Another or a public domain: only the target itself may promote.
    if target in signed_in:
        promote = Step(StepKind.MAKE_PRIMARY, target, target)
        if needs_add:
            return PlanEntry(
                lic,
                action,
                Reason.ADD_THEN_SELF_PROMOTE,
                (*add, promote),
                (target, adder, old),
                old,
            )
        return PlanEntry(lic, action, Reason.SELF_PROMOTE, (promote,), (target, old), old)
    if needs_add:
        return PlanEntry(
            lic,
            Action.NEEDS_TARGET_SIGN_IN,
            Reason.ADD_THEN_TARGET_SIGNS_IN,
            add,
            (target, adder, old),
        )
    return PlanEntry(
        lic, Action.NEEDS_TARGET_SIGN_IN, Reason.TARGET_MUST_SIGN_IN, (), (target, old)
    )


def with_billing(entry: PlanEntry, signed_in: frozenset[str], target: str) -> PlanEntry:
    """``entry`` with its billing part, and the billing steps after the technical ones."""
    part, steps = plan_billing(entry.license, signed_in, target)
    return replace(entry, billing=part, steps=(*entry.steps, *steps))


def plan_billing(
    lic: License, signed_in: frozenset[str], target: str
) -> tuple[BillingPart, tuple[Step, ...]]:
    """What making ``target`` the primary billing contact of ``lic`` takes, and why.

    The same rules as for the technical contact (any contact may add; someone else may promote
    only within the current primary's company domain), except that evaluation licenses accept
    billing contacts, and cloud subscriptions are billed in admin.atlassian.com instead.
    """
    primary = lic.primary_billing_contact
    old = primary.email if primary is not None else None
    if old == target:
        return BillingPart(Action.ALREADY_DONE, Reason.BILLING_TARGET_IS_PRIMARY, (target,)), ()
    if lic.hosting is Hosting.CLOUD:
        return BillingPart(Action.NOT_POSSIBLE, Reason.BILLING_CLOUD), ()
    actors = _signed_in_contacts(lic, signed_in, target, ContactRole.BILLING)
    if not actors:
        return BillingPart(Action.CANNOT_ACT, Reason.BILLING_NO_SIGNED_IN_CONTACT), ()
    adder = actors[0]
    needs_add = lic.contact(ContactRole.BILLING, target) is None
    add = (Step(StepKind.ADD_BILLING_CONTACT, adder, target),) if needs_add else ()
    action = Action.ADD_AND_PROMOTE if needs_add else Action.PROMOTE_ONLY
    if old is None:
        # The first billing contact becomes the primary one; the promotion is then skipped.
        promote = Step(StepKind.MAKE_BILLING_PRIMARY, adder, target)
        return BillingPart(action, Reason.BILLING_NO_PRIMARY, (target, adder)), (*add, promote)
    if same_company_domain(target, old):
        promote = Step(StepKind.MAKE_BILLING_PRIMARY, adder, target)
        if needs_add:
            args: tuple[str, ...] = (target, adder, adder, old)
            part = BillingPart(action, Reason.BILLING_ADD_THEN_PROMOTE, args, old)
            return part, (*add, promote)
        part = BillingPart(action, Reason.BILLING_PROMOTE_SAME_DOMAIN, (target, adder, old), old)
        return part, (promote,)
    if target in signed_in:
        promote = Step(StepKind.MAKE_BILLING_PRIMARY, target, target)
        if needs_add:
            part = BillingPart(
                action, Reason.BILLING_ADD_THEN_SELF_PROMOTE, (target, adder, old), old
            )
            return part, (*add, promote)
        return BillingPart(action, Reason.BILLING_SELF_PROMOTE, (target, old), old), (promote,)
    if needs_add:
        part = BillingPart(
            Action.NEEDS_TARGET_SIGN_IN,
            Reason.BILLING_ADD_THEN_TARGET_SIGNS_IN,
            (target, adder, old),
        )
        return part, add
    part = BillingPart(
        Action.NEEDS_TARGET_SIGN_IN, Reason.BILLING_TARGET_MUST_SIGN_IN, (target, old)
    )
    return part, ()


def _signed_in_contacts(
    lic: License,
    signed_in: frozenset[str],
    target: str,
    role: ContactRole = ContactRole.TECHNICAL,
) -> list[str]:
    """Signed-in accounts that are contacts of ``lic``, best actor first.

    The current primary (of ``role``) first, then the other contacts alphabetically, the
    target last (it acts for others only when nobody else can).
    """
    contacts = {c.email for c in (*lic.technical_contacts, *lic.billing_contacts)}
    usable = contacts & signed_in
    primary = lic.primary_contact(role)

    def rank(email: str) -> tuple[int, str]:
        if primary is not None and email == primary.email:
            return (0, email)
        return (2 if email == target else 1, email)

    return sorted(usable, key=rank)
