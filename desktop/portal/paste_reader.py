"""The paste reader: text copied from the My Atlassian licenses page (select all, copy) → Licenses.

Per license the page shows a summary row (SEN, Product, Name, Support Expires, Support) and,
when the license is expanded, its details (Name, Organization, SEN, License Key, Technical
Contacts, Billing Contacts, Actions). Page text around them is ignored. The reader never
invents: a field it cannot read stays empty and is reported as a :class:`PasteWarning`; a license
whose text can be read two ways (a contact named by an address or like a heading, a name that
reads like a SEN) is left out and listed in :attr:`PasteResult.unreadable`, never guessed at.

It reads in one pass over the lines (each looked up once), so time and memory grow with the
text's length only: 13 MB of page text take about a second and a few times its size.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum, auto
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from desktop.domain.emails import normalize_email
from desktop.domain.errors import DomainError
from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP
from desktop.domain.models import Contact, Hosting, License, LicenseType
from desktop.domain.product import hosting_from_product, license_type_from_product
from desktop.domain.sen import normalize_sen

logger = logging.getLogger(__name__)

#: The most text one paste may hold: a 10,000-license page is about 8 million characters
#: (13 MB as UTF-8 with Chinese names). Anything longer is refused before it is read.
MAX_PASTE_CHARS = 32 * 1024 * 1024
#: The most bytes a saved paste may have; a file is never read further (``/dev/zero``).
MAX_PASTE_BYTES = 32 * 1024 * 1024
#: The most licenses one paste may hold (an account shows a few thousand).
MAX_PASTE_LICENSES = 50_000
#: No address is longer (RFC 5321); a longer line is not validated as one.
_LONGEST_EMAIL = 320

#: What each warning key means; ``%1`` is the SEN, ``%2`` a detail. The UI translates these
#: templates (``QCoreApplication.translate("PasteReader", …)``) and fills them in itself.
WARNING_TEXTS: dict[str, str] = {
    "missing-field": QT_TRANSLATE_NOOP("PasteReader", "%1: the paste does not show its %2."),
    "details-missing": QT_TRANSLATE_NOOP(
        "PasteReader",
        "%1: only the summary row was pasted; expand the license on the page to read its key "
        "and contacts.",
    ),
    "unreadable-date": QT_TRANSLATE_NOOP(
        "PasteReader", "%1: the support expiry date %2 could not be read."
    ),
    "unreadable-license-key": QT_TRANSLATE_NOOP(
        "PasteReader",
        "%1: the license key contains text that is not part of a key; it was left out.",
    ),
    "invalid-email": QT_TRANSLATE_NOOP("PasteReader", "%1: %2 is not a valid email address."),
    "contact-without-email": QT_TRANSLATE_NOOP(
        "PasteReader", "%1: the contact %2 has no email address in the paste."
    ),
    "no-primary": QT_TRANSLATE_NOOP("PasteReader", "%1: no %2 contact is marked PRIMARY."),
    "several-primaries": QT_TRANSLATE_NOOP(
        "PasteReader", "%1: more than one %2 contact is marked PRIMARY."
    ),
    "name-truncated": QT_TRANSLATE_NOOP(
        "PasteReader", "%1: the name is cut short (%2); expand the license to read it in full."
    ),
    "sen-mismatch": QT_TRANSLATE_NOOP(
        "PasteReader", "%1: the details show another SEN (%2); the row's SEN was kept."
    ),
    "duplicate-sen": QT_TRANSLATE_NOOP(
        "PasteReader", "%1 appears more than once in the paste; the last one was used."
    ),
    "unknown-license-type": QT_TRANSLATE_NOOP(
        "PasteReader", "%1: the product text does not say the license type."
    ),
    "unknown-hosting": QT_TRANSLATE_NOOP(
        "PasteReader", "%1: the product text does not say Server, Data Center or Cloud."
    ),
}

#: Why a license could not be read unambiguously; ``%1`` is the SEN, ``%2`` the text that
#: can be read two ways. Translated like :data:`WARNING_TEXTS`.
UNREADABLE_TEXTS: dict[str, str] = {
    "name-is-address": QT_TRANSLATE_NOOP(
        "PasteReader",
        "%1 was not read: a contact's name on the page is an email address (%2), so the text "
        "cannot tell which address is the contact.",
    ),
    "label-as-name": QT_TRANSLATE_NOOP(
        "PasteReader",
        "%1 was not read: the page shows %2 where a name or an address belongs, so the text "
        "cannot tell a name from the page's headings.",
    ),
    "sen-as-name": QT_TRANSLATE_NOOP(
        "PasteReader",
        "%1 was not read: a name on the page reads like a SEN (%2), so the text cannot tell it "
        "from another license.",
    ),
    "address-out-of-place": QT_TRANSLATE_NOOP(
        "PasteReader",
        "%1 was not read: the address %2 is outside the license's contact lists, so the text "
        "cannot tell whose it is.",
    ),
}

#: Plain words for the contract's field names, used in warning messages.
_FIELD_WORDS: dict[str, str] = {
    "product": "product",
    "name": "name",
    "organisation": "organization",
    "supportExpires": "support expiry date",
    "licenseKey": "license key",
    "technicalContacts": "technical",
    "billingContacts": "billing",
}


class PasteError(DomainError):
    """No license could be read; ``key`` says why, the message what was expected."""

    key = "paste-error"

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True, slots=True)
class PasteWarning:
    """Something the reader could not read; ``key`` is a stable id (see :data:`WARNING_TEXTS`)."""

    key: str
    sen: str | None
    field: str | None
    message: str


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A license whose text can be read more than one way: not in ``licenses``, never guessed.

    ``key`` says why (see :data:`UNREADABLE_TEXTS`), ``detail`` which text; ``reading`` is what
    the text seems to say, for a check against the page's structure only (the live connector
    settles the contacts from the license's own block); ``position`` is its place on the page.
    """

    sen: str
    key: str
    detail: str
    message: str
    reading: License
    warnings: tuple[PasteWarning, ...] = ()
    position: int = 0


@dataclass(frozen=True, slots=True)
class PasteResult:
    licenses: list[License]
    warnings: list[PasteWarning]
    unreadable: list[Unreadable] = field(default_factory=list)


# --- tokens ----------------------------------------------------------------------------------

_SEN_ROW = re.compile(r"SEN-?[0-9]{1,12}", re.IGNORECASE | re.ASCII)
_KEY_PART = re.compile(r"[A-Za-z0-9+/=]+", re.ASCII)
_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
#: What str.splitlines breaks lines at, besides "\n".
_OTHER_LINE_BREAKS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")

_MONTHS: dict[str, int] = {}
for _number, (_short, _long) in enumerate(
    [
        ("jan", "january"),
        ("feb", "february"),
        ("mar", "march"),
        ("apr", "april"),
        ("may", "may"),
        ("jun", "june"),
        ("jul", "july"),
        ("aug", "august"),
        ("sep", "september"),
        ("oct", "october"),
        ("nov", "november"),
        ("dec", "december"),
    ],
    start=1,
):
    _MONTHS[_short] = _MONTHS[_long] = _number
    _MONTHS[f"{_number}月"] = _number
_MONTHS["sept"] = 9
for _number, _chinese in enumerate(
    ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"), start=1
):
    _MONTHS[f"{_chinese}月"] = _number

_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})\s*([^\s0-9.,]+|[0-9]{1,2}月)\.?,?\s*([0-9]{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.?\s+([0-9]{1,2}),?\s+([0-9]{4})")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_CHINESE_DATE = re.compile(r"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")


def _tokens(text: str) -> list[str]:
    """Non-blank lines (and table cells), trimmed, with every run of whitespace one space."""
    if "\t" in text:  # table cells copied as one tab-separated line
        text = text.replace("\t", "\n")
    # str.split is much faster than str.splitlines; it is the same when "\n" is the only break.
    plain = not any(char in text for char in _OTHER_LINE_BREAKS)
    cells = filter(None, map(str.strip, text.split("\n") if plain else text.splitlines()))
    # Only a cell with two spaces, or a non-breaking, zero-width or other odd character, needs
    # the slower clean-up; the check itself is cheap.
    tokens = [c if c.isprintable() and "  " not in c else _clean(c) for c in cells]
    return [token for token in tokens if token] if "" in tokens else tokens


def _clean(cell: str) -> str:
    for char in _ZERO_WIDTH:
        if char in cell:
            cell = cell.replace(char, "")
    return " ".join(cell.split())


class _DateCell(Enum):
    NOT_A_DATE = auto()
    UNREADABLE = auto()


_LONGEST_DATE = 24


@lru_cache(maxsize=8192)
def _read_date(token: str) -> date | _DateCell:
    """A date as My Atlassian shows it (``19 十月 2020``, ``19 Oct 2020``, ``19 October 2020``)."""
    if len(token) > _LONGEST_DATE or not (token[-1].isdigit() or token[-1] == "日"):
        return _DateCell.NOT_A_DATE  # every form ends with the year or the day
    if match := _DAY_MONTH_YEAR.fullmatch(token):
        day, month_text, year = match.groups()
        month = _MONTHS.get(month_text.lower())
    elif match := _MONTH_DAY_YEAR.fullmatch(token):
        month_text, day, year = match.groups()
        month = _MONTHS.get(month_text.lower())
        if month is None:
            return _DateCell.NOT_A_DATE  # "Jira 10, 2020" is not a date
    elif (match := _ISO_DATE.fullmatch(token)) or (match := _CHINESE_DATE.fullmatch(token)):
        year, month_text, day = match.groups()
        month = int(month_text)
    else:
        return _DateCell.NOT_A_DATE
    if month is None:
        # "19 Okt 2020" or "19 十三月 2020" look like a date; "10 Users 2020" does not.
        looks_like_month = month_text.endswith("月") or month_text[:3].lower() in _MONTHS
        return _DateCell.UNREADABLE if looks_like_month else _DateCell.NOT_A_DATE
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return _DateCell.UNREADABLE


# --- the page's words --------------------------------------------------------------------------

# What a line of the page is, found with one dictionary look-up per line (the reader's hot path).
# Labels of the details are 1-7; a line that is none of these words is data (kind 0).
_NAME, _ORGANISATION, _SEN_LABEL, _LICENSE_KEY, _TECHNICAL, _BILLING, _ACTIONS = range(1, 8)
_PRIMARY, _ADD, _SUPPORT_CELL, _ACTION_LINE, _PRODUCT = range(8, 13)
_LAST_LABEL = _ACTIONS

#: Link and button texts of the page; a line made only of these (joined by "|") is not data.
_ACTION_WORDS = (
    "Renew",
    "Upgrade",
    "Download",
    "View Developer License",
    "Archive",
    "Make Primary",
    "Delete",
    "Request Support",
)
_LOWER_ACTION_WORDS = frozenset(word.lower() for word in _ACTION_WORDS)
_ACTION_LINES = (
    "Make Primary | Delete",
    "Renew | Upgrade | Download |",
    "View Developer License |",
)

_WORDS: dict[str, int] = dict.fromkeys((*_ACTION_WORDS, *_ACTION_LINES), _ACTION_LINE)
_WORDS.update(
    {
        "Name": _NAME,
        "Organization": _ORGANISATION,
        "Organisation": _ORGANISATION,
        "SEN": _SEN_LABEL,
        "License Key": _LICENSE_KEY,
        "Licence Key": _LICENSE_KEY,
        "Technical Contacts": _TECHNICAL,
        "Billing Contacts": _BILLING,
        "Actions": _ACTIONS,
        "Primary": _PRIMARY,
        "Add": _ADD,
        "Request Support": _SUPPORT_CELL,  # the summary row's Support cell
        "Product": _PRODUCT,  # in the column header row
    }
)
# The page (or its CSS) may write a word in another case: "PRIMARY", "Technical contacts", …
for _word, _kind in list(_WORDS.items()):
    for _variant in (_word.lower(), _word.upper(), _word.title(), _word.capitalize()):
        _WORDS.setdefault(_variant, _kind)


def _kinds(tokens: list[str]) -> list[int]:
    """Each token's kind: a word of the page, or 0 (data, or a row: see :func:`_is_row`)."""
    get = _WORDS.get
    return [get(token, 0) for token in tokens]


def _is_row(token: str) -> bool:
    """A SEN alone on its line starts a summary row."""
    return token[0] in "Ss" and _SEN_ROW.fullmatch(token) is not None


def _starts_row(tokens: list[str], kinds: list[int], i: int, *, in_block: bool = True) -> bool:
    """A SEN alone on its line starts a license's row when what follows can be the row's next
    cell, its product: never a heading, a button, a date, an address or another SEN. Otherwise
    it is a name that reads like a SEN (or page text). Outside a license's block a row may also
    end there or go on with "Request Support" (a row without its product)."""
    if not _is_row(tokens[i]):
        return False
    j = i + 1
    if j >= len(tokens):
        return not in_block
    kind = kinds[j]
    if kind:
        return kind == _PRODUCT or (kind == _SUPPORT_CELL and not in_block)
    token = tokens[j]
    if _is_row(token) or (
        len(token) <= _LONGEST_DATE and _read_date(token) is not _DateCell.NOT_A_DATE
    ):
        return False
    return not ("@" in token and _email_or_none(token) is not None)


def _is_action_line(token: str) -> bool:
    parts = [part.strip().lower() for part in token.split("|")]
    return any(parts) and all(part in _LOWER_ACTION_WORDS for part in parts if part)


def _email_or_none(token: str) -> str | None:
    """The normalised address, or None when it is not one (a long line is never one)."""
    return None if len(token) > _LONGEST_EMAIL else _cached_email(token)


@lru_cache(maxsize=65536)
def _cached_email(token: str) -> str | None:
    """Remembered either way: a company's few hundred addresses are validated once."""
    try:
        return normalize_email(token)
    except (ValueError, UnicodeError):  # InvalidEmail, or email-validator's edge cases
        return None


@lru_cache(maxsize=65536)
def _contact(email: str, name: str | None, primary: bool) -> Contact:
    """Contacts are values: the same person on many licenses is one object."""
    return Contact(email, name, primary)


@lru_cache(maxsize=1024)
def _product_kinds(product: str) -> tuple[LicenseType | None, Hosting | None]:
    return license_type_from_product(product), hosting_from_product(product)


# --- one license block ---------------------------------------------------------------------------


@dataclass(slots=True)
class _ContactList:
    """Contacts as read, by email, in the page's order."""

    field_name: str
    contacts: dict[str, Contact] = field(default_factory=dict)


@dataclass(slots=True)
class _Block:
    """What one summary row and its details say, as read so far."""

    sen: str
    warnings: list[PasteWarning] = field(default_factory=list)
    product: str = ""
    summary_name: str | None = None
    support_expires: date | None = None
    has_details: bool = False
    details_name: str | None = None
    organisation: str | None = None
    key_parts: list[str] = field(default_factory=list)
    key_unreadable: bool = False
    technical: _ContactList | None = None
    billing: _ContactList | None = None
    labels_seen: int = 0  # a bit per label of the details
    actions_seen: bool = False
    ambiguity: tuple[str, str] | None = None  # the first reason the text reads two ways

    def ambiguous(self, key: str, token: str) -> None:
        if key == "sen-as-name" and normalize_sen(token) == self.sen:
            return  # the license's own SEN, shown again: nothing to tell apart
        if self.ambiguity is None:
            self.ambiguity = (key, repr(token[:80]))

    def warn(self, key: str, field_name: str | None = None, detail: str = "") -> None:
        if not detail and field_name is not None:
            detail = _FIELD_WORDS.get(field_name, field_name)
        message = WARNING_TEXTS[key].replace("%1", self.sen).replace("%2", detail)
        self.warnings.append(PasteWarning(key, self.sen, field_name, message))

    # The summary row: Product, Name, Support Expires, Support.

    def read_summary(self, tokens: list[str], kinds: list[int], i: int) -> int:
        """Read the row's cells after its SEN; return the index of the first token after it."""
        cells: list[str] = []
        n = len(tokens)
        date_seen = False
        while i < n:
            token, kind = tokens[i], kinds[i]
            if 0 < kind <= _LAST_LABEL or kind == _SUPPORT_CELL:
                break
            if kind == 0 and _is_row(token):
                if _starts_row(tokens, kinds, i):
                    break
                self.ambiguous("sen-as-name", token)  # a cell (the name) that reads like a SEN
            when = _read_date(token) if len(token) <= _LONGEST_DATE else _DateCell.NOT_A_DATE
            if when is not _DateCell.NOT_A_DATE:
                date_seen = True
                if isinstance(when, date):
                    self.support_expires = when
                else:
                    self.warn("unreadable-date", "supportExpires", repr(token[:40]))
                i += 1
                break
            if len(cells) == 2:
                # Product and Name are read: this cell is where Support Expires belongs.
                date_seen = True
                self.warn("unreadable-date", "supportExpires", repr(token[:40]))
                i += 1
                break
            cells.append(token)
            i += 1
        if i < n and kinds[i] == _SUPPORT_CELL:
            i += 1
        if cells:
            self.product = cells[0]
        if len(cells) > 1:
            self.summary_name = cells[1]
        if not date_seen:
            self.warn("missing-field", "supportExpires")
        return i

    # The details. Each reader stops at the next label, row or header, without taking it.

    def read_details(self, tokens: list[str], kinds: list[int], i: int) -> int:
        """Read the details after the summary row; return the index of the next row or header."""
        n = len(tokens)
        while i < n:
            kind = kinds[i]
            if kind == 0 or kind > _LAST_LABEL:
                if kind == _PRODUCT and i + 1 < n and kinds[i + 1] == _NAME:
                    return i  # a header row ends the license (its "SEN" cut off)
                if kind == 0:
                    token = tokens[i]
                    if _is_row(token):
                        # Right after the summary row, before any details, a SEN is a new row.
                        if _starts_row(tokens, kinds, i, in_block=self.has_details):
                            return i  # the next license
                        self.ambiguous("sen-as-name", token)
                    elif not self.actions_seen and "@" in token and _email_or_none(token):
                        self.ambiguous("address-out-of-place", token)  # a contact not read
                i += 1  # not data (action links, page text after "Actions", …)
                continue
            if kind == _SEN_LABEL and i + 1 < n and kinds[i + 1] == _PRODUCT:
                return i  # a header row ends the license
            self.has_details = True
            self._label_seen(kind, tokens[i])
            if kind in (_NAME, _ORGANISATION):
                value = None
                if i + 1 < n and kinds[i + 1] == 0:
                    value = tokens[i + 1]  # any other word of the page is no value
                    if _is_row(value):
                        if _starts_row(tokens, kinds, i + 1):
                            value = None
                        else:
                            self.ambiguous("sen-as-name", value)
                # A label shown twice is a name (reported above): the first value stands.
                if kind == _NAME:
                    self.details_name = self.details_name or value
                else:
                    self.organisation = self.organisation or value
                i += 1 if value is None else 2
            elif kind == _SEN_LABEL:
                if i + 1 < n and kinds[i + 1] == 0 and _is_row(tokens[i + 1]):
                    shown = normalize_sen(tokens[i + 1])
                    if shown != self.sen:
                        if _starts_row(tokens, kinds, i + 1):
                            return i + 1  # no value after "SEN": that is the next license's row
                        self.warn("sen-mismatch", "sen", shown)
                    i += 1
                i += 1
            elif kind == _LICENSE_KEY:
                i = self._read_key(tokens, kinds, i + 1)
            elif kind == _TECHNICAL:
                self.technical = self.technical or _ContactList("technicalContacts")
                i = self._read_contacts(self.technical, tokens, kinds, i + 1)
            elif kind == _BILLING:
                self.billing = self.billing or _ContactList("billingContacts")
                i = self._read_contacts(self.billing, tokens, kinds, i + 1)
            else:  # Actions: links only, skipped above
                self.actions_seen = True
                i += 1
        return i

    def _label_seen(self, kind: int, token: str) -> None:
        """Each label once, in the page's order: a label again, or a field's label after the
        contacts began, is a contact or field named like a label; the text reads two ways."""
        bit = 1 << kind
        if self.labels_seen & bit or (kind < _TECHNICAL and self.labels_seen >> _TECHNICAL):
            self.ambiguous("label-as-name", token)
        self.labels_seen |= bit

    def _read_key(self, tokens: list[str], kinds: list[int], i: int) -> int:
        """The license key's lines (trailing spaces already gone), joined."""
        n = len(tokens)
        j = i
        while j < n and kinds[j] == 0:
            j += 1
        if j > i and _KEY_PART.fullmatch(key := "".join(tokens[i:j])):
            self.key_parts.append(key)  # the usual case: only key lines up to the next label
            i = j
        fullmatch = _KEY_PART.fullmatch
        while i < n:  # anything else, line by line
            kind = kinds[i]
            if 0 < kind <= _LAST_LABEL or (kind == 0 and _starts_row(tokens, kinds, i)):
                break
            if kind == 0 and fullmatch(tokens[i]):
                self.key_parts.append(tokens[i])
            else:
                self.key_unreadable = True
            i += 1
        return i

    def _read_contacts(self, box: _ContactList, tokens: list[str], kinds: list[int], i: int) -> int:
        """Contacts: an optional name line, the email, then PRIMARY or the buttons; then the
        "add a contact" box: what is typed in it (or its placeholder) followed by "Add"."""
        n = len(tokens)
        contacts = box.contacts
        last: str | None = None  # the address on the line before: the one PRIMARY marks
        pending: str | None = None  # a name line waiting for its address
        while i < n:
            kind = kinds[i]
            token = tokens[i]
            if 0 < kind <= _LAST_LABEL:
                break
            if kind == 0 and token[0] in "Ss" and _is_row(token):
                if _starts_row(tokens, kinds, i):
                    break
                self.ambiguous("sen-as-name", token)  # a contact's name, read as a name
            i += 1
            if kind == _PRIMARY:
                if last is not None:
                    marked = contacts[last]
                    contacts[last] = _contact(marked.email, marked.name, True)
                    last = None
                continue
            previous, last = last, None
            if kind == _ADD:
                break  # an empty add box
            if i < n and kinds[i] == _ADD and kind != _ACTION_LINE and "|" not in token:
                i += 1  # the add box's text, then its button
                break
            if kind != 0 or ("|" in token and _is_action_line(token)):
                continue  # a button ("Make Primary | Delete") or another word of the page
            if "@" in token:
                email = _email_or_none(token)
                if email is None:
                    self.warn("invalid-email", box.field_name, repr(token[:80]))
                else:
                    if previous is not None and previous != email:
                        # Two addresses with no PRIMARY or buttons between: the first may be the
                        # second one's name, or a contact of its own.
                        self.ambiguous("name-is-address", previous)
                    if email not in contacts:
                        contacts[email] = _contact(email, pending, False)
                    last = email
                pending = None
                continue
            if pending is not None:
                self.warn("contact-without-email", box.field_name, repr(pending[:80]))
            pending = token
        if pending is not None:
            self.warn("contact-without-email", box.field_name, repr(pending[:80]))
        return i

    # The license.

    def finish(self, seen_by: frozenset[str]) -> License:
        if not self.product:
            self.warn("missing-field", "product")
        name = self.details_name or self.summary_name
        organisation = self.organisation
        key: str | None = None
        if not self.has_details:
            # The row alone: its Name column is all the page says of the licensee, so it is
            # the organisation too (as the table shows it). One warning says to expand it;
            # a name cut short is read in full the same way.
            organisation = organisation or name
            self.warn("details-missing")
        else:
            if self.details_name is None and name is not None and name.endswith(("...", "…")):
                self.warn("name-truncated", "name", repr(name))
            if name is None:
                self.warn("missing-field", "name")
            if not self.organisation:
                self.warn("missing-field", "organisation")
            if self.key_unreadable:
                self.warn("unreadable-license-key", "licenseKey")
            elif self.key_parts:
                key = "".join(self.key_parts)
            else:
                self.warn("missing-field", "licenseKey")
        technical = self._contacts(self.technical, required=self.has_details)
        billing = self._contacts(self.billing, required=False)
        license_type = hosting = None
        if self.product:
            license_type, hosting = _product_kinds(self.product)
            if license_type is None:
                self.warn("unknown-license-type", "licenseType")
            if hosting is None:
                self.warn("unknown-hosting", "hosting")
        return License(
            sen=self.sen,
            product=self.product,
            organisation=organisation or "",
            name=name,
            license_type=license_type,
            hosting=hosting,
            support_expires=self.support_expires,
            license_key=key,
            technical_contacts=technical,
            billing_contacts=billing,
            seen_by=seen_by,
        )

    def _contacts(self, box: _ContactList | None, *, required: bool) -> tuple[Contact, ...]:
        if box is None or not box.contacts:
            if required:
                self.warn("missing-field", "technicalContacts", "technical contacts")
            return ()
        contacts = tuple(box.contacts.values())
        primaries = [c.primary for c in contacts].count(True)
        if primaries == 0:
            self.warn("no-primary", box.field_name)
        elif primaries > 1:
            self.warn("several-primaries", box.field_name)
        return contacts


# --- saved pastes ------------------------------------------------------------------------------


def read_paste_file(path: Path) -> bytes:
    """A saved paste's bytes, never more than :data:`MAX_PASTE_BYTES` read (``/dev/zero``, a
    pipe or a growing file says nothing true about its size beforehand).

    Raises:
        PasteError: ``too-large`` above the cap.
        OSError: when the file cannot be read (missing, a folder, no permission).
    """
    with path.open("rb") as stream:
        return read_limited(stream)


def read_limited(stream: BinaryIO) -> bytes:
    """At most :data:`MAX_PASTE_BYTES` of ``stream``; more is refused with ``too-large``."""
    data = stream.read(MAX_PASTE_BYTES + 1)
    if len(data) > MAX_PASTE_BYTES:
        raise PasteError(
            "too-large",
            f"more than {MAX_PASTE_BYTES // (1024 * 1024)} MB, the most a paste may hold; "
            "paste the licenses page in parts",
        )
    return data


# --- the reader ----------------------------------------------------------------------------------


def read_paste(text: str, *, account_key: str = "paste:pasted") -> PasteResult:
    """Read the licenses in text copied from the My Atlassian licenses page.

    Args:
        text: what the person pasted (CRLF, non-breaking spaces and blank lines are fine).
        account_key: the paste's account key, put in every license's ``seen_by``.

    Returns:
        The licenses in the order of the page (a SEN shown twice counts once; the later block
        wins) and a warning for everything that could not be read.

    Raises:
        PasteError: when there is no license in the text at all (or it is not text).
    """
    if not isinstance(text, str):
        raise PasteError("not-text", "Expected the pasted page as text.")
    if len(text) > MAX_PASTE_CHARS:
        raise PasteError(
            "too-large",
            f"The pasted text has {len(text):,} characters; the most it may have is "
            f"{MAX_PASTE_CHARS:,}. Paste the licenses page in parts.",
        )
    tokens = _tokens(text)
    if not tokens:
        raise PasteError(
            "empty",
            "The pasted text is empty. Expected the text of the My Atlassian licenses page "
            "(select all, copy, paste).",
        )
    blocks: dict[str, tuple[License, _Block]] = {}
    kinds = _kinds(tokens)
    seen_by = frozenset({account_key})
    i, n = 0, len(tokens)
    while i < n:
        if kinds[i] != 0 or not _starts_row(tokens, kinds, i, in_block=False):
            i += 1  # page text, the header row, a SEN in prose
            continue
        block = _Block(normalize_sen(tokens[i]))
        i = block.read_summary(tokens, kinds, i + 1)
        i = block.read_details(tokens, kinds, i)
        lic = block.finish(seen_by)
        if lic.sen in blocks:
            del blocks[lic.sen]  # the later block wins, in its own place
            block.warn("duplicate-sen")
        elif len(blocks) == MAX_PASTE_LICENSES:
            raise PasteError(
                "too-many-licenses",
                f"The pasted text shows more than {MAX_PASTE_LICENSES:,} licenses, the most one "
                "paste may hold. Paste the licenses page in parts.",
            )
        blocks[lic.sen] = (lic, block)

    if not blocks:
        raise PasteError(
            "no-licenses",
            "No license found in the pasted text. Expected the text of the My Atlassian "
            "licenses page (select all, copy): rows that start with a SEN such as "
            "SEN-12683313, then the product, the name and the support expiry date.",
        )
    licenses: list[License] = []
    warnings: list[PasteWarning] = []
    unreadable: list[Unreadable] = []
    for position, (lic, block) in enumerate(blocks.values()):
        if block.ambiguity is None:
            licenses.append(lic)
            warnings += block.warnings
            continue
        key, detail = block.ambiguity
        message = UNREADABLE_TEXTS[key].replace("%1", lic.sen).replace("%2", detail)
        unreadable.append(
            Unreadable(lic.sen, key, detail, message, lic, tuple(block.warnings), position)
        )
    logger.debug(
        "read %d licenses with %d warnings from a paste; %d not readable",
        len(licenses),
        len(warnings),
        len(unreadable),
    )
    return PasteResult(licenses=licenses, warnings=warnings, unreadable=unreadable)
