"""The visible labels of the My Atlassian licenses page the connector reads and acts by.

Each label has the texts the connector accepts for it, first the usual one. Which texts they
are comes from the site profile (``site_profile.json``, or an override file support hands out).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

Texts = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PageLabels:
    """The texts accepted for each label, as a person sees them (compared without regard to
    case or runs of spaces). Whatever the alternatives, a control is clicked only when exactly
    one on the page matches; none, or more than one, makes the connector refuse."""

    technical_contacts: Texts = ("Technical Contacts",)
    billing_contacts: Texts = ("Billing Contacts",)
    placeholder: Texts = ("contact@example.com",)
    add: Texts = ("Add",)
    make_primary: Texts = ("Make Primary",)
    delete: Texts = ("Delete",)
    promote_title: Texts = ("Promote to primary technical contact?",)
    promote_billing_title: Texts = ("Promote to primary billing contact?",)
    delete_title: Texts = ("Delete technical contact?", "Remove technical contact?")
    delete_billing_title: Texts = ("Delete billing contact?", "Remove billing contact?")
    yes: Texts = ("Yes",)
    cancel: Texts = ("Cancel",)
    primary: Texts = ("PRIMARY",)
    license_key: Texts = ("License Key",)
    expand: Texts = ("Expand",)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """Every label's key (a site profile lists them all but :data:`LATER_LABELS`)."""
        return tuple(f.name for f in fields(cls))

    def as_dict(self) -> dict[str, list[str]]:
        return {key: list(getattr(self, key)) for key in self.names()}

    def first(self, key: str) -> str:
        """The usual text of ``key`` (what the instructions say when the page shows none)."""
        texts: Texts = getattr(self, key)
        return texts[0]


#: Labels a profile of format 1 may leave out (they came with billing contacts and Delete):
#: an override written before them keeps working, these taking the defaults above.
LATER_LABELS = frozenset({"promote_billing_title", "delete_title", "delete_billing_title"})

MY_ATLASSIAN_LABELS = PageLabels()
