"""The first page: what consolidation does, and what it does not do."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, QWizard

from desktop.services.consolidation_flow import ConsolidationFlow, Step
from desktop.ui.icons import icon
from desktop.ui.wizard.flow_page import FlowPage


class WelcomePage(FlowPage):
    guideRequested = Signal()

    def __init__(self, flow: ConsolidationFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, Step.WELCOME, parent)
        self._body = QLabel()
        self._body.setWordWrap(True)
        self._body.setTextFormat(Qt.TextFormat.RichText)
        # A button that looks like a link: Tab reaches it once, Enter or Space opens the guide.
        self.guide_link = QPushButton(icon("help"), "")
        self.guide_link.setObjectName("guideLink")
        self.guide_link.setFlat(True)
        self.guide_link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.guide_link.setAutoDefault(False)  # Enter stays Next's
        font = self.guide_link.font()
        font.setUnderline(True)
        self.guide_link.setFont(font)
        self._colour_link()
        self.guide_link.clicked.connect(self.guideRequested)
        link_row = QHBoxLayout()
        link_row.addWidget(self.guide_link)
        link_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._body)
        layout.addLayout(link_row)
        layout.addStretch(1)
        self.retranslate()

    def _colour_link(self) -> None:
        """The button's words in the palette's link colour (light and dark alike)."""
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.ButtonText, palette.color(QPalette.ColorRole.Link))
        self.guide_link.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_link()
        super().changeEvent(event)

    def first_focus(self) -> QWidget | None:
        """Next, so Enter goes on (the guide's button comes first in the Tab order)."""
        wizard = self.wizard()
        return wizard.button(QWizard.WizardButton.NextButton) if wizard is not None else None

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
            "<li>Billing contacts are left unchanged: renewal quotes and invoices still go to "
            "them.</li>"
            "<li>Nothing changes before you have reviewed the plan and answered "
            "\u201cYes\u201d to the confirmation.</li></ul>"
        )
        self._body.setText(does + does_not)
        self.guide_link.setText(
            self.tr("Read the guide: the rules, billing contacts and how to undo (F1)")
        )
