"""The main window: accounts on the left, the license table like My Atlassian's, details below.

It only wires widgets to the services: the account list (AccountStore) and reading
(RefreshService); the account lifecycle is :class:`AccountActions`', the table
:class:`LicensePanel`'s, and "Consolidate…" only emits ``consolidateRequested`` (the
application's wizard launcher listens). No HTTP here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QSettings,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.services.account_store import AccountStore
from desktop.services.my_atlassian.live_accounts import LiveAccounts
from desktop.services.passwords import PasswordBook
from desktop.services.paste_store import PasteStore
from desktop.services.refresh import RefreshService
from desktop.services.session_broker import display_name
from desktop.ui.about import about_box, app_name
from desktop.ui.account_actions import AccountActions
from desktop.ui.accounts_panel import AccountsPanel
from desktop.ui.demo_banner import DemoBanner
from desktop.ui.guide import GUIDE_KEYS, GuideOpener
from desktop.ui.icons import app_icon, icon
from desktop.ui.language import LANGUAGES, LanguageManager, language_name
from desktop.ui.license_export import LicenseExport
from desktop.ui.license_filter_proxy import LicenseFilterProxy, QuickFilter
from desktop.ui.license_panel import LicensePanel
from desktop.ui.license_table_model import LicenseTableModel
from desktop.ui.status_bar import RefreshStatusBar
from desktop.ui.window_geometry import place_window

log = logging.getLogger(__name__)

_TARGET_SETTING = "consolidation/target"


class MainWindow(QMainWindow):
    """What an office worker sees after double-clicking the app."""

    consolidateRequested = Signal()
    historyRequested = Signal()  # File > Run history… (the app opens it: it knows the journal)
    removeContactsRequested = Signal()  # File > Remove contacts who have left…

    def __init__(
        self,
        *,
        store: AccountStore,
        passwords: PasswordBook,
        pastes: PasteStore,
        refresher: RefreshService,
        live: LiveAccounts,
        model: LicenseTableModel,
        language: LanguageManager,
        settings: QSettings | None = None,
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

        self.live_accounts = live  # the My Atlassian accounts signed in in the browser
        self.model = model
        model.setParent(self)
        self.model.set_locale(language.locale())
        self.proxy = LicenseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._dialogs: list[QDialog] = []
        self.accounts = AccountActions(
            self,
            store=store,
            passwords=passwords,
            pastes=pastes,
            live=live,
            refresher=refresher,
            settings=self.settings,
            open_dialog=self._open,
        )
        self.exporter = LicenseExport(
            self, proxy=self.proxy, model=model, settings=self.settings, open_dialog=self._open
        )

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_central()
        self._build_status_bar()
        self._connect()
        self._language_changed(language.current)  # the current language ticked from the start
        self.retranslate()
        self._restore_state()
        self._sync_accounts()

    # --- building ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        def action(
            name: str,
            icon_name: str | None,
            slot: Callable[[], object],
            keys: QKeySequence | None = None,
        ) -> QAction:
            act = QAction(self)
            act.setObjectName(name)
            if icon_name:
                act.setIcon(icon(icon_name))
            if keys is not None:
                act.setShortcut(keys)
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
            "addAccountAction", "account-add", self.accounts.add_account, QKeySequence("Ctrl+N")
        )
        self.paste_action = action(
            "pasteAction", "paste", self.accounts.import_paste, QKeySequence("Ctrl+Shift+V")
        )
        self.export_action = action(
            "exportAction", "export", self.exporter.start, QKeySequence("Ctrl+E")
        )
        self.consolidate_action = action(
            "consolidateAction",
            "consolidate",
            self.consolidateRequested.emit,
            QKeySequence("Ctrl+G"),
        )
        self.remove_contacts_action = action(
            "removeContactsAction", None, self.removeContactsRequested.emit
        )
        self.history_action = action("runHistoryAction", None, self.historyRequested.emit)
        self.quit_action = action(
            "quitAction", None, self.close, QKeySequence(QKeySequence.StandardKey.Quit)
        )
        self.about_action = action("aboutAction", "about", lambda: self._open(about_box(self)))
        self.guide = GuideOpener(self)
        self.guide_action = action("guideAction", "help", self.guide.open, QKeySequence(GUIDE_KEYS))
        self.find_action = action(
            "findAction",
            "search",
            lambda: self.license_panel.focus_search(),
            QKeySequence(QKeySequence.StandardKey.Find),
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
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addActions(
            [self.consolidate_action, self.remove_contacts_action, self.history_action]
        )
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions([self.refresh_action, self.cancel_action, self.find_action])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.demo_action)
        self.language_menu = bar.addMenu("")
        self.language_menu.addActions(list(self.language_actions.values()))
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addSeparator()
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
        self.toolbar.addAction(self.export_action)
        self.addToolBar(self.toolbar)

    def _build_central(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 8, 8, 0)
        self.banner = DemoBanner(central)
        outer.addWidget(self.banner)

        self.accounts_panel = AccountsPanel(central)
        self.license_panel = LicensePanel(self.proxy, central, settings=self.settings)
        self.search_edit, self.table = self.license_panel.search_edit, self.license_panel.table
        self.details, self.table_splitter = (
            self.license_panel.details,
            self.license_panel.table_splitter,
        )
        self.filter_buttons = self.license_panel.filter_buttons
        self.license_panel.set_target_email(self.target_email())
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.accounts_panel)
        self.main_splitter.addWidget(self.license_panel)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([250, 1030])
        outer.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        self.status = RefreshStatusBar(
            refresher=self.refresher,
            model=self.model,
            proxy=self.proxy,
            language=self.language,
            cancel_action=self.cancel_action,
            parent=self,
        )
        self.setStatusBar(self.status)

    def _connect(self) -> None:
        self.license_panel.shownChanged.connect(self.status.update_counts)
        self.details.keyCopied.connect(
            lambda: self.status.showMessage(self.tr("License key copied"), 4000)
        )
        panel = self.accounts_panel
        accounts = self.accounts
        panel.addRequested.connect(accounts.add_account)
        panel.pasteRequested.connect(accounts.import_paste)
        panel.removeRequested.connect(accounts.remove_account)
        panel.passwordRequested.connect(accounts.enter_password)
        panel.signOutRequested.connect(accounts.sign_out_of_my_atlassian)
        panel.pageCheckRequested.connect(accounts.check_my_atlassian_page)
        accounts.refreshWanted.connect(self.refresh)
        accounts.statusMessage.connect(self.status.showMessage)
        self.exporter.statusMessage.connect(self.status.showMessage)
        self.banner.addRequested.connect(accounts.add_account)
        refresher = self.refresher
        refresher.refreshStarted.connect(lambda _total: self._set_refreshing(True))
        refresher.accountStateChanged.connect(panel.set_state)
        refresher.accountFailed.connect(lambda key, _k, message: panel.set_error(key, message))
        refresher.accountLoaded.connect(panel.set_count)
        self.model.modelReset.connect(self._licenses_shown)
        refresher.refreshFinished.connect(lambda _cancelled: self._set_refreshing(False))
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
        accounts = self.store.active_accounts()
        self.accounts_panel.set_accounts(accounts)
        self.model.set_account_names({a.key: display_name(a) for a in accounts})

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

    def _set_refreshing(self, running: bool) -> None:
        self.refresh_action.setEnabled(not running)
        self.cancel_action.setEnabled(running)

    def _licenses_shown(self) -> None:
        self.license_panel.set_target_email(self.target_email())
        self.status.update_counts()

    def target_email(self) -> str:
        """The target the person chose in the last consolidation ("" before any): what "Not
        yet consolidated" compares with. Never a guess from the licenses."""
        return str(self.settings.value(_TARGET_SETTING, "") or "")

    def set_target_email(self, email: str) -> None:
        self.settings.setValue(_TARGET_SETTING, email.strip().lower())
        self.license_panel.set_target_email(self.target_email())

    # --- the table --------------------------------------------------------------------------

    def select_sen(self, sen: str) -> bool:
        """Select the license ``sen`` (when shown); whether it is selected now."""
        return self.license_panel.select_sen(sen)

    def set_quick_filter(self, quick: QuickFilter) -> None:
        self.license_panel.set_quick_filter(quick)

    # --- language ---------------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        self.language.apply(code)

    def _language_changed(self, code: str) -> None:
        self.model.set_locale(self.language.locale())
        for lang, act in self.language_actions.items():
            act.setChecked(lang == code)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(app_name())  # the app's display name too: Qt adds nothing to it
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
            (
                self.export_action,
                self.tr("&Export licenses…"),
                self.tr("Save the licenses shown to an Excel or CSV file (Ctrl+E)"),
            ),
            (
                self.remove_contacts_action,
                self.tr("&Remove contacts who have left…"),
                self.tr(
                    "Delete people who have left from the technical and billing contacts of "
                    "the licenses (never a primary contact)"
                ),
            ),
            (self.history_action, self.tr("Run &history…"), self.tr("Past consolidations")),
            (self.quit_action, self.tr("&Quit"), ""),
            (self.about_action, self.tr("&About"), ""),
            (
                self.guide_action,
                self.tr("&Guide"),
                self.tr("What the app does, the rules and how to undo (F1)"),
            ),
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

    # --- window state -----------------------------------------------------------------------

    def _restore_state(self) -> None:
        s = self.settings
        screen = self.screen() or QGuiApplication.primaryScreen()
        place_window(self, s.value("window/geometry"), screen.availableGeometry())
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
