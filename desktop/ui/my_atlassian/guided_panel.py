"""Guided mode: says what to click, puts the email on the clipboard, and waits.

The page itself marks what to click (the session highlights it); the app notices the change
by re-reading the page, so "I've done it" is only a nudge to check at once.
"""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.portal.my_atlassian.guide import CONTEXT, INSTRUCTIONS, WAITING, WHY_GUIDED, GuidedStep

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class GuidedPanel(QWidget):
    """A GuidedHandler for MyAtlassianSession, shown beside the embedded page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: 600; font-size: 15px;")
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        self.instruction = QLabel(self)
        self.instruction.setWordWrap(True)
        self.instruction.setStyleSheet(
            "background: #fff4e5; border: 2px solid #ff8b00; border-radius: 4px; padding: 8px;"
        )
        self.clipboard_note = QLabel(self)
        self.waiting = QLabel(self)
        self.waiting.setWordWrap(True)
        self.done_button = QPushButton(self)
        self.skip_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.why, self.instruction, self.clipboard_note, self.waiting):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.step: GuidedStep | None = None
        self._answer: asyncio.Future[bool] | None = None
        self.done_button.clicked.connect(lambda: self._settle(True))
        self.skip_button.clicked.connect(lambda: self._settle(False))
        self.retranslate()
        self.setVisible(False)

    async def wait_for_person(self, step: GuidedStep) -> bool:
        self.show_step(step)
        self._answer = asyncio.get_running_loop().create_future()
        try:
            return await self._answer
        except asyncio.CancelledError:  # the page signed out, the run stopped, time ran out
            self.step_verified(step)  # the step is no longer asked: hide it
            raise
        finally:
            self._answer = None

    def step_verified(self, step: GuidedStep) -> None:
        if step == self.step:
            self.step = None
            self.setVisible(False)

    def show_step(self, step: GuidedStep) -> None:
        self.step = step
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(step.email)
        self.retranslate()
        self.setVisible(True)

    def _settle(self, done: bool) -> None:
        if self._answer is not None and not self._answer.done():
            self._answer.set_result(done)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your turn: one step in the page"))
        self.done_button.setText(self.tr("I've done it"))
        self.skip_button.setText(self.tr("Skip this step"))
        self.waiting.setText(_tr(WAITING))
        step = self.step
        if step is None:
            return
        self.why.setText(_tr(WHY_GUIDED.get(step.reason, WHY_GUIDED["chosen"])))
        self.instruction.setText(step.fill(_tr(INSTRUCTIONS[step.kind])))
        self.clipboard_note.setText(self.tr("%1 is on the clipboard.").replace("%1", step.email))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
