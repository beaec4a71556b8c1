"""The run and the summary of "Remove contacts who have left…": the consolidation wizard's run
page (progress, cancel, retry failed) and summary (export report, show in table) in the
removal's words; the summary is per person: removed from, still on and why, not done."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from desktop.engine import removal_confirmation as words
from desktop.engine.confirmation import license_name
from desktop.engine.reasons import render, substitute
from desktop.services.consolidation_run import ConsolidationRun
from desktop.services.removal_flow import PersonSummary, RemovalFlow
from desktop.ui.wizard.run_page import RunPage
from desktop.ui.wizard.summary_page import SummaryPage
from desktop.ui.wizard.texts import error_text, translate_engine


class RemovalRunPage(RunPage):
    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("Removing contacts"))
        self.setSubTitle(
            self.tr("The contacts are deleted license by license; you can watch it here.")
        )
        self.cancel_button.setText(self.tr("Ca&ncel removal"))

    def stopped_text(self, why: str) -> str:
        return self.tr("The removal stopped: %1").replace("%1", why)

    def failures_text(self, failed: int) -> str:
        return self.tr(
            "Removal finished with %n failure(s). Retry them, or go on to the summary.", "", failed
        )


class RemovalSummaryPage(SummaryPage):
    def __init__(
        self, flow: RemovalFlow, runner: ConsolidationRun, parent: QWidget | None = None
    ) -> None:
        self.removal = flow
        super().__init__(flow, runner, parent)
        self.billing_note.hide()

    def retranslate(self) -> None:
        super().retranslate()
        self.setSubTitle(self.tr("Who was removed where, and what is left to do."))

    def initializePage(self) -> None:
        count = self.removal.removed_count()
        self.headline.setText(
            self.tr(
                "Contacts were removed on %n license(s): the people below no longer see them "
                "in My Atlassian.",
                "",
                count,
            )
            if count
            else self.tr("Nobody was removed.")
        )
        self.groups.clear()
        for row in self.removal.person_summary():
            top = self._person_item(row)
            self.groups.addTopLevelItem(top)
            top.setExpanded(top.childCount() <= 12)  # only once in the tree
        first = self.groups.topLevelItem(0)
        if first is not None:
            self.groups.setCurrentItem(first)
        self.export_button.setEnabled(self.runner.can_export)
        self.retry_button.setVisible(bool(self.flow.failed()))

    def _person_item(self, row: PersonSummary) -> QTreeWidgetItem:
        top = QTreeWidgetItem(
            [
                self.tr("%1: removed from %n license(s)", "", len(row.removed)).replace(
                    "%1", row.email
                )
            ]
        )
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        top.setData(0, 256, row.email)
        errors = self.flow.outcomes()
        for sen in row.removed:
            gone = self.tr("No longer sees %1").replace("%1", self._named(sen))
            top.addChild(QTreeWidgetItem([gone]))
        for reason, sens in row.kept:
            named = ", ".join(self._named(sen) for sen in sens)
            if reason in words.KEPT:
                text = QCoreApplication.translate("RemovalConfirmation", words.KEPT[reason])
                text = substitute(text, (row.email, named))
            else:
                text = f"{named}: {render(reason, (row.email,), translate_engine)}"
            top.addChild(QTreeWidgetItem([text]))
        for sen in row.not_done:
            text = self.tr(
                "Not removed from %1 (failed, cancelled or left out): run the removal "
                "again to finish it."
            ).replace("%1", self._named(sen))
            finished = errors.get(sen)
            if finished is not None and finished.error_key:
                text += " " + error_text(finished.error_key)
            top.addChild(QTreeWidgetItem([text]))
        for index in range(top.childCount()):  # a long line elides: the whole on hover
            child = top.child(index)
            if child is not None:
                child.setToolTip(0, child.text(0))
        return top

    def _named(self, sen: str) -> str:
        return license_name(sen, self.flow.product_of(sen), translate_engine)
