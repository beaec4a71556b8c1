"""Guided mode: what to tell the person for each step they do themselves.

Texts are marked for translation in the context ``MyAtlassianGuide``; the UI translates them
with ``QCoreApplication.translate`` and fills ``%1`` (the email) and ``%2`` (the SEN) itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP

CONTEXT = "MyAtlassianGuide"


class GuidedKind(StrEnum):
    ADD_CONTACT = "add-contact"
    MAKE_PRIMARY = "make-primary"
    REMOVE_CONTACT = "remove-contact"


INSTRUCTIONS: dict[GuidedKind, str] = {
    GuidedKind.ADD_CONTACT: QT_TRANSLATE_NOOP(
        "MyAtlassianGuide",
        "On license %2, under Technical Contacts, click the box that says "
        "contact@example.com, paste %1 (it is on the clipboard) and click Add.",
    ),
    GuidedKind.MAKE_PRIMARY: QT_TRANSLATE_NOOP(
        "MyAtlassianGuide",
        "On license %2, under Technical Contacts, click Make Primary beside %1, then click "
        'Yes in the dialog "Promote to primary technical contact?".',
    ),
    GuidedKind.REMOVE_CONTACT: QT_TRANSLATE_NOOP(
        "MyAtlassianGuide",
        "On license %2, under Technical Contacts, click Delete beside %1 and confirm.",
    ),
}

WHY_GUIDED: dict[str, str] = {
    "missing": QT_TRANSLATE_NOOP(
        "MyAtlassianGuide",
        "The page does not show the button the app expected, so it will not click.",
    ),
    "ambiguous": QT_TRANSLATE_NOOP(
        "MyAtlassianGuide",
        "The page shows more than one matching button, so the app will not guess.",
    ),
    "mismatch": QT_TRANSLATE_NOOP(
        "MyAtlassianGuide",
        "The page's dialog is not about this contact, so the app will not confirm it.",
    ),
    "collapsed": QT_TRANSLATE_NOOP(
        "MyAtlassianGuide", "The app could not open the license's details."
    ),
    "chosen": QT_TRANSLATE_NOOP("MyAtlassianGuide", "Guided mode is chosen in the settings."),
}

WAITING = QT_TRANSLATE_NOOP(
    "MyAtlassianGuide", "Waiting for the page to show the change… The app checks it by itself."
)


@dataclass(frozen=True, slots=True)
class GuidedStep:
    """One step the person does themselves; ``reason`` is a key of :data:`WHY_GUIDED`."""

    kind: GuidedKind
    sen: str
    email: str
    reason: str = "chosen"

    @property
    def instruction(self) -> str:
        """The English instruction with the email and SEN filled in (for the CLI and logs)."""
        return INSTRUCTIONS[self.kind].replace("%1", self.email).replace("%2", self.sen)
