"""The billing half of the confirmation, worded like Atlassian's "Promote to primary billing
contact?" dialog, listed apart from the technical one (CLI text and GUI alike)."""

from __future__ import annotations

from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP
from desktop.engine.confirmation import (
    PROMOTE_OTHERS,
    Confirmation,
    Wording,
    confirmation_lines,
    products_of,
)
from desktop.engine.plan import Action, Plan, StepKind
from desktop.engine.reasons import Translate, identity

TITLE = QT_TRANSLATE_NOOP("Confirmation", "Promote to primary billing contact?")
INTRO_ONE = QT_TRANSLATE_NOOP(
    "Confirmation", "You're about to make %1 the primary billing contact on %2."
)
INTRO_MANY = QT_TRANSLATE_NOOP(
    "Confirmation", "You're about to make %1 the primary billing contact on these %2 licenses:"
)
ADDED_FIRST = QT_TRANSLATE_NOOP(
    "Confirmation", "%1 will first be added as a billing contact on %2 of them."
)
ABLE_TO = QT_TRANSLATE_NOOP("Confirmation", "This means they will:")
ABILITIES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Confirmation", "receive the renewal quotes and invoices for these licenses"),
    PROMOTE_OTHERS,
)
ABILITIES_ONE: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Confirmation", "receive the renewal quotes and invoices for this license"),
    PROMOTE_OTHERS,
)
ADD_ONLY = QT_TRANSLATE_NOOP(
    "Confirmation",
    "%1 will also be added as a billing contact on %2 (it must then sign in and promote "
    "itself, because its email domain differs from the current primary billing contact's).",
)
OFF = QT_TRANSLATE_NOOP(
    "Confirmation",
    "Billing contacts are not changed: renewal quotes and invoices keep going to the current "
    "primary billing contacts.",
)
NOTHING = QT_TRANSLATE_NOOP("Confirmation", "No billing contact will be changed.")


BILLING = Wording(TITLE, INTRO_ONE, INTRO_MANY, ADDED_FIRST, ABLE_TO, ADD_ONLY, NOTHING)


def build_billing_confirmation(plan: Plan) -> Confirmation | None:
    """The billing part of ``plan``'s confirmation, or None when billing is not moved."""
    if not plan.also_billing:
        return None
    promoting = plan.billing_promoting()
    return Confirmation(
        target=plan.target,
        promoted_sens=tuple(e.sen for e in promoting),
        added_first_sens=tuple(
            e.sen
            for e in promoting
            if any(s.kind is StepKind.ADD_BILLING_CONTACT for s in e.steps)
            and e.billing is not None
            and e.billing.old_primary is not None
        ),
        add_only_sens=tuple(
            e.sen
            for e in plan.actionable()
            if e.billing is not None
            and e.billing.action is Action.NEEDS_TARGET_SIGN_IN
            and any(s.kind is StepKind.ADD_BILLING_CONTACT for s in e.steps)
        ),
        notified=plan.billing_notified(),
        abilities=ABILITIES,
        abilities_one=ABILITIES_ONE,
        wording=BILLING,
        products=products_of(plan),
    )


def render_billing_lines(plan: Plan, translate: Translate = identity) -> list[str]:
    """The billing part as plain-text lines (empty-line separated paragraphs)."""
    c = build_billing_confirmation(plan)
    if c is None:
        return [translate("Confirmation", OFF)]
    return confirmation_lines(c, translate)
