"""The removal planner: who is removed from which license, by whom, and every refusal."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from desktop.domain import InvalidEmail
from desktop.domain.models import ContactRole, License
from desktop.engine.plan import Action, PlanKind, StepKind
from desktop.engine.reasons import REASON_TEXTS, Reason, render
from desktop.engine.removal_planner import make_removal_plan
from tests.licenses import OTHER, SAME, STRANGER, TARGET, make_license

TECH, BILL = ContactRole.TECHNICAL, ContactRole.BILLING
R_TECH, R_BILL = StepKind.REMOVE_TECHNICAL_CONTACT, StepKind.REMOVE_BILLING_CONTACT
GONE = "old.buyer@huake.example"  # the person who left
GONE2 = "former.it@huake.example"


def lic(
    sen: str = "SEN-3001",
    *,
    technical: tuple[str, ...] = (TARGET, GONE),
    billing: tuple[str, ...] = (TARGET,),
) -> License:
    """The first email of each tuple is that list's primary contact."""
    return make_license(sen, primary=technical[0], technical=technical[1:], billing=billing)


@dataclass(frozen=True)
class Case:
    name: str
    license: License
    signed_in: tuple[str, ...]
    leaving: tuple[str, ...]
    action: Action
    reason: Reason
    steps: tuple[tuple[StepKind, str, str], ...]  # (kind, actor, removed email)
    person_reasons: tuple[tuple[str, Reason], ...]


CASES = [
    Case(
        "a secondary technical contact, removed by the primary",
        lic(),
        (TARGET,),
        (GONE,),
        Action.REMOVE_CONTACTS,
        Reason.REMOVE_CONTACTS,
        ((R_TECH, TARGET, GONE),),
        ((GONE, Reason.REMOVE_CONTACT),),
    ),
    Case(
        "both a technical and a billing contact: both removed",
        lic(billing=(TARGET, GONE)),
        (TARGET,),
        (GONE,),
        Action.REMOVE_CONTACTS,
        Reason.REMOVE_CONTACTS,
        ((R_TECH, TARGET, GONE), (R_BILL, TARGET, GONE)),
        ((GONE, Reason.REMOVE_CONTACT),),
    ),
    Case(
        "a billing contact only",
        lic(technical=(TARGET,), billing=(SAME, GONE)),
        (SAME,),
        (GONE,),
        Action.REMOVE_CONTACTS,
        Reason.REMOVE_CONTACTS,
        ((R_BILL, SAME, GONE),),
        ((GONE, Reason.REMOVE_CONTACT),),
    ),
    Case(
        "a staying contact acts rather than the person leaving",
        lic(technical=(STRANGER, GONE, SAME)),
        (GONE, SAME),
        (GONE,),
        Action.REMOVE_CONTACTS,
        Reason.REMOVE_CONTACTS,
        ((R_TECH, SAME, GONE),),
        ((GONE, Reason.REMOVE_CONTACT),),
    ),
    Case(
        "the person leaving removes itself when it is the only one signed in (not primary)",
        lic(technical=(STRANGER, GONE), billing=(STRANGER,)),
        (GONE,),
        (GONE,),
        Action.REMOVE_CONTACTS,
        Reason.REMOVE_CONTACTS,
        ((R_TECH, GONE, GONE),),
        ((GONE, Reason.REMOVE_CONTACT),),
    ),
    Case(
        "refused: the primary technical contact (make someone else primary first)",
        lic(technical=(GONE, TARGET)),
        (TARGET, GONE),
        (GONE,),
        Action.NOT_POSSIBLE,
        Reason.REMOVE_NOTHING,
        (),
        ((GONE, Reason.REMOVE_PRIMARY_TECHNICAL),),
    ),
    Case(
        "refused: the primary billing contact, even though a secondary technical one",
        lic(technical=(TARGET, GONE), billing=(GONE,)),
        (TARGET,),
        (GONE,),
        Action.NOT_POSSIBLE,
        Reason.REMOVE_NOTHING,
        (),
        ((GONE, Reason.REMOVE_PRIMARY_BILLING),),
    ),
    Case(
        "refused: the target is never removed",
        lic(technical=(SAME, TARGET)),
        (SAME,),
        (TARGET,),
        Action.NOT_POSSIBLE,
        Reason.REMOVE_NOTHING,
        (),
        ((TARGET, Reason.REMOVE_TARGET),),
    ),
    Case(
        "nobody signed in is a contact",
        lic(),
        (OTHER,),
        (GONE,),
        Action.CANNOT_ACT,
        Reason.REMOVE_NO_SIGNED_IN_CONTACT,
        (),
        ((GONE, Reason.REMOVE_NO_SIGNED_IN_CONTACT),),
    ),
    Case(
        "two people: one removed, one refused as primary",
        lic(technical=(GONE2, GONE, TARGET)),
        (TARGET,),
        (GONE, GONE2),
        Action.REMOVE_CONTACTS,
        Reason.REMOVE_CONTACTS,
        ((R_TECH, TARGET, GONE),),
        ((GONE2, Reason.REMOVE_PRIMARY_TECHNICAL), (GONE, Reason.REMOVE_CONTACT)),
    ),
    Case(
        "a leaving primary stays (refused) and so may remove another leaving person",
        lic(technical=(GONE2, GONE), billing=(GONE2,)),
        (GONE2,),
        (GONE, GONE2),
        Action.REMOVE_CONTACTS,
        Reason.REMOVE_CONTACTS,
        ((R_TECH, GONE2, GONE),),
        ((GONE2, Reason.REMOVE_PRIMARY_TECHNICAL), (GONE, Reason.REMOVE_CONTACT)),
    ),
    Case(
        "two people leaving, each signed in: each removes itself, never the other first",
        lic(technical=(STRANGER, GONE, GONE2), billing=(STRANGER,)),
        (GONE, GONE2),
        (GONE, GONE2),
        Action.REMOVE_CONTACTS,
        Reason.REMOVE_CONTACTS,
        ((R_TECH, GONE2, GONE2), (R_TECH, GONE, GONE)),
        ((GONE2, Reason.REMOVE_CONTACT), (GONE, Reason.REMOVE_CONTACT)),
    ),
    Case(
        "a staying contact removes everyone, even one leaving who is signed in",
        lic(technical=(STRANGER, GONE, GONE2, SAME), billing=(STRANGER,)),
        (GONE2, SAME),
        (GONE, GONE2),
        Action.REMOVE_CONTACTS,
        Reason.REMOVE_CONTACTS,
        ((R_TECH, SAME, GONE2), (R_TECH, SAME, GONE)),
        ((GONE2, Reason.REMOVE_CONTACT), (GONE, Reason.REMOVE_CONTACT)),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_removal(case: Case) -> None:
    plan = make_removal_plan([case.license], case.signed_in, case.leaving, keep=(TARGET,))
    assert plan.kind is PlanKind.REMOVE_CONTACTS
    [entry] = plan.entries
    assert (entry.action, entry.reason) == (case.action, case.reason)
    assert tuple((s.kind, s.actor, s.email) for s in entry.steps) == case.steps
    assert sorted((r.email, r.reason) for r in entry.removals) == sorted(case.person_reasons)
    for removal in entry.removals:
        assert removal.removed == (removal.reason == Reason.REMOVE_CONTACT)
        assert "%" not in render(removal.reason, removal.reason_args)
    assert "%" not in render(entry.reason, entry.reason_args)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_rules_hold_in_every_case(case: Case) -> None:
    plan = make_removal_plan([case.license], case.signed_in, case.leaving, keep=(TARGET,))
    for entry in plan.entries:
        kinds = {s.kind for s in entry.steps}
        assert kinds <= {R_TECH, R_BILL}
        for step in entry.steps:
            role = step.kind.role
            assert step.email in case.leaving and step.email != TARGET
            assert not entry.license.is_primary(role, step.email)  # never a primary
            assert step.actor in case.signed_in
            if step.actor == step.email:  # its own account only when leaving and not primary
                assert not any(entry.license.is_primary(r, step.email) for r in ContactRole)
        actors_removed = [i for i, s in enumerate(entry.steps) if s.actor == s.email]
        others = [i for i, s in enumerate(entry.steps) if s.actor != s.email]
        assert not actors_removed or not others or max(others) < min(actors_removed)


def test_every_removal_reason_has_a_case_and_a_text() -> None:
    removal = {r for r in Reason if r.value.startswith("remove-")}
    seen = {c.reason for c in CASES} | {reason for c in CASES for _e, reason in c.person_reasons}
    assert removal == seen
    assert removal <= set(REASON_TEXTS)


def test_licenses_without_any_of_the_people_are_left_out() -> None:
    licenses = [lic("SEN-1"), lic("SEN-2", technical=(TARGET,)), lic("SEN-1")]
    plan = make_removal_plan(licenses, (TARGET,), ("Old.Buyer@Huake.example",))
    assert [e.sen for e in plan.entries] == ["SEN-1"]
    assert plan.leaving == (GONE,)


def test_bad_email_is_refused() -> None:
    with pytest.raises(InvalidEmail):
        make_removal_plan([lic()], (TARGET,), ("not an email",))


def test_excluding_keeps_nobody_removed() -> None:
    plan = make_removal_plan([lic()], (TARGET,), (GONE,)).only(())
    [entry] = plan.entries
    assert entry.steps == () and not any(r.removed for r in entry.removals)
