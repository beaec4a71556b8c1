"""The confirmation, worded like Atlassian's "Promote to primary technical contact?" dialog."""

from __future__ import annotations

from desktop.engine.confirmation import build_confirmation, render_confirmation_text
from desktop.engine.planner import make_plan
from tests.licenses import OTHER, PUBLIC, SAME, STRANGER, TARGET, make_license


def test_one_license_reads_like_the_seed_dialog() -> None:
    plan = make_plan(
        [make_license("SEN-12683313", primary=SAME, technical=(TARGET,))], [SAME], TARGET
    )
    text = render_confirmation_text(plan)
    assert text.splitlines()[0] == "Promote to primary technical contact?"
    assert (
        f"You're about to make {TARGET} the primary technical contact on SEN-12683313 "
        "(Jira Software (Server) 25 Users: Commercial License)." in text
    )
    assert "This means they will be able to:" in text
    assert "- access any invoices for this license via email or through My Atlassian" in text
    assert "this product" not in text
    assert "- promote other contacts to primary in the future." in text
    assert (
        "Past invoices will not be transferred and will remain in your My Atlassian account "
        "under Orders." in text
    )
    assert f"A notification email will be sent to {SAME}." in text
    assert "AAAB" not in text


def test_many_licenses_list_every_sen_and_every_notified_primary() -> None:
    licenses = [
        make_license("SEN-1", primary=SAME),
        make_license("SEN-2", primary=OTHER),
        make_license("SEN-3", primary=TARGET),
        make_license("SEN-4", primary=PUBLIC),
        make_license("SEN-5", primary=STRANGER),
        make_license("SEN-6", primary=SAME, evaluation=True),
    ]
    plan = make_plan(licenses, [SAME, OTHER, TARGET], TARGET)
    confirmation = build_confirmation(plan)
    assert confirmation.promoted_sens == ("SEN-1", "SEN-2")
    assert confirmation.added_first_sens == ("SEN-1", "SEN-2")
    assert confirmation.notified == tuple(sorted((SAME, OTHER)))
    text = render_confirmation_text(plan)
    lines = text.splitlines()
    at = lines.index(
        f"You're about to make {TARGET} the primary technical contact on these 2 licenses:"
    )
    assert lines[at + 1 : at + 3] == [
        "  SEN-1 (Jira Software (Server) 25 Users: Commercial License)",
        "  SEN-2 (Jira Software (Server) 25 Users: Commercial License)",
    ]
    assert "- access any invoices for these licenses via email or through My Atlassian" in text
    assert "this product" not in text
    assert "will first be added as a technical contact on 2 of them" in text
    assert "SEN-3" not in text and "SEN-5" not in text and "SEN-6" not in text


def test_add_only_licenses_are_mentioned() -> None:
    plan = make_plan([make_license("SEN-7", primary=OTHER)], [OTHER], TARGET)
    confirmation = build_confirmation(plan)
    assert confirmation.promoted_sens == ()
    assert confirmation.add_only_sens == ("SEN-7",)
    assert confirmation.notified == ()
    text = render_confirmation_text(plan)
    assert (
        "also be added as a technical contact on SEN-7 "
        "(Jira Software (Server) 25 Users: Commercial License)" in text
    )
    assert "notification" not in text


def test_translation_is_applied_to_every_line() -> None:
    plan = make_plan([make_license("SEN-1", primary=SAME)], [SAME], TARGET)
    text = render_confirmation_text(plan, lambda context, text: f"<{context}:{text}>")
    lines = [line for line in text.splitlines() if line]
    assert all("<Confirmation:" in line for line in lines)
    assert TARGET in text and "SEN-1" in text


def test_nothing_to_do_says_so() -> None:
    plan = make_plan([make_license(primary=TARGET)], [TARGET], TARGET)
    assert "Nothing will be changed." in render_confirmation_text(plan)
