"""Ways a test can make the replica behave like a changed or misbehaving real page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The page's visible labels, as the real My Atlassian shows them (see the seed).
DEFAULT_LABELS: dict[str, str] = {
    "add": "Add",
    "make_primary": "Make Primary",
    "delete": "Delete",
    "yes": "Yes",
    "cancel": "Cancel",
    "placeholder": "contact@example.com",
    "technical_contacts": "Technical Contacts",
    "billing_contacts": "Billing Contacts",
    "promote_title": "Promote to primary technical contact?",
    "promote_billing_title": "Promote to primary billing contact?",
    "delete_title": "Delete technical contact?",
    "delete_billing_title": "Delete billing contact?",
}


@dataclass
class ReplicaQuirks:
    """``labels`` renames visible labels (e.g. ``{"make_primary": "Set as primary"}``);
    ``ignore_writes`` makes every change look accepted but leaves the data as it was;
    ``load_delay_ms`` delays the list like a slow single-page app; ``expire_after_write``
    ends the signed-in account's session right after its n-th change made through the page
    (counted from when the quirks were set; 0: never): that change is applied, but its answer
    is "your session has expired", so whoever clicked does not know whether it took effect;
    ``delete_beside_primary`` shows Delete beside primary contacts too (a page the connector
    must still not click)."""

    labels: dict[str, str] = field(default_factory=dict)
    ignore_writes: bool = False
    load_delay_ms: int = 0
    expire_after_write: int = 0
    delete_beside_primary: bool = False
    writes: int = field(default=0, compare=False)  # changes made through the page so far

    def session_ends_now(self) -> bool:
        """Count one change made through the page; True when it is the one to end the
        session after."""
        self.writes += 1
        return self.writes == self.expire_after_write

    def label(self, key: str) -> str:
        return self.labels.get(key, DEFAULT_LABELS[key])

    def all_labels(self) -> dict[str, str]:
        return {key: self.label(key) for key in DEFAULT_LABELS}

    @classmethod
    def from_json(cls, raw: Any) -> ReplicaQuirks:
        """Parse ``{"labels": {...}, "ignoreWrites": bool, "loadDelayMs": int,
        "expireAfterWrite": int, "deleteBesidePrimary": bool}``."""
        if not isinstance(raw, dict):
            raise ValueError("quirks must be a JSON object")
        labels = raw.get("labels") or {}
        if not isinstance(labels, dict) or not all(
            key in DEFAULT_LABELS and isinstance(value, str) for key, value in labels.items()
        ):
            raise ValueError(f"labels must map some of {sorted(DEFAULT_LABELS)} to strings")
        delay = raw.get("loadDelayMs", 0)
        if not isinstance(delay, int) or not 0 <= delay <= 10_000:
            raise ValueError("loadDelayMs must be a whole number from 0 to 10000")
        after = raw.get("expireAfterWrite", 0)
        if not isinstance(after, int) or isinstance(after, bool) or not 0 <= after <= 10_000:
            raise ValueError("expireAfterWrite must be a whole number from 0 to 10000")
        return cls(
            labels=dict(labels),
            ignore_writes=bool(raw.get("ignoreWrites")),
            load_delay_ms=delay,
            expire_after_write=after,
            delete_beside_primary=bool(raw.get("deleteBesidePrimary")),
        )
