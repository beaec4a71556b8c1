"""The run page's per-license list: waiting / adding contact / promoting / waiting for a new
sign-in / done / failed (reason).

Updates touch one row (``dataChanged`` for that row only), so a 500-license run stays smooth.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum, StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.engine.events import Outcome, StepEvent, StepStatus
from desktop.engine.plan import PlanEntry, StepKind
from desktop.ui.status_colours import danger, success, warning
from desktop.ui.wizard.texts import error_text

ModelIndex = QModelIndex | QPersistentModelIndex


class RunColumn(IntEnum):
    SEN = 0
    PRODUCT = 1
    STATUS = 2


class RowState(StrEnum):
    WAITING = "waiting"
    ADDING_CONTACT = "adding-contact"
    PROMOTING = "promoting"
    REMOVING = "removing"
    WAITING_FOR_SIGN_IN = "waiting-for-sign-in"  # its account's sign-in ended: paused
    DONE = "done"
    ALREADY_DONE = "already-done"
    NEEDS_TARGET_SIGN_IN = "needs-target-sign-in"
    NOT_POSSIBLE = "not-possible"
    FAILED = "failed"
    CANCELLED = "cancelled"


_STATE_OF_OUTCOME = {
    Outcome.DONE: RowState.DONE,
    Outcome.ALREADY_DONE: RowState.ALREADY_DONE,
    Outcome.PARTIAL: RowState.NEEDS_TARGET_SIGN_IN,
    Outcome.NEEDS_TARGET_SIGN_IN: RowState.NEEDS_TARGET_SIGN_IN,
    Outcome.NOT_POSSIBLE: RowState.NOT_POSSIBLE,
    Outcome.CANNOT_ACT: RowState.NOT_POSSIBLE,
    Outcome.EXCLUDED: RowState.CANCELLED,
    Outcome.FAILED: RowState.FAILED,
    Outcome.CANCELLED: RowState.CANCELLED,
}

FINAL_STATES = frozenset(
    {
        RowState.DONE,
        RowState.ALREADY_DONE,
        RowState.NEEDS_TARGET_SIGN_IN,
        RowState.NOT_POSSIBLE,
        RowState.FAILED,
        RowState.CANCELLED,
    }
)

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def state_text(state: RowState) -> str:
    texts = {
        RowState.WAITING: translate("ConsolidationWizard", "Waiting"),
        RowState.ADDING_CONTACT: translate("ConsolidationWizard", "Adding contact…"),
        RowState.PROMOTING: translate("ConsolidationWizard", "Promoting…"),
        RowState.REMOVING: translate("ConsolidationWizard", "Removing contact…"),
        RowState.WAITING_FOR_SIGN_IN: translate("ConsolidationWizard", "Waiting for sign-in"),
        RowState.DONE: translate("ConsolidationWizard", "Done"),
        RowState.ALREADY_DONE: translate("ConsolidationWizard", "Already done"),
        RowState.NEEDS_TARGET_SIGN_IN: translate(
            "ConsolidationWizard", "Contact added; the target must sign in to promote"
        ),
        RowState.NOT_POSSIBLE: translate("ConsolidationWizard", "Not possible"),
        RowState.FAILED: translate("ConsolidationWizard", "Failed"),
        RowState.CANCELLED: translate("ConsolidationWizard", "Cancelled"),
    }
    return texts[state]


class RunStatusModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sens: list[str] = []
        self._products: list[str] = []
        self._states: list[RowState] = []
        self._errors: list[str] = []
        self._error_args: list[tuple[str, ...]] = []
        self._row_of: dict[str, int] = {}

    def set_entries(self, entries: Sequence[PlanEntry]) -> None:
        self.beginResetModel()
        self._sens = [e.sen for e in entries]
        self._products = [e.license.product for e in entries]
        self._states = [RowState.WAITING] * len(entries)
        self._errors = [""] * len(entries)
        self._error_args = [()] * len(entries)
        self._row_of = {sen: row for row, sen in enumerate(self._sens)}
        self.endResetModel()

    def row_of(self, sen: str) -> int:
        return self._row_of.get(sen, -1)

    def state(self, sen: str) -> RowState | None:
        row = self._row_of.get(sen)
        return None if row is None else self._states[row]

    def states(self) -> list[RowState]:
        return list(self._states)

    def finished_count(self) -> int:
        return sum(1 for state in self._states if state in FINAL_STATES)

    def on_step(self, event: StepEvent) -> None:
        row = self._row_of.get(event.sen)
        if row is None:
            return
        if event.status is StepStatus.WAITING_FOR_SIGN_IN:
            self._set(row, RowState.WAITING_FOR_SIGN_IN, "")
            return
        if event.status is not StepStatus.STARTED:
            return
        if event.step.is_removal:
            state = RowState.REMOVING
        elif event.step in (StepKind.ADD_CONTACT, StepKind.ADD_BILLING_CONTACT):
            state = RowState.ADDING_CONTACT
        else:
            state = RowState.PROMOTING
        self._set(row, state, "")

    def on_finished(
        self, sen: str, outcome: Outcome, error_key: str = "", error_args: tuple[str, ...] = ()
    ) -> None:
        row = self._row_of.get(sen)
        if row is not None:
            self._set(row, _STATE_OF_OUTCOME[outcome], error_key, error_args)

    def reset_rows(self, sens: Sequence[str]) -> None:
        """Rows about to run again (retry, resume) go back to Waiting."""
        for sen in sens:
            row = self._row_of.get(sen)
            if row is not None:
                self._set(row, RowState.WAITING, "")

    def _set(
        self, row: int, state: RowState, error_key: str, error_args: tuple[str, ...] = ()
    ) -> None:
        self._states[row] = state
        self._errors[row] = error_key
        self._error_args[row] = error_args
        index = self.index(row, RunColumn.STATUS)
        self.dataChanged.emit(index, index)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(RunColumn) - 1)
        if self._sens:
            self.dataChanged.emit(
                self.index(0, RunColumn.STATUS), self.index(len(self._sens) - 1, RunColumn.STATUS)
            )

    # --- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sens)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RunColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                translate("ConsolidationWizard", "SEN"),
                translate("ConsolidationWizard", "Product"),
                translate("ConsolidationWizard", "Status"),
            )[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sens):
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == RunColumn.SEN:
                return self._sens[row]
            if column == RunColumn.PRODUCT:
                return self._products[row]
            return self.status_text(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == RunColumn.STATUS:
            state = self._states[row]
            if state is RowState.FAILED:
                return danger()
            if state is RowState.DONE:
                return success()
            if state is RowState.WAITING_FOR_SIGN_IN:
                return warning()
        return None

    def status_text(self, row: int) -> str:
        state = self._states[row]
        text = state_text(state)
        if state is RowState.FAILED and self._errors[row]:
            text = f"{text}: {error_text(self._errors[row], self._error_args[row])}"
        return text
