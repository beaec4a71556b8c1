"""The billing confirmation ("Promote to primary billing contact?") and the removal one."""

from __future__ import annotations

from desktop.engine.billing_confirmation import (
    build_billing_confirmation,
    render_billing_lines,
)
from desktop.engine.planner import make_plan
from desktop.engine.removal_confirmation import (
    build_removal_confirmation,
    render_removal_text,
)
from desktop.engine.removal_planner import make_removal_plan
from desktop.portal.sandbox.demo_data import ACCOUNTS, TARGET, demo_data

EMAILS = [a.email for a in ACCOUNTS]
AP, FIN = "ap@northwind.example", "finance@huake.example"
CJ, LY, WF = "chen.jie@northwind.example", "liu.yang@huake.example", "wang.fang@northwind.example"


def test_billing_confirmation_lists_the_billing_steps_and_who_is_notified() -> None:
    plan = make_plan(demo_data().licenses, EMAILS, TARGET, also_billing=True)
    c = build_billing_confirmation(plan)
    assert c is not None and c.writes_anything
    assert set(c.promoted_sens) == {e.sen for e in plan.billing_promoting()}
    assert {AP, FIN} <= set(c.notified) and TARGET not in c.notified
    lines = render_billing_lines(plan)
    assert lines[0] == "Promote to primary billing contact?"
    text = "\n".join(lines)
    assert "- receive the renewal quotes and invoices for these licenses" in text
    assert "this product" not in text
    for sen in c.promoted_sens:  # each with its product
        entry = plan.entry(sen)
        assert entry is not None
        assert f"  {sen} ({entry.license.product})" in lines
    assert f"A notification email will be sent to {', '.join(c.notified)}." in text
    # The cloud subscriptions are not among them.
    assert "SEN-20110834" not in c.promoted_sens


def test_billing_off_says_what_that_means() -> None:
    plan = make_plan(demo_data().licenses, EMAILS, TARGET)
    assert build_billing_confirmation(plan) is None
    [line] = render_billing_lines(plan)
    assert "keep going to the current primary billing contacts" in line


def test_billing_waiting_for_the_target_is_listed_as_add_only() -> None:
    plan = make_plan(demo_data().licenses, [WF], TARGET, also_billing=True)
    c = build_billing_confirmation(plan)
    assert c is not None and c.add_only_sens and not set(c.add_only_sens) & set(c.promoted_sens)
    assert "must then sign in and promote itself" in "\n".join(render_billing_lines(plan))


def test_removal_confirmation_lists_licenses_per_person_and_who_stays() -> None:
    plan = make_removal_plan(demo_data().licenses, EMAILS, [CJ, LY, WF], keep=[TARGET])
    c = build_removal_confirmation(plan)
    removed = dict(c.removed)
    assert removed[WF] == ("SEN-20110388",)
    assert removed[LY] == ("SEN-20112256", "SEN-20113780")
    kept = {(email, sens) for email, _reason, sens in c.kept}
    assert (LY, ("SEN-20112018",)) in kept  # the primary technical contact there
    text = render_removal_text(plan)
    assert text.startswith("Remove contacts who have left?")
    assert "These people will no longer see these licenses in My Atlassian:" in text
    assert f"- {LY} (2): SEN-20112256, SEN-20113780" in text
    assert "make someone else primary first" in text


def test_removal_confirmation_with_nobody_to_remove() -> None:
    plan = make_removal_plan(demo_data().licenses, EMAILS, [TARGET], keep=[TARGET])
    c = build_removal_confirmation(plan)
    assert not c.writes_anything and c.kept
    assert "Nobody will be removed." in render_removal_text(plan)
