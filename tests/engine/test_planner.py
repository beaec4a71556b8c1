"""The planner: every case and every actor choice, table-driven."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

import pytest

from desktop.domain import InvalidEmail
from desktop.domain.models import Contact, License
from desktop.engine.plan import Action, Step, StepKind
from desktop.engine.planner import make_plan
from desktop.engine.reasons import REASON_TEXTS, Reason, render
from tests.licenses import (
    OTHER,
    PUBLIC,
    PUBLIC_TARGET,
    SAME,
    STRANGER,
    TARGET,
    make_license,
)

ADD, PROMOTE = StepKind.ADD_CONTACT, StepKind.MAKE_PRIMARY


@dataclass(frozen=True)
class Case:
    name: str
    license: License
    signed_in: tuple[str, ...]
    action: Action
    reason: Reason
    steps: tuple[tuple[StepKind, str], ...]  # (kind, actor)
    old_primary: str | None = None
    target: str = TARGET


CASES = [
    # -- already done / not possible / cannot act ------------------------------------------
    Case(
        "target is primary",
        make_license(primary=TARGET),
        (TARGET,),
        Action.ALREADY_DONE,
        Reason.TARGET_IS_PRIMARY,
        (),
    ),
    Case(
        "target is primary, nobody signed in",
        make_license(primary=TARGET),
        (),
        Action.ALREADY_DONE,
        Reason.TARGET_IS_PRIMARY,
        (),
    ),
    Case(
        "evaluation license where the target is primary is already done",
        make_license(primary=TARGET, evaluation=True),
        (TARGET,),
        Action.ALREADY_DONE,
        Reason.TARGET_IS_PRIMARY,
        (),
    ),
    Case(
        "evaluation license",
        make_license(evaluation=True),
        (SAME, TARGET),
        Action.NOT_POSSIBLE,
        Reason.EVALUATION,
        (),
    ),
    Case(
        "evaluation, target already a contact",
        make_license(evaluation=True, technical=(TARGET,)),
        (SAME, TARGET),
        Action.NOT_POSSIBLE,
        Reason.EVALUATION,
        (),
    ),
    Case(
        "no signed-in contact (pasted text)",
        make_license(primary=STRANGER),
        (SAME, OTHER),
        Action.CANNOT_ACT,
        Reason.NO_SIGNED_IN_CONTACT,
        (),
    ),
    Case(
        "nobody signed in at all",
        make_license(),
        (),
        Action.CANNOT_ACT,
        Reason.NO_SIGNED_IN_CONTACT,
        (),
    ),
    Case(
        "target signed in but not a contact, nobody else",
        make_license(primary=STRANGER),
        (TARGET,),
        Action.CANNOT_ACT,
        Reason.NO_SIGNED_IN_CONTACT,
        (),
    ),
    # -- same company domain ---------------------------------------------------------------
    Case(
        "same domain: primary adds then promotes",
        make_license(primary=SAME),
        (SAME,),
        Action.ADD_AND_PROMOTE,
        Reason.ADD_THEN_PROMOTE,
        ((ADD, SAME), (PROMOTE, SAME)),
        SAME,
    ),
    Case(
        "same domain: primary preferred over the signed-in target",
        make_license(primary=SAME),
        (TARGET, SAME),
        Action.ADD_AND_PROMOTE,
        Reason.ADD_THEN_PROMOTE,
        ((ADD, SAME), (PROMOTE, SAME)),
        SAME,
    ),
    Case(
        "same domain: primary preferred over another contact",
        make_license(primary=SAME, technical=(OTHER,)),
        (OTHER, SAME),
        Action.ADD_AND_PROMOTE,
        Reason.ADD_THEN_PROMOTE,
        ((ADD, SAME), (PROMOTE, SAME)),
        SAME,
    ),
    Case(
        "same domain: primary not signed in, another contact acts",
        make_license(primary=STRANGER, technical=(OTHER,)),
        (OTHER,),
        Action.ADD_AND_PROMOTE,
        Reason.ADD_THEN_PROMOTE,
        ((ADD, OTHER), (PROMOTE, OTHER)),
        STRANGER,
    ),
    Case(
        "same domain: a billing contact acts",
        make_license(primary=STRANGER, billing=(STRANGER, OTHER)),
        (OTHER,),
        Action.ADD_AND_PROMOTE,
        Reason.ADD_THEN_PROMOTE,
        ((ADD, OTHER), (PROMOTE, OTHER)),
        STRANGER,
    ),
    Case(
        "same domain: target already a contact, promote only",
        make_license(primary=SAME, technical=(TARGET,)),
        (SAME,),
        Action.PROMOTE_ONLY,
        Reason.PROMOTE_SAME_DOMAIN,
        ((PROMOTE, SAME),),
        SAME,
    ),
    Case(
        "same domain: target is the only signed-in contact, promotes itself",
        make_license(primary=STRANGER, technical=(TARGET,)),
        (TARGET,),
        Action.PROMOTE_ONLY,
        Reason.PROMOTE_SAME_DOMAIN,
        ((PROMOTE, TARGET),),
        STRANGER,
    ),
    Case(
        "same domain: target a billing contact only, adds and promotes itself",
        make_license(primary=STRANGER, billing=(STRANGER, TARGET)),
        (TARGET,),
        Action.ADD_AND_PROMOTE,
        Reason.ADD_THEN_PROMOTE,
        ((ADD, TARGET), (PROMOTE, TARGET)),
        STRANGER,
    ),
    Case(
        "alphabetical among non-primary contacts",
        make_license(primary=STRANGER, technical=(SAME, OTHER)),
        (SAME, OTHER),
        Action.ADD_AND_PROMOTE,
        Reason.ADD_THEN_PROMOTE,
        ((ADD, SAME), (PROMOTE, SAME)),
        STRANGER,
    ),
    # -- another company domain ------------------------------------------------------------
    Case(
        "other domain, target signed in: primary adds, target promotes itself",
        make_license(primary=OTHER),
        (OTHER, TARGET),
        Action.ADD_AND_PROMOTE,
        Reason.ADD_THEN_SELF_PROMOTE,
        ((ADD, OTHER), (PROMOTE, TARGET)),
        OTHER,
    ),
    Case(
        "other domain, target signed in and a contact: promotes itself",
        make_license(primary=OTHER, technical=(TARGET,)),
        (TARGET,),
        Action.PROMOTE_ONLY,
        Reason.SELF_PROMOTE,
        ((PROMOTE, TARGET),),
        OTHER,
    ),
    Case(
        "other domain, target signed in and a contact, primary signed in too",
        make_license(primary=OTHER, technical=(TARGET,)),
        (OTHER, TARGET),
        Action.PROMOTE_ONLY,
        Reason.SELF_PROMOTE,
        ((PROMOTE, TARGET),),
        OTHER,
    ),
    Case(
        "other domain, target not signed in: add only, then it must sign in",
        make_license(primary=OTHER),
        (OTHER,),
        Action.NEEDS_TARGET_SIGN_IN,
        Reason.ADD_THEN_TARGET_SIGNS_IN,
        ((ADD, OTHER),),
    ),
    Case(
        "other domain, target not signed in, already a contact: nothing to send",
        make_license(primary=OTHER, technical=(TARGET,)),
        (OTHER,),
        Action.NEEDS_TARGET_SIGN_IN,
        Reason.TARGET_MUST_SIGN_IN,
        (),
    ),
    # -- public mail domains ---------------------------------------------------------------
    Case(
        "public primary, target signed in: target promotes itself",
        make_license(primary=PUBLIC),
        (PUBLIC, TARGET),
        Action.ADD_AND_PROMOTE,
        Reason.ADD_THEN_SELF_PROMOTE,
        ((ADD, PUBLIC), (PROMOTE, TARGET)),
        PUBLIC,
    ),
    Case(
        "public primary, target not signed in",
        make_license(primary=PUBLIC),
        (PUBLIC,),
        Action.NEEDS_TARGET_SIGN_IN,
        Reason.ADD_THEN_TARGET_SIGNS_IN,
        ((ADD, PUBLIC),),
    ),
    Case(
        "public target, same public domain as primary is still not the same",
        make_license(primary=PUBLIC),
        (PUBLIC,),
        Action.NEEDS_TARGET_SIGN_IN,
        Reason.ADD_THEN_TARGET_SIGNS_IN,
        ((ADD, PUBLIC),),
        None,
        PUBLIC_TARGET,
    ),
    Case(
        "public target signed in promotes itself",
        make_license(primary=SAME),
        (SAME, PUBLIC_TARGET),
        Action.ADD_AND_PROMOTE,
        Reason.ADD_THEN_SELF_PROMOTE,
        ((ADD, SAME), (PROMOTE, PUBLIC_TARGET)),
        SAME,
        PUBLIC_TARGET,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_plan_case(case: Case) -> None:
    plan = make_plan([case.license], case.signed_in, case.target)
    (entry,) = plan.entries
    assert entry.action is case.action
    assert entry.reason == case.reason
    assert [(s.kind, s.actor) for s in entry.steps] == list(case.steps)
    assert all(s.email == case.target for s in entry.steps)
    assert entry.old_primary == case.old_primary
    # Every actor is a signed-in contact of the license when it acts (the target may act
    # for the promotion once it has been added).
    for index, step in enumerate(entry.steps):
        assert step.actor in plan.signed_in
        added = any(s.kind is ADD for s in entry.steps[:index])
        assert case.license.is_contact(step.actor) or (added and step.actor == case.target)
    # The reason's placeholders are all filled.
    text = render(entry.reason, entry.reason_args)
    assert "%" not in text, text


def test_no_primary_contact_anyone_may_promote() -> None:
    bare = replace(
        make_license(primary=OTHER),
        technical_contacts=(Contact(OTHER, None, False),),
        billing_contacts=(Contact(OTHER, None, True),),
    )
    (entry,) = make_plan([bare], [OTHER], TARGET).entries
    assert entry.action is Action.ADD_AND_PROMOTE
    assert entry.reason == Reason.NO_PRIMARY
    assert entry.steps == (Step(ADD, OTHER, TARGET), Step(PROMOTE, OTHER, TARGET))
    assert entry.old_primary is None


@pytest.mark.parametrize("bad", ["", "   ", "zhang.wei", "a@b", "a@@b.example", "a b@c.example"])
def test_invalid_target_is_a_clear_error(bad: str) -> None:
    with pytest.raises(InvalidEmail) as raised:
        make_plan([make_license()], [SAME], bad)
    assert "email" in str(raised.value).lower()


def test_target_and_signed_in_are_normalised() -> None:
    plan = make_plan(
        [make_license(primary=SAME)], ["  LI.NA@Huake.Example "], " Zhang.Wei@HUAKE.example "
    )
    assert plan.target == TARGET
    assert plan.signed_in == frozenset({SAME})
    assert plan.entries[0].action is Action.ADD_AND_PROMOTE


def test_plan_keeps_order_one_entry_per_sen_and_lists_who_is_notified() -> None:
    licenses = [
        make_license("SEN-3", primary=OTHER),
        make_license("SEN-1", primary=SAME),
        make_license("SEN-1", primary=SAME),
        make_license("SEN-2", primary=TARGET),
        make_license("SEN-4", primary=PUBLIC),
    ]
    now = datetime(2024, 5, 1, tzinfo=UTC)
    plan = make_plan(licenses, [SAME, OTHER, PUBLIC, TARGET], TARGET, now=now)
    assert [e.sen for e in plan.entries] == ["SEN-3", "SEN-1", "SEN-2", "SEN-4"]
    assert plan.created == now
    assert [e.sen for e in plan.promoting()] == ["SEN-3", "SEN-1", "SEN-4"]
    assert plan.notified() == tuple(sorted({PUBLIC, SAME, OTHER}))
    assert plan.counts()[Action.ADD_AND_PROMOTE] == 3
    assert plan.counts()[Action.ALREADY_DONE] == 1


def test_every_reason_has_a_text() -> None:
    assert set(REASON_TEXTS) == set(Reason)
