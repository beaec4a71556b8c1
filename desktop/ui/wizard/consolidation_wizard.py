"""The consolidation wizard: welcome → sources → target → licenses → (confirm) → run → summary.

The pages render the Qt-free :class:`ConsolidationFlow`; the run goes through
:class:`ConsolidationRun`. Sign-ins from inside the wizard go through the main window.
"""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtWidgets import QWidget

from desktop.services.consolidation_flow import ConsolidationFlow, Step
from desktop.services.consolidation_run import ConsolidationRun, SignIn
from desktop.ui.guide import GuideOpener
from desktop.ui.wizard.licenses_page import LicensesPage
from desktop.ui.wizard.run_page import RunPage
from desktop.ui.wizard.run_wizard import RunWizard
from desktop.ui.wizard.sources_page import SourcesPage
from desktop.ui.wizard.summary_page import SummaryPage
from desktop.ui.wizard.target_page import TargetPage
from desktop.ui.wizard.welcome_page import WelcomePage

log = logging.getLogger(__name__)


class ConsolidationWizard(RunWizard):
    """Emits ``showInTableRequested(target)`` for the main window to refresh and show."""

    def __init__(
        self,
        flow: ConsolidationFlow,
        runner: ConsolidationRun,
        *,
        sign_in: SignIn | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(flow, runner, parent)
        self.setObjectName("consolidationWizard")
        self._sign_in = sign_in
        self._sign_in_task: asyncio.Task[None] | None = None
        self.welcome_page = WelcomePage(flow)
        self.sources_page = SourcesPage(flow)
        self.target_page = TargetPage(flow)
        self.licenses_page = LicensesPage(flow)
        self.run_page = RunPage(flow, runner)
        self.summary_page = SummaryPage(flow, runner)
        self.add_pages(
            (
                (Step.WELCOME, self.welcome_page),
                (Step.SOURCES, self.sources_page),
                (Step.TARGET, self.target_page),
                (Step.LICENSES, self.licenses_page),
                (Step.RUN, self.run_page),
                (Step.SUMMARY, self.summary_page),
            )
        )
        self.sources_page.signInRequested.connect(self.sign_in)
        self.target_page.signInRequested.connect(self.sign_in)
        self.guide = GuideOpener(self, shortcut=True)  # F1
        self.welcome_page.guideRequested.connect(self.guide.open)
        if sign_in is None:
            self.sources_page.sign_in_button.hide()
            self.target_page.sign_in_target.setEnabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Consolidate licenses"))
        super().retranslate()

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

    def busy_text(self) -> str:
        return self.tr("A run is going on. Press \u201cCancel run\u201d first, then close.")
