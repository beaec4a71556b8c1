"""The license inventory: the licenses a person sees, as an Excel (.xlsx) or CSV file.

One row per license with its support dates and contacts. License keys are secrets: without
``include_keys`` the key column shows only that a key exists (masked), never the key.
Written by the report's writer (:func:`desktop.engine.report.write_sheet`): atomic, and no
text cell is ever run as a formula.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP
from desktop.domain.models import Contact, License, SupportStatus
from desktop.domain.text import printable
from desktop.engine.reasons import Translate, identity
from desktop.engine.report import Cell, write_sheet

CONTEXT = "Inventory"
HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Inventory", "SEN"),
    QT_TRANSLATE_NOOP("Inventory", "Product"),
    QT_TRANSLATE_NOOP("Inventory", "Name"),
    QT_TRANSLATE_NOOP("Inventory", "Organisation"),
    QT_TRANSLATE_NOOP("Inventory", "Support expires"),
    QT_TRANSLATE_NOOP("Inventory", "Support"),
    QT_TRANSLATE_NOOP("Inventory", "Days of support left"),
    QT_TRANSLATE_NOOP("Inventory", "Primary technical contact"),
    QT_TRANSLATE_NOOP("Inventory", "Technical contacts"),
    QT_TRANSLATE_NOOP("Inventory", "Primary billing contact"),
    QT_TRANSLATE_NOOP("Inventory", "Billing contacts"),
    QT_TRANSLATE_NOOP("Inventory", "Accounts"),
    QT_TRANSLATE_NOOP("Inventory", "License key"),
)
WIDTHS = (16, 60, 30, 30, 16, 12, 12, 30, 45, 30, 45, 40, 30)
SUPPORT_WORDS = {
    SupportStatus.ACTIVE: QT_TRANSLATE_NOOP("Inventory", "Active"),
    SupportStatus.EXPIRED: QT_TRANSLATE_NOOP("Inventory", "Expired"),
    SupportStatus.UNKNOWN: QT_TRANSLATE_NOOP("Inventory", "Unknown"),
}
SHEET_TITLE = QT_TRANSLATE_NOOP("Inventory", "Licenses")
#: What the key column shows for a license that has a key, when keys are not exported.
MASKED_KEY = "••••••••"


def _emails(contacts: Sequence[Contact]) -> str:
    return "; ".join(c.email for c in contacts)


def inventory_table(
    licenses: Sequence[License],
    *,
    today: date,
    include_keys: bool = False,
    account_label: Callable[[str], str] = str,
    translate: Translate = identity,
) -> list[list[Cell]]:
    """The rows of the inventory, in the order given (the table's, as filtered and sorted)."""
    rows: list[list[Cell]] = []
    for lic in licenses:
        technical, billing = lic.primary_technical_contact, lic.primary_billing_contact
        expires = lic.support_expires
        key = lic.license_key or ""
        cells: list[Cell] = [
            lic.sen,
            lic.product,
            lic.display_name,
            lic.organisation,
            expires if expires is not None else "",
            translate(CONTEXT, SUPPORT_WORDS[lic.support_status(today)]),
            (expires - today).days if expires is not None else "",
            technical.email if technical else "",
            _emails(lic.technical_contacts),
            billing.email if billing else "",
            _emails(lic.billing_contacts),
            ", ".join(sorted(account_label(k) for k in lic.seen_by)),
            key if include_keys else (MASKED_KEY if key else ""),
        ]
        rows.append([printable(c) if isinstance(c, str) else c for c in cells])
    return rows


def write_inventory(
    licenses: Sequence[License],
    path: Path | str,
    *,
    today: date,
    include_keys: bool = False,
    account_label: Callable[[str], str] = str,
    translate: Translate = identity,
) -> Path:
    """Write the inventory; ``.xlsx`` or ``.csv`` by the suffix.

    Raises:
        ReportError: an unknown suffix, or the file cannot be written (the target is then
            left as it was).
    """
    return write_sheet(
        path,
        [translate(CONTEXT, h) for h in HEADERS],
        inventory_table(
            licenses,
            today=today,
            include_keys=include_keys,
            account_label=account_label,
            translate=translate,
        ),
        title=translate(CONTEXT, SHEET_TITLE),
        widths=WIDTHS,
    )
