"""The target account's email: suggestions, validation as you type, the consequences at once."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.consolidation_flow import (
    Blocker,
    Consequences,
    ConsolidationFlow,
    Step,
    TargetSuggestion,
)
from desktop.ui.status_colours import danger
from desktop.ui.wizard.flow_page import FlowPage

EMAIL_ROLE = Qt.ItemDataRole.UserRole


class TargetPage(FlowPage):
    signInRequested = Signal(str)  # the target's email

    def __init__(self, flow: ConsolidationFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, Step.TARGET, parent)
        self.suggestions_label = QLabel()
        self.suggestions = QListWidget()
        self.suggestions.setObjectName("targetSuggestions")
        self.suggestions.currentItemChanged.connect(self._on_suggestion)
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("targetEmail")
        self.email_edit.setClearButtonEnabled(True)
        self.email_edit.textChanged.connect(self._on_text_changed)
        self.suggestions_label.setBuddy(self.suggestions)
        self.form = QFormLayout()
        self.email_label = QLabel()
        self.email_label.setBuddy(self.email_edit)
        self.form.addRow(self.email_label, self.email_edit)

        self.consequences_box = QGroupBox()
        grid = QGridLayout(self.consequences_box)
        self.count_labels = [QLabel() for _ in range(5)]
        self.count_texts = [QLabel() for _ in range(5)]
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
        grid.addLayout(sign_in_row, 5, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.suggestions_label)
        layout.addWidget(self.suggestions, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.blocker_label)
        layout.addWidget(self.consequences_box)
        self.registerField("targetEmail", self.email_edit)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Target account"))
        self.setSubTitle(self.tr("Which account should manage every license from now on?"))
        self.suggestions_label.setText(self.tr("&Contacts seen on your licenses:"))
        self.email_label.setText(self.tr("Target &email:"))
        self.email_edit.setPlaceholderText(self.tr("e.g. it-admin@yourcompany.com"))
        self.consequences_box.setTitle(self.tr("What will happen"))
        self.sign_in_target.setText(self.tr("Sign &in as the target…"))
        if self.suggestions.count():
            self._fill_suggestions()
        self._show_consequences()

    # --- life cycle ------------------------------------------------------------------------

    def initializePage(self) -> None:
        self._fill_suggestions()
        if not self.email_edit.text() and self.suggestions.count():
            self.suggestions.setCurrentRow(0)
        self._on_text_changed()

    def _fill_suggestions(self) -> None:
        current = self.flow.target
        self.suggestions.blockSignals(True)
        self.suggestions.clear()
        for suggestion in self.flow.suggestions():
            item = QListWidgetItem(self._suggestion_text(suggestion))
            item.setData(EMAIL_ROLE, suggestion.email)
            self.suggestions.addItem(item)
            if suggestion.email == current:
                self.suggestions.setCurrentItem(item)
        self.suggestions.blockSignals(False)

    def _suggestion_text(self, s: TargetSuggestion) -> str:
        who = f"{s.name} <{s.email}>" if s.name else s.email
        parts = [self.tr("primary on %n license(s)", "", s.primary_on)]
        parts.append(self.tr("signed in") if s.signed_in else self.tr("not signed in"))
        if s.public_domain:
            parts.append(self.tr("public mailbox"))
        return f"{who}   —   " + " · ".join(parts)

    # --- reactions -------------------------------------------------------------------------

    def _on_suggestion(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.email_edit.setText(item.data(EMAIL_ROLE))

    def _on_text_changed(self) -> None:
        check = self.flow.set_target(self.email_edit.text())
        self._select_suggestion(check.email)
        invalid = check.blocker is Blocker.INVALID_TARGET
        self.email_edit.setStyleSheet(
            f"QLineEdit {{ border: 1px solid {danger().name()}; }}" if invalid else ""
        )
        self._show_consequences()
        self.refresh_blocker(show=bool(self.email_edit.text().strip()))

    def _select_suggestion(self, email: str | None) -> None:
        """The list shows which suggestion the typed address is (none for a new one)."""
        self.suggestions.blockSignals(True)
        for row in range(self.suggestions.count()):
            if self.suggestions.item(row).data(EMAIL_ROLE) == email:
                self.suggestions.setCurrentRow(row)
                break
        else:
            self.suggestions.setCurrentRow(-1)
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
        ]
        values = [
            counts.move,
            counts.already,
            counts.needs_sign_in,
            counts.not_possible,
            counts.cannot_act,
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
        self.consequences_box.setEnabled(self.flow.target is not None)
        needs = counts.needs_sign_in > 0 and not self.flow.target_signed_in
        self.sign_in_target.setVisible(needs)

    def refresh_after_sign_in(self) -> None:
        """A sign-in happened: suggestions and consequences change."""
        self._fill_suggestions()
        self._on_text_changed()
