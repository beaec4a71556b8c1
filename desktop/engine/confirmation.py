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
    "Confirmation", "You're about to make %1 the primary technical contact on these %2 licenses:"
)
ADDED_FIRST = QT_TRANSLATE_NOOP(
    "Confirmation", "%1 will first be added as a technical contact on %2 of them."
)
ABLE_TO = QT_TRANSLATE_NOOP("Confirmation", "This means they will be able to:")
PROMOTE_OTHERS = QT_TRANSLATE_NOOP(
    "Confirmation", "promote other contacts to primary in the future."
)
ABILITIES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "Confirmation", "access any invoices for these licenses via email or through My Atlassian"
    ),
    PROMOTE_OTHERS,
)
#: The same for one license.
ABILITIES_ONE: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "Confirmation", "access any invoices for this license via email or through My Atlassian"
    ),
    PROMOTE_OTHERS,
)
#: One license as the confirmation names it: its SEN and its product.
SEN_PRODUCT = QT_TRANSLATE_NOOP("Confirmation", "%1 (%2)")
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
    ``notified`` are the old primaries who receive Atlassian's notification email;
    ``products`` names each license's product (SEN → product), so the person sees which
    licenses these are.
    """

    target: str
    promoted_sens: tuple[str, ...]
    added_first_sens: tuple[str, ...]
    add_only_sens: tuple[str, ...]
    notified: tuple[str, ...]
    abilities: tuple[str, ...] = ABILITIES
    invoices_note: str = INVOICES
    wording: Wording = TECHNICAL
    products: tuple[tuple[str, str], ...] = ()
    abilities_one: tuple[str, ...] = ABILITIES_ONE

    @property
    def writes_anything(self) -> bool:
        return bool(self.promoted_sens or self.add_only_sens)

    @property
    def shown_abilities(self) -> tuple[str, ...]:
        """What the target will be able to do, worded for one license or for several."""
        return self.abilities_one if len(self.promoted_sens) == 1 else self.abilities

    def product(self, sen: str) -> str:
        return dict(self.products).get(sen, "")


def products_of(plan: Plan) -> tuple[tuple[str, str], ...]:
    """Each license's product in ``plan`` (SEN → product), for the confirmation to name."""
    return tuple((entry.sen, entry.license.product) for entry in plan.entries)


def license_name(sen: str, product: str, translate: Translate = identity) -> str:
    """``SEN-1 (Jira Software …)``: a license as the confirmation and the summary name it."""
    if not product:
        return sen
    return substitute(translate("Confirmation", SEN_PRODUCT), (sen, product))


def named_license(c: Confirmation, sen: str, translate: Translate = identity) -> str:
    """A license of ``c`` with its product (:func:`license_name`)."""
    return license_name(sen, c.product(sen), translate)


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
        products=products_of(plan),
    )


def render_confirmation_text(plan: Plan, translate: Translate = identity) -> str:
    """The confirmation as plain text, one paragraph per line group (the CLI prints it)."""
    return "\n".join(confirmation_lines(build_confirmation(plan), translate))


def confirmation_lines(c: Confirmation, translate: Translate = identity) -> list[str]:
    """``c`` as plain-text lines in its own wording (empty lines between paragraphs)."""

    def tr(text: str, *args: str) -> str:
        return substitute(translate("Confirmation", text), args)

    def named(sen: str) -> str:
        return named_license(c, sen, translate)

    w = c.wording
    lines: list[str] = [tr(w.title), ""]
    if c.promoted_sens:
        if len(c.promoted_sens) == 1:
            lines.append(tr(w.intro_one, c.target, named(c.promoted_sens[0])))
        else:
            lines.append(tr(w.intro_many, c.target, str(len(c.promoted_sens))))
            lines += [f"  {named(sen)}" for sen in c.promoted_sens]
        if c.added_first_sens:
            lines.append(tr(w.added_first, c.target, str(len(c.added_first_sens))))
        lines += ["", tr(w.able_to)]
        lines += [f"- {tr(ability)}" for ability in c.shown_abilities]
        lines += ["", tr(c.invoices_note)]
        if c.notified:
            lines += ["", tr(NOTIFIED, ", ".join(c.notified))]
    if c.add_only_sens:
        lines += ["", tr(w.add_only, c.target, ", ".join(named(sen) for sen in c.add_only_sens))]
    if not c.writes_anything:
        lines.append(tr(w.nothing))
    return lines
