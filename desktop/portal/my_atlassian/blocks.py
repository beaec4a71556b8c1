"""A license read from its own block on the page, to check (and mend) the page text's reading.

The page's text is read like a paste; it cannot show a textarea's value (the classic page's
license key), and text alone can be ambiguous (a contact whose name is an address, a billing
contact named "Technical Contacts", a name that reads like a SEN). The block's structure — which
element holds which address, under which heading — is not: where the two disagree, the block
wins and the log says so; a block that is not sound itself leaves the reading (and its warning)
as it was. A license the reader could not read unambiguously (``PasteResult.unreadable``) is
read from its block when the block is sound, and stays not readable otherwise. Reading to act
on a license or to check a step (``from_blocks_only``), a license counts only as its own
block shows it: without a readable block it is not readable, whatever the page's text says.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any

from desktop.domain.emails import normalize_email
from desktop.domain.models import Contact, License
from desktop.portal.paste_reader import PasteResult, PasteWarning, Unreadable

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


#: Why a license is not readable when only its own block may say what it is.
NO_BLOCK = "block-not-read"


def _page_order(result: PasteResult) -> list[License | Unreadable]:
    """The readable and the unreadable licenses together, in the page's order."""
    flagged = {u.position: u for u in result.unreadable}
    readable = iter(result.licenses)
    order: list[License | Unreadable] = []
    for position in range(len(result.licenses) + len(flagged)):
        order.append(flagged[position] if position in flagged else next(readable))
    return order


def reconcile(
    result: PasteResult, blocks: dict[str, Any], *, from_blocks_only: bool = False
) -> PasteResult:
    """``result`` with each license of ``blocks`` checked against its block."""
    licenses: list[License] = []
    unreadable: list[Unreadable] = []
    settled: dict[str, set[str]] = {}
    warnings: list[PasteWarning] = []
    for item in _page_order(result):
        raw = blocks.get(item.sen)
        technical = billing = None
        if isinstance(raw, dict):
            technical, billing = _contacts(raw.get("technical")), _contacts(raw.get("billing"))
        sound = bool(technical) and billing is not None  # the block was read, every address valid
        settles = technical is not None and _one_primary(technical) and billing is not None
        position = len(licenses) + len(unreadable)
        if isinstance(item, Unreadable):
            if not (settles or (from_blocks_only and sound)):
                unreadable.append(replace(item, position=position))
                continue
            log.warning("%s: the page's text reads two ways; read from its own block", item.sen)
            lic, own_warnings = item.reading, list(item.warnings)
        else:
            lic, own_warnings = item, []
        if from_blocks_only and not sound:
            unreadable.append(_without_block(lic, position))
            continue
        if not isinstance(raw, dict):
            licenses.append(lic)
            continue
        changes: dict[str, Any] = {}
        done: set[str] = set()
        key = raw.get("key")
        if lic.license_key is None and isinstance(key, str) and _KEY.fullmatch(key):
            changes["license_key"] = key  # a textarea's value: not in the page's text
            done.add("licenseKey")
        if technical is not None and billing is not None and (settles or from_blocks_only):
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
        warnings += own_warnings
    kept = [w for w in [*result.warnings, *warnings] if not _settled(w, settled)]
    order = {lic.sen: n for n, lic in enumerate(licenses)}
    kept.sort(key=lambda w: order.get(w.sen or "", -1))
    return PasteResult(licenses=licenses, warnings=kept, unreadable=unreadable)


def _without_block(lic: License, position: int) -> Unreadable:
    """A license whose own block could not be read, where only the block may say."""
    message = f"{lic.sen}: its own block on the page could not be read"
    return Unreadable(lic.sen, NO_BLOCK, "", message, lic, (), position)


def _settled(warning: PasteWarning, settled: dict[str, set[str]]) -> bool:
    done = settled.get(warning.sen or "")
    if not done:
        return False
    if warning.field == "licenseKey" and warning.key == "missing-field":
        return "licenseKey" in done
    if warning.field == "technicalContacts" and warning.key == "missing-field":
        return "contacts" in done
    return "contacts" in done and warning.key in CONTACT_WARNINGS
