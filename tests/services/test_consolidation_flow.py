"""The wizard's flow without Qt: every step's condition to go on, suggestions, counts, summary."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from desktop.domain.models import Account, AccountKind, License, LicenseType
from desktop.engine.events import Outcome
from desktop.engine.plan import Action
from desktop.engine.planner import make_plan
from desktop.portal.sandbox.demo_data import demo_data
from desktop.services.consolidation_flow import (
    Blocker,
    Consequences,
    ConsolidationFlow,
    Finished,
    NextStep,
    RunCounts,
    Step,
    SummaryGroup,
    TargetProblem,
)
from tests.licenses import make_license

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
ZW, LN, WF, QQ = (
    "zhang.wei@huake.example",
    "li.na@huake.example",
    "wang.fang@northwind.example",
    "huake.buyer@qq.com",
)
PASTE = Account(AccountKind.PASTE, label="Old mailbox")


def demo_licenses() -> list[License]:
    """The demo sandbox's licenses as the accounts see them (seen_by = contacts who sign in)."""
    emails = {a.email for a in demo_data().accounts}
    out = []
    for lic in demo_data().licenses:
        contacts = {c.email for c in (*lic.technical_contacts, *lic.billing_contacts)}
        out.append(replace(lic, seen_by=frozenset(contacts & emails)))
    return out


def demo_accounts() -> list[Account]:
    return [
        Account(AccountKind.DEMO, email=a.email, portal="demo", label=a.email, name=a.name)
        for a in demo_data().accounts
    ]


def make_flow(
    signed_in: tuple[str, ...] = (LN, WF, QQ),
    *,
    licenses: list[License] | None = None,
    accounts: list[Account] | None = None,
) -> ConsolidationFlow:
    return ConsolidationFlow(
        demo_licenses() if licenses is None else licenses,
        demo_accounts() if accounts is None else accounts,
        signed_in,
        planner=make_plan,
        now=NOW,
    )


def lic(
    sen: str,
    primary: str,
    *others: str,
    seen_by: tuple[str, ...] = (LN,),
    kind: LicenseType = LicenseType.COMMERCIAL,
) -> License:
    evaluation = kind is LicenseType.EVALUATION
    return make_license(
        sen, primary=primary, technical=others, billing=(), evaluation=evaluation, seen_by=seen_by
    )


# --- the map of steps ---------------------------------------------------------------------


def test_steps_follow_each_other_and_the_summary_is_last() -> None:
    flow = make_flow()
    order = [Step.WELCOME]
    while (following := flow.next_step(order[-1])) is not None:
        order.append(following)
    assert order == list(Step)


def test_welcome_and_summary_never_block() -> None:
    flow = make_flow()
    assert flow.can_go_on(Step.WELCOME)
    assert flow.can_go_on(Step.SUMMARY)


def test_back_is_allowed_before_the_run_only() -> None:
    flow = make_flow()
    assert flow.can_go_back(Step.LICENSES)
    assert not flow.can_go_back(Step.RUN)
    assert not flow.can_go_back(Step.SUMMARY)


# --- sources -------------------------------------------------------------------------------


def test_every_signed_in_account_takes_part_by_default() -> None:
    flow = make_flow()
    assert flow.taking_part() == {LN, WF, QQ}
    assert flow.can_go_on(Step.SOURCES)


def test_no_account_taking_part_blocks_the_sources_step() -> None:
    flow = make_flow()
    for email in (LN, WF, QQ):
        flow.set_selected(email, False)
    assert flow.blocker(Step.SOURCES) is Blocker.NO_SOURCE
    flow.set_selected(WF, True)
    assert flow.blocker(Step.SOURCES) is None


def test_pasted_and_signed_out_accounts_are_read_only_and_cannot_be_chosen() -> None:
    flow = make_flow(accounts=[*demo_accounts(), PASTE])
    sources = flow.sources()
    read_only = [s.key for s in sources if s.read_only]
    assert set(read_only) == {ZW, PASTE.key}  # ZW is not signed in here
    assert [s.read_only for s in sources] == sorted(s.read_only for s in sources)  # last
    flow.set_selected(PASTE.key, True)
    flow.set_selected(ZW, True)
    assert flow.taking_part() == {LN, WF, QQ}


def test_an_account_left_out_takes_its_licenses_out_of_scope() -> None:
    flow = make_flow()
    only_wf = {x.sen for x in flow.licenses_in_scope() if x.seen_by == {WF}}
    assert only_wf
    flow.set_selected(WF, False)
    in_scope = {x.sen for x in flow.licenses_in_scope()}
    assert not only_wf & in_scope
    assert "SEN-20110388" in in_scope  # seen by LN too


def test_pasted_licenses_stay_in_scope_but_cannot_be_acted_on() -> None:
    pasted = lic("SEN-1", "someone@else.example", seen_by=(PASTE.key,))
    flow = make_flow(signed_in=(LN,), licenses=[pasted], accounts=[PASTE])
    flow.set_target(ZW)
    assert [x.sen for x in flow.licenses_in_scope()] == ["SEN-1"]
    assert flow.plan().entries[0].action is Action.CANNOT_ACT
    assert flow.consequences() == Consequences(cannot_act=1)


# --- target --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "email", "blocker"),
    [
        ("", None, Blocker.NO_TARGET),
        ("   ", None, Blocker.NO_TARGET),
        ("zhang.wei@", None, Blocker.INVALID_TARGET),
        ("zhang wei@huake.example", None, Blocker.INVALID_TARGET),
        ("a@@huake.example", None, Blocker.INVALID_TARGET),
        ("  Zhang.Wei@Huake.Example ", ZW, None),
    ],
)
def test_the_target_is_validated_as_typed(typed: str, email: str | None, blocker: Blocker) -> None:
    flow = make_flow()
    check = flow.set_target(typed)
    assert check.email == email
    assert check.blocker is blocker
    assert flow.target == email
    if blocker is not None:
        assert flow.blocker(Step.TARGET) is blocker
        assert flow.consequences() == Consequences()


def test_suggestions_list_every_contact_with_primary_counts_and_sign_in() -> None:
    flow = make_flow()
    by_email = {s.email: s for s in flow.suggestions()}
    everyone = {
        c.email for x in demo_licenses() for c in (*x.technical_contacts, *x.billing_contacts)
    }
    assert set(by_email) == everyone
    for email, suggestion in by_email.items():
        primaries = sum(1 for x in demo_licenses() if x.is_primary_technical(email))
        assert suggestion.primary_on == primaries
        assert suggestion.signed_in == (email in {LN, WF, QQ})
    assert by_email[QQ].public_domain and not by_email[ZW].public_domain
    assert by_email[LN].name == "Li Na"
    order = [s.primary_on for s in flow.suggestions()]
    assert order == sorted(order, reverse=True)


def test_consequences_count_each_kind_of_license_for_the_demo_target() -> None:
    flow = make_flow()
    flow.set_target(ZW)
    plan = flow.plan()
    counts = flow.consequences()
    actions = plan.counts()
    assert counts.move == actions[Action.ADD_AND_PROMOTE] + actions[Action.PROMOTE_ONLY]
    assert counts.already == actions[Action.ALREADY_DONE] >= 4
    assert counts.not_possible == 1  # the evaluation license
    assert counts.needs_sign_in > 0  # northwind and qq.com licenses: ZW is not signed in
    assert counts.move > 0
    assert plan.entry("SEN-20110790").action is Action.NOT_POSSIBLE
    assert plan.entry("SEN-20110412").action is Action.ALREADY_DONE
    assert plan.entry("SEN-20110577").action is Action.PROMOTE_ONLY
    assert plan.entry("SEN-20110101").action is Action.ADD_AND_PROMOTE
    assert plan.entry("SEN-20110834").action is Action.NEEDS_TARGET_SIGN_IN
    assert flow.blocker(Step.TARGET) is None


def test_the_target_signing_in_turns_sign_in_cases_into_moves() -> None:
    flow = make_flow()
    flow.set_target(ZW)
    before = flow.consequences()
    target = next(a for a in demo_accounts() if a.email == ZW)
    flow.add_signed_in(ZW, target)
    after = flow.consequences()
    assert flow.target_signed_in
    assert after.needs_sign_in < before.needs_sign_in
    assert after.move > before.move
    assert ZW in flow.taking_part()


def test_a_target_with_nothing_to_change_blocks_the_target_step() -> None:
    flow = make_flow(licenses=[lic("SEN-1", ZW), lic("SEN-2", LN, kind=LicenseType.EVALUATION)])
    flow.set_target(ZW)
    assert flow.consequences() == Consequences(already=1, not_possible=1)
    assert flow.blocker(Step.TARGET) is Blocker.NOTHING_TO_DO


# --- licenses checklist --------------------------------------------------------------------


def test_every_actionable_license_is_ticked_at_first() -> None:
    flow = make_flow()
    flow.set_target(ZW)
    actionable = {e.sen for e in flow.plan().actionable()}
    assert flow.checked() == actionable
    assert flow.blocker(Step.LICENSES) is None


def test_select_none_blocks_and_select_all_restores() -> None:
    flow = make_flow()
    flow.set_target(ZW)
    flow.check_all(False)
    assert flow.checked() == frozenset()
    assert flow.blocker(Step.LICENSES) is Blocker.NOTHING_CHECKED
    flow.check_all(True)
    assert flow.blocker(Step.LICENSES) is None


def test_select_all_of_the_filtered_rows_only() -> None:
    flow = make_flow()
    flow.set_target(ZW)
    flow.check_all(False)
    flow.check_all(True, ["SEN-20110101", "SEN-20110412", "SEN-99"])  # done, unknown: ignored
    assert flow.checked() == {"SEN-20110101"}


def test_unticked_licenses_are_excluded_from_the_final_plan() -> None:
    flow = make_flow()
    flow.set_target(ZW)
    flow.set_checked("SEN-20110101", False)
    final = flow.final_plan()
    assert final.entry("SEN-20110101").action is Action.EXCLUDED
    assert "SEN-20110101" not in {e.sen for e in final.promoting()}
    flow.set_checked("SEN-20110101", True)
    assert flow.final_plan().entry("SEN-20110101").action is Action.ADD_AND_PROMOTE


def test_non_actionable_licenses_cannot_be_ticked() -> None:
    flow = make_flow()
    flow.set_target(ZW)
    flow.set_checked("SEN-20110790", True)  # evaluation
    flow.set_checked("SEN-404", True)  # unknown
    assert "SEN-20110790" not in flow.checked()
    assert not flow.checkable(flow.plan().entry("SEN-20110790"))


def test_a_new_target_re_plans_and_forgets_ticks_and_confirmation() -> None:
    flow = make_flow()
    flow.set_target(ZW)
    flow.check_all(False)
    flow.set_checked("SEN-20110101", True)
    assert flow.confirm(True)
    flow.set_target(LN)
    assert not flow.confirmed
    assert flow.checked() == {e.sen for e in flow.plan().actionable()}
    assert flow.plan().target == LN


def test_plan_without_a_target_is_an_error() -> None:
    with pytest.raises(ValueError, match="target"):
        make_flow().plan()


def test_the_plan_is_made_once_per_change() -> None:
    calls: list[str] = []

    def counting_planner(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append("plan")
        return make_plan(*args, **kwargs)  # type: ignore[arg-type]

    flow = ConsolidationFlow(demo_licenses(), demo_accounts(), (LN,), planner=counting_planner)
    flow.set_target(ZW)
    flow.consequences()
    flow.plan()
    flow.set_target(" zhang.wei@huake.example")  # the same address: no new plan
    flow.consequences()
    assert calls == ["plan"]
    flow.set_selected(LN, False)
    flow.set_selected(LN, True)
    flow.consequences()
    assert calls == ["plan", "plan"]


# --- confirmation and run ------------------------------------------------------------------


def test_the_run_needs_a_yes() -> None:
    flow = make_flow()
    flow.set_target(ZW)
    assert flow.blocker(Step.RUN) is Blocker.NOT_CONFIRMED
    with pytest.raises(RuntimeError):
        flow.run_started()
    assert not flow.confirm(False)
    assert flow.blocker(Step.RUN) is Blocker.NOT_CONFIRMED
    assert flow.confirm(True)
    flow.run_started()
    assert flow.running
    assert flow.blocker(Step.RUN) is Blocker.RUNNING
    flow.run_finished()
    assert flow.blocker(Step.RUN) is None


def test_a_yes_with_nothing_ticked_confirms_nothing() -> None:
    flow = make_flow()
    flow.set_target(ZW)
    flow.check_all(False)
    assert not flow.confirm(True)


def test_unticking_after_the_yes_asks_again() -> None:
    flow = make_flow()
    flow.set_target(ZW)
    flow.confirm(True)
    flow.set_checked("SEN-20110101", False)
    assert not flow.confirmed


def test_a_retry_runs_again() -> None:
    flow = make_flow()
    flow.set_target(ZW)
    flow.confirm(True)
    flow.run_started()
    flow.record("SEN-20110101", Outcome.FAILED, "unavailable")
    flow.run_finished()
    assert flow.failed() == ["SEN-20110101"]
    flow.retry_started()
    assert flow.blocker(Step.RUN) is Blocker.RUNNING
    flow.record("SEN-20110101", Outcome.DONE)
    flow.run_finished()
    assert flow.failed() == []
    assert flow.consolidated_count() == 1


# --- summary -------------------------------------------------------------------------------


def test_summary_groups_every_license_with_what_to_do_next() -> None:
    flow = make_flow()
    flow.set_target(ZW)
    flow.set_checked("SEN-20111163", False)
    flow.confirm(True)
    flow.run_started()
    flow.record("SEN-20110101", Outcome.DONE)
    flow.record("SEN-20110577", Outcome.FAILED, "unavailable")
    flow.record("SEN-20110245", Outcome.CANCELLED)
    flow.run_finished()
    rows = {row.group: row for row in flow.summary()}
    assert "SEN-20110101" in rows[SummaryGroup.DONE].sens
    assert rows[SummaryGroup.DONE].next_step is NextStep.NOTHING
    assert rows[SummaryGroup.FAILED].sens == ("SEN-20110577",)
    assert rows[SummaryGroup.FAILED].error_keys == {"SEN-20110577": "unavailable"}
    assert rows[SummaryGroup.FAILED].next_step is NextStep.RETRY
    assert "SEN-20110245" in rows[SummaryGroup.CANCELLED].sens
    assert rows[SummaryGroup.CANCELLED].next_step is NextStep.RESUME
    assert "SEN-20110412" in rows[SummaryGroup.ALREADY_DONE].sens
    assert rows[SummaryGroup.NOT_POSSIBLE].sens == ("SEN-20110790",)
    assert rows[SummaryGroup.NOT_POSSIBLE].next_step is NextStep.CONTACT_ATLASSIAN
    assert "SEN-20110834" in rows[SummaryGroup.NEEDS_TARGET_SIGN_IN].sens
    assert rows[SummaryGroup.NEEDS_TARGET_SIGN_IN].next_step is NextStep.SIGN_IN_AS_TARGET
    assert rows[SummaryGroup.EXCLUDED].sens == ("SEN-20111163",)
    assert rows[SummaryGroup.EXCLUDED].next_step is NextStep.RUN_AGAIN
    # Every license is in exactly one group; groups come in their fixed order.
    listed = [sen for row in flow.summary() for sen in row.sens]
    assert sorted(listed) == sorted(e.sen for e in flow.plan().entries)
    order = [row.group for row in flow.summary()]
    assert order == [g for g in SummaryGroup if g in rows]


def test_summary_maps_partial_and_cannot_act_outcomes() -> None:
    pasted = lic("SEN-3", "x@other.example", seen_by=(PASTE.key,))
    flow = make_flow(
        signed_in=(LN,),
        licenses=[lic("SEN-1", LN), lic("SEN-2", "boss@other.example", LN), pasted],
        accounts=[*demo_accounts(), PASTE],
    )
    flow.set_target(ZW)
    flow.confirm(True)
    flow.record("SEN-1", Outcome.PARTIAL)
    rows = {row.group: row for row in flow.summary()}
    assert "SEN-1" in rows[SummaryGroup.NEEDS_TARGET_SIGN_IN].sens
    assert rows[SummaryGroup.CANNOT_ACT].sens == ("SEN-3",)
    assert rows[SummaryGroup.CANNOT_ACT].next_step is NextStep.SIGN_IN_AS_CONTACT


def test_summary_is_empty_before_any_plan() -> None:
    assert make_flow().summary() == []


def test_resume_takes_the_journal_plan_and_what_finished() -> None:
    flow = make_flow()
    plan = make_plan(flow.licenses_in_scope(), flow.taking_part(), ZW, now=NOW)
    fresh = make_flow()
    fresh.resume_from(plan, [Finished("SEN-20110101", Outcome.DONE)])
    assert fresh.target == ZW
    assert fresh.confirmed
    assert fresh.blocker(Step.RUN) is Blocker.RUNNING  # not run yet in this session
    fresh.run_started()
    fresh.run_finished()
    assert fresh.consolidated_count() == 1
    assert fresh.checked() == {e.sen for e in plan.actionable()}


def test_run_counts_go_by_the_confirmed_licenses_and_what_runs_again_is_not_finished() -> None:
    flow = make_flow()
    plan = make_plan(flow.licenses_in_scope(), flow.taking_part(), ZW, now=NOW)
    first, second, *_ = [e.sen for e in plan.actionable()]
    fresh = make_flow()
    fresh.resume_from(plan, [Finished(first, Outcome.DONE), Finished(second, Outcome.CANCELLED)])
    fresh.run_started()
    total = len(plan.actionable())
    assert fresh.run_counts() == RunCounts(total, 1, 0)  # the cancelled one runs again
    fresh.record(second, Outcome.FAILED)
    assert fresh.run_counts() == RunCounts(total, 2, 1)
    fresh.run_finished()
    fresh.retry_started()
    assert fresh.run_counts() == RunCounts(total, 1, 0)
    assert fresh.failed() == []


# --- the target: what was typed, the address used, why one is refused ----------------------


def test_a_full_width_target_is_the_address_it_looks_like_and_says_it_differs() -> None:
    flow = make_flow()
    check = flow.set_target("ｚｈａｎｇ．ｗｅｉ＠ｈｕａｋｅ．ｅｘａｍｐｌｅ")
    assert check.email == ZW and check.differs and check.blocker is None
    assert flow.target == ZW and flow.plan().target == ZW
    assert not flow.set_target(" Zhang.Wei@huake.example ").differs  # case and spaces only


@pytest.mark.parametrize(
    ("typed", "problem", "args"),
    [
        ("zh\u0430ng.wei@huake.example", TargetProblem.MIXED_SCRIPTS, ("\u0430",)),
        ("a/b@huake.example", TargetProblem.UNUSABLE_CHARACTERS, ("/",)),
        ("a#b%c@huake.example", TargetProblem.UNUSABLE_CHARACTERS, ("# %",)),
        ("x" * 65 + "@huake.example", TargetProblem.LOCAL_PART_TOO_LONG, ("65", "64")),
        ("zhang.wei@", TargetProblem.NOT_AN_ADDRESS, ()),
    ],
)
def test_a_refused_target_says_why_and_plans_nothing(
    typed: str, problem: TargetProblem, args: tuple[str, ...]
) -> None:
    flow = make_flow()
    check = flow.set_target(typed)
    assert check.email is None and check.blocker is Blocker.INVALID_TARGET
    assert (check.problem, check.problem_args) == (problem, args)
    assert flow.target_check() == check
    assert flow.target is None and flow.blocker(Step.TARGET) is Blocker.INVALID_TARGET
    with pytest.raises(ValueError, match="no valid target"):
        flow.plan()


def test_a_public_mailbox_target_is_flagged() -> None:
    flow = make_flow()
    assert flow.set_target(QQ).public_domain
    assert not flow.set_target(ZW).public_domain


def test_last_times_target_is_offered_first_and_marked_but_never_chosen() -> None:
    flow = ConsolidationFlow(
        demo_licenses(), demo_accounts(), (LN, WF, QQ), planner=make_plan, now=NOW, last_target=WF
    )
    first, *rest = flow.suggestions()
    assert first.email == WF and first.last_target
    assert not any(s.last_target for s in rest)
    assert flow.target is None and flow.blocker(Step.TARGET) is Blocker.NO_TARGET
    # A target typed by hand last time, seen on no license, is still offered.
    fresh = ConsolidationFlow(
        demo_licenses(), demo_accounts(), (LN,), planner=make_plan, last_target="Team@huake.example"
    )
    assert fresh.suggestions()[0].email == "team@huake.example"
    assert fresh.suggestions()[0].primary_on == 0
