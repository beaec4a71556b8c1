"""The confirmation before removing contacts who have left, in plain words: who will no
longer see which licenses, and who stays (and why)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP
from desktop.engine.plan import Plan
from desktop.engine.reasons import Reason, Translate, identity, substitute

TITLE = QT_TRANSLATE_NOOP("RemovalConfirmation", "Remove contacts who have left?")
LEAD = QT_TRANSLATE_NOOP(
    "RemovalConfirmation", "These people will no longer see these licenses in My Atlassian:"
)
PERSON = QT_TRANSLATE_NOOP("RemovalConfirmation", "%1 (%2): %3")
KEPT_LEAD = QT_TRANSLATE_NOOP(
    "RemovalConfirmation", "These stay on some licenses, and nothing is changed for them there:"
)
KEPT: dict[str, str] = {
    Reason.REMOVE_PRIMARY_TECHNICAL: QT_TRANSLATE_NOOP(
        "RemovalConfirmation",
        "%1 on %2: the primary technical contact — make someone else primary first.",
    ),
    Reason.REMOVE_PRIMARY_BILLING: QT_TRANSLATE_NOOP(
        "RemovalConfirmation",
        "%1 on %2: the primary billing contact — make someone else primary first.",
    ),
    Reason.REMOVE_TARGET: QT_TRANSLATE_NOOP(
        "RemovalConfirmation", "%1 on %2: the account the licenses were gathered under."
    ),
    Reason.REMOVE_NO_SIGNED_IN_CONTACT: QT_TRANSLATE_NOOP(
        "RemovalConfirmation",
        "%1 on %2: none of the signed-in accounts is a contact there — sign in as one.",
    ),
}
UNDO = QT_TRANSLATE_NOOP(
    "RemovalConfirmation",
    "A removed contact can only be added back by someone who is still a contact of the license.",
)
NOTHING = QT_TRANSLATE_NOOP("RemovalConfirmation", "Nobody will be removed.")


@dataclass(frozen=True, slots=True)
class RemovalConfirmation:
    """``removed``: (email, SENs) of each person who will no longer see those licenses;
    ``kept``: (email, reason key, SENs) of each person left on licenses, by reason."""

    removed: tuple[tuple[str, tuple[str, ...]], ...]
    kept: tuple[tuple[str, str, tuple[str, ...]], ...]

    @property
    def writes_anything(self) -> bool:
        return bool(self.removed)


def build_removal_confirmation(plan: Plan) -> RemovalConfirmation:
    removed: dict[str, list[str]] = defaultdict(list)
    kept: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entry in plan.entries:
        for removal in entry.removals:
            if removal.removed and entry.actionable:
                removed[removal.email].append(entry.sen)
            elif removal.reason in KEPT:
                kept[(removal.email, removal.reason)].append(entry.sen)
    return RemovalConfirmation(
        removed=tuple((email, tuple(sens)) for email, sens in sorted(removed.items())),
        kept=tuple((e, reason, tuple(sens)) for (e, reason), sens in sorted(kept.items())),
    )


def render_removal_text(plan: Plan, translate: Translate = identity) -> str:
    """The removal confirmation as plain text (the CLI prints it)."""

    def tr(text: str, *args: str) -> str:
        return substitute(translate("RemovalConfirmation", text), args)

    c = build_removal_confirmation(plan)
    lines = [tr(TITLE), ""]
    if c.removed:
        lines.append(tr(LEAD))
        lines += [
            "- " + tr(PERSON, email, str(len(sens)), ", ".join(sens)) for email, sens in c.removed
        ]
        lines += ["", tr(UNDO)]
    else:
        lines.append(tr(NOTHING))
    if c.kept:
        lines += ["", tr(KEPT_LEAD)]
        lines += ["- " + tr(KEPT[reason], email, ", ".join(sens)) for email, reason, sens in c.kept]
    return "\n".join(lines)
