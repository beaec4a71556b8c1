"""The review of "Remove contacts who have left…": the consolidation wizard's checklist of
licenses, each row saying which of the chosen people's technical and billing contacts will be
deleted and why, or why a person stays ("make someone else primary first"). "Remove…" opens
the removal's own confirmation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWizard

from desktop.domain.models import ContactRole
from desktop.engine.plan import Action, PlanEntry, Removal
from desktop.engine.reasons import render
from desktop.ui.removal.confirm_dialog import RemovalConfirmDialog
from desktop.ui.wizard.licenses_page import LicensesPage
from desktop.ui.wizard.plan_checklist_model import PlanChecklistModel
from desktop.ui.wizard.texts import action_text, translate_engine

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

CONTEXT = "RemovalPlan"


def roles_text(roles: tuple[ContactRole, ...]) -> str:
    """Which of a license's contact lists a person is on, in words."""
    if set(roles) == {ContactRole.TECHNICAL, ContactRole.BILLING}:
        return translate("RemovalPlan", "Technical and billing contact")
    if roles == (ContactRole.BILLING,):
        return translate("RemovalPlan", "Billing contact")
    return translate("RemovalPlan", "Technical contact")


def removal_text(removal: Removal) -> str:
    """One person on one license: which contacts, and why removed or kept."""
    actor, *_ = (*removal.reason_args, "")
    if removal.removed and actor == removal.email:  # nobody else signed in is a contact
        why = translate(
            "RemovalPlan",
            "%1 is signed in, is not primary here and is one of the people leaving, so it "
            "removes itself, last: afterwards it no longer sees this license in My Atlassian.",
        ).replace("%1", removal.email)
    else:
        why = render(removal.reason, removal.reason_args, translate_engine, context="PlanReason")
    return f"{roles_text(removal.roles)} \u2014 {why}"


def removal_action_text(entry: PlanEntry) -> str:
    """What the run does to the license: whom it removes, or that nobody can be."""
    if entry.action is Action.EXCLUDED:
        return action_text(Action.EXCLUDED)
    removed = [r.email for r in entry.removals if r.removed]
    if removed:
        return translate("RemovalPlan", "Remove %1").replace("%1", ", ".join(removed))
    return translate("RemovalPlan", "Nobody can be removed")


class RemovalChecklistModel(PlanChecklistModel):
    """The checklist with the removal's words: the action names who goes, the reason has a
    line per chosen person on the license."""

    def _words(self) -> None:
        self._actions = [removal_action_text(entry) for entry in self._entries]
        self._reasons = [
            "\n".join(removal_text(r) for r in entry.removals) for entry in self._entries
        ]


class RemovalPlanPage(LicensesPage):
    checklist_model = RemovalChecklistModel

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("The plan"))
        self.setSubTitle(
            self.tr(
                "Which contacts will be deleted on each license, and who stays and why. Untick "
                "any license you want to leave as it is (Space)."
            )
        )
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Remove…"))

    def _show_count(self) -> None:
        ticked = len(self.flow.final_plan().actionable())
        total = len(self.flow.plan().actionable())
        self.count_label.setText(
            self.tr("%1 of %n license(s) ticked: someone is removed from each.", "", total).replace(
                "%1", str(ticked)
            )
        )

    def blocker_message(self, blocker: object) -> str:
        del blocker
        return self.tr(
            "Nobody can be removed from the ticked licenses: tick one where someone is removed, "
            "or go back and tick other people."
        )

    def make_confirm_dialog(self) -> QDialog:
        return RemovalConfirmDialog(self.flow.final_plan(), self)
