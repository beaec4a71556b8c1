"""The visible labels of the My Atlassian licenses page the connector acts by (see the seed)."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class PageLabels:
    """Exact texts, as a person sees them. A label the page no longer shows, or shows more than
    once where one is expected, makes the connector refuse to click."""

    technical_contacts: str = "Technical Contacts"
    billing_contacts: str = "Billing Contacts"
    placeholder: str = "contact@example.com"
    add: str = "Add"
    make_primary: str = "Make Primary"
    delete: str = "Delete"
    promote_title: str = "Promote to primary technical contact?"
    yes: str = "Yes"
    cancel: str = "Cancel"
    primary: str = "PRIMARY"

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


MY_ATLASSIAN_LABELS = PageLabels()
