"""The first page: what consolidation does, and what it does not do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.services.consolidation_flow import ConsolidationFlow, Step
from desktop.ui.wizard.flow_page import FlowPage


class WelcomePage(FlowPage):
    def __init__(self, flow: ConsolidationFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, Step.WELCOME, parent)
        self._body = QLabel()
        self._body.setWordWrap(True)
        self._body.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self._body)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Gather your licenses under one account"))
        self.setSubTitle(
            self.tr(
                "This assistant makes one account the primary technical contact of your licenses."
            )
        )
        does = self.tr(
            "<p><b>What it does</b></p><ul>"
            "<li>The target account you choose becomes the primary technical contact on each "
            "license, so it sees and manages every license key in one place.</li>"
            "<li>Where needed it first adds the target as a technical contact.</li>"
            "<li>The old primary contact stays on the license as a technical contact and "
            "receives a notification email from Atlassian.</li></ul>"
        )
        does_not = self.tr(
            "<p><b>What it does not do</b></p><ul>"
            "<li>Past invoices are not transferred: they stay in the account that bought them, "
            "under Orders.</li>"
            "<li>Nothing is deleted: no contact, no license, no account.</li>"
            "<li>Nothing changes before you have reviewed the plan and answered "
            "<i>Yes</i> to the confirmation.</li></ul>"
        )
        self._body.setText(does + does_not)
