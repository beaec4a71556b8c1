"""The billing half of the confirmation, worded like Atlassian's "Promote to primary billing
contact?" dialog, listed apart from the technical one (CLI text and GUI alike)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP
from desktop.engine.confirmation import INVOICES, NOTIFIED
from desktop.engine.plan import Action, Plan, StepKind
from desktop.engine.reasons import Translate, identity, substitute

TITLE = QT_TRANSLATE_NOOP("Confirmation", "Promote to primary billing contact?")
INTRO_ONE = QT_TRANSLATE_NOOP(
    "Confirmation", "You're about to make %1 the primary billing contact on %2."
)
INTRO_MANY = QT_TRANSLATE_NOOP(
    "Confirmation", "You're about to make %1 the primary billing contact on %2 licenses: %3"
)
ADDED_FIRST = QT_TRANSLATE_NOOP(
    "Confirmation", "%1 will first be added as a billing contact on %2 of them."
)
ABLE_TO = QT_TRANSLATE_NOOP("Confirmation", "This means they will:")
ABILITIES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Confirmation", "receive the renewal quotes and invoices for this product"),
    QT_TRANSLATE_NOOP("Confirmation", "promote other contacts to primary in the future."),
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


@dataclass(frozen=True, slots=True)
class BillingConfirmation:
    """``target`` becomes the primary billing contact on ``promoted_sens`` (added first on
    ``added_first_sens``), is only added on ``add_only_sens``; ``notified`` are the old primary
    billing contacts who receive the notification email."""

    target: str
    promoted_sens: tuple[str, ...]
    added_first_sens: tuple[str, ...]
    add_only_sens: tuple[str, ...]
    notified: tuple[str, ...]
    abilities: tuple[str, ...] = ABILITIES
    invoices_note: str = INVOICES

    @property
    def writes_anything(self) -> bool:
        return bool(self.promoted_sens or self.add_only_sens)


def build_billing_confirmation(plan: Plan) -> BillingConfirmation | None:
    """The billing part of ``plan``'s confirmation, or None when billing is not moved."""
    if not plan.also_billing:
        return None
    promoting = plan.billing_promoting()
    return BillingConfirmation(
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
    )


def render_billing_lines(plan: Plan, translate: Translate = identity) -> list[str]:
    """The billing part as plain-text lines (empty-line separated paragraphs)."""

    def tr(text: str, *args: str) -> str:
        return substitute(translate("Confirmation", text), args)

    c = build_billing_confirmation(plan)
    if c is None:
        return [tr(OFF)]
    lines: list[str] = [tr(TITLE), ""]
    if c.promoted_sens:
        if len(c.promoted_sens) == 1:
            lines.append(tr(INTRO_ONE, c.target, c.promoted_sens[0]))
        else:
            sens = ", ".join(c.promoted_sens)
            lines.append(tr(INTRO_MANY, c.target, str(len(c.promoted_sens)), sens))
        if c.added_first_sens:
            lines.append(tr(ADDED_FIRST, c.target, str(len(c.added_first_sens))))
        lines += ["", tr(ABLE_TO)]
        lines += [f"- {tr(ability)}" for ability in c.abilities]
        lines += ["", tr(c.invoices_note)]
        if c.notified:
            lines += ["", tr(NOTIFIED, ", ".join(c.notified))]
    if c.add_only_sens:
        lines += ["", tr(ADD_ONLY, c.target, ", ".join(c.add_only_sens))]
    if not c.writes_anything:
        lines.append(tr(NOTHING))
    return lines
