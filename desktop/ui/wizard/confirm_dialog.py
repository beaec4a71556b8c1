"""The confirmation, worded like Atlassian's "Promote to primary technical contact?" dialog.

Built from the engine's structured confirmation (the CLI prints the same words). Yes / Cancel,
with Cancel the default: pressing Enter or Esc changes nothing.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.engine import billing_confirmation as billing_words
from desktop.engine import confirmation as words
from desktop.engine.billing_confirmation import build_billing_confirmation, render_billing_lines
from desktop.engine.confirmation import Confirmation, build_confirmation, named_license
from desktop.engine.plan import Plan
from desktop.engine.reasons import substitute

MAX_NOTIFIED_SHOWN = 12


def _tr(text: str, *args: str) -> str:
    """An engine confirmation text in the person's language, ``%1`` … filled (HTML-escaped)."""
    return substitute(
        escape(QCoreApplication.translate("Confirmation", text)), [escape(a) for a in args]
    )


def _billing_parts(plan: Plan) -> tuple[str, list[str], str]:
    """The billing part, worded like Atlassian's "Promote to primary billing contact?" (the
    CLI prints the same lines), or what leaving billing off means: the HTML before the list
    of licenses, the licenses (one a line), the HTML after them."""
    lines = render_billing_lines(plan, QCoreApplication.translate)
    if not plan.also_billing:
        return escape(lines[0]), [], ""
    title, *rest = lines
    paragraphs: list[list[str]] = [[]]
    for line in rest:
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    first, *others = paragraphs
    sens = [line.strip() for line in first if line.startswith("  ")]  # the licenses
    intro = [line for line in first if not line.startswith("  ")]
    before = f"<h3>{escape(title)}</h3><p>" + "<br>".join(escape(x) for x in intro) + "</p>"
    parts: list[str] = []
    for paragraph in others:
        items = [line[2:] for line in paragraph if line.startswith("- ")]
        text = [line for line in paragraph if not line.startswith("- ")]
        if text:
            parts.append("<p>" + "<br>".join(escape(line) for line in text) + "</p>")
        if items:
            parts.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")
    return before, sens, "".join(parts)


def _named(c: Confirmation, sen: str) -> str:
    """``SEN-1 (Jira Software …)`` in the person's language (not yet escaped)."""
    return named_license(c, sen, QCoreApplication.translate)


def _bold(text: str) -> str:
    return f"<b>{text}</b>"


def yes_cancel_buttons(
    dialog: QDialog, yes: str, cancel: str
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """Yes (accepts) and Cancel (rejects, the default: Enter or Esc changes nothing)."""
    buttons = QDialogButtonBox()
    yes_button = QPushButton(yes)
    yes_button.setObjectName("confirmYes")
    cancel_button = QPushButton(cancel)
    cancel_button.setObjectName("confirmCancel")
    buttons.addButton(yes_button, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    yes_button.setAutoDefault(False)
    cancel_button.setAutoDefault(True)
    cancel_button.setDefault(True)
    return buttons, yes_button, cancel_button


class ConfirmDialog(QDialog):
    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmDialog")
        self.plan = plan
        self.confirmation = c = build_confirmation(plan)
        self.setWindowTitle(QCoreApplication.translate("Confirmation", words.TITLE))
        self.heading = QLabel(f"<h3>{escape(self.windowTitle())}</h3>")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        target = c.target
        if len(c.promoted_sens) == 1:
            lead = _tr(words.INTRO_ONE, target, _named(c, c.promoted_sens[0]))
        elif c.promoted_sens:
            lead = _tr(words.INTRO_MANY, target, str(len(c.promoted_sens)))
        else:
            lead = _tr(words.NOTHING)
        lead = lead.replace(escape(target), _bold(escape(target)), 1)
        if c.added_first_sens:
            lead += "<br>" + _tr(words.ADDED_FIRST, target, str(len(c.added_first_sens)))
        self.lead = self._label(lead, "confirmLead")
        # Each license with its product, so the person sees which licenses these are.
        self.sens = QPlainTextEdit("\n".join(_named(c, sen) for sen in c.promoted_sens))
        self.sens.setObjectName("confirmSens")
        self.sens.setReadOnly(True)
        self.sens.setMaximumHeight(110)
        self.sens.setTabChangesFocus(True)
        self.sens.setVisible(len(c.promoted_sens) > 1)
        abilities = "".join(f"<li>{_tr(a)}</li>" for a in c.shown_abilities)
        self.means = self._label(f"{_tr(words.ABLE_TO)}<ul>{abilities}</ul>", "confirmMeans")
        self.invoices = self._label(_tr(c.invoices_note), "confirmInvoices")
        # Billing contacts stay as they are: renewal quotes and invoices still go to them.
        self.billing = self._label(_tr(billing_words.OFF), "confirmBilling")
        self.billing.setVisible(c.writes_anything and not plan.also_billing)
        notified = c.notified[:MAX_NOTIFIED_SHOWN]
        shown = ", ".join(notified)
        if len(c.notified) > MAX_NOTIFIED_SHOWN:
            more = len(c.notified) - MAX_NOTIFIED_SHOWN
            shown += " " + self.tr("and %n more", "", more)
        self.notify = self._label(
            _tr(words.NOTIFIED, shown).replace(escape(shown), _bold(escape(shown)), 1)
            if c.notified
            else "",
            "confirmNotified",
        )
        self.notify.setVisible(bool(c.notified))
        self.add_only = self._label(
            _tr(words.ADD_ONLY, target, ", ".join(_named(c, sen) for sen in c.add_only_sens))
            if c.add_only_sens
            else "",
            "confirmAddOnly",
        )
        self.add_only.setVisible(bool(c.add_only_sens))
        before, billing_sens, after = _billing_parts(plan)
        self.billing = self._label(before, "confirmBilling")
        self.billing_sens = QPlainTextEdit("\n".join(billing_sens))
        self.billing_sens.setObjectName("confirmBillingSens")
        self.billing_sens.setReadOnly(True)
        self.billing_sens.setMaximumHeight(110)
        self.billing_sens.setTabChangesFocus(True)
        self.billing_sens.setVisible(bool(billing_sens))
        self.billing_more = self._label(after, "confirmBillingMore")
        self.billing_more.setVisible(bool(after))
        billing = build_billing_confirmation(plan)

        buttons, self.yes_button, self.cancel_button = yes_cancel_buttons(
            self, self.tr("&Yes"), self.tr("Cancel")
        )
        self.yes_button.setEnabled(
            c.writes_anything or (billing is not None and billing.writes_anything)
        )

        layout = QVBoxLayout(self)
        for widget in (
            self.heading,
            self.lead,
            self.sens,
            self.means,
            self.invoices,
            self.billing,
            self.notify,
            self.add_only,
            self.billing,
            self.billing_sens,
            self.billing_more,
        ):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    @staticmethod
    def _label(html: str, name: str) -> QLabel:
        label = QLabel(html)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        return label

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.cancel_button.setFocus()
