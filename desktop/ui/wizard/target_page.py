"""The target account's email: typed or picked (never picked for the person), checked as it is
typed, the address that will be used shown, and the consequences at once.

Nothing is chosen in advance: one Enter must not decide where every license goes. Picking a
suggestion takes a click or the arrow keys (a selection); the list's current row alone, which
Qt sets when Tab enters the list, chooses nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.services.consolidation_flow import (
    Blocker,
    Consequences,
    ConsolidationFlow,
    Step,
    TargetCheck,
    TargetSuggestion,
)
from desktop.ui.status_colours import danger
from desktop.ui.wizard.flow_page import FlowPage
from desktop.ui.wizard.texts import blocker_text, target_problem_text

EMAIL_ROLE = Qt.ItemDataRole.UserRole


class TargetPage(FlowPage):
    signInRequested = Signal(str)  # the target's email

    def __init__(self, flow: ConsolidationFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, Step.TARGET, parent)
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("targetEmail")
        self.email_edit.setClearButtonEnabled(True)
        self.email_edit.textChanged.connect(self._on_text_changed)
        self.form = QFormLayout()
        self.email_label = QLabel()
        self.email_label.setBuddy(self.email_edit)
        self.form.addRow(self.email_label, self.email_edit)
        self.used_as = QLabel()  # the address that will be used, when not what was typed
        self.used_as.setObjectName("targetUsedAs")
        self.used_as.setWordWrap(True)
        self.used_as.setTextFormat(Qt.TextFormat.RichText)
        self.used_as.hide()

        self.public_warning = QWidget()
        self.public_warning.setObjectName("publicMailboxWarning")
        warning_row = QHBoxLayout(self.public_warning)
        warning_row.setContentsMargins(0, 0, 0, 0)
        self.public_icon = QLabel()
        self.public_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.public_text = QLabel()
        self.public_text.setObjectName("publicMailboxText")
        self.public_text.setWordWrap(True)
        self.public_text.setTextFormat(Qt.TextFormat.RichText)
        warning_row.addWidget(self.public_icon)
        warning_row.addWidget(self.public_text, 1)
        self.public_warning.hide()
        self.advice = QLabel()  # what Atlassian's partners recommend, always shown
        self.advice.setObjectName("targetAdvice")
        self.advice.setWordWrap(True)

        self.suggestions_label = QLabel()
        self.suggestions = QListWidget()
        self.suggestions.setObjectName("targetSuggestions")
        self.suggestions.itemSelectionChanged.connect(self._on_suggestion)
        self.suggestions_label.setBuddy(self.suggestions)

        self.consequences_box = QGroupBox()
        grid = QGridLayout(self.consequences_box)
        self.count_labels = [QLabel() for _ in range(6)]
        self.count_texts = [QLabel() for _ in range(6)]
        for row, (number, text) in enumerate(zip(self.count_labels, self.count_texts, strict=True)):
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            number.setMinimumWidth(36)
            font = number.font()
            font.setBold(True)
            number.setFont(font)
            text.setWordWrap(True)
            grid.addWidget(number, row, 0)
            grid.addWidget(text, row, 1)
        grid.setColumnStretch(1, 1)
        self.sign_in_target = QPushButton()
        self.sign_in_target.setObjectName("signInTarget")
        self.sign_in_target.clicked.connect(
            lambda: self.signInRequested.emit(self.flow.target or "")
        )
        sign_in_row = QHBoxLayout()
        sign_in_row.addWidget(self.sign_in_target)
        sign_in_row.addStretch(1)
        grid.addLayout(sign_in_row, 6, 1)

        self.also_billing = QCheckBox()
        self.also_billing.setObjectName("alsoBilling")
        self.also_billing.setChecked(flow.also_billing)
        self.also_billing.toggled.connect(self._on_also_billing)
        self.billing_help = QLabel()
        self.billing_help.setObjectName("alsoBillingHelp")
        self.billing_help.setWordWrap(True)
        self.billing_help.setIndent(22)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.used_as)
        layout.addWidget(self.blocker_label)
        layout.addWidget(self.public_warning)
        layout.addWidget(self.advice)
        layout.addWidget(self.suggestions_label)
        layout.addWidget(self.suggestions, 1)
        layout.addWidget(self.consequences_box)
        layout.addWidget(self.also_billing)
        layout.addWidget(self.billing_help)
        self.registerField("targetEmail", self.email_edit)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Target account"))
        self.setSubTitle(self.tr("Which account should manage every license from now on?"))
        self.email_label.setText(self.tr("Target &email:"))
        self.email_edit.setPlaceholderText(self.tr("e.g. licenses@yourcompany.com"))
        self.advice.setText(
            self.tr(
                "Atlassian's partners recommend a shared company mailbox, such as a team "
                "address (licenses@yourcompany.com): the licenses then do not depend on one "
                "person's mailbox."
            )
        )
        self.suggestions_label.setText(self.tr("Or choose one of the &contacts on your licenses:"))
        self.consequences_box.setTitle(self.tr("What will happen"))
        self.sign_in_target.setText(self.tr("Sign &in as the target…"))
        self.also_billing.setText(
            self.tr(
                "Also make the target the primary &billing contact (renewal quotes and "
                "invoices go to it)"
            )
        )
        self._show_billing_help()
        if self.suggestions.count():
            self._fill_suggestions()
        self._show_check(self.flow.target_check())
        self._show_consequences()

    # --- life cycle ------------------------------------------------------------------------

    def initializePage(self) -> None:
        self._fill_suggestions()
        self._on_text_changed()
        self.email_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_suggestions(self) -> None:
        self.suggestions.blockSignals(True)
        self.suggestions.clear()
        for suggestion in self.flow.suggestions():
            item = QListWidgetItem(self._suggestion_text(suggestion))
            item.setData(EMAIL_ROLE, suggestion.email)
            self.suggestions.addItem(item)
        self.suggestions.blockSignals(False)
        self._select_suggestion(self.flow.target)

    def _suggestion_text(self, s: TargetSuggestion) -> str:
        who = f"{s.name} <{s.email}>" if s.name else s.email
        parts = []
        if s.last_target:
            parts.append(self.tr("your target last time"))
        parts.append(self.tr("primary on %n license(s)", "", s.primary_on))
        parts.append(self.tr("signed in") if s.signed_in else self.tr("not signed in"))
        if s.public_domain:
            parts.append(self.tr("public mailbox"))
        return f"{who}   —   " + " · ".join(parts)

    # --- reactions -------------------------------------------------------------------------

    def _on_suggestion(self) -> None:
        """A suggestion was selected (clicked, or chosen with the arrow keys)."""
        selected = self.suggestions.selectedItems()
        if selected:
            self.email_edit.setText(selected[0].data(EMAIL_ROLE))

    def _on_text_changed(self) -> None:
        check = self.flow.set_target(self.email_edit.text())
        self._select_suggestion(check.email)
        self._show_check(check)
        self._show_consequences()
        self.refresh_blocker(show=bool(self.email_edit.text().strip()))

    def blocker_message(self, blocker: Blocker) -> str:
        """A refused address says why (mixed scripts, too long, a / …), not just "invalid"."""
        check = self.flow.target_check()
        if blocker is Blocker.INVALID_TARGET and check.problem is not None:
            return target_problem_text(check.problem, check.problem_args)
        return blocker_text(blocker)

    def _show_check(self, check: TargetCheck) -> None:
        invalid = check.blocker is Blocker.INVALID_TARGET
        self.email_edit.setStyleSheet(
            f"QLineEdit {{ border: 1px solid {danger().name()}; }}" if invalid else ""
        )
        self.used_as.setVisible(check.email is not None and check.differs)
        if check.email is not None:
            self.used_as.setText(
                self.tr("The address that will be used: <b>%1</b>").replace("%1", check.email)
            )
        self.public_warning.setVisible(check.public_domain)
        if check.email is not None and check.public_domain:
            domain = check.email.rpartition("@")[2]
            size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
            warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self.public_icon.setPixmap(warning.pixmap(QSize(size, size)))
            self.public_text.setText(
                self.tr(
                    "<b>%1 is a public mailbox.</b> It belongs to one person, not to your "
                    "company: when that person leaves, nobody can reach the licenses. Atlassian "
                    "also never treats a public domain as your company's, so this address must "
                    "sign in and promote itself on every license."
                ).replace("%1", domain)
            )

    def _select_suggestion(self, email: str | None) -> None:
        """The list shows which suggestion the typed address is (none for a new one)."""
        self.suggestions.blockSignals(True)
        self.suggestions.clearSelection()
        for row in range(self.suggestions.count()):
            item = self.suggestions.item(row)
            if email is not None and item.data(EMAIL_ROLE) == email:
                self.suggestions.setCurrentItem(item)
                item.setSelected(True)
                break
        self.suggestions.blockSignals(False)

    def _show_consequences(self) -> None:
        counts = self.flow.consequences() if self.flow.target else Consequences()
        texts = [
            self.tr("will move to the target (it becomes the primary technical contact)"),
            self.tr("already done (the target is primary already)"),
            self.tr(
                "need the target to sign in: another or a public email domain, so the target "
                "must promote itself"
            ),
            self.tr("not possible: evaluation licenses take no new technical contacts"),
            self.tr("cannot be changed: no signed-in account is a contact"),
            self.tr("will also get the target as the primary billing contact"),
        ]
        values = [
            counts.move,
            counts.already,
            counts.needs_sign_in,
            counts.not_possible,
            counts.cannot_act,
            counts.billing,
        ]
        for number, label, value, text in zip(
            self.count_labels, self.count_texts, values, texts, strict=True
        ):
            number.setText(str(value))
            label.setText(text)
            number.setEnabled(value > 0)
            label.setEnabled(value > 0)
        self.count_labels[4].setVisible(counts.cannot_act > 0)
        self.count_texts[4].setVisible(counts.cannot_act > 0)
        self.count_labels[5].setVisible(self.flow.also_billing)
        self.count_texts[5].setVisible(self.flow.also_billing)
        self.consequences_box.setEnabled(self.flow.target is not None)
        needs = counts.needs_sign_in > 0 and not self.flow.target_signed_in
        self.sign_in_target.setVisible(needs)

    def _on_also_billing(self, on: bool) -> None:
        self.flow.set_also_billing(on)
        self._show_billing_help()
        self._show_consequences()
        # Billing steps count too: a target already primary technical contact everywhere
        # but not billing contact has something to do once this is ticked.
        self.refresh_blocker(show=bool(self.email_edit.text().strip()))

    def _show_billing_help(self) -> None:
        if self.also_billing.isChecked():
            text = self.tr(
                "On: where Atlassian's rules allow, the target also becomes the primary billing "
                "contact, and each old primary billing contact receives a notification email. "
                "Cloud subscriptions are billed in admin.atlassian.com and stay as they are."
            )
        else:
            text = self.tr(
                "Off: the billing contacts are not changed. Renewal quotes and invoices keep "
                "going to the current primary billing contacts."
            )
        self.billing_help.setText(text)

    def refresh_after_sign_in(self) -> None:
        """A sign-in happened: suggestions and consequences change."""
        self._fill_suggestions()
        self._on_text_changed()
