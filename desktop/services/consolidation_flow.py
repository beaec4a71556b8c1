"""The consolidation wizard's flow, without Qt: its steps, what each needs to go on, and what
each page shows (target suggestions, the consequence counts, the summary groups).

Modelled on Electrum's ``wizard.py``: a map of steps with the condition to leave each one,
so every branch is tested with no GUI. The pages only render this state. Texts are keys
(enums); the wizard's pages word them in the person's language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum, StrEnum

from desktop.domain.emails import (
    MAX_LOCAL_PART,
    PATH_UNSAFE_CHARS,
    InvalidEmail,
    LocalPartTooLong,
    MixedScriptEmail,
    UnusableEmail,
    is_public_domain,
    look_alike_letters,
    normalize_email,
    typed_differs,
    width_normalized,
)
from desktop.domain.models import Account, License
from desktop.engine.events import Outcome
from desktop.engine.plan import Action, Plan, PlanEntry

log = logging.getLogger(__name__)

Planner = Callable[..., Plan]


class Step(IntEnum):
    """The wizard's pages, in order (also the QWizard page ids)."""

    WELCOME = 0
    SOURCES = 1
    TARGET = 2
    LICENSES = 3
    RUN = 4
    SUMMARY = 5


class Blocker(StrEnum):
    """Why a step cannot be left yet (the page words it)."""

    NO_SOURCE = "no-source"  # no signed-in account takes part
    NO_TARGET = "no-target"  # the target field is empty
    INVALID_TARGET = "invalid-target"  # what was typed is not an email address
    NOTHING_TO_DO = "nothing-to-do"  # no license would change for this target
    NOTHING_CHECKED = "nothing-checked"  # every license was unticked
    NOT_CONFIRMED = "not-confirmed"  # the confirmation was not answered Yes
    RUNNING = "running"  # the run has not finished


class TargetProblem(StrEnum):
    """Why what was typed as the target is refused (the page words it, with its args)."""

    NOT_AN_ADDRESS = "not-an-address"  # not an email address at all
    MIXED_SCRIPTS = "mixed-scripts"  # letters of another alphabet: a look-alike (args: letters)
    LOCAL_PART_TOO_LONG = "local-part-too-long"  # args: its length, the most allowed
    UNUSABLE_CHARACTERS = "unusable-characters"  # / \ ? # % (args: the ones found)


class SummaryGroup(StrEnum):
    """How the summary groups the licenses, in the order it shows them."""

    DONE = "done"
    ALREADY_DONE = "already-done"
    NEEDS_TARGET_SIGN_IN = "needs-target-sign-in"
    NOT_POSSIBLE = "not-possible"
    CANNOT_ACT = "cannot-act"
    FAILED = "failed"
    CANCELLED = "cancelled"
    EXCLUDED = "excluded"


class NextStep(StrEnum):
    """What to do next about a summary group."""

    NOTHING = "nothing"  # done: the target manages them now
    SIGN_IN_AS_TARGET = "sign-in-as-target"  # the target must sign in and promote itself
    CONTACT_ATLASSIAN = "contact-atlassian"  # evaluation: buy a license or ask Atlassian
    SIGN_IN_AS_CONTACT = "sign-in-as-contact"  # sign in as one of the license's contacts
    RETRY = "retry"  # retry the failed ones
    RESUME = "resume"  # run the rest
    RUN_AGAIN = "run-again"  # tick them in a new run when wanted


_GROUP_OF_OUTCOME: dict[Outcome, SummaryGroup] = {
    Outcome.DONE: SummaryGroup.DONE,
    Outcome.ALREADY_DONE: SummaryGroup.ALREADY_DONE,
    Outcome.PARTIAL: SummaryGroup.NEEDS_TARGET_SIGN_IN,
    Outcome.NEEDS_TARGET_SIGN_IN: SummaryGroup.NEEDS_TARGET_SIGN_IN,
    Outcome.NOT_POSSIBLE: SummaryGroup.NOT_POSSIBLE,
    Outcome.CANNOT_ACT: SummaryGroup.CANNOT_ACT,
    Outcome.EXCLUDED: SummaryGroup.EXCLUDED,
    Outcome.FAILED: SummaryGroup.FAILED,
    Outcome.CANCELLED: SummaryGroup.CANCELLED,
}

_GROUP_OF_ACTION: dict[Action, SummaryGroup] = {
    Action.ALREADY_DONE: SummaryGroup.ALREADY_DONE,
    Action.NEEDS_TARGET_SIGN_IN: SummaryGroup.NEEDS_TARGET_SIGN_IN,
    Action.NOT_POSSIBLE: SummaryGroup.NOT_POSSIBLE,
    Action.CANNOT_ACT: SummaryGroup.CANNOT_ACT,
    Action.EXCLUDED: SummaryGroup.EXCLUDED,
    # Actionable entries that never finished (no outcome reported) count as cancelled.
    Action.ADD_AND_PROMOTE: SummaryGroup.CANCELLED,
    Action.PROMOTE_ONLY: SummaryGroup.CANCELLED,
}

NEXT_STEP: dict[SummaryGroup, NextStep] = {
    SummaryGroup.DONE: NextStep.NOTHING,
    SummaryGroup.ALREADY_DONE: NextStep.NOTHING,
    SummaryGroup.NEEDS_TARGET_SIGN_IN: NextStep.SIGN_IN_AS_TARGET,
    SummaryGroup.NOT_POSSIBLE: NextStep.CONTACT_ATLASSIAN,
    SummaryGroup.CANNOT_ACT: NextStep.SIGN_IN_AS_CONTACT,
    SummaryGroup.FAILED: NextStep.RETRY,
    SummaryGroup.CANCELLED: NextStep.RESUME,
    SummaryGroup.EXCLUDED: NextStep.RUN_AGAIN,
}


@dataclass(frozen=True, slots=True)
class SourceAccount:
    """An account on the sources page: signed in (can take part) or read-only (a paste)."""

    account: Account
    signed_in: bool

    @property
    def key(self) -> str:
        return self.account.key

    @property
    def read_only(self) -> bool:
        return self.account.read_only or not self.signed_in


@dataclass(frozen=True, slots=True)
class TargetSuggestion:
    """A contact seen on some license, offered as the target."""

    email: str
    name: str | None
    primary_on: int  # licenses it is already the primary technical contact of
    contact_on: int  # licenses it is any contact of
    signed_in: bool
    public_domain: bool
    last_target: bool = False  # the target the person chose last time


@dataclass(frozen=True, slots=True)
class Consequences:
    """What choosing the target means, at once: N will move, M already done, K need the
    target to sign in, E not possible (evaluation), C no signed-in account can act."""

    move: int = 0
    already: int = 0
    needs_sign_in: int = 0
    not_possible: int = 0
    cannot_act: int = 0
    billing: int = 0  # with billing on: the target becomes the primary billing contact there

    @classmethod
    def of(cls, plan: Plan) -> Consequences:
        counts = plan.counts()
        return cls(
            move=counts[Action.ADD_AND_PROMOTE] + counts[Action.PROMOTE_ONLY],
            already=counts[Action.ALREADY_DONE],
            needs_sign_in=counts[Action.NEEDS_TARGET_SIGN_IN],
            not_possible=counts[Action.NOT_POSSIBLE],
            cannot_act=counts[Action.CANNOT_ACT],
            billing=len(plan.billing_promoting()),
        )


@dataclass(frozen=True, slots=True)
class TargetCheck:
    """The result of checking what was typed as the target.

    ``email`` is the address that will be used (trimmed, width-normalised, lower-case), when
    valid; ``differs`` says it is not simply what was typed (full-width letters, for one), so
    the page shows it. A refused address has ``problem`` (with ``problem_args``) saying why.
    """

    email: str | None
    blocker: Blocker | None
    problem: TargetProblem | None = None
    problem_args: tuple[str, ...] = ()
    differs: bool = False

    @property
    def public_domain(self) -> bool:
        """A public mailbox (qq.com, gmail.com …): the page warns against it as the target."""
        return self.email is not None and is_public_domain(self.email)


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One group of the summary: its licenses and what to do next."""

    group: SummaryGroup
    sens: tuple[str, ...]
    next_step: NextStep
    error_keys: Mapping[str, str] = field(default_factory=dict)  # sen -> errorKey (failures)

    @property
    def count(self) -> int:
        return len(self.sens)


@dataclass(frozen=True, slots=True)
class Finished:
    """A license's end state as the summary needs it (from the executor's LicenseFinished)."""

    sen: str
    outcome: Outcome
    error_key: str = ""


@dataclass(frozen=True, slots=True)
class RunCounts:
    """How far the run is: the one source of the run page's bar, words and rows."""

    total: int  # the licenses the run changes (the confirmed plan's actionable ones)
    finished: int  # of them, those that reached an end state (failed and cancelled included)
    failed: int


class ConsolidationFlow:
    """The wizard's state and rules.

    Args:
        licenses: every license read (merged by SEN), from signed-in and pasted accounts.
        accounts: every account known (signed-in ones and pastes).
        signed_in: keys of the accounts that have a live session (can change licenses).
        planner: ``make_plan(licenses, signed_in, target, *, now=None, also_billing=False)
            -> Plan``.
        now: the plan's time (tests pass a fixed one).
        last_target: the target the person chose in the last run (marked among the
            suggestions, never chosen for them).
    """

    def __init__(
        self,
        licenses: Sequence[License],
        accounts: Sequence[Account],
        signed_in: Iterable[str],
        *,
        planner: Planner,
        now: datetime | None = None,
        last_target: str | None = None,
    ) -> None:
        self._licenses = list(licenses)
        self._last_target = (last_target or "").strip().lower() or None
        self._accounts = list(accounts)
        self._signed_in = frozenset(signed_in)
        self._planner = planner
        self._now = now
        self._selected: set[str] = {a.key for a in self._accounts if a.key in self._signed_in}
        self._target_text = ""
        self._target: str | None = None
        self._plan: Plan | None = None
        self._also_billing = False  # off by default: billing contacts are left as they are
        self._checked: set[str] = set()
        self._confirmed = False
        self._running = False
        self._finished: dict[str, Finished] = {}
        self._run_sens: frozenset[str] = frozenset()  # the licenses the run changes
        self._run_over = False

    # --- the map of steps ------------------------------------------------------------------

    def blocker(self, step: Step) -> Blocker | None:
        """Why ``step`` cannot be left now, or None when it can."""
        if step is Step.SOURCES:
            return None if self.taking_part() else Blocker.NO_SOURCE
        if step is Step.TARGET:
            check = self.check_target(self._target_text)
            if check.blocker is not None:
                return check.blocker
            return None if self.plan().actionable() else Blocker.NOTHING_TO_DO
        if step is Step.LICENSES:
            if self._target is None or not self.final_plan().actionable():
                return Blocker.NOTHING_CHECKED
            return None
        if step is Step.RUN:
            if not self._confirmed:
                return Blocker.NOT_CONFIRMED
            return None if self._run_over and not self._running else Blocker.RUNNING
        return None

    def can_go_on(self, step: Step) -> bool:
        return self.blocker(step) is None

    def next_step(self, step: Step) -> Step | None:
        """The page after ``step`` (None after the last). The map is linear; the blockers
        decide when Next is enabled, and the confirmation gates the run."""
        return _NEXT.get(step)

    def can_go_back(self, step: Step) -> bool:
        """Nothing before the run can be changed once it has started."""
        return step not in (Step.RUN, Step.SUMMARY) and not self._running

    # --- sources ---------------------------------------------------------------------------

    def sources(self) -> list[SourceAccount]:
        """Signed-in accounts first, then read-only ones, each by its label."""
        rows = [SourceAccount(a, a.key in self._signed_in) for a in self._accounts]
        return sorted(rows, key=lambda s: (s.read_only, s.account.label or s.key))

    def is_selected(self, key: str) -> bool:
        return key in self._selected

    def set_selected(self, key: str, selected: bool) -> None:
        """Let a signed-in account take part or not; read-only accounts cannot be chosen."""
        if key not in self._signed_in:
            return
        if selected:
            self._selected.add(key)
        else:
            self._selected.discard(key)
        self._invalidate_plan()

    def taking_part(self) -> frozenset[str]:
        """Signed-in accounts taking part: the ones whose sessions may act."""
        return frozenset(self._selected & self._signed_in)

    def add_signed_in(self, key: str, account: Account | None = None) -> None:
        """An account signed in from the wizard (a source or the target): it takes part."""
        if account is not None and all(a.key != key for a in self._accounts):
            self._accounts.append(account)
        self._signed_in = self._signed_in | {key}
        self._selected.add(key)
        self._invalidate_plan()

    def set_licenses(self, licenses: Sequence[License]) -> None:
        """New readings (after a sign-in refreshed them)."""
        self._licenses = list(licenses)
        self._invalidate_plan()

    def licenses_in_scope(self) -> list[License]:
        """Licenses seen by a taking-part account or by a read-only (pasted) one."""
        keys = self.taking_part() | {s.key for s in self.sources() if s.read_only}
        return [lic for lic in self._licenses if lic.seen_by & keys or not lic.seen_by]

    # --- target ----------------------------------------------------------------------------

    def suggestions(self) -> list[TargetSuggestion]:
        """Every contact seen (and last time's target), in :func:`_suggestion_order`."""
        primary: dict[str, int] = {}
        contact: dict[str, int] = {}
        names: dict[str, str] = {}
        for lic in self._licenses:
            seen: set[str] = set()
            for person in (*lic.technical_contacts, *lic.billing_contacts):
                if person.name and person.email not in names:
                    names[person.email] = person.name
                seen.add(person.email)
            for email in seen:
                contact[email] = contact.get(email, 0) + 1
            first = lic.primary_technical_contact
            if first is not None:
                primary[first.email] = primary.get(first.email, 0) + 1
        for account in self._accounts:
            if account.email and account.email not in contact:
                contact[account.email] = 0
            if account.email and account.name and account.email not in names:
                names[account.email] = account.name
        if self._last_target and self._last_target not in contact:
            contact[self._last_target] = 0
        rows = [
            TargetSuggestion(
                email=email,
                name=names.get(email),
                primary_on=primary.get(email, 0),
                contact_on=count,
                signed_in=email in self._signed_in,
                public_domain=is_public_domain(email),
                last_target=email == self._last_target,
            )
            for email, count in contact.items()
        ]
        return sorted(rows, key=_suggestion_order)

    @property
    def last_target(self) -> str | None:
        return self._last_target

    @staticmethod
    def check_target(text: str) -> TargetCheck:
        """Validate what was typed (as you type): empty, refused (and why), or the address
        that will be used (the domain's :func:`normalize_email`, as the CLI's ``--target``)."""
        if not text.strip():
            return TargetCheck(None, Blocker.NO_TARGET)
        try:
            email = normalize_email(text)
        except InvalidEmail as error:
            problem, args = _target_problem(error, text)
            return TargetCheck(None, Blocker.INVALID_TARGET, problem, args)
        return TargetCheck(email, None, differs=typed_differs(text, email))

    def target_check(self) -> TargetCheck:
        """The check of what was typed last."""
        return self.check_target(self._target_text)

    def set_target(self, text: str) -> TargetCheck:
        """Take what was typed; a valid address re-plans at once."""
        self._target_text = text
        check = self.check_target(text)
        if check.email != self._target:
            self._target = check.email
            self._invalidate_plan()
        return check

    @property
    def target(self) -> str | None:
        return self._target

    @property
    def also_billing(self) -> bool:
        """Whether the target also becomes the primary billing contact (default off)."""
        return self._also_billing

    def set_also_billing(self, on: bool) -> None:
        """Move the billing contacts too (or not): re-plans."""
        if on != self._also_billing:
            self._also_billing = on
            self._invalidate_plan()

    def billing_moved_count(self) -> int:
        """Licenses on which the target became the primary billing contact in this run."""
        if self._plan is None or not self._plan.also_billing:
            return 0
        return sum(
            1
            for entry in self._plan.billing_promoting()
            if (done := self._finished.get(entry.sen)) is not None and done.outcome is Outcome.DONE
        )

    @property
    def target_signed_in(self) -> bool:
        return self._target is not None and self._target in self._signed_in

    def consequences(self) -> Consequences:
        """N/M/K/E for the current target (all zero without a valid target)."""
        if self._target is None:
            return Consequences()
        return Consequences.of(self.plan())

    # --- plan and checklist ----------------------------------------------------------------

    def plan(self) -> Plan:
        """The plan for the current target over the licenses in scope (made once per change).

        Raises:
            ValueError: when there is no valid target yet.
        """
        if self._target is None:
            raise ValueError("no valid target email yet")
        if self._plan is None:
            acting = self.taking_part()
            if self.target_signed_in:
                acting = acting | {self._target}
            self._plan = self._planner(
                self.licenses_in_scope(),
                acting,
                self._target,
                now=self._now,
                also_billing=self._also_billing,
            )
            self._checked = {entry.sen for entry in self._plan.actionable()}
            log.debug("planned %d licenses", len(self._plan.entries))
        return self._plan

    def checkable(self, entry: PlanEntry) -> bool:
        """Only entries with something to do can be ticked or unticked."""
        return entry.actionable

    def is_checked(self, sen: str) -> bool:
        return sen in self.checked()

    def set_checked(self, sen: str, checked: bool) -> None:
        entry = self.plan().entry(sen)
        if entry is None or not entry.actionable:
            return
        if checked:
            self._checked.add(sen)
        else:
            self._checked.discard(sen)
        self._confirmed = False

    def check_all(self, checked: bool, sens: Iterable[str] | None = None) -> None:
        """Select all / none (of ``sens`` when given: the rows a filter shows)."""
        actionable = {entry.sen for entry in self.plan().actionable()}
        wanted = actionable if sens is None else actionable & set(sens)
        if checked:
            self._checked |= wanted
        else:
            self._checked -= wanted
        self._confirmed = False

    def checked(self) -> frozenset[str]:
        if self._target is not None:
            self.plan()  # ticks are made with the plan
        return frozenset(self._checked)

    def final_plan(self) -> Plan:
        """The plan with every unticked license excluded: what the confirmation lists."""
        return self.plan().only(self._checked)

    # --- confirmation and run --------------------------------------------------------------

    def confirm(self, yes: bool) -> bool:
        """The answer to the confirmation dialog; only Yes lets the run start."""
        self._confirmed = bool(yes) and bool(self.final_plan().actionable())
        return self._confirmed

    @property
    def confirmed(self) -> bool:
        return self._confirmed

    def run_started(self) -> None:
        if not self._confirmed:
            raise RuntimeError("the run needs the confirmation first")
        self._running, self._run_over = True, False
        self._run_sens = frozenset(entry.sen for entry in self.final_plan().actionable())

    def record(self, sen: str, outcome: Outcome, error_key: str = "") -> None:
        """One license reached its end state (later reports, e.g. a retry, replace earlier)."""
        self._finished[sen] = Finished(sen, outcome, error_key)

    def run_finished(self) -> None:
        self._running, self._run_over = False, True

    def retry_started(self) -> None:
        """What failed runs again: it is not finished until it reports again."""
        self._running, self._run_over = True, False
        for sen in self.failed():
            del self._finished[sen]

    @property
    def running(self) -> bool:
        return self._running

    def resume_from(self, plan: Plan, finished: Iterable[Finished]) -> None:
        """Open the wizard on an unfinished run from the journal: its plan was confirmed."""
        self._target = plan.target
        self._target_text = plan.target
        self._plan = plan
        self._also_billing = plan.also_billing
        self._checked = {entry.sen for entry in plan.actionable()}
        self._confirmed = True
        # What was cancelled runs again on resume: it is not finished until it reports again.
        self._finished = {f.sen: f for f in finished if f.outcome is not Outcome.CANCELLED}

    def outcomes(self) -> dict[str, Finished]:
        return dict(self._finished)

    def run_counts(self) -> RunCounts:
        """How many of the run's licenses have finished, and failed, so far."""
        sens, done = self._run_sens, self._finished
        finished = failed = 0
        for sen in sens:
            end = done.get(sen)
            if end is not None:
                finished += 1
                failed += end.outcome is Outcome.FAILED
        return RunCounts(len(sens), finished, failed)

    def failed(self) -> list[str]:
        return sorted(sen for sen, f in self._finished.items() if f.outcome is Outcome.FAILED)

    def summary(self) -> list[SummaryRow]:
        """The summary's groups (empty ones left out), each with what to do next."""
        if self._plan is None:
            return []
        plan = self.final_plan()
        members: dict[SummaryGroup, list[str]] = {group: [] for group in SummaryGroup}
        errors: dict[SummaryGroup, dict[str, str]] = {group: {} for group in SummaryGroup}
        for entry in plan.entries:
            done = self._finished.get(entry.sen)
            group = _GROUP_OF_OUTCOME[done.outcome] if done else _GROUP_OF_ACTION[entry.action]
            members[group].append(entry.sen)
            if done and done.error_key:
                errors[group][entry.sen] = done.error_key
        return [
            SummaryRow(group, tuple(members[group]), NEXT_STEP[group], errors[group])
            for group in SummaryGroup
            if members[group]
        ]

    def product_of(self, sen: str) -> str:
        """The product of a planned license ("" when the plan does not hold it)."""
        entry = self._plan.entry(sen) if self._plan is not None else None
        return entry.license.product if entry is not None else ""

    def changes(self) -> dict[str, str]:
        """The licenses this run changed, each with its primary technical contact before the
        run ("" when it had none): what the table marks after the run."""
        if self._plan is None:
            return {}
        changed: dict[str, str] = {}
        for entry in self.final_plan().entries:
            done = self._finished.get(entry.sen)
            if done is not None and done.outcome is Outcome.DONE:
                primary = entry.license.primary_technical_contact
                changed[entry.sen] = entry.old_primary or (primary.email if primary else "")
        return changed

    def consolidated_count(self) -> int:
        """Licenses on which the target is now the primary technical contact because of this
        run (one where only its billing contact moved does not count: it was primary there)."""
        plan = self._plan
        return sum(
            1
            for f in self._finished.values()
            if f.outcome is Outcome.DONE
            and (plan is None or (e := plan.entry(f.sen)) is None or e.changes_primary)
        )

    # --- internals -------------------------------------------------------------------------

    def _invalidate_plan(self) -> None:
        self._plan = None
        self._checked = set()
        self._confirmed = False


def _suggestion_order(s: TargetSuggestion) -> tuple[bool, int, bool, int, str]:
    """Last time's target first, then most licenses already primary on, then signed in, then
    most licenses a contact of, then by email."""
    return (not s.last_target, -s.primary_on, not s.signed_in, -s.contact_on, s.email)


def _target_problem(error: InvalidEmail, text: str) -> tuple[TargetProblem, tuple[str, ...]]:
    """Why ``text`` is refused as the target, with what the page names (letters, a length)."""
    local = width_normalized(text).rpartition("@")[0]
    if isinstance(error, MixedScriptEmail):
        return TargetProblem.MIXED_SCRIPTS, (" ".join(look_alike_letters(width_normalized(text))),)
    if isinstance(error, LocalPartTooLong):
        return TargetProblem.LOCAL_PART_TOO_LONG, (str(len(local)), str(MAX_LOCAL_PART))
    if isinstance(error, UnusableEmail):
        found = [char for char in sorted(PATH_UNSAFE_CHARS) if char in local]
        return TargetProblem.UNUSABLE_CHARACTERS, (" ".join(found),)
    return TargetProblem.NOT_AN_ADDRESS, ()


_NEXT: dict[Step, Step] = {
    Step.WELCOME: Step.SOURCES,
    Step.SOURCES: Step.TARGET,
    Step.TARGET: Step.LICENSES,
    Step.LICENSES: Step.RUN,
    Step.RUN: Step.SUMMARY,
}
