"""The main window: accounts on the left, the license table like My Atlassian's, details below.

It only wires widgets to the services: the account list (AccountStore), passwords
(PasswordBook), pasted accounts (PasteStore) and reading (RefreshService). No HTTP here.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from datetime import date

from PySide6.QtCore import (
    QByteArray,
    QDateTime,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.models import Account, AccountKind, License, SupportStatus
from desktop.services.account_store import AccountStore
from desktop.services.my_atlassian.live_accounts import LiveAccounts
from desktop.services.passwords import PasswordBook
from desktop.services.paste_store import PasteStore
from desktop.services.refresh import RefreshService
from desktop.ui.about import about_box
from desktop.ui.accounts_panel import AccountsPanel
from desktop.ui.add_account_dialog import AddAccountDialog
from desktop.ui.icons import app_icon, icon
from desktop.ui.language import LANGUAGES, LanguageManager, language_name
from desktop.ui.license_cell_delegate import LicenseCellDelegate
from desktop.ui.license_details import LicenseDetails
from desktop.ui.license_filter_proxy import LicenseFilterProxy, QuickFilter
from desktop.ui.license_table_model import (
    LICENSE_ROLE,
    Column,
    LicenseTableModel,
    RowIndex,
    index_rows,
)
from desktop.ui.my_atlassian.sign_in_window import SignInWindow
from desktop.ui.paste_import_dialog import PasteImportDialog

log = logging.getLogger(__name__)

_TARGET_SETTING = "consolidation/target"
# "assisted" or "guided": how the app makes changes in the My Atlassian page.
ACTION_MODE_KEY = "myAtlassian/mode"
_COLUMN_WIDTHS = {
    Column.SEN: 115,
    Column.PRODUCT: 320,
    Column.NAME: 160,
    Column.SUPPORT_EXPIRES: 115,
    Column.SUPPORT: 70,
    Column.PRIMARY_CONTACT: 190,
    Column.ACCOUNTS: 160,
}


class DemoBanner(QFrame):
    """The visible "demo data" notice, with a way to add a real account."""

    addRequested = Signal()
    hideRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet(
            "QFrame#demoBanner { background: #fff7d6; border: 1px solid #ffc400;"
            " border-radius: 4px; } QFrame#demoBanner QLabel { color: #172b4d; }"
        )
        line = QHBoxLayout(self)
        line.setContentsMargins(10, 6, 10, 6)
        self.icon_label = QLabel(self)
        self.icon_label.setPixmap(icon("demo", "#172b4d").pixmap(QSize(20, 20)))
        line.addWidget(self.icon_label)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        line.addWidget(self.text, 1)
        self.add_button = QPushButton(icon("account-add", "#172b4d"), "", self)
        self.add_button.clicked.connect(self.addRequested.emit)
        line.addWidget(self.add_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.text.setText(
            self.tr(
                "<b>Demo data.</b> These licenses come from the built-in demo portal, not from "
                "Atlassian. Add your own account to see your licenses."
            )
        )
        self.add_button.setText(self.tr("Add account…"))
        self.setAccessibleName(self.tr("Demo data notice"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class MainWindow(QMainWindow):
    """What an office worker sees after double-clicking the app."""

    consolidateRequested = Signal()

    def __init__(
        self,
        *,
        store: AccountStore,
        passwords: PasswordBook,
        pastes: PasteStore,
        refresher: RefreshService,
        language: LanguageManager,
        settings: QSettings | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.passwords = passwords
        self.pastes = pastes
        self.refresher = refresher
        self.language = language
        self.settings = settings or QSettings()
        self.setWindowIcon(app_icon())
        self.setObjectName("mainWindow")

        self.model = LicenseTableModel(self, today=today)
        self.model.set_locale(language.locale())
        self.proxy = LicenseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._selected_sen: str | None = None
        self._dialogs: list[QDialog] = []

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_central()
        self._build_status_bar()
        self._connect()
        self.retranslate()
        self._restore_state()
        self._sync_accounts()
        if refresher.live_accounts is not None:  # kept sign-ins reopen on the first refresh
            refresher.live_accounts.flags = store

    # --- building ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        def action(name: str, icon_name: str | None, slot: object, keys: object = None) -> QAction:
            act = QAction(self)
            act.setObjectName(name)
            if icon_name:
                act.setIcon(icon(icon_name))
            if keys is not None:
                act.setShortcut(keys)  # type: ignore[arg-type]
            act.triggered.connect(slot)
            return act

        self.refresh_action = action(
            "refreshAction", "refresh", self.refresh, QKeySequence(QKeySequence.StandardKey.Refresh)
        )
        self.cancel_action = action(
            "cancelAction", "cancel", self.cancel_refresh, QKeySequence(Qt.Key.Key_Escape)
        )
        self.cancel_action.setEnabled(False)
        self.add_action = action(
            "addAccountAction", "account-add", self.add_account, QKeySequence("Ctrl+N")
        )
        self.paste_action = action(
            "pasteAction", "paste", self.import_paste, QKeySequence("Ctrl+Shift+V")
        )
        self.consolidate_action = action(
            "consolidateAction", "consolidate", self._consolidate_clicked, QKeySequence("Ctrl+G")
        )
        self.quit_action = action(
            "quitAction", None, self.close, QKeySequence(QKeySequence.StandardKey.Quit)
        )
        self.about_action = action("aboutAction", "about", lambda: self._open(about_box(self)))
        self.find_action = action(
            "findAction", "search", self._focus_search, QKeySequence(QKeySequence.StandardKey.Find)
        )
        self.demo_action = QAction(self)
        self.demo_action.setObjectName("showDemoAction")
        self.demo_action.setCheckable(True)
        self.demo_action.toggled.connect(self._demo_toggled)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            act = QAction(language_name(code), self.language_group)
            act.setCheckable(True)
            act.setData(code)
            act.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_actions[code] = act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.add_action, self.paste_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.consolidate_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions([self.refresh_action, self.cancel_action, self.find_action])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.demo_action)
        self.language_menu = bar.addMenu("")
        self.language_menu.addActions(list(self.language_actions.values()))
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(20, 20))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([self.refresh_action, self.cancel_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.add_action, self.paste_action])
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.consolidate_action)
        self.addToolBar(self.toolbar)

    def _build_central(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 8, 8, 0)
        self.banner = DemoBanner(central)
        outer.addWidget(self.banner)

        self.accounts_panel = AccountsPanel(central)
        right = QWidget(central)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)

        filters = QHBoxLayout()
        self.search_edit = QLineEdit(right)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setMinimumWidth(280)
        filters.addWidget(self.search_edit, 1)
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_buttons: dict[QuickFilter, QToolButton] = {}
        for quick in QuickFilter:
            button = QToolButton(right)
            button.setCheckable(True)
            button.setObjectName(f"filter-{quick.value}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.filter_group.addButton(button)
            self.filter_buttons[quick] = button
            filters.addWidget(button)
        self.filter_buttons[QuickFilter.ALL].setChecked(True)
        right_layout.addLayout(filters)

        self.table = QTableView(right)
        self.table.setObjectName("licenseTable")
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(LicenseCellDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.PRODUCT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        header.setSortIndicator(Column.SEN, Qt.SortOrder.AscendingOrder)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        self.details = LicenseDetails(right)
        self.details.setObjectName("licenseDetails")

        self.table_splitter = QSplitter(Qt.Orientation.Vertical, right)
        self.table_splitter.setObjectName("tableSplitter")
        self.table_splitter.addWidget(self.table)
        self.table_splitter.addWidget(self.details)
        self.table_splitter.setStretchFactor(0, 3)
        self.table_splitter.setStretchFactor(1, 2)
        right_layout.addWidget(self.table_splitter, 1)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.accounts_panel)
        self.main_splitter.addWidget(right)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([250, 1030])
        self.table_splitter.setSizes([420, 280])
        outer.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)
        self.setTabOrder(self.search_edit, self.filter_buttons[QuickFilter.ALL])
        self.setTabOrder(self.filter_buttons[QuickFilter.NOT_CONSOLIDATED], self.table)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.counts_label = QLabel(bar)
        self.refreshed_label = QLabel(bar)
        self.progress = QProgressBar(bar)
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QToolButton(bar)
        self.cancel_button.setDefaultAction(self.cancel_action)
        self.cancel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cancel_button.hide()
        bar.addWidget(self.counts_label, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.refreshed_label)

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(self.proxy.set_search_text)
        self.filter_group.buttonClicked.connect(self._quick_filter_clicked)
        self.proxy.filterChanged.connect(self._after_filter)
        self.proxy.layoutChanged.connect(self._reselect)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.details.keyCopied.connect(
            lambda: self.statusBar().showMessage(self.tr("License key copied"), 4000)
        )
        panel = self.accounts_panel
        panel.addRequested.connect(self.add_account)
        panel.pasteRequested.connect(self.import_paste)
        panel.removeRequested.connect(self.remove_account)
        panel.passwordRequested.connect(self.enter_password)
        panel.signOutRequested.connect(self.sign_out_of_my_atlassian)
        self.banner.addRequested.connect(self.add_account)
        refresher = self.refresher
        refresher.refreshStarted.connect(self._refresh_started)
        refresher.accountStateChanged.connect(panel.set_state)
        refresher.accountFailed.connect(lambda key, _k, message: panel.set_error(key, message))
        refresher.accountLoaded.connect(panel.set_count)
        refresher.progressChanged.connect(self._progress)
        refresher.prepare = lambda licenses: index_rows(licenses, self.model.today)
        refresher.licensesPrepared.connect(self.show_licenses)
        refresher.refreshFinished.connect(self._refresh_finished)
        self.store.accountsChanged.connect(self._sync_accounts)
        self.language.languageChanged.connect(self._language_changed)

    # --- dialogs ----------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        """Open window-modal without a nested event loop; hold it until it closes (a
        dialog whose Python object is dropped may be deleted while still shown)."""
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)

    # --- accounts ---------------------------------------------------------------------------

    def _sync_accounts(self) -> None:
        demo = self.store.demo_active()
        self.banner.setVisible(demo)
        self.demo_action.blockSignals(True)
        self.demo_action.setChecked(demo)
        self.demo_action.setEnabled(bool(self.store.own_accounts))
        self.demo_action.blockSignals(False)
        self.accounts_panel.set_accounts(self.store.active_accounts())

    def _account_names(self) -> dict[str, str]:
        return {
            a.key: (a.label if a.kind is AccountKind.PASTE else a.email)
            for a in self.store.active_accounts()
        }

    def add_account(self) -> AddAccountDialog:
        dialog = AddAccountDialog(self)
        dialog.set_action_mode(self.live_accounts.mode)
        dialog.accepted.connect(lambda: self._account_added(dialog))
        self._open(dialog)
        return dialog

    @property
    def live_accounts(self) -> LiveAccounts:
        """The My Atlassian accounts signed in in the embedded browser during this run."""
        live = self.refresher.live_accounts
        if live is None:
            live = self.refresher.live_accounts = LiveAccounts(parent=self)
        live.flags = self.store  # which accounts stay signed in on this computer
        return live

    def sign_in_to_my_atlassian(self, email: str = "") -> SignInWindow:
        """The embedded sign-in; on "Use this account" the account is stored and read."""
        kept = bool(email) and self.store.stays_signed_in(email)
        window = SignInWindow(self.live_accounts, self, email=email, stay_signed_in=kept)
        window.accepted.connect(lambda: self._signed_in_live(window))
        self._open(window)
        return window

    def sign_out_of_my_atlassian(self, key: str) -> None:
        """End a live account's sign-in; a kept one's profile and flag are deleted too."""
        self.live_accounts.sign_out(key)
        self.refresh()

    def _signed_in_live(self, window: SignInWindow) -> None:
        if window.result_account is not None:
            self.store.add(window.result_account)
            self.refresh()

    def sign_in_chosen_in(self, dialog: AddAccountDialog, email: str = "") -> SignInWindow:
        """The person chose My Atlassian in ``dialog``: keep the chosen way of acting and open
        the embedded sign-in."""
        self.settings.setValue(ACTION_MODE_KEY, dialog.action_mode.value)
        self.live_accounts.mode = dialog.action_mode
        return self.sign_in_to_my_atlassian(email)

    def _account_added(self, dialog: AddAccountDialog) -> None:
        if dialog.my_atlassian:
            self.sign_in_chosen_in(dialog)
            return
        account = dialog.result_account
        if account is None:
            return
        self._keep_password(account, dialog.result_password, dialog.remember)
        dialog.result_password = ""
        self.store.add(account)
        self.refresh()

    def enter_password(self, key: str) -> AddAccountDialog | None:
        account = self.store.find(key)
        if account is not None and account.kind is AccountKind.MY_ATLASSIAN:
            self.sign_in_to_my_atlassian(account.email)
            return None
        if account is None or account.kind is not AccountKind.PORTAL:
            return None
        dialog = AddAccountDialog(self, account=account)
        dialog.accepted.connect(lambda: self._password_entered(dialog))
        self._open(dialog)
        return dialog

    def _password_entered(self, dialog: AddAccountDialog) -> None:
        account = dialog.result_account
        if account is not None:
            self._keep_password(account, dialog.result_password, dialog.remember)
            dialog.result_password = ""
            self.refresh()

    def _keep_password(self, account: Account, password: str, remember: bool) -> None:
        stored = self.passwords.remember(account, password, keep=remember)
        if remember and not stored:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Password kept for this session only"),
                self.tr(
                    "This computer has no working password store (keyring), so the password "
                    "is not saved. It is kept until you close the app."
                ),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setObjectName("noKeyringMessage")
            self._open(box)

    def remove_account(self, key: str, *, confirm: bool = True) -> QMessageBox | None:
        account = self.store.find(key)
        if account is None or account.kind is AccountKind.DEMO:
            return None
        if not confirm:
            self._remove_now(account)
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove account"),
            self.tr(
                "Remove %1 from this app? Its saved password is deleted too. The licenses "
                "themselves are not changed."
            ).replace("%1", account.label or account.email),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("removeAccountMessage")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: self._remove_now(account))
        self._open(box)
        return box

    def _remove_now(self, account: Account) -> None:
        self.passwords.forget(account)
        if account.kind is AccountKind.PASTE:
            self.pastes.delete(account.key)
        if account.kind is AccountKind.MY_ATLASSIAN:
            self.live_accounts.sign_out(account.key)  # clears its browser profile
        self.store.remove(account.key)
        self.refresher.forget(account.key)
        self.refresh()

    def import_paste(self) -> PasteImportDialog:
        taken = {a.label for a in self.store.own_accounts if a.kind is AccountKind.PASTE}
        dialog = PasteImportDialog(self, taken_labels=taken)
        dialog.accepted.connect(lambda: self._paste_imported(dialog))
        self._open(dialog)
        return dialog

    def _paste_imported(self, dialog: PasteImportDialog) -> None:
        account = dialog.result_account
        if account is None:
            return
        self.pastes.save(account.key, dialog.result_licenses)
        self.store.add(account)
        message = self.tr("Read %1 licenses from the pasted text.").replace(
            "%1", str(len(dialog.result_licenses))
        )
        if dialog.result_warnings:
            message += " " + self.tr("%1 notes: %2").replace(
                "%1", str(len(dialog.result_warnings))
            ).replace("%2", "; ".join(dialog.result_warnings[:3]))
        self.statusBar().showMessage(message, 10000)
        self.refresh()

    def _demo_toggled(self, shown: bool) -> None:
        self.store.set_show_demo(shown)
        self.refresh()

    # --- refreshing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read every active account again (in the background)."""
        self._sync_accounts()
        self.refresher.start(self.store.active_accounts())

    def cancel_refresh(self) -> None:
        self.refresher.cancel()

    def _refresh_started(self, total: int) -> None:
        self.refresh_action.setEnabled(False)
        self.cancel_action.setEnabled(True)
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

    def _refresh_finished(self, cancelled: bool) -> None:
        self.refresh_action.setEnabled(True)
        self.cancel_action.setEnabled(False)
        self.progress.hide()
        self.cancel_button.hide()
        if cancelled:
            self.statusBar().showMessage(self.tr("Refresh cancelled"), 5000)
        self._update_refreshed_label()

    def show_licenses(self, licenses: list[License], rows: RowIndex | None = None) -> None:
        """Put freshly read licenses in the table, keeping the selected one selected."""
        self.model.set_licenses(licenses, self._account_names(), rows)
        self.proxy.set_target_email(self.target_email())
        self._update_counts()

    def target_email(self) -> str:
        """The consolidation target: the wizard's choice, else the most common primary."""
        saved = str(self.settings.value(_TARGET_SETTING, "") or "")
        if saved:
            return saved
        primaries = Counter(e for e in self.model.primary_emails() if e)
        return primaries.most_common(1)[0][0] if primaries else ""

    def set_target_email(self, email: str) -> None:
        self.settings.setValue(_TARGET_SETTING, email.strip().lower())
        self.proxy.set_target_email(self.target_email())
        self.retranslate_filters()

    # --- the table --------------------------------------------------------------------------

    def _quick_filter_clicked(self, button: QToolButton) -> None:
        for quick, candidate in self.filter_buttons.items():
            if candidate is button:
                self.proxy.set_quick_filter(quick)

    def set_quick_filter(self, quick: QuickFilter) -> None:
        self.filter_buttons[quick].setChecked(True)
        self.proxy.set_quick_filter(quick)

    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        del previous
        lic = current.data(LICENSE_ROLE) if current.isValid() else None
        self._selected_sen = lic.sen if lic is not None else None
        self.details.set_license(lic)

    def _after_filter(self) -> None:
        self._reselect()
        self._update_counts()

    def _reselect(self) -> None:
        """After a reset or sort, select the license that was selected, if it is still shown."""
        wanted = self._selected_sen
        if wanted is None:
            self.details.set_license(None)
            return
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data() == wanted:
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
                self.details.set_license(index.data(LICENSE_ROLE))
                return
        self.details.set_license(None)
        self._selected_sen = wanted  # keep it: it may come back when the filter widens

    def select_sen(self, sen: str) -> bool:
        self._selected_sen = sen
        self._reselect()
        return self.details.license is not None and self.details.license.sen == sen

    def _update_counts(self) -> None:
        statuses = self.model.statuses()
        expired = sum(1 for s in statuses if s is SupportStatus.EXPIRED)
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
        when = QDateTime.fromSecsSinceEpoch(int(stamp))
        text = self.language.locale().toString(when.time(), "HH:mm")
        if time.time() - stamp > 86400:
            text = self.language.locale().toString(when, "d MMM HH:mm")
        self.refreshed_label.setText(self.tr("Last refresh: %1").replace("%1", text))

    # --- the wizard hook --------------------------------------------------------------------

    def _consolidate_clicked(self) -> None:
        self.consolidateRequested.emit()
        self.open_consolidation_wizard()

    def open_consolidation_wizard(self) -> None:
        """Overridden / replaced by the consolidation wizard; until then says it is coming."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Consolidate licenses"),
            self.tr("The consolidation wizard is coming in the next version."),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("consolidateComingMessage")
        self._open(box)

    # --- language ---------------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        self.language.apply(code)

    def _language_changed(self, code: str) -> None:
        self.model.set_locale(self.language.locale())
        for lang, act in self.language_actions.items():
            act.setChecked(lang == code)
        self._update_refreshed_label()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("License Consolidator for Atlassian"))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        for act, text, tip in (
            (self.refresh_action, self.tr("&Refresh"), self.tr("Read every account again (F5)")),
            (self.cancel_action, self.tr("&Cancel"), self.tr("Stop reading the accounts (Esc)")),
            (self.add_action, self.tr("&Add account…"), self.tr("Sign in to a portal account")),
            (
                self.paste_action,
                self.tr("&Import pasted text…"),
                self.tr("Read licenses from text copied from My Atlassian"),
            ),
            (
                self.consolidate_action,
                self.tr("C&onsolidate…"),
                self.tr("Make one account the primary technical contact of the licenses"),
            ),
            (self.quit_action, self.tr("&Quit"), ""),
            (self.about_action, self.tr("&About"), ""),
            (self.find_action, self.tr("&Find"), self.tr("Search the licenses (Ctrl+F)")),
            (
                self.demo_action,
                self.tr("Show &demo data"),
                self.tr("Also show the built-in demo portal's licenses"),
            ),
        ):
            act.setText(text)
            act.setToolTip(tip or text.replace("&", ""))
            act.setStatusTip(tip)
        self.search_edit.setPlaceholderText(self.tr("Search SEN, product, name or contact"))
        self.search_edit.setAccessibleName(self.tr("Search licenses"))
        self.search_edit.setToolTip(self.tr("Type to filter the licenses (Ctrl+F)"))
        self.table.setAccessibleName(self.tr("Licenses"))
        self.retranslate_filters()
        self._update_counts()
        self._update_refreshed_label()

    def retranslate_filters(self) -> None:
        target = self.target_email() or self.tr("the target account")
        for quick, text, tip in (
            (QuickFilter.ALL, self.tr("All"), self.tr("Show every license")),
            (QuickFilter.ACTIVE, self.tr("Active"), self.tr("Licenses with support running")),
            (QuickFilter.EXPIRED, self.tr("Expired"), self.tr("Licenses whose support expired")),
            (
                QuickFilter.NOT_CONSOLIDATED,
                self.tr("Not yet consolidated"),
                self.tr("Licenses whose primary technical contact is not %1").replace("%1", target),
            ),
        ):
            button = self.filter_buttons[quick]
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text)

    # --- window state -----------------------------------------------------------------------

    def _restore_state(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        for key, restore in (
            ("window/state", self.restoreState),
            ("window/mainSplitter", self.main_splitter.restoreState),
            ("window/tableSplitter", self.table_splitter.restoreState),
            ("window/header", self.table.horizontalHeader().restoreState),
        ):
            value = s.value(key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                restore(value)
        header = self.table.horizontalHeader()
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def save_state(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/mainSplitter", self.main_splitter.saveState())
        s.setValue("window/tableSplitter", self.table_splitter.saveState())
        s.setValue("window/header", self.table.horizontalHeader().saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.refresher.cancel()
        super().closeEvent(event)
