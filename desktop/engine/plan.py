"""What consolidation will do, per license, and why: the Plan the person confirms."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from desktop.domain.models import License


class Action(StrEnum):
    """What will happen to one license."""

    ALREADY_DONE = "already-done"  # the target is already the primary technical contact
    ADD_AND_PROMOTE = "add-and-promote"  # add the target as technical contact, then promote
    PROMOTE_ONLY = "promote-only"  # the target is a contact already: promote it
    NEEDS_TARGET_SIGN_IN = "needs-target-sign-in"  # other/public domain, target not signed in
    NOT_POSSIBLE = "not-possible"  # evaluation license
    CANNOT_ACT = "cannot-act"  # no signed-in account is a contact (e.g. pasted text)
    EXCLUDED = "excluded"  # the person unticked it in the review


class StepKind(StrEnum):
    ADD_CONTACT = "add-contact"
    MAKE_PRIMARY = "make-primary"


@dataclass(frozen=True, slots=True)
class Step:
    """One portal write: ``actor`` (a signed-in account's email) does ``kind`` for ``email``."""

    kind: StepKind
    actor: str
    email: str


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

    @property
    def sen(self) -> str:
        return self.license.sen

    @property
    def changes_primary(self) -> bool:
        return any(step.kind is StepKind.MAKE_PRIMARY for step in self.steps)

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
                else replace(entry, action=Action.EXCLUDED, reason="excluded", steps=())
                for entry in self.entries
            ),
        )
