"""The license table's model: one row per license, the columns of My Atlassian's licenses page.

Display texts are made lazily (only for rows a view shows); sort keys and search texts are
made once per load, so sorting and filtering 100,000 rows stay fast.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop.domain.dates import format_day
from desktop.domain.models import License, SupportStatus
from desktop.ui.status_colours import danger, success, warning

log = logging.getLogger(__name__)

ModelIndex = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole
LICENSE_ROLE = Qt.ItemDataRole.UserRole + 1
#: ``(text, colour or None)``: what a cell shows, in one call (see LicenseCellDelegate).
PAINT_ROLE = Qt.ItemDataRole.UserRole + 2

#: Every cell: selectable, read-only (made once: combining flags in Python costs per call).
CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_DATE = 10**8  # sorts after every real date ordinal
#: The choices of "expires within … days", and the first one's the default.
EXPIRY_WINDOWS = (30, 60, 90)
#: Before the primary technical contact of a license the last run changed.
CHANGED_MARK = "✓ "


class Column(IntEnum):
    SEN = 0
    PRODUCT = 1
    NAME = 2
    SUPPORT_EXPIRES = 3
    SUPPORT = 4
    PRIMARY_CONTACT = 5
    ACCOUNTS = 6


COLUMN_COUNT = len(Column)


def column_titles() -> list[str]:
    """The column titles, in the current language."""
    return [
        QCoreApplication.translate("LicenseTableModel", "SEN"),
        QCoreApplication.translate("LicenseTableModel", "Product"),
        QCoreApplication.translate("LicenseTableModel", "Name"),
        QCoreApplication.translate("LicenseTableModel", "Support Expires"),
        QCoreApplication.translate("LicenseTableModel", "Support"),
        QCoreApplication.translate("LicenseTableModel", "Primary technical contact"),
        QCoreApplication.translate("LicenseTableModel", "Accounts"),
    ]


def status_text(status: SupportStatus) -> str:
    """The Support column's words: expired support is marked by text, not only colour."""
    if status is SupportStatus.ACTIVE:
        return QCoreApplication.translate("LicenseTableModel", "Active")
    if status is SupportStatus.EXPIRED:
        return QCoreApplication.translate("LicenseTableModel", "Expired")
    return QCoreApplication.translate("LicenseTableModel", "Unknown")


def ending_text(days: int) -> str:
    """The Support column of a license whose support ends soon."""
    if days == 0:
        return QCoreApplication.translate("LicenseTableModel", "Ends today")
    return QCoreApplication.translate("LicenseTableModel", "Ends in %n day(s)", None, days)


def format_date(locale: QLocale, value: date) -> str:
    """A date as the UI language writes it: 19 Oct 2020, 2020年10月19日."""
    return format_day(value, locale.name())


@dataclass(frozen=True, slots=True)
class RowIndex:
    """What the model precomputes per row; :func:`index_rows` may run in a worker thread."""

    today: date
    statuses: list[SupportStatus]
    primary_emails: list[str]
    haystacks: list[str]
    days_left: list[int | None]  # days of support left (0: ends today); None when not active


def index_rows(licenses: Sequence[License], today: date) -> RowIndex:
    """Support status, primary email, search text and days of support left of every license
    (no Qt: thread-safe)."""
    statuses = [lic.support_status(today) for lic in licenses]
    return RowIndex(
        today,
        statuses,
        [_primary_email(lic) for lic in licenses],
        [_haystack(lic) for lic in licenses],
        _days_left(licenses, statuses, today),
    )


def _days_left(
    licenses: Sequence[License], statuses: Sequence[SupportStatus], today: date
) -> list[int | None]:
    return [
        (lic.support_expires - today).days
        if status is SupportStatus.ACTIVE and lic.support_expires is not None
        else None
        for lic, status in zip(licenses, statuses, strict=True)
    ]


class LicenseTableModel(QAbstractTableModel):
    """The merged licenses of every account, read-only, in My Atlassian's columns."""

    def __init__(self, parent: QObject | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._licenses: list[License] = []
        self._account_names: dict[str, str] = {}
        self._today = today or date.today()
        self._locale = QLocale()
        self._statuses: list[SupportStatus] = []
        self._haystacks: list[str] = []
        self._primary_emails: list[str] = []
        self._days_left: list[int | None] = []
        self._expiry_window = EXPIRY_WINDOWS[0]
        self._changed: dict[str, str] = {}  # SEN -> its primary before the last run
        self._sort_keys: dict[int, list[Any]] = {}
        self._date_texts: dict[date, str] = {}
        self._row_texts: list[tuple[str, ...] | None] = []
        self._accounts_texts: dict[frozenset[str], str] = {}
        self._titles = column_titles()

    # --- loading ---------------------------------------------------------------------------

    def set_licenses(
        self,
        licenses: Sequence[License],
        account_names: Mapping[str, str] | None = None,
        rows: RowIndex | None = None,
    ) -> None:
        """Replace every row. ``account_names`` maps an account key to what to show for it;
        ``rows``, when given, is :func:`index_rows` of the same licenses (made elsewhere)."""
        self.beginResetModel()
        self._licenses = list(licenses)
        if account_names is not None:
            self._account_names = dict(account_names)
        self._accounts_texts = {}
        if rows is None or rows.today != self._today or len(rows.haystacks) != len(licenses):
            rows = index_rows(self._licenses, self._today)
        self._statuses = rows.statuses
        self._primary_emails = rows.primary_emails
        self._haystacks = rows.haystacks
        self._days_left = rows.days_left
        self._sort_keys = {}
        self._row_texts = [None] * len(self._licenses)
        self.endResetModel()
        log.debug("model holds %d licenses", len(self._licenses))

    async def load(self, licenses: list[License]) -> None:
        """Show freshly read licenses; their sort and search texts are made in a worker
        thread, so thousands of rows do not stall the UI (the refresh service awaits this)."""
        rows = await asyncio.to_thread(index_rows, licenses, self._today)
        self.set_licenses(licenses, rows=rows)

    def set_account_names(self, account_names: Mapping[str, str]) -> None:
        """What to show for each account key in the Accounts column."""
        names = dict(account_names)
        if names == self._account_names:
            return
        self._account_names = names
        self._accounts_texts = {}
        self._row_texts = [None] * len(self._licenses)
        if self._licenses:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._licenses) - 1, COLUMN_COUNT - 1)
            )

    def set_today(self, today: date) -> None:
        """Move "today" (the day support expiry is judged against)."""
        self.beginResetModel()
        self._today = today
        self._statuses = [lic.support_status(today) for lic in self._licenses]
        self._days_left = _days_left(self._licenses, self._statuses, today)
        self._sort_keys.pop(Column.SUPPORT, None)
        self._row_texts = [None] * len(self._licenses)
        self.endResetModel()

    def set_expiry_window(self, days: int) -> None:
        """Mark the licenses whose support ends within ``days`` (today included)."""
        if days != self._expiry_window:
            self._expiry_window = days
            self._rewrite_rows()

    def set_changed(self, changes: Mapping[str, str]) -> None:
        """Mark the licenses the last run changed: SEN -> the primary before the run."""
        self._changed = dict(changes)
        self._rewrite_rows()

    def _rewrite_rows(self) -> None:
        self._row_texts = [None] * len(self._licenses)
        if self._licenses:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._licenses) - 1, COLUMN_COUNT - 1)
            )

    def set_locale(self, locale: QLocale) -> None:
        """Re-word dates and titles after a language switch."""
        self._locale = locale
        self.retranslate()

    def retranslate(self) -> None:
        self._date_texts.clear()
        self._row_texts = [None] * len(self._licenses)
        self._titles = column_titles()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._licenses:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._licenses) - 1, COLUMN_COUNT - 1)
            )

    # --- what the proxy and the window read ------------------------------------------------

    @property
    def licenses(self) -> list[License]:
        return self._licenses

    @property
    def today(self) -> date:
        return self._today

    def license_at(self, row: int) -> License:
        return self._licenses[row]

    def statuses(self) -> list[SupportStatus]:
        return self._statuses

    def primary_emails(self) -> list[str]:
        """Each row's primary technical contact's email ("" when none)."""
        return self._primary_emails

    @property
    def expiry_window(self) -> int:
        return self._expiry_window

    def expiring(self) -> list[bool]:
        """Per row: support ends within the expiry window."""
        window = self._expiry_window
        return [d is not None and d <= window for d in self._days_left]

    def changed(self) -> list[bool]:
        """Per row: the last run changed the license."""
        changed = self._changed
        return [lic.sen in changed for lic in self._licenses] if changed else []

    @property
    def has_changes(self) -> bool:
        return bool(self._changed)

    def haystacks(self) -> list[str]:
        """Each row's lower-cased search text: SEN, product, name and contacts."""
        return self._haystacks

    def sort_keys(self, column: int) -> list[Any]:
        """One key per row for sorting by ``column``; made on the first sort by it."""
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = [self._sort_key(lic, column, row) for row, lic in enumerate(self._licenses)]
            self._sort_keys[column] = keys
        return keys

    def account_label(self, key: str) -> str:
        return self._account_names.get(key, key)

    # --- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._licenses)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._titles[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate(
                    "LicenseTableModel", "Click to sort by %1"
                ).replace("%1", self._titles[section])
        if orientation is Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell_data(index.row(), index.column(), role)

    def cell_data(self, row: int, column: int, role: int) -> Any:
        """``data()`` by row and column: the proxy calls it without making source indexes."""
        handler = self._ROLE_HANDLERS.get(role)
        if (
            handler is None
            or not (0 <= row < len(self._licenses))
            or not (0 <= column < COLUMN_COUNT)
        ):
            return None
        return handler(self, self._licenses[row], row, column)

    # --- per role --------------------------------------------------------------------------

    def row_texts(self, row: int) -> tuple[str, ...]:
        """What each column shows for ``row``, made when the row is first shown."""
        texts = self._row_texts[row]
        if texts is None:
            lic = self._licenses[row]
            texts = tuple(self._column_text(lic, row, column) for column in range(COLUMN_COUNT))
            self._row_texts[row] = texts
        return texts

    def _display(self, lic: License, row: int, column: int) -> str:
        del lic
        return self.row_texts(row)[column]

    def _column_text(self, lic: License, row: int, column: int) -> str:
        if column == Column.SEN:
            return lic.sen
        if column == Column.PRODUCT:
            return lic.product
        if column == Column.NAME:
            return lic.display_name
        if column == Column.SUPPORT_EXPIRES:
            return self._date_text(lic.support_expires)
        if column == Column.SUPPORT:
            left = self._ending_in(row)
            return status_text(self._statuses[row]) if left is None else ending_text(left)
        if column == Column.PRIMARY_CONTACT:
            primary = lic.primary_technical_contact
            email = primary.email if primary else ""
            return CHANGED_MARK + email if lic.sen in self._changed else email
        return self.accounts_text(lic)

    def _ending_in(self, row: int) -> int | None:
        """Days of support left when within the expiry window, else None."""
        left = self._days_left[row]
        return left if left is not None and left <= self._expiry_window else None

    def accounts_text(self, lic: License) -> str:
        """The Accounts column: who sees the license, by the accounts' labels."""
        text = self._accounts_texts.get(lic.seen_by)
        if text is None:  # few distinct sets of accounts: each is worded once per load
            text = ", ".join(sorted(self.account_label(key) for key in lic.seen_by))
            self._accounts_texts[lic.seen_by] = text
        return text

    def _tooltip(self, lic: License, row: int, column: int) -> str | None:
        if column == Column.PRIMARY_CONTACT and lic.sen in self._changed:
            return QCoreApplication.translate(
                "LicenseTableModel", "Changed by the last consolidation; before it: %1"
            ).replace("%1", self._changed[lic.sen] or "-")
        if column == Column.PRIMARY_CONTACT:
            primary = lic.primary_technical_contact
            if primary and primary.name:
                return f"{primary.name} <{primary.email}>"
        if column in _EXPIRY_COLUMNS and self._ending_in(row) is not None:
            return QCoreApplication.translate("LicenseTableModel", "Support ends on %1").replace(
                "%1", self._date_text(lic.support_expires)
            )
        if column == Column.SUPPORT and self._statuses[row] is SupportStatus.EXPIRED:
            return QCoreApplication.translate("LicenseTableModel", "Support expired on %1").replace(
                "%1", self._date_text(lic.support_expires)
            )
        text = self.row_texts(row)[column]
        return text or None

    def _foreground(self, lic: License, row: int, column: int) -> QColor | None:
        del lic
        return self._colour(row, column)

    def _colour(self, row: int, column: int) -> QColor | None:
        """Red on the support columns of an expired license, amber where support ends within
        the expiry window, green on a primary the last run set; else the palette's colour."""
        if column in _EXPIRY_COLUMNS:
            if self._statuses[row] is SupportStatus.EXPIRED:
                return danger()
            if self._ending_in(row) is not None:
                return warning()
        if column == Column.PRIMARY_CONTACT and self._changed:
            return success() if self._licenses[row].sen in self._changed else None
        return None

    def _sort_role(self, lic: License, row: int, column: int) -> Any:
        del lic
        return self.sort_keys(column)[row]

    def _paint(self, lic: License, row: int, column: int) -> tuple[str, QColor | None]:
        del lic
        return self.paint_cell(row, column)

    def paint_cell(self, row: int, column: int) -> tuple[str, QColor | None]:
        """``PAINT_ROLE`` by row and column, without going through a QModelIndex and a
        QVariant (the delegate asks it for every cell it draws)."""
        return self.row_texts(row)[column], self._colour(row, column)

    def _license_role(self, lic: License, row: int, column: int) -> License:
        del row, column
        return lic

    def _accessible(self, lic: License, row: int, column: int) -> str:
        del lic
        return f"{self._titles[column]}: {self.row_texts(row)[column]}"

    _ROLE_HANDLERS: ClassVar[dict[int, Callable[[LicenseTableModel, License, int, int], Any]]] = {
        Qt.ItemDataRole.DisplayRole: _display,
        Qt.ItemDataRole.ToolTipRole: _tooltip,
        Qt.ItemDataRole.ForegroundRole: _foreground,
        Qt.ItemDataRole.AccessibleTextRole: _accessible,
        SORT_ROLE: _sort_role,
        LICENSE_ROLE: _license_role,
        PAINT_ROLE: _paint,
    }

    # --- helpers ---------------------------------------------------------------------------

    def _date_text(self, value: date | None) -> str:
        if value is None:
            return ""
        text = self._date_texts.get(value)
        if text is None:
            text = format_date(self._locale, value)
            self._date_texts[value] = text
        return text

    def _sort_key(self, lic: License, column: int, row: int) -> Any:
        if column == Column.SEN:
            digits = lic.sen[4:]
            return int(digits) if digits.isdigit() else 0
        if column == Column.PRODUCT:
            return lic.product.casefold()
        if column == Column.NAME:
            return lic.display_name.casefold()
        if column == Column.SUPPORT_EXPIRES:
            return lic.support_expires.toordinal() if lic.support_expires else _NO_DATE
        if column == Column.SUPPORT:
            order = _STATUS_ORDER[self._statuses[row]]
            expires = lic.support_expires.toordinal() if lic.support_expires else _NO_DATE
            return order * _NO_DATE * 10 + expires
        if column == Column.PRIMARY_CONTACT:
            return self._primary_emails[row]
        return self.accounts_text(lic).casefold()


_EXPIRY_COLUMNS = frozenset({Column.SUPPORT, Column.SUPPORT_EXPIRES})
_STATUS_ORDER = {SupportStatus.EXPIRED: 0, SupportStatus.ACTIVE: 1, SupportStatus.UNKNOWN: 2}


def _primary_email(lic: License) -> str:
    primary = lic.primary_technical_contact
    return primary.email if primary else ""


def _haystack(lic: License) -> str:
    parts = [lic.sen, lic.product, lic.organisation, lic.name or ""]
    for contact in (*lic.technical_contacts, *lic.billing_contacts):
        parts.append(contact.email)
        if contact.name:
            parts.append(contact.name)
    return "\x1f".join(parts).casefold()
