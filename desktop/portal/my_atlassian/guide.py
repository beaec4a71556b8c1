"""Guided mode: what to tell the person for each step they do themselves.

Texts are marked for translation in the context ``MyAtlassianGuide``; the UI translates them
with ``QCoreApplication.translate`` and fills ``%1`` (the email) and ``%2`` (the SEN) itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP

CONTEXT = "MyAtlassianGuide"


class GuidedKind(StrEnum):
    ADD_CONTACT = "add-contact"
    MAKE_PRIMARY = "make-primary"
    REMOVE_CONTACT = "remove-contact"


#: %1 the email, %2 the SEN; %3 the section's heading (Technical or Billing Contacts), %4 the
#: control, %5 the add box's hint, %6 the dialog's title, %7 its Yes: each as the page shows it
#: (see :meth:`GuidedStep.fill`).
INSTRUCTIONS: dict[GuidedKind, str] = {
    GuidedKind.ADD_CONTACT: QT_TRANSLATE_NOOP(
        "MyAtlassianGuide",
        'On license %2, under "%3", click the box that says "%5", paste %1 (it is on the '
        'clipboard) and click "%4".',
    ),
    GuidedKind.MAKE_PRIMARY: QT_TRANSLATE_NOOP(
        "MyAtlassianGuide",
        'On license %2, under "%3", click "%4" beside %1, then click "%7" in the dialog "%6".',
    ),
    GuidedKind.REMOVE_CONTACT: QT_TRANSLATE_NOOP(
        "MyAtlassianGuide",
        'On license %2, under "%3", click "%4" beside %1 and confirm.',
    ),
}

# The label each kind of step clicks (a key of the site profile's labels).
CONTROL: dict[GuidedKind, str] = {
    GuidedKind.ADD_CONTACT: "add",
    GuidedKind.MAKE_PRIMARY: "make_primary",
    GuidedKind.REMOVE_CONTACT: "delete",
}

# The sections of a license's block a step can be about, and each one's heading label.
TECHNICAL, BILLING = "technical", "billing"
HEADING = {TECHNICAL: "technical_contacts", BILLING: "billing_contacts"}
# The label of the dialog a step's control opens, by kind and section.
DIALOG = {
    (GuidedKind.MAKE_PRIMARY, TECHNICAL): "promote_title",
    (GuidedKind.MAKE_PRIMARY, BILLING): "promote_billing_title",
    (GuidedKind.REMOVE_CONTACT, TECHNICAL): "delete_title",
    (GuidedKind.REMOVE_CONTACT, BILLING): "delete_billing_title",
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
    "disabled": QT_TRANSLATE_NOOP(
        "MyAtlassianGuide",
        "The page shows the button greyed out, so the app will not click it.",
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
    """One step the person does themselves; ``reason`` is a key of :data:`WHY_GUIDED`.

    ``section`` is the part of the license's block the step is about (:data:`TECHNICAL` or
    :data:`BILLING`). ``shown`` holds the texts the page itself uses for the step's labels
    (``("make_primary", "Set as primary")``, …), so the words name what the person sees;
    ``usual`` the profile's first texts, for a label the page does not show.
    """

    kind: GuidedKind
    sen: str
    email: str
    reason: str = "chosen"
    shown: tuple[tuple[str, str], ...] = ()
    usual: tuple[tuple[str, str], ...] = ()
    section: str = TECHNICAL

    @property
    def dialog(self) -> str:
        """The label of the dialog the step's control opens (the promotion's for an add)."""
        return DIALOG.get((self.kind, self.section), "promote_title")

    def label(self, key: str) -> str:
        """The page's text for ``key`` where it shows one, else the profile's usual one."""
        for source in (self.shown, self.usual):
            for name, text in source:
                if name == key and text:
                    return text
        return _DEFAULT_TEXTS.get(key, key)

    def fill(self, template: str) -> str:
        """``template`` (one of :data:`INSTRUCTIONS`, maybe translated) with its blanks filled."""
        values = {
            "%7": self.label("yes"),
            "%6": self.label(self.dialog),
            "%5": self.label("placeholder"),
            "%4": self.label(CONTROL[self.kind]),
            "%3": self.label(HEADING.get(self.section, "technical_contacts")),
            "%2": self.sen,
            "%1": self.email,
        }
        return re.sub(r"%[1-7]", lambda mark: values[mark.group(0)], template)  # one pass

    @property
    def instruction(self) -> str:
        """The English instruction, filled in (for the CLI and logs)."""
        return self.fill(INSTRUCTIONS[self.kind])


_DEFAULT_TEXTS = {
    "add": "Add",
    "make_primary": "Make Primary",
    "delete": "Delete",
    "yes": "Yes",
    "promote_title": "Promote to primary technical contact?",
    "promote_billing_title": "Promote to primary billing contact?",
    "delete_title": "Delete technical contact?",
    "delete_billing_title": "Delete billing contact?",
    "placeholder": "contact@example.com",
    "technical_contacts": "Technical Contacts",
    "billing_contacts": "Billing Contacts",
}
