"""The main window's status bar: how many licenses there are and are shown, the progress of a
refresh with its Cancel button, and when the accounts were last read."""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from desktop.domain.dates import format_moment
from desktop.domain.models import SupportStatus
from desktop.services.refresh import RefreshService
from desktop.ui.language import LanguageManager
from desktop.ui.license_filter_proxy import LicenseFilterProxy
from desktop.ui.license_table_model import LicenseTableModel


class RefreshStatusBar(QStatusBar):
    """Follows the refresh service and the table; the window only calls ``update_counts``
    when the rows shown change."""

    def __init__(
        self,
        *,
        refresher: RefreshService,
        model: LicenseTableModel,
        proxy: LicenseFilterProxy,
        language: LanguageManager,
        cancel_action: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.refresher = refresher
        self.model = model
        self.proxy = proxy
        self.language = language
        self.counts_label = QLabel(self)
        self.refreshed_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QToolButton(self)
        self.cancel_button.setDefaultAction(cancel_action)
        self.cancel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cancel_button.hide()
        self.addWidget(self.counts_label, 1)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.cancel_button)
        self.addPermanentWidget(self.refreshed_label)
        refresher.refreshStarted.connect(self._started)
        refresher.progressChanged.connect(self._progress)
        refresher.refreshFinished.connect(self._finished)
        language.languageChanged.connect(self._language_changed)
        self.retranslate()

    def _started(self, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(
            self.tr("%1 of %2 accounts").replace("%1", str(done)).replace("%2", str(total))
        )

    def _finished(self, cancelled: bool) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        if cancelled:
            self.showMessage(self.tr("Refresh cancelled"), 5000)
        self._update_refreshed_label()

    def update_counts(self) -> None:
        expired = sum(1 for s in self.model.statuses() if s is SupportStatus.EXPIRED)
        self.counts_label.setText(
            self.tr("Licenses: %1 · shown: %2 · support expired: %3")
            .replace("%1", str(self.model.rowCount()))
            .replace("%2", str(self.proxy.rowCount()))
            .replace("%3", str(expired))
        )

    def _update_refreshed_label(self) -> None:
        stamp = self.refresher.last_refresh
        if stamp is None:
            self.refreshed_label.setText(self.tr("Not refreshed yet"))
            return
        when = datetime.fromtimestamp(stamp)
        text = f"{when:%H:%M}"
        if time.time() - stamp > 86400:
            text = format_moment(when, self.language.current, year=False)
        self.refreshed_label.setText(self.tr("Last refresh: %1").replace("%1", text))

    def _language_changed(self, _code: str) -> None:
        self._update_refreshed_label()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.update_counts()
        self._update_refreshed_label()
