"""Run history: the past runs in the journal (when, target, counts, failures), each with
Export report…. Reads the journal beside a running wizard (a handle without the lock); the
report is written by the same engine function as ``desktop-cli report``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_moment
from desktop.domain.text import printable
from desktop.engine.events import Outcome
from desktop.engine.journal import (
    Journal,
    JournalError,
    RunStatus,
    RunSummary,
    default_journal_path,
)
from desktop.engine.plan import PlanKind
from desktop.engine.report import ReportError, write_report
from desktop.ui.language import current_language
from desktop.ui.wizard.texts import error_text, translate_engine

log = logging.getLogger(__name__)

_FINISHED = frozenset({Outcome.DONE, Outcome.ALREADY_DONE})


class RunHistoryDialog(QDialog):
    """A table of the journal's runs, newest first; Export report… for the selected one."""

    def __init__(self, journal_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runHistoryDialog")
        self.journal_path = journal_path or default_journal_path()
        self.runs: list[RunSummary] = []
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("runHistoryTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(lambda _item: self.choose_report_file())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportRunReport")
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.choose_report_file)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Run history"))
        self.export_button.setText(self.tr("&Export report…"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Target"),
                self.tr("Licenses"),
                self.tr("Finished"),
                self.tr("Failed"),
                self.tr("Status"),
            ]
        )
        self.resize(820, 380)
        self.load()

    def load(self) -> None:
        """Read the runs again (nothing is written; a missing journal lists none)."""
        self.runs = []
        self.problem.hide()
        if self.journal_path.is_file():
            try:
                with Journal(self.journal_path, lock=False) as journal:
                    self.runs = journal.history()
            except JournalError as error:
                log.warning("run history not read: %s", error)
                self.problem.setText(self.tr("The run journal cannot be read."))
                self.problem.show()
        self.table.setRowCount(len(self.runs))
        for row, run in enumerate(self.runs):
            for column, text in enumerate(self._cells(run)):
                item = QTableWidgetItem(text)
                if 2 <= column <= 4:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if run.problem:
                    item.setToolTip(run.problem)
                self.table.setItem(row, column, item)
        if self.runs:
            self.table.selectRow(0)
        self._selection_changed()
        self.table.setFocus()

    def _whom(self, run: RunSummary) -> str:
        """A consolidation's target, or the people a removal removes."""
        if run.kind is PlanKind.REMOVE_CONTACTS:
            return self.tr("Removing %1").replace("%1", printable(", ".join(run.leaving)))
        return printable(run.target)

    def _cells(self, run: RunSummary) -> list[str]:
        when = format_moment(run.started.astimezone(), current_language())
        if run.status is RunStatus.SET_ASIDE:
            return [when, self._whom(run), "", "", "", self.status_text(run)]
        finished = sum(n for outcome, n in run.counts.items() if outcome in _FINISHED)
        failed = run.counts.get(Outcome.FAILED, 0)
        return [
            when,
            self._whom(run),
            str(run.total),
            str(finished),
            str(failed),
            self.status_text(run),
        ]

    def status_text(self, run: RunSummary) -> str:
        if run.status is RunStatus.SET_ASIDE:
            return self.tr("Set aside (cannot be read)")
        if run.status is RunStatus.FINISHED:
            if run.counts.get(Outcome.FAILED, 0):
                return self.tr("Finished with failures")
            return self.tr("Finished")
        if run.status is RunStatus.DISCARDED:
            return self.tr("Not resumed")
        if run.status is RunStatus.CANCELLED:
            return self.tr("Stopped")
        return self.tr("Did not finish")

    def selected_run(self) -> RunSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.runs[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        run = self.selected_run()
        self.export_button.setEnabled(run is not None and not run.problem)

    def choose_report_file(self) -> None:
        run = self.selected_run()
        if run is None or run.problem:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export report"),
            str(Path.home() / "consolidation-report.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV, comma-separated (*.csv)"),
        )
        if path:
            self.export_report(run, Path(path))

    def export_report(self, run: RunSummary, path: Path) -> bool:
        """Write ``run``'s report again from the journal; say why not in plain words."""
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        try:
            with Journal(self.journal_path, lock=False) as journal:
                result = journal.load_result(run.run_id)
            write_report(result, path, translate=translate_engine, language=current_language())
        except (JournalError, ReportError) as error:
            log.warning("report not written: %s", type(error).__name__)
            key = error.key if isinstance(error, ReportError) else ""
            text = error_text(key) if key else self.tr("The run journal cannot be read.")
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Export report"),
                text,
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setObjectName("reportNotWritten")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return False
        return True


def open_run_history(journal_path: Path | None, parent: QWidget | None) -> RunHistoryDialog:
    dialog = RunHistoryDialog(journal_path, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
