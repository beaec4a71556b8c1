"""The base of every wizard page: it asks the Qt-free flow whether it may go on, and where."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget, QWizardPage

from desktop.services.consolidation_flow import Blocker, ConsolidationFlow, Step
from desktop.ui.status_colours import error_style
from desktop.ui.wizard.texts import blocker_text


class FlowPage(QWizardPage):
    """A page of the consolidation wizard bound to one :class:`Step` of the flow."""

    def __init__(self, flow: ConsolidationFlow, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.step = step
        self.blocker_label = QLabel()
        self.blocker_label.setWordWrap(True)
        self.blocker_label.setObjectName("blocker")

    # --- QWizardPage -----------------------------------------------------------------------

    def isComplete(self) -> bool:
        return self.flow.can_go_on(self.step)

    def validatePage(self) -> bool:
        """Next (or a programmatic ``next()``) never leaves a page the flow says is blocked."""
        return self.flow.can_go_on(self.step)

    def nextId(self) -> int:
        following = self.flow.next_step(self.step)
        return -1 if following is None else int(following)

    def first_focus(self) -> QWidget | None:
        """What has the focus when the page shows (None: Qt's choice, the first control in
        the Tab order)."""
        return None

    # --- helpers ---------------------------------------------------------------------------

    def refresh_blocker(self, *, show: bool = True) -> None:
        """Say why Next is disabled (or nothing), and tell the wizard to re-check."""
        blocker = self.flow.blocker(self.step)
        self.blocker_label.setStyleSheet(error_style())
        self.blocker_label.setText(self.blocker_message(blocker) if blocker and show else "")
        self.blocker_label.setVisible(bool(blocker and show))
        self.completeChanged.emit()

    def blocker_message(self, blocker: Blocker) -> str:
        """What the page says about ``blocker`` (a page may say more than the flow's key)."""
        return blocker_text(blocker)

    def retranslate(self) -> None:
        """Set every text again in the current language (override; call on LanguageChange)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
