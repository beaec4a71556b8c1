"""The summary: each group of licenses with what to do next; export the report; show in table."""

from __future__ import annotations

import logging
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.confirmation import license_name
from desktop.engine.report import ReportError
from desktop.services.consolidation_flow import ConsolidationFlow, Step
from desktop.services.consolidation_run import ConsolidationRun
from desktop.ui.language import current_language
from desktop.ui.wizard.flow_page import FlowPage
from desktop.ui.wizard.texts import error_text, group_title, next_step_text, translate_engine

log = logging.getLogger(__name__)


class SummaryPage(FlowPage):
    showInTableRequested = Signal()
    retryRequested = Signal()

    def __init__(
        self, flow: ConsolidationFlow, runner: ConsolidationRun, parent: QWidget | None = None
    ) -> None:
        super().__init__(flow, Step.SUMMARY, parent)
        self.runner = runner
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.billing_note = QLabel()
        self.billing_note.setObjectName("summaryBilling")
        self.billing_note.setWordWrap(True)
        self.groups = QTreeWidget()
        self.groups.setObjectName("summaryGroups")
        self.groups.setHeaderHidden(True)
        self.groups.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportReport")
        self.export_button.clicked.connect(self.choose_report_file)
        self.show_button = QPushButton()
        self.show_button.setObjectName("showInTable")
        self.show_button.clicked.connect(self.showInTableRequested)
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("summaryRetry")
        self.retry_button.clicked.connect(self.retryRequested)
        self.export_note = QLabel()
        self.export_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.billing_note)
        layout.addWidget(self.groups, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.export_note)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("What changed, and what is left to do."))
        self.export_button.setText(self.tr("&Export report…"))
        self.show_button.setText(self.tr("&Show in table"))
        self.retry_button.setText(self.tr("&Retry failed"))
        if self.groups.topLevelItemCount():
            self.initializePage()

    def initializePage(self) -> None:
        target = escape(self.flow.target or "")
        count = self.flow.consolidated_count()
        self.headline.setText(
            self.tr(
                "<b>%1</b> is now the primary technical contact on %n more license(s).", "", count
            ).replace("%1", target)
            if count
            else self.tr("No license has a new primary technical contact.")
        )
        self.billing_note.setText(self._billing_text())
        self.groups.clear()
        for row in self.flow.summary():
            top = QTreeWidgetItem([group_title(row.group, row.count)])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setData(0, 256, row.group.value)
            hint = QTreeWidgetItem([next_step_text(row.next_step)])
            top.addChild(hint)
            for sen in row.sens:
                text = license_name(sen, self.flow.product_of(sen), translate_engine)
                if sen in row.error_keys:
                    text = f"{text}: {error_text(row.error_keys[sen])}"
                top.addChild(QTreeWidgetItem([text]))
            self.groups.addTopLevelItem(top)
            top.setExpanded(row.count <= 12)
        first = self.groups.topLevelItem(0)
        if first is not None:
            self.groups.setCurrentItem(first)
        self.export_button.setEnabled(self.runner.can_export)
        self.retry_button.setVisible(bool(self.flow.failed()))

    def _billing_text(self) -> str:
        """What happened to the billing contacts (or that they were left as they were)."""
        if not self.flow.also_billing:
            return self.tr(
                "Billing contacts were not changed: renewal quotes and invoices keep going to "
                "the current primary billing contacts."
            )
        return self.tr(
            "It is now also the primary billing contact on %n license(s): renewal quotes and "
            "invoices go to it.",
            "",
            self.flow.billing_moved_count(),
        )

    # --- report ----------------------------------------------------------------------------

    def choose_report_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export report"),
            str(Path.home() / "consolidation-report.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV, comma-separated (*.csv)"),
        )
        if path:
            self.export_report(Path(path))

    def export_report(self, path: Path) -> bool:
        """Write the report; say where, or why not, in plain words."""
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        try:
            self.runner.export_report(path, translate_engine, current_language())
        except ReportError as error:  # the button stays: choose another file and try again
            log.warning("report not written: %s", error.key)
            self.export_note.setText(error_text(error.key))
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Export report"),
                error_text(error.key),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setObjectName("reportNotWritten")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return False
        self.export_note.setText(self.tr("Report saved to %1.").replace("%1", str(path)))
        return True
