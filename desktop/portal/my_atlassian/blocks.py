"""A license read from its own block on the page, to check (and mend) the page text's reading.

The page's text is read like a paste; it cannot show a textarea's value (the classic page's
license key), and text alone can be ambiguous (a contact whose name is an address, a billing
contact named "Technical Contacts", a name that reads like a SEN). The block's structure — which
element holds which address, under which heading — is not: where the two disagree, the block
wins and the log says so; a block that is not sound itself leaves the reading (and its warning)
as it was.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any

from desktop.domain.emails import normalize_email
from desktop.domain.models import Contact, License
from desktop.portal.paste_reader import PasteResult, PasteWarning

log = logging.getLogger(__name__)

_KEY = re.compile(r"[A-Za-z0-9+/=]{16,}", re.ASCII)
#: Warnings about what a sound block reading settles: the contacts and their primaries, and
#: text the reader flagged as not readable unambiguously.
CONTACT_WARNINGS = frozenset(
    {
        "invalid-email",
        "contact-without-email",
        "no-primary",
        "several-primaries",
        "ambiguous",
        "ambiguous-text",
        "not-readable",
        "unreadable",
    }
)


def _contacts(raw: object) -> tuple[Contact, ...] | None:
    """The block's contacts, or None when one of them is not a valid address."""
    if not isinstance(raw, list):
        return None
    out: dict[str, Contact] = {}
    for item in raw:
        if not isinstance(item, dict):
            return None
        try:
            email = normalize_email(str(item.get("email") or ""))
        except (ValueError, UnicodeError):
            return None
        name = item.get("name")
        name = str(name).strip() if isinstance(name, str) and name.strip() else None
        out.setdefault(email, Contact(email, name, bool(item.get("primary"))))
    return tuple(out.values())


def _one_primary(contacts: tuple[Contact, ...]) -> bool:
    return sum(c.primary for c in contacts) == 1


def reconcile(result: PasteResult, blocks: dict[str, Any]) -> PasteResult:
    """``result`` with each license of ``blocks`` checked against its block."""
    licenses: list[License] = []
    settled: dict[str, set[str]] = {}
    for lic in result.licenses:
        raw = blocks.get(lic.sen)
        if not isinstance(raw, dict):
            licenses.append(lic)
            continue
        changes: dict[str, Any] = {}
        done: set[str] = set()
        key = raw.get("key")
        if lic.license_key is None and isinstance(key, str) and _KEY.fullmatch(key):
            changes["license_key"] = key  # a textarea's value: not in the page's text
            done.add("licenseKey")
        technical = _contacts(raw.get("technical"))
        billing = _contacts(raw.get("billing"))
        if technical and _one_primary(technical) and billing is not None:
            if technical != lic.technical_contacts or billing != lic.billing_contacts:
                log.warning(
                    "%s: the page's text and its structure disagree on the contacts; read from "
                    "the license's own block",
                    lic.sen,
                )
                changes["technical_contacts"] = technical
                changes["billing_contacts"] = billing
            done.add("contacts")
        licenses.append(replace(lic, **changes) if changes else lic)
        settled[lic.sen] = done
    warnings = [w for w in result.warnings if not _settled(w, settled)]
    return PasteResult(licenses=licenses, warnings=warnings)


def _settled(warning: PasteWarning, settled: dict[str, set[str]]) -> bool:
    done = settled.get(warning.sen or "")
    if not done:
        return False
    if warning.field == "licenseKey" and warning.key == "missing-field":
        return "licenseKey" in done
    if warning.field == "technicalContacts" and warning.key == "missing-field":
        return "contacts" in done
    return "contacts" in done and warning.key in CONTACT_WARNINGS
