"""Licenses as command-line output: an aligned table like My Atlassian's, JSON or CSV.

JSON is an array of the contract's License objects (PORTAL_API.md) plus ``accounts``; CSV is
UTF-8 with a byte order mark so Excel shows Chinese. License keys are secrets: they are written
only when ``show_keys`` is set.
"""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any, TextIO, cast

from desktop.cli.table import write_table
from desktop.domain.dates import format_day
from desktop.domain.models import Contact, License, SupportStatus
from desktop.domain.text import spreadsheet_text, terminal_text
from desktop.portal.license_json import license_to_json

FORMATS = ("table", "json", "csv")


class TerminalWriter:
    """What every command prints goes through this: only :func:`terminal_text` reaches the
    terminal (or the file it is redirected to), whatever a portal sent. Everything else is
    the wrapped stream's. A byte order mark that starts the output (CSV for Excel) stays."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._first = True

    def write(self, text: str) -> int:
        mark = "\ufeff" if self._first and text.startswith("\ufeff") else ""
        self._first = self._first and not text
        self.stream.write(mark + terminal_text(text[len(mark) :]))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


@contextlib.contextmanager
def printable_output() -> Iterator[None]:
    """While a command runs, stdout and stderr send on only printable text."""
    saved = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, TerminalWriter(saved[0]))
    sys.stderr = cast(TextIO, TerminalWriter(saved[1]))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


_SUPPORT_WORDS = {SupportStatus.ACTIVE: "Active", SupportStatus.EXPIRED: "Expired"}


def write_licenses(
    licenses: Sequence[License],
    fmt: str,
    stream: TextIO,
    show_keys: bool = False,
    *,
    today: date | None = None,
) -> None:
    """Write ``licenses`` to ``stream`` as ``fmt`` (one of :data:`FORMATS`).

    ``today`` decides the Support column (active until and including the expiry day).
    """
    if fmt == "json":
        _write_json(licenses, stream, show_keys)
    elif fmt == "csv":
        _write_csv(licenses, stream, show_keys, today or date.today())
    elif fmt == "table":
        _write_table(licenses, stream, show_keys, today or date.today())
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _write_json(licenses: Sequence[License], stream: TextIO, show_keys: bool) -> None:
    data = [license_to_json(lic, include_key=show_keys, include_accounts=True) for lic in licenses]
    stream.write(printable_json(data) + "\n")


def printable_json(data: object) -> str:
    """``data`` as indented JSON, Chinese as it is, every character a terminal could act on
    (control, format, separators) written as a ``\\uXXXX`` escape: the same data, safe to print."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() or char == "\n" else json.dumps(char)[1:-1] for char in text
    )


# --- CSV -----------------------------------------------------------------------------------------


def _emails(contacts: Sequence[Contact]) -> str:
    return "; ".join(c.email for c in contacts)


def _write_csv(licenses: Sequence[License], stream: TextIO, show_keys: bool, today: date) -> None:
    header = [
        "sen",
        "product",
        "name",
        "organisation",
        "licenseType",
        "hosting",
        "supportExpires",
        "support",
        "primaryTechnicalContact",
        "technicalContacts",
        "primaryBillingContact",
        "billingContacts",
        "accounts",
    ]
    if show_keys:
        header.append("licenseKey")
    stream.write("\ufeff")  # Excel reads the file as UTF-8 only with it
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(header)
    for lic in licenses:
        technical = lic.primary_technical_contact
        billing = lic.primary_billing_contact
        row = [
            lic.sen,
            lic.product,
            lic.display_name,
            lic.organisation,
            lic.license_type.value if lic.license_type else "",
            lic.hosting.value if lic.hosting else "",
            lic.support_expires.isoformat() if lic.support_expires else "",
            _SUPPORT_WORDS.get(lic.support_status(today), ""),
            technical.email if technical else "",
            _emails(lic.technical_contacts),
            billing.email if billing else "",
            _emails(lic.billing_contacts),
            "; ".join(sorted(lic.seen_by)),
        ]
        if show_keys:
            row.append(lic.license_key or "")
        writer.writerow([spreadsheet_text(cell) for cell in row])


# --- table ---------------------------------------------------------------------------------------


def _page_date(day: date | None) -> str:
    return format_day(day) if day else ""


def _write_table(licenses: Sequence[License], stream: TextIO, show_keys: bool, today: date) -> None:
    header = [
        "SEN",
        "Product",
        "Name",
        "Support Expires",
        "Support",
        "Primary technical contact",
        "Accounts",
    ]
    if show_keys:
        header.append("License Key")
    rows: list[list[str]] = []
    for lic in licenses:
        primary = lic.primary_technical_contact
        row = [
            lic.sen,
            lic.product,
            lic.display_name,
            _page_date(lic.support_expires),
            _SUPPORT_WORDS.get(lic.support_status(today), ""),
            primary.email if primary else "",
            ", ".join(sorted(lic.seen_by)),
        ]
        if show_keys:
            row.append(lic.license_key or "")
        rows.append(row)
    write_table(header, rows, stream, rule=True)
