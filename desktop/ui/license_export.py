"""File ▸ Export licenses…: the license table as it is filtered and sorted now, to Excel (.xlsx)
or CSV, through the engine's inventory writer. License keys stay masked unless the person
ticks "Include license keys", which first says what that means."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.inventory import write_inventory
from desktop.engine.report import ReportError
from desktop.ui.license_filter_proxy import LicenseFilterProxy
from desktop.ui.license_table_model import LicenseTableModel
from desktop.ui.status_colours import error_style
from desktop.ui.wizard.texts import translate_engine

log = logging.getLogger(__name__)

FOLDER_KEY = "licenses/exportFolder"
_FILTERS = {".xlsx": "xlsx", ".csv": "csv"}


class ExportDialog(QDialog):
    """What goes into the file: how many licenses, and whether their keys go too."""

    def __init__(self, count: int, filtered: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export licenses"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        if filtered:
            text = self.tr(
                "%n license(s) as the table shows them now: the search and the filter apply.",
                None,
                count,
            )
        else:
            text = self.tr("All %n license(s) of the table.", None, count)
        self.summary.setText(text)
        self.hint = QLabel(self.tr("Excel (.xlsx) or CSV: you choose the file next."), self)
        self.hint.setWordWrap(True)
        self.keys_box = QCheckBox(self.tr("Include license &keys"), self)
        self.keys_box.setObjectName("includeKeys")
        self.key_warning = QLabel(
            self.tr(
                "License keys are secrets: anyone who gets this file can install these products "
                "with your licenses. Keep the file safe and send it to no one outside your "
                "company."
            ),
            self,
        )
        self.key_warning.setObjectName("keyWarning")
        self.key_warning.setWordWrap(True)
        self.key_warning.setStyleSheet(error_style())
        self.key_warning.hide()
        self.buttons = QDialogButtonBox(self)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.export_button.setEnabled(count > 0)
        layout = QVBoxLayout(self)
        for part in (self.summary, self.hint, self.keys_box, self.key_warning):
            layout.addWidget(part)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.keys_box.toggled.connect(self._keys_toggled)
        self._keys_toggled(False)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    @property
    def include_keys(self) -> bool:
        return self.keys_box.isChecked()

    def _keys_toggled(self, on: bool) -> None:
        self.key_warning.setVisible(on)
        self.export_button.setText(
            self.tr("Export with license keys…") if on else self.tr("&Export…")
        )
        self.adjustSize()


class LicenseExport(QObject):
    """Exports the licenses shown; the main window's File ▸ Export licenses… starts it.

    Args:
        parent: the window the dialogs open over.
        proxy: the table as shown (its order, search and quick filter).
        model: the licenses, the day support is judged against, the account names.
        settings: where the last folder is remembered.
        open_dialog: opens a dialog window-modal and keeps it until it closes.
    """

    statusMessage = Signal(str, int)  # text, milliseconds

    def __init__(
        self,
        parent: QWidget,
        *,
        proxy: LicenseFilterProxy,
        model: LicenseTableModel,
        settings: QSettings,
        open_dialog: Callable[[QDialog], None],
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self._proxy = proxy
        self._model = model
        self._settings = settings
        self._open = open_dialog
        self.dialog: ExportDialog | None = None
        self.file_dialog: QFileDialog | None = None

    def start(self) -> ExportDialog:
        """Ask whether keys go too, then where the file goes."""
        count = self._proxy.rowCount()
        dialog = ExportDialog(count, count != self._model.rowCount(), self._window)
        dialog.accepted.connect(lambda: self.choose_file(dialog.include_keys))
        self.dialog = dialog
        self._open(dialog)
        return dialog

    def choose_file(self, include_keys: bool) -> QFileDialog:
        folder = Path(str(self._settings.value(FOLDER_KEY, "") or Path.home()))
        name = self.tr("licenses") + f"-{date.today().isoformat()}.xlsx"
        chooser = QFileDialog(self._window, self.tr("Export licenses"), str(folder / name))
        chooser.setObjectName("exportFileDialog")
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setNameFilters(
            [self.tr("Excel workbook (*.xlsx)"), self.tr("CSV, comma-separated (*.csv)")]
        )
        chooser.setDefaultSuffix("xlsx")
        chooser.filterSelected.connect(
            lambda chosen: chooser.setDefaultSuffix("csv" if "*.csv" in chosen else "xlsx")
        )
        chooser.fileSelected.connect(lambda path: self.export_to(Path(path), include_keys))
        self.file_dialog = chooser
        self._open(chooser)
        return chooser

    def export_to(self, path: Path, include_keys: bool = False) -> bool:
        """Write the licenses shown to ``path``; say where, or why not, in plain words."""
        if path.suffix.lower() not in _FILTERS:
            path = path.with_name(path.name + ".xlsx")
        licenses = self._proxy.shown_licenses()
        try:
            write_inventory(
                licenses,
                path,
                today=self._model.today,
                include_keys=include_keys,
                account_label=self._model.account_label,
                translate=translate_engine,
            )
        except ReportError as error:
            log.warning("licenses not exported: %s", error.key)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Export licenses"),
                self._problem(error.key),
                QMessageBox.StandardButton.Ok,
                self._window,
            )
            box.setObjectName("exportProblem")
            self._open(box)
            return False
        self._settings.setValue(FOLDER_KEY, str(path.parent))
        log.info("exported %d licenses (keys included: %s)", len(licenses), include_keys)
        self.statusMessage.emit(
            self.tr("%n license(s) exported to %1", None, len(licenses)).replace("%1", str(path)),
            8000,
        )
        return True

    def _problem(self, key: str) -> str:
        if key == "disk-full":
            return self.tr(
                "The disk is full, so nothing was written. Free some space or choose another drive."
            )
        if key == "report-format":
            return self.tr("Choose a file name ending in .xlsx or .csv.")
        return self.tr(
            "The file could not be written there (no such folder, no permission, or it is "
            "open in another program). Choose another folder or close the file."
        )
