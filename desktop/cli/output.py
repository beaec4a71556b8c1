"""Licenses as command-line output: an aligned table like My Atlassian's, JSON or CSV.

JSON is an array of the contract's License objects (PORTAL_API.md) plus ``accounts``; CSV is
UTF-8 with a byte order mark so Excel shows Chinese. License keys are secrets: they are written
only when ``show_keys`` is set.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from datetime import date
from typing import TextIO

from desktop.cli.table import write_table
from desktop.domain.models import Contact, License, SupportStatus
from desktop.domain.text import printable
from desktop.portal.license_json import license_to_json

FORMATS = ("table", "json", "csv")

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SUPPORT_WORDS = {SupportStatus.ACTIVE: "Active", SupportStatus.EXPIRED: "Expired"}
#: A spreadsheet runs a cell starting with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


# --- CSV -----------------------------------------------------------------------------------------


def _csv_cell(text: str) -> str:
    """Text as a spreadsheet shows it, never run as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


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
        writer.writerow([_csv_cell(cell) for cell in row])


# --- table ---------------------------------------------------------------------------------------


def _page_date(day: date | None) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}" if day else ""


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
        rows.append([printable(cell) for cell in row])
    write_table(header, rows, stream, rule=True)
