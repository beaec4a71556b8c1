"""The confirmation shown before any write, worded like Atlassian's own dialog
("Promote to primary technical contact?"): the CLI prints the text, the GUI builds its dialog
from the structured form.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP
from desktop.engine.plan import Action, Plan, StepKind
from desktop.engine.reasons import Translate, identity, substitute

TITLE = QT_TRANSLATE_NOOP("Confirmation", "Promote to primary technical contact?")
INTRO_ONE = QT_TRANSLATE_NOOP(
    "Confirmation", "You're about to make %1 the primary technical contact on %2."
)
INTRO_MANY = QT_TRANSLATE_NOOP(
    "Confirmation", "You're about to make %1 the primary technical contact on %2 licenses: %3"
)
ADDED_FIRST = QT_TRANSLATE_NOOP(
    "Confirmation", "%1 will first be added as a technical contact on %2 of them."
)
ABLE_TO = QT_TRANSLATE_NOOP("Confirmation", "This means they will be able to:")
ABILITIES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "Confirmation", "access any invoices for this product via email or through My Atlassian"
    ),
    QT_TRANSLATE_NOOP("Confirmation", "promote other contacts to primary in the future."),
)
INVOICES = QT_TRANSLATE_NOOP(
    "Confirmation",
    "Past invoices will not be transferred and will remain in your My Atlassian account under "
    "Orders.",
)
NOTIFIED = QT_TRANSLATE_NOOP("Confirmation", "A notification email will be sent to %1.")
ADD_ONLY = QT_TRANSLATE_NOOP(
    "Confirmation",
    "%1 will also be added as a technical contact on %2 (it must then sign in and promote "
    "itself, because its email domain differs from the current primary's).",
)
NOTHING = QT_TRANSLATE_NOOP("Confirmation", "Nothing will be changed.")


@dataclass(frozen=True, slots=True)
class Wording:
    """The sentences of one kind of confirmation (technical or billing contacts)."""

    title: str
    intro_one: str
    intro_many: str
    added_first: str
    able_to: str
    add_only: str
    nothing: str


TECHNICAL = Wording(TITLE, INTRO_ONE, INTRO_MANY, ADDED_FIRST, ABLE_TO, ADD_ONLY, NOTHING)


@dataclass(frozen=True, slots=True)
class Confirmation:
    """What the person agrees to: ``target`` becomes primary on ``promoted_sens``.

    ``added_first_sens`` are those among them where it is added as a contact first;
    ``add_only_sens`` where it is only added (it must sign in to promote itself later);
    ``notified`` are the old primaries who receive Atlassian's notification email.
    """

    target: str
    promoted_sens: tuple[str, ...]
    added_first_sens: tuple[str, ...]
    add_only_sens: tuple[str, ...]
    notified: tuple[str, ...]
    abilities: tuple[str, ...] = ABILITIES
    invoices_note: str = INVOICES
    wording: Wording = TECHNICAL

    @property
    def writes_anything(self) -> bool:
        return bool(self.promoted_sens or self.add_only_sens)


def build_confirmation(plan: Plan) -> Confirmation:
    promoting = plan.promoting()
    return Confirmation(
        target=plan.target,
        promoted_sens=tuple(e.sen for e in promoting),
        added_first_sens=tuple(
            e.sen for e in promoting if any(s.kind is StepKind.ADD_CONTACT for s in e.steps)
        ),
        add_only_sens=tuple(
            e.sen
            for e in plan.actionable()
            if e.action is Action.NEEDS_TARGET_SIGN_IN and not e.changes_primary
        ),
        notified=plan.notified(),
    )


def render_confirmation_text(plan: Plan, translate: Translate = identity) -> str:
    """The confirmation as plain text, one paragraph per line group (the CLI prints it)."""
    return "\n".join(confirmation_lines(build_confirmation(plan), translate))


def confirmation_lines(c: Confirmation, translate: Translate = identity) -> list[str]:
    """``c`` as plain-text lines in its own wording (empty lines between paragraphs)."""

    def tr(text: str, *args: str) -> str:
        return substitute(translate("Confirmation", text), args)

    w = c.wording
    lines: list[str] = [tr(w.title), ""]
    if c.promoted_sens:
        if len(c.promoted_sens) == 1:
            lines.append(tr(w.intro_one, c.target, c.promoted_sens[0]))
        else:
            sens = ", ".join(c.promoted_sens)
            lines.append(tr(w.intro_many, c.target, str(len(c.promoted_sens)), sens))
        if c.added_first_sens:
            lines.append(tr(w.added_first, c.target, str(len(c.added_first_sens))))
        lines += ["", tr(w.able_to)]
        lines += [f"- {tr(ability)}" for ability in c.abilities]
        lines += ["", tr(c.invoices_note)]
        if c.notified:
            lines += ["", tr(NOTIFIED, ", ".join(c.notified))]
    if c.add_only_sens:
        lines += ["", tr(w.add_only, c.target, ", ".join(c.add_only_sens))]
    if not c.writes_anything:
        lines.append(tr(w.nothing))
    return lines
