"""Which signed-in accounts take part; pasted (offline) accounts are shown read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.consolidation_flow import ConsolidationFlow, SourceAccount, Step
from desktop.services.session_broker import SignInWay, traits
from desktop.ui.wizard.flow_page import FlowPage

KEY_ROLE = Qt.ItemDataRole.UserRole


class SourcesPage(FlowPage):
    signInRequested = Signal(str)  # an email to suggest, or ""

    def __init__(self, flow: ConsolidationFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, Step.SOURCES, parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.accounts = QListWidget()
        self.accounts.setObjectName("sourceAccounts")
        self.accounts.itemChanged.connect(self._on_item_changed)
        self.read_only_note = QLabel()
        self.read_only_note.setWordWrap(True)
        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("signInSource")
        self.sign_in_button.clicked.connect(lambda: self.signInRequested.emit(""))
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_in_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.accounts, 1)
        layout.addWidget(self.read_only_note)
        layout.addLayout(buttons)
        layout.addWidget(self.blocker_label)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Source accounts"))
        self.setSubTitle(self.tr("Which accounts should hand over their licenses?"))
        self.intro.setText(
            self.tr(
                "Tick the signed-in accounts that take part. Each one adds the target as a "
                "contact on the licenses it can see."
            )
        )
        self.read_only_note.setText(
            self.tr(
                "Accounts read from pasted page text are read-only: their licenses are listed "
                "for review, but nothing can be changed through them. Sign in to change them."
            )
        )
        self.sign_in_button.setText(self.tr("&Sign in to another account…"))
        if self.accounts.count():
            self._fill()

    def initializePage(self) -> None:
        self._fill()

    def _fill(self) -> None:
        self.accounts.blockSignals(True)
        self.accounts.clear()
        has_read_only = False
        for source in self.flow.sources():
            item = QListWidgetItem(self._label(source))
            item.setData(KEY_ROLE, source.key)
            if source.read_only:
                has_read_only = True
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(self.read_only_note.text())
            else:
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                )
                checked = self.flow.is_selected(source.key)
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.accounts.addItem(item)
        self.accounts.blockSignals(False)
        if self.accounts.count():
            self.accounts.setCurrentRow(0)
        self.read_only_note.setVisible(has_read_only)
        self.refresh_blocker()

    def _label(self, source: SourceAccount) -> str:
        account = source.account
        if traits(account).sign_in is SignInWay.NONE:
            return self.tr("%1 — pasted page text, read-only").replace("%1", account.label)
        who = account.email
        if account.name:
            who = f"{account.name} <{account.email}>"
        if traits(account).built_in:
            who = self.tr("%1 (demo)").replace("%1", who)
        if not source.signed_in:
            return self.tr("%1 — not signed in, read-only").replace("%1", who)
        return who

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        self.flow.set_selected(key, item.checkState() == Qt.CheckState.Checked)
        self.refresh_blocker()
