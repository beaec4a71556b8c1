"""Sorting, search-as-you-type and the quick filters over the license table model.

A QAbstractProxyModel that keeps its row order in a Python list: one filter or sort is a few
list operations over precomputed keys instead of a Python call per row or per comparison, so a
keystroke over 100,000 licenses stays well under 100 ms.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.domain.models import License, SupportStatus
from desktop.ui.license_table_model import CELL_FLAGS, COLUMN_COUNT, LicenseTableModel

log = logging.getLogger(__name__)

ModelIndex = QModelIndex | QPersistentModelIndex


class QuickFilter(StrEnum):
    ALL = "all"
    ACTIVE = "active"
    EXPIRED = "expired"
    EXPIRING = "expiring"  # support ends within the model's expiry window
    NOT_CONSOLIDATED = "not-consolidated"
    CHANGED = "changed"  # by the last consolidation


class LicenseFilterProxy(QAbstractProxyModel):
    """Filters by search text and a quick filter, sorts by any column (dates as dates)."""

    filterChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: LicenseTableModel | None = None
        self._rows: list[int] = []  # proxy row -> source row
        self._positions: list[int] | None = None  # source row -> proxy row (-1), made lazily
        self._order: list[int] | None = None  # every source row, sorted, made lazily
        self._text = ""
        self._quick = QuickFilter.ALL
        self._target = ""
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # --- configuration ---------------------------------------------------------------------

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        if not isinstance(model, LicenseTableModel):
            raise TypeError("LicenseFilterProxy works over a LicenseTableModel")
        if self._source is not None:
            self._source.modelReset.disconnect(self._on_source_reset)
            self._source.dataChanged.disconnect(self._on_source_data_changed)
            self._source.headerDataChanged.disconnect(self.headerDataChanged)
        self.beginResetModel()
        self._order = None
        super().setSourceModel(model)
        self._source = model
        model.modelReset.connect(self._on_source_reset)
        model.dataChanged.connect(self._on_source_data_changed)
        model.headerDataChanged.connect(self.headerDataChanged)
        self._rows = self._compute_rows()
        self._positions = None
        self.endResetModel()

    def set_search_text(self, text: str) -> None:
        """Show rows whose SEN, product, name or contacts contain every word of ``text``."""
        new = " ".join(text.split()).casefold()
        if new == self._text:
            return
        narrower = bool(self._text) and self._text in new
        self._text = new
        self._refilter(narrow=narrower)

    def set_quick_filter(self, quick: QuickFilter) -> None:
        if quick is not self._quick:
            self._quick = QuickFilter(quick)
            self._refilter(narrow=False)

    def set_expiry_window(self, days: int) -> None:
        """ "Expiring": support ends within ``days`` (the table marks them too)."""
        if self._source is None or days == self._source.expiry_window:
            return
        self._source.set_expiry_window(days)
        if self._quick is QuickFilter.EXPIRING:
            self._refilter(narrow=False)

    def set_changed(self, changes: dict[str, str]) -> None:
        """The licenses the last run changed (SEN -> the primary before it), marked."""
        if self._source is not None:
            self._source.set_changed(changes)
            if self._quick is QuickFilter.CHANGED:
                self._refilter(narrow=False)

    @property
    def expiry_window(self) -> int:
        return self._source.expiry_window if self._source is not None else 0

    def shown_licenses(self) -> list[License]:
        """The licenses shown, in the order shown (what an export writes)."""
        source = self._source
        return [source.license_at(r) for r in self._rows] if source is not None else []

    def set_target_email(self, email: str) -> None:
        """The consolidation target: licenses whose primary is someone else are "not yet"."""
        email = email.strip().lower()
        if email != self._target:
            self._target = email
            if self._quick is QuickFilter.NOT_CONSOLIDATED:
                self._refilter(narrow=False)

    # --- sorting ---------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._source is None:
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        sources = [self.mapToSource(index) for index in before]
        self._rows = self._sorted(self._rows)
        unfiltered = not self._text and self._quick is QuickFilter.ALL
        self._order = list(self._rows) if unfiltered else None
        self._positions = None
        self.changePersistentIndexList(before, [self.mapFromSource(s) for s in sources])
        self.layoutChanged.emit()

    # --- QAbstractProxyModel ---------------------------------------------------------------

    def mapToSource(self, proxy_index: ModelIndex) -> QModelIndex:
        if self._source is None or not proxy_index.isValid():
            return QModelIndex()
        row = proxy_index.row()
        if not 0 <= row < len(self._rows):
            return QModelIndex()
        return self._source.index(self._rows[row], proxy_index.column())

    def mapFromSource(self, source_index: ModelIndex) -> QModelIndex:
        if self._source is None or not source_index.isValid():
            return QModelIndex()
        positions = self._source_positions()
        row = source_index.row()
        if not 0 <= row < len(positions) or positions[row] < 0:
            return QModelIndex()
        return self.createIndex(positions[row], source_index.column())

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._rows)):
            return QModelIndex()
        if self._source is None or not 0 <= column < COLUMN_COUNT:
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        del child
        return QModelIndex()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._source is None else COLUMN_COUNT

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) > 0

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._source is None or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        return self._source.cell_data(self._rows[row], index.column(), role)

    def paint_cell(self, proxy_row: int, column: int) -> tuple[str, QColor | None]:
        """What the cell delegate draws (see LicenseTableModel.paint_cell)."""
        assert self._source is not None
        return self._source.paint_cell(self._rows[proxy_row], column)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sibling(self, row: int, column: int, idx: ModelIndex) -> QModelIndex:
        del idx
        return self.index(row, column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._source is None:
            return None
        if orientation is Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        return self._source.headerData(section, orientation, role)

    # --- the work --------------------------------------------------------------------------

    def source_row(self, proxy_row: int) -> int:
        return self._rows[proxy_row]

    def _source_positions(self) -> list[int]:
        if self._positions is None:
            size = self._source.rowCount() if self._source else 0
            positions = [-1] * size
            for proxy_row, source_row in enumerate(self._rows):
                positions[source_row] = proxy_row
            self._positions = positions
        return self._positions

    def _refilter(self, *, narrow: bool) -> None:
        rows = self._compute_rows(self._rows if narrow else None)
        if rows == self._rows:  # e.g. one more letter of a word already matched: no repaint
            return
        self.beginResetModel()
        self._rows = rows
        self._positions = None
        self.endResetModel()
        self.filterChanged.emit()

    def _compute_rows(self, candidates: list[int] | None = None) -> list[int]:
        source = self._source
        if source is None:
            return []
        # Filtering a sorted list keeps it sorted: start from every row in the current order.
        rows = self._all_in_order() if candidates is None else list(candidates)
        rows = self._apply_quick_filter(source, rows)
        if self._text:
            haystacks = source.haystacks()
            for word in self._text.split(" "):
                rows = [r for r in rows if word in haystacks[r]]
        return rows

    def _all_in_order(self) -> list[int]:
        """Every source row in the current sort order, made once per sort and per load."""
        if self._order is None:
            size = self._source.rowCount() if self._source else 0
            self._order = self._sorted(list(range(size)))
        return self._order

    def _apply_quick_filter(self, source: LicenseTableModel, rows: list[int]) -> list[int]:
        quick = self._quick
        if quick is QuickFilter.ALL:
            return rows
        if quick is QuickFilter.NOT_CONSOLIDATED:
            emails, target = source.primary_emails(), self._target
            return [r for r in rows if emails[r] != target]
        if quick in (QuickFilter.EXPIRING, QuickFilter.CHANGED):
            marked = source.expiring() if quick is QuickFilter.EXPIRING else source.changed()
            return [r for r in rows if marked[r]] if marked else []
        wanted = SupportStatus.ACTIVE if quick is QuickFilter.ACTIVE else SupportStatus.EXPIRED
        statuses = source.statuses()
        return [r for r in rows if statuses[r] is wanted]

    def _sorted(self, rows: list[int]) -> list[int]:
        if self._source is None or self._sort_column < 0:
            return rows
        keys = self._source.sort_keys(self._sort_column)
        descending = self._sort_order is Qt.SortOrder.DescendingOrder
        return sorted(rows, key=keys.__getitem__, reverse=descending)

    def _on_source_reset(self) -> None:
        self.beginResetModel()
        self._order = None
        self._rows = self._compute_rows()
        self._positions = None
        self.endResetModel()
        self.filterChanged.emit()

    def _on_source_data_changed(
        self, top_left: QModelIndex, bottom_right: QModelIndex, roles: list[int]
    ) -> None:
        del top_left, bottom_right
        if self._rows:
            last = self.columnCount() - 1
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, last), roles or []
            )
