"""The confirmation before removing contacts who have left, in plain words: "These people will
no longer see these licenses in My Atlassian", the licenses per person, who stays where and
why. Modelled on the consolidation's confirmation: Yes / Cancel, Cancel the default (Enter or
Esc changes nothing). The engine's structured confirmation gives the content (the CLI prints
the same words)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.engine import removal_confirmation as words
from desktop.engine.confirmation import license_name
from desktop.engine.plan import Plan
from desktop.engine.reasons import substitute
from desktop.engine.removal_confirmation import build_removal_confirmation
from desktop.ui.wizard.confirm_dialog import ConfirmDialog, yes_cancel_buttons
from desktop.ui.wizard.texts import translate_engine

_label = ConfirmDialog._label  # the same rich-text, word-wrapped labels


def _tr(text: str, *args: str) -> str:
    """A removal confirmation text in the person's language, ``%1`` … filled (not escaped)."""
    return substitute(QCoreApplication.translate("RemovalConfirmation", text), args)


class RemovalConfirmDialog(QDialog):
    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.confirmation = c = build_removal_confirmation(plan)
        self.plan = plan
        self.setObjectName("removalConfirmDialog")
        products = {entry.sen: entry.license.product for entry in plan.entries}

        def named(sen: str) -> str:
            return license_name(sen, products.get(sen, ""), translate_engine)

        self.setWindowTitle(_tr(words.TITLE))
        self.heading = _label(f"<h3>{escape(self.windowTitle())}</h3>", "removalHeading")
        self.lead = _label(
            escape(_tr(words.LEAD)) if c.removed else escape(_tr(words.NOTHING)), "removalLead"
        )
        # Each person with the licenses they will no longer see, each with its product.
        lines: list[str] = []
        for email, sens in c.removed:
            lines.append(
                self.tr("%1 will no longer see %n license(s):", "", len(sens)).replace("%1", email)
            )
            lines += [f"    {named(sen)}" for sen in sens]
        self.people = QPlainTextEdit("\n".join(lines))
        self.people.setObjectName("removalPeople")
        self.people.setReadOnly(True)
        self.people.setTabChangesFocus(True)
        self.people.setMinimumHeight(90)
        self.people.setMaximumHeight(200)
        self.people.setVisible(bool(c.removed))
        kept = "".join(
            f"<li>{escape(_tr(words.KEPT[reason], email, ', '.join(sens)))}</li>"
            for email, reason, sens in c.kept
        )
        self.kept = _label(
            f"{escape(_tr(words.KEPT_LEAD))}<ul>{kept}</ul>" if c.kept else "", "removalKept"
        )
        self.kept.setVisible(bool(c.kept))
        self.undo = _label(escape(_tr(words.UNDO)), "removalUndo")
        self.undo.setVisible(bool(c.removed))

        buttons, self.yes_button, self.cancel_button = yes_cancel_buttons(
            self, self.tr("&Yes, remove them"), self.tr("Cancel")
        )
        self.yes_button.setEnabled(c.writes_anything)

        layout = QVBoxLayout(self)
        for widget in (self.heading, self.lead, self.people, self.kept, self.undo):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.cancel_button.setFocus()
