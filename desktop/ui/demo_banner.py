"""The visible "demo data" notice above the table, with a way to add a real account."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.ui.icons import icon
from desktop.ui.notice_banner import NoticeBanner


class DemoBanner(NoticeBanner):
    """The visible "demo data" notice, with a way to add a real account."""

    addRequested = Signal()
    hideRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("demoBanner", "demo", parent)
        # The button is drawn in the palette's colours (dark in dark mode), so its icon takes
        # the palette's text colour too; a fixed dark blue vanished on a dark button.
        self.add_button = QPushButton(icon("account-add"), "", self)
        self.add_button.clicked.connect(self.addRequested.emit)
        self.line.addWidget(self.add_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.text.setText(
            self.tr(
                "<b>Demo data.</b> These licenses come from the built-in demo portal, not from "
                "Atlassian. Add your own account to see your licenses."
            )
        )
        self.add_button.setText(self.tr("Add account…"))
        self.setAccessibleName(self.tr("Demo data notice"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
