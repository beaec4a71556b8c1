"""What consolidation will do, per license, and why: the Plan the person confirms."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from desktop.domain.models import ContactRole, License


class Action(StrEnum):
    """What will happen to one license."""

    ALREADY_DONE = "already-done"  # the target is already the primary technical contact
    ADD_AND_PROMOTE = "add-and-promote"  # add the target as technical contact, then promote
    PROMOTE_ONLY = "promote-only"  # the target is a contact already: promote it
    NEEDS_TARGET_SIGN_IN = "needs-target-sign-in"  # other/public domain, target not signed in
    NOT_POSSIBLE = "not-possible"  # evaluation license
    CANNOT_ACT = "cannot-act"  # no signed-in account is a contact (e.g. pasted text)
    EXCLUDED = "excluded"  # the person unticked it in the review
    REMOVE_CONTACTS = "remove-contacts"  # removal: delete some of the chosen people's contacts


class PlanKind(StrEnum):
    """What a plan is for: moving licenses to one target, or removing people who left."""

    CONSOLIDATE = "consolidate"
    REMOVE_CONTACTS = "remove-contacts"


class StepKind(StrEnum):
    ADD_CONTACT = "add-contact"
    MAKE_PRIMARY = "make-primary"
    ADD_BILLING_CONTACT = "add-billing-contact"
    MAKE_BILLING_PRIMARY = "make-billing-primary"
    REMOVE_TECHNICAL_CONTACT = "remove-technical-contact"
    REMOVE_BILLING_CONTACT = "remove-billing-contact"

    @property
    def role(self) -> ContactRole:
        """Which contacts the step changes."""
        return ContactRole.BILLING if "billing" in self.value else ContactRole.TECHNICAL

    @property
    def is_removal(self) -> bool:
        """A DELETE: only ever planned by the removal planner."""
        return self.value.startswith("remove-")

    @property
    def is_promotion(self) -> bool:
        return self in (StepKind.MAKE_PRIMARY, StepKind.MAKE_BILLING_PRIMARY)


@dataclass(frozen=True, slots=True)
class Step:
    """One portal write: ``actor`` (a signed-in account's email) does ``kind`` for ``email``."""

    kind: StepKind
    actor: str
    email: str


@dataclass(frozen=True, slots=True)
class BillingPart:
    """The billing half of a license's plan, when the person asked to move billing too.

    ``action`` and ``reason`` (a ``PlanReason`` key with ``reason_args``) say what happens to
    the primary billing contact; ``old_primary`` is who is notified when it changes.
    """

    action: Action
    reason: str
    reason_args: tuple[str, ...] = ()
    old_primary: str | None = None


@dataclass(frozen=True, slots=True)
class Removal:
    """One chosen person on one license in a removal plan.

    ``roles`` are the contact lists the person is on; ``reason`` says why they are removed
    (``remove-contact``) or kept (a refusal such as ``remove-primary``), with ``reason_args``.
    """

    email: str
    roles: tuple[ContactRole, ...]
    reason: str
    reason_args: tuple[str, ...] = ()
    removed: bool = False


@dataclass(frozen=True, slots=True)
class PlanEntry:
    """One license's part of the plan.

    ``reason`` is a message key (see :mod:`desktop.engine.reasons`) and ``reason_args`` its
    ``%1``, ``%2`` … arguments, so each UI language words it itself.
    ``old_primary`` is who will be notified when the primary changes (None if it does not).
    """

    license: License
    action: Action
    reason: str
    steps: tuple[Step, ...] = ()
    reason_args: tuple[str, ...] = ()
    old_primary: str | None = None
    billing: BillingPart | None = None
    removals: tuple[Removal, ...] = ()

    @property
    def sen(self) -> str:
        return self.license.sen

    @property
    def changes_primary(self) -> bool:
        return any(step.kind is StepKind.MAKE_PRIMARY for step in self.steps)

    @property
    def changes_billing_primary(self) -> bool:
        return any(step.kind is StepKind.MAKE_BILLING_PRIMARY for step in self.steps)

    def role_steps(self, role: ContactRole) -> tuple[Step, ...]:
        """The steps that change ``role`` contacts."""
        return tuple(step for step in self.steps if step.kind.role is role)

    @property
    def actionable(self) -> bool:
        return bool(self.steps) and self.action is not Action.EXCLUDED


@dataclass(frozen=True, slots=True)
class Plan:
    """The whole plan for one target email, one entry per license, ordered by SEN."""

    target: str
    entries: tuple[PlanEntry, ...]
    created: datetime
    signed_in: frozenset[str] = frozenset()
    kind: PlanKind = PlanKind.CONSOLIDATE
    leaving: tuple[str, ...] = ()  # removal plans: the people chosen, lower-case

    @property
    def also_billing(self) -> bool:
        """Whether the billing contacts move too (every entry then has its billing part)."""
        return any(entry.billing is not None for entry in self.entries)

    def counts(self) -> Counter[Action]:
        return Counter(entry.action for entry in self.entries)

    def actionable(self) -> tuple[PlanEntry, ...]:
        return tuple(entry for entry in self.entries if entry.actionable)

    def promoting(self) -> tuple[PlanEntry, ...]:
        """The entries on which the target becomes primary (what the confirmation lists)."""
        return tuple(entry for entry in self.actionable() if entry.changes_primary)

    def notified(self) -> tuple[str, ...]:
        """Every old primary who will receive a notification email, sorted."""
        return tuple(sorted({e.old_primary for e in self.promoting() if e.old_primary}))

    def billing_promoting(self) -> tuple[PlanEntry, ...]:
        """The entries on which the target becomes the primary billing contact."""
        return tuple(entry for entry in self.actionable() if entry.changes_billing_primary)

    def billing_notified(self) -> tuple[str, ...]:
        """Every old primary billing contact who will be notified, sorted."""
        return tuple(
            sorted(
                {
                    e.billing.old_primary
                    for e in self.billing_promoting()
                    if e.billing is not None and e.billing.old_primary
                }
            )
        )

    def entry(self, sen: str) -> PlanEntry | None:
        return next((entry for entry in self.entries if entry.sen == sen), None)

    def only(self, sens: Iterable[str]) -> Plan:
        """The plan with every other actionable entry excluded (the review's checklist)."""
        keep = set(sens)
        return replace(
            self,
            entries=tuple(
                entry
                if entry.sen in keep or not entry.actionable
                else replace(
                    entry,
                    action=Action.EXCLUDED,
                    reason="excluded",
                    steps=(),
                    billing=None if entry.billing is None else _excluded(entry.billing),
                    removals=tuple(_left_out(r) for r in entry.removals),
                )
                for entry in self.entries
            ),
        )


def _excluded(part: BillingPart) -> BillingPart:
    return BillingPart(Action.EXCLUDED, "excluded") if part.action is not Action.EXCLUDED else part


def _left_out(removal: Removal) -> Removal:
    return replace(removal, removed=False, reason="excluded") if removal.removed else removal
