"""The review: a checklist of every license with its planned action and reason; the
confirmation dialog opens when the person presses Consolidate."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from desktop.services.consolidation_flow import ConsolidationFlow, Step
from desktop.ui.license_table_model import Column
from desktop.ui.wizard.checklist_filter_proxy import ChecklistFilterProxy
from desktop.ui.wizard.confirm_dialog import ConfirmDialog
from desktop.ui.wizard.flow_page import FlowPage
from desktop.ui.wizard.plan_checklist_model import ACTION_COLUMN, REASON_COLUMN, PlanChecklistModel

# The Reason column's width at first (its sentences wrap within it).
REASON_WIDTH = 340


class LicensesPage(FlowPage):
    # The checklist's model (the removal's review words its rows its own way).
    checklist_model: type[PlanChecklistModel] = PlanChecklistModel

    def __init__(self, flow: ConsolidationFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, Step.LICENSES, parent)
        self.confirm_dialog: QDialog | None = None
        self.model = self.checklist_model(flow, self)
        self.proxy = ChecklistFilterProxy(self.model, self)
        self.model.dataChanged.connect(self._on_ticks_changed)

        self.filter_label = QLabel()
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("licenseFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_search_text)
        self.filter_label.setBuddy(self.filter_edit)
        self.select_all = QPushButton()
        self.select_all.setObjectName("selectAll")
        self.select_all.clicked.connect(lambda: self._check_shown(True))
        self.select_none = QPushButton()
        self.select_none.setObjectName("selectNone")
        self.select_none.clicked.connect(lambda: self._check_shown(False))
        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.select_all)
        top.addWidget(self.select_none)

        self.table = QTableView()
        self.table.setObjectName("licenseChecklist")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        # The reason is a sentence: it wraps in its column and each row is as tall as it needs,
        # so it reads without a tooltip.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(40)  # size columns from the first rows, not all
        header.moveSection(ACTION_COLUMN, 1)
        header.moveSection(REASON_COLUMN, 2)
        header.sectionResized.connect(self._on_section_resized)
        self._rows_fitted = QTimer(self)
        self._rows_fitted.setSingleShot(True)
        self._rows_fitted.setInterval(0)
        self._rows_fitted.timeout.connect(self._fit_rows)
        self._rows_stale = False  # to fit when the list shows again
        for changed in (  # sorted or filtered rows keep the old rows' heights: fit again
            self.proxy.layoutChanged,
            self.proxy.modelReset,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
        ):
            changed.connect(lambda *_: self._rows_fitted.start())
        self.table.setColumnHidden(Column.ACCOUNTS, True)
        self.count_label = QLabel()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.blocker_label)
        self.setCommitPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Licenses"))
        self.setSubTitle(
            self.tr("Untick any license you want to leave as it is. Space ticks or unticks.")
        )
        self.filter_label.setText(self.tr("&Filter:"))
        self.filter_edit.setPlaceholderText(self.tr("SEN, product, name or contact"))
        self.select_all.setText(self.tr("Select &all"))
        self.select_none.setText(self.tr("Select &none"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Consolidate…"))
        self.model.retranslate()
        self._show_count()
        if self.model.rowCount():
            self._rows_fitted.start()  # the reasons' length changed with the language

    def initializePage(self) -> None:
        self.model.set_plan(self.flow.plan(), self._account_names())
        self.table.resizeColumnsToContents()
        for column, width in ((Column.PRODUCT, 260), (REASON_COLUMN, REASON_WIDTH)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), width))
        self.table.sortByColumn(Column.SEN, Qt.SortOrder.AscendingOrder)
        self.table.resizeRowsToContents()  # once, in the sorted order
        self._rows_fitted.stop()
        self._rows_stale = False
        rows = range(self.proxy.rowCount())
        first = next(
            (r for r in rows if self.model.entry_at(self.proxy.source_row(r)).actionable), 0
        )
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(first, Column.SEN))
        self._show_count()
        self.refresh_blocker()

    def _fit_rows(self) -> None:
        """Each row as tall as its reason: now when the list shows, else when it shows again
        (fitting every row of a long list takes a while, and nobody sees a hidden one)."""
        self._rows_stale = not self.table.isVisible()
        if not self._rows_stale:
            self.table.resizeRowsToContents()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._rows_stale:
            self._rows_fitted.start()

    def _on_section_resized(self, column: int, old: int, new: int) -> None:
        """A wider or narrower column wraps its text anew: fit the rows (once, after)."""
        del old, new
        if column in (REASON_COLUMN, Column.PRODUCT):
            self._rows_fitted.start()

    def first_focus(self) -> QWidget:
        """The list, so Space ticks as the subtitle says (not a space typed in the filter)."""
        return self.table

    def _account_names(self) -> dict[str, str]:
        return {s.key: s.account.label or s.key for s in self.flow.sources()}

    # --- ticking ---------------------------------------------------------------------------

    def _check_shown(self, checked: bool) -> None:
        shown = [
            self.model.entry_at(self.proxy.source_row(row)).sen
            for row in range(self.proxy.rowCount())
        ]
        self.flow.check_all(checked, shown)
        self.model.refresh_checks()

    def _on_ticks_changed(self) -> None:
        self._show_count()
        self.refresh_blocker()

    def _show_count(self) -> None:
        if self.flow.target is None:
            self.count_label.clear()
            return
        ticked = len(self.flow.final_plan().actionable())
        total = len(self.flow.plan().actionable())
        self.count_label.setText(
            self.tr("%1 of %n license(s) ticked to change.", "", total).replace("%1", str(ticked))
        )

    # --- the confirmation ------------------------------------------------------------------

    def validatePage(self) -> bool:
        """Consolidate… opens the confirmation; only its Yes goes on to the run.

        The dialog is window-modal and opened with ``open()`` (no nested event loop, so the
        asyncio loop keeps running under it).
        """
        if self.flow.confirmed:
            return True
        dialog = self.make_confirm_dialog()
        dialog.accepted.connect(self._on_yes)
        dialog.rejected.connect(self._on_cancel)
        dialog.finished.connect(dialog.deleteLater)
        self.confirm_dialog = dialog
        dialog.open()
        return False

    def make_confirm_dialog(self) -> QDialog:
        """The confirmation of the ticked licenses' plan (Yes accepts, Cancel rejects)."""
        return ConfirmDialog(self.flow.final_plan(), self)

    def _on_cancel(self) -> None:
        self.confirm_dialog = None
        self.flow.confirm(False)
        self.table.setFocus()

    def _on_yes(self) -> None:
        self.confirm_dialog = None
        wizard = self.wizard()
        if self.flow.confirm(True) and wizard is not None:
            wizard.next()
