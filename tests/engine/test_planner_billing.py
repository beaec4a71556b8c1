"""The planner's billing part: every reason and every refusal, table-driven."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from desktop.domain.models import License
from desktop.engine.plan import Action, StepKind
from desktop.engine.planner import make_plan
from desktop.engine.reasons import REASON_TEXTS, Reason, render
from tests.licenses import OTHER, PUBLIC, SAME, STRANGER, TARGET, make_license

ADD, PROMOTE = StepKind.ADD_CONTACT, StepKind.MAKE_PRIMARY
B_ADD, B_PROMOTE = StepKind.ADD_BILLING_CONTACT, StepKind.MAKE_BILLING_PRIMARY
FIN = "finance@huake.example"  # the target's domain, not signed in
AP = "ap@northwind.example"  # another company's accounts payable


def lic(
    *,
    technical: str = SAME,
    billing: tuple[str, ...] = (FIN,),
    secondary_technical: tuple[str, ...] = (),
    evaluation: bool = False,
    cloud: bool = False,
) -> License:
    """A license: ``technical`` is the primary technical contact, ``billing[0]`` the primary
    billing contact (no billing contact when empty)."""
    hosting = "(Cloud) Standard" if cloud else "(Data Center)"
    kind = "Evaluation" if evaluation else "Commercial"
    return make_license(
        "SEN-2001",
        product=f"Confluence {hosting} 500 Users: {kind} License",
        primary=technical,
        technical=secondary_technical,
        billing=billing,
    )


@dataclass(frozen=True)
class Case:
    name: str
    license: License
    signed_in: tuple[str, ...]
    action: Action
    reason: Reason
    billing_steps: tuple[tuple[StepKind, str], ...]  # (kind, actor)
    old_primary: str | None = None


CASES = [
    Case(
        "target already the primary billing contact",
        lic(billing=(TARGET, FIN)),
        (SAME,),
        Action.ALREADY_DONE,
        Reason.BILLING_TARGET_IS_PRIMARY,
        (),
    ),
    Case(
        "already done even on a cloud subscription",
        lic(billing=(TARGET,), cloud=True),
        (SAME,),
        Action.ALREADY_DONE,
        Reason.BILLING_TARGET_IS_PRIMARY,
        (),
    ),
    Case(
        "same domain: the primary technical contact adds, then promotes",
        lic(billing=(FIN,)),
        (SAME,),
        Action.ADD_AND_PROMOTE,
        Reason.BILLING_ADD_THEN_PROMOTE,
        ((B_ADD, SAME), (B_PROMOTE, SAME)),
        FIN,
    ),
    Case(
        "same domain, the target a billing contact already: promote only",
        lic(billing=(FIN, TARGET)),
        (SAME,),
        Action.PROMOTE_ONLY,
        Reason.BILLING_PROMOTE_SAME_DOMAIN,
        ((B_PROMOTE, SAME),),
        FIN,
    ),
    Case(
        "the primary billing contact acts first when signed in",
        lic(technical=STRANGER, billing=(SAME,)),
        (SAME,),
        Action.ADD_AND_PROMOTE,
        Reason.BILLING_ADD_THEN_PROMOTE,
        ((B_ADD, SAME), (B_PROMOTE, SAME)),
        SAME,
    ),
    Case(
        "another domain, the target signed in: add, then the target promotes itself",
        lic(technical=OTHER, billing=(AP,)),
        (OTHER, TARGET),
        Action.ADD_AND_PROMOTE,
        Reason.BILLING_ADD_THEN_SELF_PROMOTE,
        ((B_ADD, OTHER), (B_PROMOTE, TARGET)),
        AP,
    ),
    Case(
        "a public mail domain never counts as the same: the target promotes itself",
        lic(technical=PUBLIC, billing=(PUBLIC, TARGET)),
        (PUBLIC, TARGET),
        Action.PROMOTE_ONLY,
        Reason.BILLING_SELF_PROMOTE,
        ((B_PROMOTE, TARGET),),
        PUBLIC,
    ),
    Case(
        "another domain, the target not signed in: add only",
        lic(technical=OTHER, billing=(AP,)),
        (OTHER,),
        Action.NEEDS_TARGET_SIGN_IN,
        Reason.BILLING_ADD_THEN_TARGET_SIGNS_IN,
        ((B_ADD, OTHER),),
    ),
    Case(
        "another domain, the target a billing contact already but not signed in",
        lic(technical=OTHER, billing=(AP, TARGET)),
        (OTHER,),
        Action.NEEDS_TARGET_SIGN_IN,
        Reason.BILLING_TARGET_MUST_SIGN_IN,
        (),
    ),
    Case(
        "no billing contact at all: the first one added is primary",
        lic(billing=()),
        (SAME,),
        Action.ADD_AND_PROMOTE,
        Reason.BILLING_NO_PRIMARY,
        ((B_ADD, SAME), (B_PROMOTE, SAME)),
    ),
    Case(
        "an evaluation license takes billing contacts",
        lic(billing=(FIN,), evaluation=True),
        (SAME,),
        Action.ADD_AND_PROMOTE,
        Reason.BILLING_ADD_THEN_PROMOTE,
        ((B_ADD, SAME), (B_PROMOTE, SAME)),
        FIN,
    ),
    Case(
        "not possible: a cloud subscription is billed in admin.atlassian.com",
        lic(billing=(FIN,), cloud=True),
        (SAME,),
        Action.NOT_POSSIBLE,
        Reason.BILLING_CLOUD,
        (),
    ),
    Case(
        "nobody signed in is a contact",
        lic(technical=STRANGER, billing=(FIN,)),
        (OTHER,),
        Action.CANNOT_ACT,
        Reason.BILLING_NO_SIGNED_IN_CONTACT,
        (),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_billing_part(case: Case) -> None:
    plan = make_plan([case.license], case.signed_in, TARGET, also_billing=True)
    [entry] = plan.entries
    assert entry.billing is not None
    assert (entry.billing.action, entry.billing.reason) == (case.action, case.reason)
    billing_steps = tuple((s.kind, s.actor) for s in entry.steps if s.kind.role.value == "billing")
    assert billing_steps == case.billing_steps
    assert all(s.email == TARGET for s in entry.steps)
    assert entry.billing.old_primary == case.old_primary
    assert entry.changes_billing_primary == any(k is B_PROMOTE for k, _ in case.billing_steps)
    # Every reason renders with all its placeholders filled.
    text = render(entry.billing.reason, entry.billing.reason_args)
    assert "%" not in text and text


def test_every_billing_reason_has_a_case_and_a_text() -> None:
    billing = {r for r in Reason if r.value.startswith("billing-")}
    assert billing == {c.reason for c in CASES}
    assert billing <= set(REASON_TEXTS)


def test_billing_steps_come_after_the_technical_ones() -> None:
    plan = make_plan([lic(billing=(FIN,))], (SAME,), TARGET, also_billing=True)
    [entry] = plan.entries
    assert [s.kind for s in entry.steps] == [ADD, PROMOTE, B_ADD, B_PROMOTE]
    assert plan.promoting() == plan.billing_promoting() == (entry,)
    assert (plan.notified(), plan.billing_notified()) == ((SAME,), (FIN,))


def test_billing_is_off_by_default() -> None:
    plan = make_plan([lic(billing=(FIN,))], (SAME,), TARGET)
    [entry] = plan.entries
    assert entry.billing is None and not plan.also_billing
    assert [s.kind for s in entry.steps] == [ADD, PROMOTE]
    assert plan.billing_notified() == ()


def test_a_license_already_done_technically_still_moves_its_billing() -> None:
    plan = make_plan([lic(technical=TARGET, billing=(FIN,))], (TARGET,), TARGET, also_billing=True)
    [entry] = plan.entries
    assert entry.action is Action.ALREADY_DONE and entry.actionable
    assert [(s.kind, s.actor) for s in entry.steps] == [(B_ADD, TARGET), (B_PROMOTE, TARGET)]


def test_excluding_an_entry_drops_its_billing_steps_too() -> None:
    plan = make_plan([lic(billing=(FIN,))], (SAME,), TARGET, also_billing=True).only(())
    [entry] = plan.entries
    assert entry.steps == () and entry.billing is not None
    assert entry.billing.action is Action.EXCLUDED and plan.billing_notified() == ()
