"""The licenses page's checklist: the main table's columns (the same texts, dates and colours,
drawn by a LicenseTableModel inside) plus a tick box on the SEN, the planned action and why."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.engine.plan import Plan, PlanEntry
from desktop.services.consolidation_flow import ConsolidationFlow
from desktop.ui.license_table_model import SORT_ROLE, Column, LicenseTableModel
from desktop.ui.wizard.texts import action_text, reason_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

ModelIndex = QModelIndex | QPersistentModelIndex

LICENSE_COLUMNS = len(Column)
ACTION_COLUMN = LICENSE_COLUMNS
REASON_COLUMN = LICENSE_COLUMNS + 1


class PlanChecklistModel(QAbstractTableModel):
    """One row per planned license; actionable rows can be ticked (Space) or unticked."""

    def __init__(
        self, flow: ConsolidationFlow, parent: QObject | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._flow = flow
        self.licenses = LicenseTableModel(self, today=today)
        self._entries: list[PlanEntry] = []
        self._reasons: list[str] = []
        self._actions: list[str] = []

    def set_plan(self, plan: Plan, account_names: Mapping[str, str] | None = None) -> None:
        self.beginResetModel()
        self._entries = list(plan.entries)
        self._words()
        self.licenses.set_licenses([entry.license for entry in self._entries], account_names)
        self.endResetModel()

    def entry_at(self, row: int) -> PlanEntry:
        return self._entries[row]

    def sort_keys(self, column: int) -> list[Any]:
        """One sort key per row for ``column`` (the main table's for its columns)."""
        if column == ACTION_COLUMN:
            return [text.casefold() for text in self._actions]
        if column == REASON_COLUMN:
            return [text.casefold() for text in self._reasons]
        return self.licenses.sort_keys(column)

    def haystacks(self) -> list[str]:
        """Each row's search text (the main table's: SEN, product, name, contacts)."""
        return self.licenses.haystacks()

    def retranslate(self) -> None:
        self._words()
        self.licenses.retranslate()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, REASON_COLUMN)
        if self._entries:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._entries) - 1, REASON_COLUMN)
            )

    def refresh_checks(self) -> None:
        """The flow's ticks changed (select all / none): repaint the tick column."""
        if self._entries:
            self.dataChanged.emit(
                self.index(0, Column.SEN),
                self.index(len(self._entries) - 1, Column.SEN),
                [Qt.ItemDataRole.CheckStateRole],
            )

    def _words(self) -> None:
        self._reasons = [reason_text(entry) for entry in self._entries]
        self._actions = [action_text(entry.action) for entry in self._entries]

    # --- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else REASON_COLUMN + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and section >= ACTION_COLUMN:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return (
                    translate("ConsolidationWizard", "Planned action")
                    if section == ACTION_COLUMN
                    else translate("ConsolidationWizard", "Reason")
                )
            return None
        return self.licenses.headerData(section, orientation, role)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Column.SEN and self._flow.checkable(self._entries[index.row()]):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        row, column = index.row(), index.column()
        entry = self._entries[row]
        if column == Column.SEN and role == Qt.ItemDataRole.CheckStateRole:
            if not entry.actionable:
                return None
            checked = self._flow.is_checked(entry.sen)
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if column >= ACTION_COLUMN:
            text = self._actions[row] if column == ACTION_COLUMN else self._reasons[row]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return text
            if role == SORT_ROLE:
                return text.casefold()
            if role == Qt.ItemDataRole.AccessibleTextRole:
                title = self.headerData(column, Qt.Orientation.Horizontal)
                return f"{title}: {text}"
            return None
        return self.licenses.data(self.licenses.index(row, column), role)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != Column.SEN:
            return False
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        entry = self._entries[index.row()]
        if not self._flow.checkable(entry):
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        self._flow.set_checked(entry.sen, state == Qt.CheckState.Checked)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
