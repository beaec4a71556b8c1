"""The page check: which parts of the My Atlassian licenses page the connector found, what that
means in plain words, and a support report of the page's structure with the data replaced.

Nothing here changes the page; the session reads it (:meth:`MyAtlassianSession.check_page`).
Texts are marked for translation in the context ``MyAtlassianPageCheck``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP
from desktop.domain.models import License

CONTEXT = "MyAtlassianPageCheck"
#: The report file's own format (what support's tools read).
REPORT_FORMAT = 1


class Part(StrEnum):
    """A part of the page the connector needs, in the order the check lists them."""

    LIST = "licenses-list"
    SENS = "sens"
    DETAILS = "details"
    CONTACTS = "technical-contacts"
    ADD_BOX = "add-box"
    MAKE_PRIMARY = "make-primary"
    BILLING = "billing-contacts"  # for moving billing too; the verdict does not depend on it
    DELETE = "delete"  # for removing contacts who have left; nor on this


class Found(StrEnum):
    YES = "found"
    NO = "missing"
    NOT_SHOWN = "not-shown"  # the page has nothing to show it on (no secondary contact yet)


class Verdict(StrEnum):
    READY = "ready"  # reads and acts (assisted)
    GUIDED = "guided"  # reads; the person makes each change, guided
    LIST_ONLY = "list-only"  # sees licenses but not their contacts
    EMPTY = "empty"  # the list is there, with no license in it
    UNREADABLE = "unreadable"  # not the page the app knows
    SIGN_IN = "sign-in"  # the page asks to sign in


PART_NAMES: dict[Part, str] = {
    Part.LIST: QT_TRANSLATE_NOOP("MyAtlassianPageCheck", "Licenses list"),
    Part.SENS: QT_TRANSLATE_NOOP("MyAtlassianPageCheck", "SENs"),
    Part.DETAILS: QT_TRANSLATE_NOOP("MyAtlassianPageCheck", "License details"),
    Part.CONTACTS: QT_TRANSLATE_NOOP("MyAtlassianPageCheck", "Technical contacts"),
    Part.ADD_BOX: QT_TRANSLATE_NOOP("MyAtlassianPageCheck", "Box to add a contact, and Add"),
    Part.MAKE_PRIMARY: QT_TRANSLATE_NOOP("MyAtlassianPageCheck", "Make Primary"),
    Part.BILLING: QT_TRANSLATE_NOOP(
        "MyAtlassianPageCheck", "Billing contacts, with their box to add a contact"
    ),
    Part.DELETE: QT_TRANSLATE_NOOP("MyAtlassianPageCheck", "Delete beside a contact"),
}

FOUND_WORDS: dict[Found, str] = {
    Found.YES: QT_TRANSLATE_NOOP("MyAtlassianPageCheck", "found"),
    Found.NO: QT_TRANSLATE_NOOP("MyAtlassianPageCheck", "not found"),
    Found.NOT_SHOWN: QT_TRANSLATE_NOOP(
        "MyAtlassianPageCheck", "not shown yet (no license has a second contact to promote)"
    ),
}

VERDICT_WORDS: dict[Verdict, str] = {
    Verdict.READY: QT_TRANSLATE_NOOP(
        "MyAtlassianPageCheck",
        "The app can read your licenses and make the changes itself while you watch. It clicks "
        "a control only when exactly one on the page matches.",
    ),
    Verdict.GUIDED: QT_TRANSLATE_NOOP(
        "MyAtlassianPageCheck",
        "The app can read your licenses but will guide you through each step: it did not find "
        "every control it clicks, so it shows you what to click and checks the result.",
    ),
    Verdict.LIST_ONLY: QT_TRANSLATE_NOOP(
        "MyAtlassianPageCheck",
        "The app sees your licenses but cannot read their contacts, so it cannot plan any "
        "change for them. Nothing was changed. Save a page report and send it to support.",
    ),
    Verdict.EMPTY: QT_TRANSLATE_NOOP(
        "MyAtlassianPageCheck",
        "The licenses list is there but empty: this account is not a contact of any license.",
    ),
    Verdict.UNREADABLE: QT_TRANSLATE_NOOP(
        "MyAtlassianPageCheck",
        "The app cannot read this page: it does not look like the licenses list the app "
        "knows (the site may have changed). Nothing was changed. Save a page report and send "
        "it to support.",
    ),
    Verdict.SIGN_IN: QT_TRANSLATE_NOOP(
        "MyAtlassianPageCheck",
        "The page asks to sign in. Sign in to this account, then check the page again.",
    ),
}


@dataclass(frozen=True, slots=True)
class Finding:
    part: Part
    found: Found
    count: int = 0
    shown: tuple[str, ...] = ()  # the page's own words for the part (its labels only)


@dataclass(frozen=True, slots=True)
class PageCheck:
    """What the check found on the page, and what it means."""

    verdict: Verdict
    findings: tuple[Finding, ...]
    licenses: int = 0  # read from the page
    host: str = ""
    secure: bool = False
    profile: str = ""

    def finding(self, part: Part) -> Finding:
        return next(f for f in self.findings if f.part is part)

    def as_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict.value,
            "licensesRead": self.licenses,
            "parts": {
                f.part.value: {"found": f.found.value, "count": f.count, "shown": list(f.shown)}
                for f in self.findings
            },
        }


def _count(data: Mapping[str, Any], key: str) -> int:
    value = data.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _shown(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    shown = data.get("shown")
    texts = shown.get(key) if isinstance(shown, dict) else None
    if not isinstance(texts, list):
        return ()
    return tuple(str(t)[:60] for t in texts if isinstance(t, str))[:3]


def judge(
    inspected: Mapping[str, Any] | None,
    *,
    licenses: list[License] | None,
    signed_in: bool = True,
    host: str = "",
    secure: bool = False,
    profile: str = "",
) -> PageCheck:
    """The check of a page from the connector's ``inspect`` answer and what it read.

    Args:
        inspected: the ``inspect`` script's answer (None: the page ran no script).
        licenses: the licenses read from the page (None: it could not be read as a list).
        signed_in: False when the page is a sign-in page.
    """
    data = inspected or {}
    read = licenses or []
    sens, opened = _count(data, "sens"), _count(data, "open")
    contacts = _count(data, "contacts")
    listed = licenses is not None

    def yes(
        ok: bool, count: int = 0, shown: tuple[str, ...] = ()
    ) -> tuple[Found, int, tuple[str, ...]]:
        return (Found.YES if ok else Found.NO, count, shown)

    parts: dict[Part, tuple[Found, int, tuple[str, ...]]] = {
        Part.LIST: yes(listed, len(read)),
        Part.SENS: yes(sens > 0, sens),
        Part.DETAILS: yes(opened > 0, opened),
        Part.CONTACTS: yes(
            contacts > 0 and _count(data, "technical") > 0,
            contacts,
            _shown(data, "technical_contacts"),
        ),
        Part.ADD_BOX: yes(
            _count(data, "addBoxes") > 0 and _count(data, "addButtons") > 0,
            min(_count(data, "addBoxes"), _count(data, "addButtons")),
            _shown(data, "add"),
        ),
    }
    promote = _count(data, "makePrimary")
    secondaries = sum(len(lic.technical_contacts) > 1 for lic in read)
    parts[Part.MAKE_PRIMARY] = (
        (Found.YES, promote, _shown(data, "make_primary"))
        if promote
        else (Found.NOT_SHOWN if not secondaries else Found.NO, 0, ())
    )
    billing_ok = (
        _count(data, "billing") > 0
        and _count(data, "billingAddBoxes") > 0
        and _count(data, "billingAddButtons") > 0
    )
    parts[Part.BILLING] = yes(
        billing_ok, _count(data, "billingContacts"), _shown(data, "billing_contacts")
    )
    deletes = _count(data, "deletes")
    others = sum(len(lic.technical_contacts) > 1 or len(lic.billing_contacts) > 1 for lic in read)
    parts[Part.DELETE] = (
        (Found.YES, deletes, _shown(data, "delete"))
        if deletes
        else (Found.NOT_SHOWN if not others else Found.NO, 0, ())
    )
    if not read:  # nothing to show the controls on
        for part in (Part.DETAILS, Part.CONTACTS, Part.ADD_BOX, Part.MAKE_PRIMARY, *_EXTRA):
            if listed and parts[part][0] is Found.NO:
                parts[part] = (Found.NOT_SHOWN, 0, ())
    findings = tuple(Finding(part, *parts[part]) for part in Part)
    if not signed_in:
        verdict = Verdict.SIGN_IN
    elif not listed:
        verdict = Verdict.UNREADABLE
    elif not read:
        verdict = Verdict.EMPTY
    elif not all(lic.technical_contacts for lic in read) or parts[Part.CONTACTS][0] is Found.NO:
        verdict = Verdict.LIST_ONLY
    elif parts[Part.ADD_BOX][0] is Found.NO or parts[Part.MAKE_PRIMARY][0] is Found.NO:
        verdict = Verdict.GUIDED
    else:
        verdict = Verdict.READY
    return PageCheck(verdict, findings, len(read), host, secure, profile)


#: The parts for billing and removals: listed, but the verdict is about the technical change.
_EXTRA = (Part.BILLING, Part.DELETE)


# --- the support report ----------------------------------------------------------------------

_EMAIL = re.compile(r"[^\s@\"'<>]+@[^\s@\"'<>]+")
_SEN = re.compile(r"SEN-?\d+", re.I)
_DIGITS = re.compile(r"\d{3,}")
_KEY = re.compile(r"[A-Za-z0-9+/=]{24,}")


def private_values(licenses: Iterable[License], extra: Iterable[str] = ()) -> set[str]:
    """Every email, name, organisation, SEN and key the page showed (what a report must not
    hold), from what was read."""
    values: set[str] = {v for v in extra if v}
    for lic in licenses:
        values.update({lic.sen, lic.sen.removeprefix("SEN-"), lic.organisation, lic.name or ""})
        if lic.license_key:
            values.add(lic.license_key)
        for contact in (*lic.technical_contacts, *lic.billing_contacts):
            values.add(contact.email)
            if contact.name:
                values.add(contact.name)
    return {v for v in values if len(v.strip()) >= 3}


def scrub(value: str, private: Iterable[str]) -> str:
    """``value`` with every private value, address, SEN, run of digits and key replaced."""
    for secret in sorted(private, key=len, reverse=True):
        value = re.sub(re.escape(secret), "<data>", value, flags=re.I)
    value = _EMAIL.sub("<email>", value)
    value = _SEN.sub("<sen>", value)
    value = _KEY.sub("<key>", value)
    return _DIGITS.sub("<digits>", value)


def scrub_tree(node: Any, private: set[str]) -> Any:
    """A copy of a JSON value with :func:`scrub` applied to every text in it (keys too)."""
    if isinstance(node, str):
        return scrub(node, private)
    if isinstance(node, list):
        return [scrub_tree(item, private) for item in node]
    if isinstance(node, dict):
        return {scrub(str(k), private): scrub_tree(v, private) for k, v in node.items()}
    return node


def page_report(
    check: PageCheck,
    structure: Mapping[str, Any] | None,
    *,
    path: str,
    app_version: str,
    private: set[str],
) -> dict[str, Any]:
    """The report support gets: the check, the page's host and path (no query), the profile,
    and the page's structure, with every private value replaced."""
    tree = structure.get("tree") if structure else None
    report = {
        "format": REPORT_FORMAT,
        "app": app_version,
        "profile": check.profile,
        "page": {"host": check.host, "https": check.secure, "path": path.split("?", 1)[0]},
        "check": check.as_dict(),
        "elements": _count(structure or {}, "elements"),
        "cut": bool((structure or {}).get("cut")),
        "structure": tree,
    }
    scrubbed: dict[str, Any] = scrub_tree(report, private)
    scrubbed["profile"] = check.profile  # the profile's name and version are not data
    scrubbed["app"] = app_version
    return scrubbed
