"""Search-as-you-type and sorting over the checklist, with the main table's search words."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from desktop.ui.license_table_model import SORT_ROLE
from desktop.ui.wizard.plan_checklist_model import PlanChecklistModel

ModelIndex = QModelIndex | QPersistentModelIndex


class ChecklistFilterProxy(QSortFilterProxyModel):
    """Rows whose SEN, product, name or contacts contain every word typed."""

    def __init__(self, model: PlanChecklistModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._words: list[str] = []
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)

    def set_search_text(self, text: str) -> None:
        words = text.casefold().split()
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def source_row(self, proxy_row: int) -> int:
        return self.mapToSource(self.index(proxy_row, 0)).row()

    def lessThan(self, source_left: ModelIndex, source_right: ModelIndex) -> bool:
        """Compare the precomputed sort keys (no ``data()`` round trip per comparison)."""
        keys = self._model.sort_keys(source_left.column())
        return bool(keys[source_left.row()] < keys[source_right.row()])

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        del source_parent
        if not self._words:
            return True
        haystack = self._model.haystacks()[source_row]
        return all(word in haystack for word in self._words)
