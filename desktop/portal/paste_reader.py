"""The paste reader: text copied from the My Atlassian licenses page (select all, copy) → Licenses.

Per license the page shows a summary row (SEN, Product, Name, Support Expires, Support) and,
when the license is expanded, its details (Name, Organization, SEN, License Key, Technical
Contacts, Billing Contacts, Actions). Page text around them is ignored. The reader never
invents: a field it cannot read stays empty and is reported as a :class:`PasteWarning`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum, auto

from desktop.domain.emails import normalize_email
from desktop.domain.errors import DomainError
from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP
from desktop.domain.models import Contact, License
from desktop.domain.product import hosting_from_product, license_type_from_product
from desktop.domain.sen import normalize_sen

logger = logging.getLogger(__name__)

#: The most text one paste may hold (a 10,000-license page is about 8 million characters).
MAX_PASTE_CHARS = 64 * 1024 * 1024

_CONTEXT = "PasteReader"

#: What each warning key means; ``%1`` is the SEN, ``%2`` a detail. The UI translates these
#: templates (``QCoreApplication.translate("PasteReader", …)``) and fills them in itself.
WARNING_TEXTS: dict[str, str] = {
    "missing-field": QT_TRANSLATE_NOOP(_CONTEXT, "%1: the paste does not show its %2."),
    "details-missing": QT_TRANSLATE_NOOP(
        _CONTEXT,
        "%1: only the summary row was pasted; expand the license on the page to read its key "
        "and contacts.",
    ),
    "unreadable-date": QT_TRANSLATE_NOOP(
        _CONTEXT, "%1: the support expiry date %2 could not be read."
    ),
    "unreadable-license-key": QT_TRANSLATE_NOOP(
        _CONTEXT, "%1: the license key contains text that is not part of a key; it was left out."
    ),
    "invalid-email": QT_TRANSLATE_NOOP(_CONTEXT, "%1: %2 is not a valid email address."),
    "contact-without-email": QT_TRANSLATE_NOOP(
        _CONTEXT, "%1: the contact %2 has no email address in the paste."
    ),
    "no-primary": QT_TRANSLATE_NOOP(_CONTEXT, "%1: no %2 contact is marked PRIMARY."),
    "several-primaries": QT_TRANSLATE_NOOP(
        _CONTEXT, "%1: more than one %2 contact is marked PRIMARY."
    ),
    "name-truncated": QT_TRANSLATE_NOOP(
        _CONTEXT, "%1: the name is cut short (%2); expand the license to read it in full."
    ),
    "sen-mismatch": QT_TRANSLATE_NOOP(
        _CONTEXT, "%1: the details show another SEN (%2); the row's SEN was kept."
    ),
    "duplicate-sen": QT_TRANSLATE_NOOP(
        _CONTEXT, "%1 appears more than once in the paste; the last one was used."
    ),
    "unknown-license-type": QT_TRANSLATE_NOOP(
        _CONTEXT, "%1: the product text does not say the license type."
    ),
    "unknown-hosting": QT_TRANSLATE_NOOP(
        _CONTEXT, "%1: the product text does not say Server, Data Center or Cloud."
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
class PasteResult:
    licenses: list[License]
    warnings: list[PasteWarning]


# --- tokens ----------------------------------------------------------------------------------

_SEN_ROW = re.compile(r"SEN-?[0-9]{1,12}", re.IGNORECASE | re.ASCII)
_KEY_PART = re.compile(r"[A-Za-z0-9+/=]+", re.ASCII)
_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")

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
    for char in _ZERO_WIDTH:
        if char in text:
            text = text.replace(char, "")
    if "\t" in text:  # table cells copied as one tab-separated line
        text = text.replace("\t", "\n")
    return [cell for line in text.splitlines() if (cell := " ".join(line.split()))]


def _is_sen_row(token: str) -> bool:
    return token[:3].upper() == "SEN" and _SEN_ROW.fullmatch(token) is not None


class _DateCell(Enum):
    NOT_A_DATE = auto()
    UNREADABLE = auto()


def _read_date(token: str) -> date | _DateCell:
    """A date as My Atlassian shows it (``19 十月 2020``, ``19 Oct 2020``, ``19 October 2020``)."""
    if not token[:1].isdigit() and not token[:1].isalpha():
        return _DateCell.NOT_A_DATE
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


class _Label(Enum):
    NAME = auto()
    ORGANISATION = auto()
    SEN = auto()
    LICENSE_KEY = auto()
    TECHNICAL = auto()
    BILLING = auto()
    ACTIONS = auto()


_LABELS: dict[str, _Label] = {
    "name": _Label.NAME,
    "organization": _Label.ORGANISATION,
    "organisation": _Label.ORGANISATION,
    "sen": _Label.SEN,
    "license key": _Label.LICENSE_KEY,
    "licence key": _Label.LICENSE_KEY,
    "technical contacts": _Label.TECHNICAL,
    "billing contacts": _Label.BILLING,
    "actions": _Label.ACTIONS,
}
_HEADER = ("sen", "product", "name", "support expires", "support")
_SUPPORT_CELLS = frozenset({"request support"})
#: Link and button texts of the page; a line made only of these (joined by "|") is not data.
_ACTION_WORDS = frozenset(
    {
        "renew",
        "upgrade",
        "download",
        "view developer license",
        "archive",
        "make primary",
        "delete",
        "request support",
    }
)


def _is_action_line(token: str) -> bool:
    parts = [part.strip().lower() for part in token.split("|")]
    return any(parts) and all(part in _ACTION_WORDS for part in parts if part)


def _is_structural(token: str) -> bool:
    """A token that starts something else: a row, a label, the Support cell."""
    lowered = token.lower()
    return lowered in _LABELS or lowered in _SUPPORT_CELLS or _is_sen_row(token)


# --- one license block ---------------------------------------------------------------------------


class _Section(Enum):
    NONE = auto()  # after the summary row, before any label
    LICENSE_KEY = auto()
    TECHNICAL = auto()
    BILLING = auto()
    IGNORE = auto()  # after an add box or "Actions": nothing to read until the next label


@dataclass
class _ContactList:
    field_name: str
    contacts: list[Contact] = field(default_factory=list)
    pending_name: str | None = None


@dataclass
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
    key_seen: bool = False
    key_parts: list[str] = field(default_factory=list)
    key_unreadable: bool = False
    technical: _ContactList | None = None
    billing: _ContactList | None = None
    section: _Section = _Section.NONE

    def warn(self, key: str, field_name: str | None = None, detail: str = "") -> None:
        if not detail and field_name is not None:
            detail = _FIELD_WORDS.get(field_name, field_name)
        message = WARNING_TEXTS[key].replace("%1", self.sen).replace("%2", detail)
        self.warnings.append(PasteWarning(key, self.sen, field_name, message))

    # The summary row: Product, Name, Support Expires, Support.

    def read_summary(self, tokens: list[str], i: int) -> int:
        cells: list[str] = []
        n = len(tokens)
        date_seen = False
        while i < n and not _is_structural(tokens[i]):
            token = tokens[i]
            if token.lower() == "sen" and i + 1 < n and tokens[i + 1].lower() == "product":
                break  # a header row: this row had nothing more
            when = _read_date(token)
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
        if i < n and tokens[i].lower() in _SUPPORT_CELLS:
            i += 1
        if cells:
            self.product = cells[0]
        if len(cells) > 1:
            self.summary_name = cells[1]
        if not date_seen:
            self.warn("missing-field", "supportExpires")
        return i

    # The details.

    def read(self, tokens: list[str], i: int) -> int:
        """Read the token at ``i`` (and maybe the next); return the index of the next unread one."""
        token = tokens[i]
        label = _LABELS.get(token.lower())
        if label is not None:
            return self._read_label(label, tokens, i)
        section = self.section
        if section is _Section.LICENSE_KEY:
            if _KEY_PART.fullmatch(token):
                self.key_parts.append(token)
            else:
                self.key_unreadable = True
        elif section is _Section.TECHNICAL or section is _Section.BILLING:
            return self._read_contact_line(tokens, i)
        return i + 1

    def _value_after(self, tokens: list[str], i: int) -> str | None:
        if i + 1 < len(tokens) and not _is_structural(tokens[i + 1]):
            return tokens[i + 1]
        return None

    def _read_label(self, label: _Label, tokens: list[str], i: int) -> int:
        self._end_section()
        self.has_details = True
        self.section = _Section.IGNORE
        if label is _Label.NAME or label is _Label.ORGANISATION:
            value = self._value_after(tokens, i)
            if label is _Label.NAME:
                self.details_name = value
            else:
                self.organisation = value
            return i + (1 if value is None else 2)
        if label is _Label.SEN:
            if i + 1 < len(tokens) and _is_sen_row(tokens[i + 1]):
                shown = normalize_sen(tokens[i + 1])
                if shown != self.sen:
                    self.warn("sen-mismatch", "sen", shown)
                return i + 2
            return i + 1
        if label is _Label.LICENSE_KEY:
            self.key_seen = True
            self.section = _Section.LICENSE_KEY
        elif label is _Label.TECHNICAL:
            self.technical = self.technical or _ContactList("technicalContacts")
            self.section = _Section.TECHNICAL
        elif label is _Label.BILLING:
            self.billing = self.billing or _ContactList("billingContacts")
            self.section = _Section.BILLING
        return i + 1

    def _contact_list(self) -> _ContactList:
        if self.section is _Section.TECHNICAL:
            assert self.technical is not None
            return self.technical
        assert self.billing is not None
        return self.billing

    def _read_contact_line(self, tokens: list[str], i: int) -> int:
        """One line of a contacts list: a name, an email, PRIMARY, a button, or the add box."""
        box = self._contact_list()
        token = tokens[i]
        lowered = token.lower()
        if lowered == "primary":
            if box.contacts:
                last = box.contacts[-1]
                box.contacts[-1] = Contact(last.email, last.name, primary=True)
            return i + 1
        if _is_action_line(token):
            return i + 1
        if lowered == "add" or (i + 1 < len(tokens) and tokens[i + 1].lower() == "add"):
            # The "add a contact" box: what is typed in it (or its placeholder), then its button.
            self._end_section()
            self.section = _Section.IGNORE
            return i + 1 if lowered == "add" else i + 2
        if "@" in token:
            name, box.pending_name = box.pending_name, None
            try:
                email = normalize_email(token)
            except (ValueError, UnicodeError):  # InvalidEmail, or email-validator's edge cases
                self.warn("invalid-email", box.field_name, repr(token[:80]))
                return i + 1
            if all(c.email != email for c in box.contacts):
                box.contacts.append(Contact(email, name))
            return i + 1
        if box.pending_name is not None:
            self.warn("contact-without-email", box.field_name, repr(box.pending_name[:80]))
        box.pending_name = token
        return i + 1

    def _end_section(self) -> None:
        if self.section is _Section.TECHNICAL or self.section is _Section.BILLING:
            box = self._contact_list()
            if box.pending_name is not None:
                self.warn("contact-without-email", box.field_name, repr(box.pending_name[:80]))
                box.pending_name = None

    # The license.

    def finish(self, account_key: str) -> License:
        self._end_section()
        if not self.product:
            self.warn("missing-field", "product")
        name = self.details_name or self.summary_name
        if self.details_name is None and name is not None and name.endswith(("...", "…")):
            self.warn("name-truncated", "name", repr(name))
        key: str | None = None
        if not self.has_details:
            self.warn("details-missing")
        else:
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
            license_type = license_type_from_product(self.product)
            hosting = hosting_from_product(self.product)
            if license_type is None:
                self.warn("unknown-license-type", "licenseType")
            if hosting is None:
                self.warn("unknown-hosting", "hosting")
        return License(
            sen=self.sen,
            product=self.product,
            organisation=self.organisation or "",
            name=name,
            license_type=license_type,
            hosting=hosting,
            support_expires=self.support_expires,
            license_key=key,
            technical_contacts=technical,
            billing_contacts=billing,
            seen_by=frozenset({account_key}),
        )

    def _contacts(self, box: _ContactList | None, *, required: bool) -> tuple[Contact, ...]:
        if box is None or not box.contacts:
            if required:
                self.warn("missing-field", "technicalContacts", "technical contacts")
            return ()
        primaries = sum(c.primary for c in box.contacts)
        if primaries == 0:
            self.warn("no-primary", box.field_name)
        elif primaries > 1:
            self.warn("several-primaries", box.field_name)
        return tuple(box.contacts)


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
    blocks: dict[str, tuple[License, list[PasteWarning]]] = {}
    block: _Block | None = None

    def close() -> None:
        if block is None:
            return
        lic = block.finish(account_key)
        if lic.sen in blocks:
            del blocks[lic.sen]  # the later block wins, in its own place
            block.warn("duplicate-sen")
        blocks[lic.sen] = (lic, block.warnings)

    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        if _is_sen_row(token):  # a summary row starts a license
            close()
            block = _Block(normalize_sen(token))
            i = block.read_summary(tokens, i + 1)
        elif token.lower() == "sen" and i + 1 < n and tokens[i + 1].lower() == "product":
            close()  # the column header row ends any license before it
            block = None
            i = _skip_header(tokens, i)
        elif block is None:
            i += 1  # page text before the first license
        else:
            i = block.read(tokens, i)
    close()

    if not blocks:
        raise PasteError(
            "no-licenses",
            "No license found in the pasted text. Expected the text of the My Atlassian "
            "licenses page (select all, copy): rows that start with a SEN such as "
            "SEN-12683313, then the product, the name and the support expiry date.",
        )
    licenses = [lic for lic, _ in blocks.values()]
    warnings = [w for _, block_warnings in blocks.values() for w in block_warnings]
    logger.debug("read %d licenses with %d warnings from a paste", len(licenses), len(warnings))
    return PasteResult(licenses=licenses, warnings=warnings)


def _skip_header(tokens: list[str], i: int) -> int:
    """Skip the column header row (SEN, Product, Name, Support Expires, Support)."""
    for expected in _HEADER:
        if i < len(tokens) and tokens[i].lower() == expected:
            i += 1
        else:
            break
    return i
