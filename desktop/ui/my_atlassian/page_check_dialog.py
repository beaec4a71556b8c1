"""The page check's window: what the app found on an account's My Atlassian page, what it
means, and "Save a page report for support".

It opens after an account's first sign-in and from the account's menu ("Check the My
Atlassian page"). Nothing on the page is changed.
"""

from __future__ import annotations

import asyncio
import logging
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.models import License
from desktop.portal.my_atlassian.page_check import (
    CONTEXT,
    FOUND_WORDS,
    PART_NAMES,
    VERDICT_WORDS,
    Found,
    PageCheck,
    Verdict,
)
from desktop.services.my_atlassian.page_report import save_page_report
from desktop.services.my_atlassian.session import MyAtlassianSession

log = logging.getLogger(__name__)

_MARKS = {Found.YES: "✓", Found.NO: "✗", Found.NOT_SHOWN: "–"}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class PageCheckDialog(QDialog):
    """Checks ``session``'s page when shown (:meth:`run_check`) and lists what it found."""

    checked = Signal(object)  # PageCheck
    reportSaved = Signal(str)  # the file's path

    def __init__(self, session: MyAtlassianSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageCheckDialog")
        self.session = session
        self.check: PageCheck | None = None
        self.licenses: list[License] = []
        self.task: asyncio.Task[PageCheck | None] | None = None
        self.saving: asyncio.Future[Path | None] | None = None
        self.account_label = QLabel(self)
        self.verdict_label = QLabel(self)
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setObjectName("pageCheckVerdict")
        self.parts = QTreeWidget(self)
        self.parts.setColumnCount(2)
        self.parts.setRootIsDecorated(False)
        self.parts.setObjectName("pageCheckParts")
        self.where_label = QLabel(self)
        self.where_label.setWordWrap(True)
        self.where_label.setStyleSheet("color: palette(mid);")
        self.saved_label = QLabel(self)
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.report_button = QPushButton(self)
        self.report_button.setObjectName("savePageReport")
        self.buttons.addButton(self.report_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.report_button.clicked.connect(self._report_clicked)
        layout = QVBoxLayout(self)
        for widget in (self.account_label, self.verdict_label, self.parts, self.where_label):
            layout.addWidget(widget)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.buttons)
        self.resize(640, 420)
        self._saved = ""
        self.retranslate()

    # --- checking ----------------------------------------------------------------------------

    def start(self) -> asyncio.Task[PageCheck | None]:
        """Check the page in the background (the window shows "Checking…" until done)."""
        self.task = asyncio.ensure_future(self.run_check())
        return self.task

    async def run_check(self) -> PageCheck | None:
        self.check = None
        self.report_button.setEnabled(False)
        self.retranslate()
        try:
            self.check, self.licenses = await self.session.check_page()
        except Exception:  # the page went away (closed, crashed): say so, keep the window
            log.warning("the page check could not run", exc_info=True)
            self.verdict_label.setText(
                self.tr("The page could not be checked. Close this window and try again.")
            )
            return None
        self.report_button.setEnabled(True)
        self.retranslate()
        self.checked.emit(self.check)
        return self.check

    async def save_report(self, path: Path) -> Path | None:
        """Write the page report to ``path``; None (and a message here) when it cannot."""
        self.report_button.setEnabled(False)
        try:
            written = await save_page_report(
                self.session, path, check=self.check, licenses=self.licenses
            )
        except OSError as error:
            log.warning("could not write the page report: %s", error.strerror or error)
            self.saved_label.setText(
                self.tr("The report could not be saved to %1.").replace("%1", str(path))
            )
            return None
        finally:
            self.report_button.setEnabled(True)
        self._saved = str(written)
        self.retranslate()
        self.reportSaved.emit(self._saved)
        return written

    def _report_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a page report for support"),
            str(Path.home() / "my-atlassian-page-report.json"),
            self.tr("Page report (*.json)"),
        )
        if name:
            self.saving = asyncio.ensure_future(self.save_report(Path(name)))

    # --- words -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Check the My Atlassian page"))
        self.account_label.setText(
            self.tr("Account: %1. The app only looks; nothing on the page is changed.").replace(
                "%1", self.session.account.email
            )
        )
        self.report_button.setText(self.tr("Save a page report for support…"))
        self.report_button.setToolTip(
            self.tr(
                "Saves the page's structure (tags, ids, classes, roles, which labels were found "
                "where) with every email, name, organisation, SEN and license key replaced."
            )
        )
        self.parts.setHeaderLabels([self.tr("Part of the page"), self.tr("Found")])
        check = self.check
        if check is None:
            self.verdict_label.setText(self.tr("Checking the page…"))
            self.parts.clear()
            self.where_label.clear()
        else:
            self._show(check)
        self.saved_label.setText(
            self.tr("Report saved: %1. Send this file to support.").replace("%1", self._saved)
            if self._saved
            else ""
        )

    def _show(self, check: PageCheck) -> None:
        verdict = _tr(VERDICT_WORDS[check.verdict])
        if check.verdict in (Verdict.READY, Verdict.GUIDED):
            verdict = (
                self.tr("%n license(s) read.", "", check.licenses) + " " + verdict
            )  # "12 licenses read. The app can …"
        self.verdict_label.setText(f"<b>{escape(verdict)}</b>")
        self.parts.clear()
        for finding in check.findings:
            words = f"{_MARKS[finding.found]} {_tr(FOUND_WORDS[finding.found])}"
            if finding.shown:
                words += " — " + self.tr("the page says %1").replace(
                    "%1", ", ".join(f"“{text}”" for text in finding.shown)
                )
            item = QTreeWidgetItem([_tr(PART_NAMES[finding.part]), words])
            item.setData(0, Qt.ItemDataRole.UserRole, finding.part.value)
            self.parts.addTopLevelItem(item)
        self.parts.resizeColumnToContents(0)
        secure = self.tr("https") if check.secure else self.tr("not https (the local replica)")
        self.where_label.setText(
            self.tr("Page: %1, %2. Site profile: %3.")
            .replace("%1", check.host)
            .replace("%2", secure)
            .replace("%3", check.profile)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
