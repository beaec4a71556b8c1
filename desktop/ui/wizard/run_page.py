"""The run: an overall progress bar, a per-license status list, Cancel and Retry failed.

While a My Atlassian account works, its page is shown beside the list (with guided steps).
While the run waits for an account to sign in again, a notice above the list says so.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from desktop.engine.events import LicenseFinished, StepEvent
from desktop.services.consolidation_flow import ConsolidationFlow, Step
from desktop.services.consolidation_run import ConsolidationRun
from desktop.ui.my_atlassian.live_page_panel import LivePagePanel
from desktop.ui.wizard.flow_page import FlowPage
from desktop.ui.wizard.pause_banner import PauseBanner
from desktop.ui.wizard.run_status_model import RunColumn, RunStatusModel
from desktop.ui.wizard.texts import error_text

log = logging.getLogger(__name__)


class RunPage(FlowPage):
    def __init__(
        self, flow: ConsolidationFlow, runner: ConsolidationRun, parent: QWidget | None = None
    ) -> None:
        super().__init__(flow, Step.RUN, parent)
        self.runner = runner
        self.resume_run_id: str | None = None  # set to resume a journal's run instead
        self._started = False
        self._cancelled = False
        self.model = RunStatusModel(self)
        self.progress = QProgressBar()
        self.progress.setObjectName("runProgress")
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("runStatus")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(40)  # size columns from the first rows, not all
        header.setStretchLastSection(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelRun")
        self.cancel_button.clicked.connect(self.cancel_run)
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("retryFailed")
        self.retry_button.clicked.connect(self.retry_failed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        self.pause_banner = PauseBanner(self)
        self.pause_banner.signInAgainRequested.connect(self._sign_in_again)
        self.pause_banner.skipRequested.connect(runner.skip_sign_in)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.state_label)
        layout.addWidget(self.pause_banner)
        self.split = QSplitter()
        self.split.addWidget(self.table)
        layout.addWidget(self.split, 1)
        layout.addLayout(buttons)
        self.live_panel: LivePagePanel | None = None
        self._actors: dict[tuple[str, str], str] = {}  # (SEN, step kind) → acting email

        runner.stepChanged.connect(self.model.on_step)
        runner.stepChanged.connect(self._show_live_page)
        runner.licenseFinished.connect(self._on_license_finished)
        runner.runFinished.connect(self._on_run_finished)
        runner.runBroke.connect(self._on_run_broke)
        runner.sessionPaused.connect(self._on_session_paused)
        runner.signInClosed.connect(self._on_sign_in_closed)
        runner.sessionResumed.connect(self._on_session_resumed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Consolidating"))
        self.setSubTitle(self.tr("Each license is changed in turn; you can watch it here."))
        self.cancel_button.setText(self.tr("Ca&ncel run"))
        self.retry_button.setText(self.tr("&Retry failed"))
        self.model.retranslate()
        self._show_state()

    # --- life cycle ------------------------------------------------------------------------

    def initializePage(self) -> None:
        if self._started:
            return
        self._started = True
        plan = self.flow.final_plan()
        entries = plan.actionable()
        self.model.set_entries(entries)
        done = self.flow.outcomes()
        for sen, finished in done.items():
            self.model.on_finished(sen, finished.outcome, finished.error_key)
        self._actors = {(e.sen, step.kind.value): step.actor for e in entries for step in e.steps}
        self._add_live_panel()
        if self.resume_run_id is not None:
            self.runner.resume(self.resume_run_id)
        else:
            self.runner.start(plan)
        self._after_change()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.resizeColumnToContents(RunColumn.SEN)
        self.table.resizeColumnToContents(RunColumn.PRODUCT)
        # Beside a live page the list is narrow: the product gives way, so the status shows.
        widest = 200 if self.live_panel is not None else 380
        self.table.setColumnWidth(
            RunColumn.PRODUCT, min(self.table.columnWidth(RunColumn.PRODUCT), widest)
        )

    def _add_live_panel(self) -> None:
        """The embedded page beside the list, when a My Atlassian account acts in this run."""
        live, emails = self.runner.live_accounts, self.runner.live_emails()
        if live is None or not emails or self.live_panel is not None:
            return
        self.live_panel = LivePagePanel()
        live.use_guide(self.live_panel.guide)
        self.split.addWidget(self.live_panel)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self._show_page_of(emails[0])

    def _show_live_page(self, event: StepEvent) -> None:
        actor = self._actors.get((event.sen, event.step.value))
        if actor is not None and self.live_panel is not None:
            self._show_page_of(actor)

    def _show_page_of(self, email: str) -> None:
        live = self.runner.live_accounts
        account = live.get(email) if live is not None else None
        panel = self.live_panel
        if account is not None and panel is not None:
            panel.show_page(account.driver.page, email)

    def cancel_run(self) -> None:
        if self.runner.running:
            self._cancelled = True
            self.cancel_button.setEnabled(False)
            self.runner.cancel()
            self._show_state()

    def retry_failed(self) -> None:
        failed = self.flow.failed()
        if not failed or self.runner.running:
            return
        self._cancelled = False
        self.model.reset_rows(failed)
        self.runner.retry_failed()
        self._after_change()

    def _sign_in_again(self, email: str) -> None:
        self.pause_banner.reopened(email)
        self.runner.sign_in_again(email)

    # --- reactions -------------------------------------------------------------------------

    def _on_session_paused(self, email: str) -> None:
        self.pause_banner.paused(email)
        if self.live_panel is not None:
            self.live_panel.set_sign_in_ended(email, True)

    def _on_sign_in_closed(self, email: str) -> None:
        self.pause_banner.closed(email)
        self._show_page_of(email)  # the sign-in window had the page: it shows here again

    def _on_session_resumed(self, email: str, ok: bool) -> None:
        del ok  # the rows say how each waiting license goes on
        self.pause_banner.resumed(email)
        if self.live_panel is not None:
            self.live_panel.set_sign_in_ended(email, False)
        self._show_page_of(email)
        self._show_state()

    def _on_license_finished(self, event: LicenseFinished) -> None:
        self.model.on_finished(event.sen, event.outcome, event.error_key, event.error_args)
        self._show_state()

    def _on_run_finished(self, result: object) -> None:
        del result
        self.pause_banner.clear()
        self._after_change()
        log.info("run finished: %d done", self.flow.consolidated_count())

    def _on_run_broke(self, error_key: str) -> None:
        self.pause_banner.clear()
        self._after_change()
        self.state_label.setText(self.stopped_text(error_text(error_key)))

    def _after_change(self) -> None:
        running = self.runner.running
        self.cancel_button.setEnabled(running and not self._cancelled)
        self.retry_button.setEnabled(not running and bool(self.flow.failed()))
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(QWizard.WizardButton.CancelButton).setEnabled(not running)
        self._show_state()
        self.completeChanged.emit()
        if not running:
            focus = self.retry_button if self.retry_button.isEnabled() else None
            if focus is not None:
                focus.setFocus()
            elif wizard is not None:
                wizard.button(QWizard.WizardButton.NextButton).setFocus()

    def _show_state(self) -> None:
        """The bar and the words, both from the flow's counts (as the rows are its outcomes)."""
        if not self._started:
            self.state_label.clear()
            return
        counts = self.flow.run_counts()
        self.progress.setRange(0, max(1, counts.total))
        self.progress.setValue(counts.finished)
        failed = counts.failed
        if self.runner.running:
            text = (
                self.tr("Stopping after the requests in flight…")
                if self._cancelled
                else self.tr("%1 of %n license(s) finished.", "", counts.total).replace(
                    "%1", str(counts.finished)
                )
            )
        elif failed:
            text = self.failures_text(failed)
        elif self._cancelled:
            text = self.tr("Cancelled. Go on to the summary to see what was changed.")
        else:
            text = self.tr("Finished. Go on to the summary.")
        self.state_label.setText(text)

    # --- words a removal's run page says its own way ---------------------------------------

    def stopped_text(self, why: str) -> str:
        return self.tr("The run stopped: %1").replace("%1", why)

    def failures_text(self, failed: int) -> str:
        return self.tr(
            "Finished with %n failure(s). Retry them, or go on to the summary.", "", failed
        )
