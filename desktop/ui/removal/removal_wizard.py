"""The wizard of "Remove contacts who have left…": people → plan → (confirm) → run → summary.

The pages render the Qt-free :class:`RemovalFlow`; the run goes through the consolidation's
:class:`ConsolidationRun` (the executor, the journal, resume and the report alike), and the
wizard's frame is the consolidation's (:class:`RunWizard`). It opens straight on the run page
to resume an unfinished removal.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.services.consolidation_flow import Step
from desktop.services.consolidation_run import ConsolidationRun
from desktop.services.removal_flow import RemovalFlow
from desktop.ui.removal.people_page import PeoplePage
from desktop.ui.removal.plan_page import RemovalPlanPage
from desktop.ui.removal.run_summary import RemovalRunPage, RemovalSummaryPage
from desktop.ui.wizard.run_wizard import RunWizard

STEPS = (Step.TARGET, Step.LICENSES, Step.RUN, Step.SUMMARY)


class RemovalWizard(RunWizard):
    """Emits ``showInTableRequested(kept email)`` for the main window to refresh and show."""

    def __init__(
        self, flow: RemovalFlow, runner: ConsolidationRun, *, parent: QWidget | None = None
    ) -> None:
        super().__init__(flow, runner, parent)
        self.setObjectName("removalWizard")
        self.removal = flow
        # The consolidation's steps, from the target's on: people take the target's place.
        self.people_page = PeoplePage(flow)
        self.plan_page = RemovalPlanPage(flow)
        self.run_page = RemovalRunPage(flow, runner)
        self.summary_page = RemovalSummaryPage(flow, runner)
        pages = (self.people_page, self.plan_page, self.run_page, self.summary_page)
        self.add_pages(tuple(zip(STEPS, pages, strict=True)))
        self.setStartId(int(Step.TARGET))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Remove contacts who have left"))
        super().retranslate()

    def busy_text(self) -> str:
        return self.tr("Contacts are being removed. Press \u201cCancel removal\u201d first.")
