"""The consolidation wizard: welcome → sources → target → licenses → (confirm) → run → summary.

The pages render the Qt-free :class:`ConsolidationFlow`; the run goes through
:class:`ConsolidationRun`. Sign-ins from inside the wizard go through the main window.
"""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from desktop.services.consolidation_flow import ConsolidationFlow, Step
from desktop.services.consolidation_run import ConsolidationRun, SignIn
from desktop.ui.guide import GuideOpener
from desktop.ui.wizard.flow_page import FlowPage
from desktop.ui.wizard.licenses_page import LicensesPage
from desktop.ui.wizard.run_page import RunPage
from desktop.ui.wizard.sources_page import SourcesPage
from desktop.ui.wizard.summary_page import SummaryPage
from desktop.ui.wizard.target_page import TargetPage
from desktop.ui.wizard.welcome_page import WelcomePage

log = logging.getLogger(__name__)


_QT_CONTEXT = "QWizard"  # Qt's own catalogue (qtbase_<lang>.qm) words these buttons
# The buttons' words in Qt's modern and classic styles (the style this wizard uses).
_QT_BUTTON_TEXTS = (
    (QWizard.WizardButton.BackButton, "< &Back"),
    (QWizard.WizardButton.NextButton, "&Next >"),
    (QWizard.WizardButton.CommitButton, "Commit"),
    (QWizard.WizardButton.FinishButton, "&Finish"),
    (QWizard.WizardButton.CancelButton, "Cancel"),
    (QWizard.WizardButton.HelpButton, "&Help"),
)


class ConsolidationWizard(QWizard):
    """Emits ``showInTableRequested(target)`` for the main window to refresh and show."""

    showInTableRequested = Signal(str)

    def __init__(
        self,
        flow: ConsolidationFlow,
        runner: ConsolidationRun,
        *,
        sign_in: SignIn | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consolidationWizard")
        self.flow = flow
        self.runner = runner
        self._sign_in = sign_in
        self._sign_in_task: asyncio.Task[None] | None = None
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.welcome_page = WelcomePage(flow)
        self.sources_page = SourcesPage(flow)
        self.target_page = TargetPage(flow)
        self.licenses_page = LicensesPage(flow)
        self.run_page = RunPage(flow, runner)
        self.summary_page = SummaryPage(flow, runner)
        for step, page in (
            (Step.WELCOME, self.welcome_page),
            (Step.SOURCES, self.sources_page),
            (Step.TARGET, self.target_page),
            (Step.LICENSES, self.licenses_page),
            (Step.RUN, self.run_page),
            (Step.SUMMARY, self.summary_page),
        ):
            self.setPage(int(step), page)
        self.sources_page.signInRequested.connect(self.sign_in)
        self.target_page.signInRequested.connect(self.sign_in)
        self.summary_page.showInTableRequested.connect(self._show_in_table)
        self.summary_page.retryRequested.connect(self.retry_from_summary)
        self.currentIdChanged.connect(self._focus_page)
        self.guide = GuideOpener(self, shortcut=True)  # F1
        self.welcome_page.guideRequested.connect(self.guide.open)
        if sign_in is None:
            self.sources_page.sign_in_button.hide()
            self.target_page.sign_in_target.setEnabled(False)
        self.retranslate()

    def sizeHint(self) -> QSize:
        return QSize(900, 640)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Consolidate licenses"))
        # QWizard words its buttons once, when made: say them again in the new language
        # (Qt's own words, from its qtbase catalogue).
        for which, text in _QT_BUTTON_TEXTS:
            self.setButtonText(which, QCoreApplication.translate(_QT_CONTEXT, text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _focus_page(self, page_id: int) -> None:
        """After Qt has focused the new page's first control: the page's own choice."""
        page = self.page(page_id)
        wanted = page.first_focus() if isinstance(page, FlowPage) else None
        if wanted is not None:
            wanted.setFocus(Qt.FocusReason.TabFocusReason)

    def resume(self, run_id: str) -> None:
        """Open straight on the run page, going on with the journal's unfinished run.

        The flow must hold the run's plan already (``flow.resume_from``).
        """
        self.run_page.resume_run_id = run_id
        self.setStartId(int(Step.RUN))

    # --- sign-in from inside the wizard ----------------------------------------------------

    def sign_in(self, email: str) -> None:
        if self._sign_in is None or (self._sign_in_task and not self._sign_in_task.done()):
            return
        self._sign_in_task = asyncio.ensure_future(self._do_sign_in(email))

    async def _do_sign_in(self, email: str) -> None:
        assert self._sign_in is not None
        result = await self._sign_in(email)
        if result is None:
            return
        self.runner.add_session(result.account.email, result.session, result.place)
        self.flow.set_licenses(result.licenses)
        self.flow.add_signed_in(result.account.key, result.account)
        log.info("signed in from the wizard")
        page = self.currentPage()
        if page is self.sources_page:
            self.sources_page.initializePage()
        elif page is self.target_page:
            self.target_page.refresh_after_sign_in()

    # --- the end ---------------------------------------------------------------------------

    def retry_from_summary(self) -> None:
        """Back to the run page and run what failed again."""
        if not self.flow.failed() or self.runner.running:
            return
        self.back()
        self.run_page.retry_failed()

    def _show_in_table(self) -> None:
        self.showInTableRequested.emit(self.flow.target or "")
        self.accept()

    def reject(self) -> None:
        """Closing is refused while a run is going on (Cancel the run first)."""
        if self.runner.running:
            QMessageBox.information(
                self,
                self.windowTitle(),
                self.tr("A run is going on. Press \u201cCancel run\u201d first, then close."),
            )
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner.running:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
