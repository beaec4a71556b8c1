"""Removing contacts who have left, without Qt: the people to pick from, the removal plan over
the licenses read, and what the summary says per person.

It is the consolidation wizard's flow with another first step (people instead of a target)
and the removal planner, so the run page, the run (:class:`ConsolidationRun`), the journal,
resume and the report work the same. The consolidation target (the account the licenses were
gathered under) is never offered and never removed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.emails import InvalidEmail, normalize_email
from desktop.domain.models import Account, License
from desktop.engine.events import Outcome
from desktop.engine.plan import Plan
from desktop.engine.planner import make_plan
from desktop.engine.removal_planner import make_removal_plan
from desktop.services.consolidation_flow import Blocker, ConsolidationFlow, Finished, Step

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Person:
    """A contact seen on the licenses read, offered for removal."""

    email: str
    name: str | None
    licenses: int  # licenses it is a contact (technical or billing) of
    primary_on: int  # of them, those it is a primary (technical or billing) contact of
    signed_in: bool


@dataclass(frozen=True, slots=True)
class PersonSummary:
    """After the run: the licenses a person was removed from, is still on (with the reason
    key, e.g. ``remove-primary-technical``), and where the removal did not finish."""

    email: str
    removed: tuple[str, ...]
    kept: tuple[tuple[str, tuple[str, ...]], ...]
    not_done: tuple[str, ...]


class RemovalFlow(ConsolidationFlow):
    """The flow of "Remove contacts who have left…": pick people (``Step.TARGET``), review the
    plan per license (``Step.LICENSES``), then the run and the summary as for consolidation.

    Args:
        licenses, accounts, signed_in, now: as for :class:`ConsolidationFlow`.
        keep: the consolidation target (the person's remembered one): never offered, never
            removed.
    """

    def __init__(
        self,
        licenses: Sequence[License],
        accounts: Sequence[Account],
        signed_in: Iterable[str],
        *,
        keep: str | None = None,
        now: datetime | None = None,
    ) -> None:
        super().__init__(licenses, accounts, signed_in, planner=make_plan, now=now)
        self._keep = _email_or_none(keep)
        self._leaving: set[str] = set()

    # --- people ----------------------------------------------------------------------------

    @property
    def keep(self) -> str | None:
        """The email never removed (the consolidation target), when there is one."""
        return self._keep

    @property
    def target(self) -> str | None:
        return self._keep

    def people(self) -> list[Person]:
        """Every contact seen on the licenses in scope, except the kept one, by email."""
        names: dict[str, str] = {}
        count: dict[str, int] = {}
        primary: dict[str, int] = {}
        for lic in self.licenses_in_scope():
            seen: set[str] = set()
            first: set[str] = set()
            for person in (*lic.technical_contacts, *lic.billing_contacts):
                seen.add(person.email)
                if person.primary:
                    first.add(person.email)
                if person.name and person.email not in names:
                    names[person.email] = person.name
            for email in seen:
                count[email] = count.get(email, 0) + 1
            for email in first:
                primary[email] = primary.get(email, 0) + 1
        signed_in = self.taking_part()
        return [
            Person(email, names.get(email), n, primary.get(email, 0), email in signed_in)
            for email, n in sorted(count.items())
            if email != self._keep
        ]

    def leaving(self) -> tuple[str, ...]:
        """The people ticked, by email."""
        return tuple(sorted(self._leaving))

    def set_leaving(self, email: str, leaving: bool) -> None:
        """Tick (or untick) a person; the kept email cannot be ticked. Re-plans."""
        wanted = _email_or_none(email)
        if wanted is None or wanted == self._keep:
            return
        ticked = self._leaving | {wanted} if leaving else self._leaving - {wanted}
        if ticked != self._leaving:
            self._leaving = ticked
            self._invalidate_plan()

    # --- the plan --------------------------------------------------------------------------

    def plan(self) -> Plan:
        """The removal plan of the people ticked over the licenses in scope (made once per
        change); every license the run can change is ticked at first."""
        if self._plan is None:
            self._plan = make_removal_plan(
                self.licenses_in_scope(),
                self.taking_part(),
                self._leaving,
                keep=() if self._keep is None else (self._keep,),
                now=self._now,
            )
            self._checked = {entry.sen for entry in self._plan.actionable()}
        return self._plan

    def checked(self) -> frozenset[str]:
        self.plan()  # ticks are made with the plan
        return frozenset(self._checked)

    def blocker(self, step: Step) -> Blocker | None:
        """Nobody ticked stops the first page; the review needs a license someone is
        removed from (the refusals are shown all the same)."""
        if step is Step.TARGET:
            return None if self._leaving else Blocker.NO_TARGET
        if step is Step.LICENSES:
            return None if self.final_plan().actionable() else Blocker.NOTHING_CHECKED
        return super().blocker(step)

    def resume_from(self, plan: Plan, finished: Iterable[Finished]) -> None:
        super().resume_from(plan, finished)
        self._keep = _email_or_none(plan.target)
        self._leaving = set(plan.leaving)

    # --- the summary -----------------------------------------------------------------------

    def removed_count(self) -> int:
        """Licenses some ticked person was removed from in this run."""
        return len({sen for row in self.person_summary() for sen in row.removed})

    def person_summary(self) -> list[PersonSummary]:
        """Per person ticked: removed from, still on (and why), not finished (failed,
        cancelled or left out)."""
        if self._plan is None:
            return []
        done = {sen for sen, f in self._finished.items() if f.outcome is Outcome.DONE}
        rows: list[PersonSummary] = []
        entries = self.final_plan().entries
        for email in sorted(self._plan.leaving):
            removed: list[str] = []
            not_done: list[str] = []
            kept: dict[str, list[str]] = {}
            for entry in entries:
                for removal in entry.removals:
                    if removal.email != email:
                        continue
                    if removal.removed and entry.sen in done:
                        removed.append(entry.sen)
                    elif removal.removed or removal.reason == "excluded":
                        not_done.append(entry.sen)
                    else:
                        kept.setdefault(removal.reason, []).append(entry.sen)
            rows.append(
                PersonSummary(
                    email,
                    tuple(removed),
                    tuple((reason, tuple(sens)) for reason, sens in sorted(kept.items())),
                    tuple(not_done),
                )
            )
        return rows


def _email_or_none(text: str | None) -> str | None:
    """``text`` as the app compares emails (the kept email may be a comma list from a plan:
    removal plans record the kept emails as ``target``)."""
    first = (text or "").split(",")[0].strip()
    if not first:
        return None
    try:
        return normalize_email(first)
    except InvalidEmail:
        log.warning("the kept email is not an email address; none kept")
        return None
