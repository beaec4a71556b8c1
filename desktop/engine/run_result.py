"""What a run ended with: every license's :class:`LicenseFinished`, and the plan it ran."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from desktop.engine.events import LicenseFinished, Outcome
from desktop.engine.plan import Action, Plan, PlanEntry, StepKind

# What each action is expected to end as when everything goes to plan.
_PLANNED: dict[Action, frozenset[Outcome]] = {
    Action.ADD_AND_PROMOTE: frozenset({Outcome.DONE, Outcome.ALREADY_DONE}),
    Action.PROMOTE_ONLY: frozenset({Outcome.DONE, Outcome.ALREADY_DONE}),
    Action.NEEDS_TARGET_SIGN_IN: frozenset(
        {Outcome.PARTIAL, Outcome.NEEDS_TARGET_SIGN_IN, Outcome.DONE, Outcome.ALREADY_DONE}
    ),
}


def planned_outcome(entry: PlanEntry) -> Outcome:
    """The outcome an entry gets without touching the portal (for the non-actionable ones)."""
    if entry.action is Action.NEEDS_TARGET_SIGN_IN:
        return Outcome.PARTIAL if entry.steps else Outcome.NEEDS_TARGET_SIGN_IN
    return {
        Action.ALREADY_DONE: Outcome.ALREADY_DONE,
        Action.NOT_POSSIBLE: Outcome.NOT_POSSIBLE,
        Action.CANNOT_ACT: Outcome.CANNOT_ACT,
        Action.EXCLUDED: Outcome.EXCLUDED,
    }.get(entry.action, Outcome.DONE)


def ended_as_planned(entry: PlanEntry, finished: LicenseFinished | None) -> bool:
    """Whether an actionable entry ended as its plan said (non-actionable ones always do).

    A billing part that waits for the target's sign-in makes "partial" what was planned.
    """
    if not entry.actionable:
        return True
    if finished is None:
        return False
    expected = _PLANNED.get(entry.action, frozenset({Outcome.DONE}))
    if entry.billing is not None and entry.billing.action is Action.NEEDS_TARGET_SIGN_IN:
        expected |= {Outcome.PARTIAL}
    return finished.outcome in expected


@dataclass(frozen=True, slots=True)
class RunResult:
    """The end of a run (or of a resume or a retry of it).

    ``outcomes`` maps every SEN of the plan that has finished to its :class:`LicenseFinished`;
    a SEN that never started (e.g. a crash) is missing. ``cancelled`` says Cancel stopped it.
    """

    run_id: str
    target: str
    plan: Plan
    outcomes: Mapping[str, LicenseFinished]
    cancelled: bool = False

    def counts(self) -> Counter[Outcome]:
        return Counter(finished.outcome for finished in self.outcomes.values())

    def failed(self) -> tuple[LicenseFinished, ...]:
        """The licenses that failed, in plan order."""
        return tuple(
            self.outcomes[e.sen]
            for e in self.plan.entries
            if e.sen in self.outcomes and self.outcomes[e.sen].outcome is Outcome.FAILED
        )

    def unfinished(self) -> tuple[str, ...]:
        """The actionable SENs that did not finish (cancelled, or never started)."""
        return tuple(
            e.sen
            for e in self.plan.entries
            if e.actionable
            and (e.sen not in self.outcomes or self.outcomes[e.sen].outcome is Outcome.CANCELLED)
        )

    @property
    def ok(self) -> bool:
        """Every eligible license ended as planned."""
        return all(ended_as_planned(e, self.outcomes.get(e.sen)) for e in self.plan.entries)

    def not_as_planned(self) -> tuple[PlanEntry, ...]:
        return tuple(
            e for e in self.plan.entries if not ended_as_planned(e, self.outcomes.get(e.sen))
        )

    def steps_done(self) -> Counter[StepKind]:
        return Counter(kind for f in self.outcomes.values() for kind in f.steps_done)
