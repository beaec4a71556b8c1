"""What the consolidation wizard and the removal wizard share: a run page and a summary page
over one flow and one :class:`ConsolidationRun`; resume opens on the run page; closing is
refused while the run goes on; Qt's own button words follow the language."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard, QWizardPage

from desktop.services.consolidation_flow import ConsolidationFlow, Step
from desktop.services.consolidation_run import ConsolidationRun
from desktop.ui.wizard.flow_page import FlowPage
from desktop.ui.wizard.run_page import RunPage
from desktop.ui.wizard.summary_page import SummaryPage

_QT_CONTEXT = "QWizard"  # Qt's own catalogue (qtbase_<lang>.qm) words these buttons
# The buttons' words in Qt's modern and classic styles (the style these wizards use).
_QT_BUTTON_TEXTS = (
    (QWizard.WizardButton.BackButton, "< &Back"),
    (QWizard.WizardButton.NextButton, "&Next >"),
    (QWizard.WizardButton.CommitButton, "Commit"),
    (QWizard.WizardButton.FinishButton, "&Finish"),
    (QWizard.WizardButton.CancelButton, "Cancel"),
    (QWizard.WizardButton.HelpButton, "&Help"),
)


def word_qt_buttons(wizard: QWizard) -> None:
    """QWizard words its buttons once, when made: say them again in the new language (Qt's
    own words, from its qtbase catalogue)."""
    for which, text in _QT_BUTTON_TEXTS:
        wizard.setButtonText(which, QCoreApplication.translate(_QT_CONTEXT, text))


class RunWizard(QWizard):
    """The base of both wizards. Emits ``showInTableRequested(target)`` for the main window
    to refresh and show. A subclass makes its pages, sets ``run_page`` and ``summary_page``
    and calls :meth:`add_pages`."""

    showInTableRequested = Signal(str)
    run_page: RunPage
    summary_page: SummaryPage

    def __init__(
        self, flow: ConsolidationFlow, runner: ConsolidationRun, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.flow = flow
        self.runner = runner
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.currentIdChanged.connect(self._focus_page)

    def add_pages(self, pages: Sequence[tuple[Step, QWizardPage]]) -> None:
        """The pages by their step, the summary's buttons wired."""
        for step, page in pages:
            self.setPage(int(step), page)
        self.summary_page.showInTableRequested.connect(self._show_in_table)
        self.summary_page.retryRequested.connect(self.retry_from_summary)

    def sizeHint(self) -> QSize:
        return QSize(900, 640)

    def retranslate(self) -> None:
        """The window title (a subclass's) and Qt's button words, in the current language."""
        word_qt_buttons(self)

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

    def busy_text(self) -> str:
        """What closing during the run says (a subclass words it)."""
        return ""

    def reject(self) -> None:
        """Closing is refused while a run is going on (cancel the run first)."""
        if self.runner.running:
            QMessageBox.information(self, self.windowTitle(), self.busy_text())
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner.running:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
