"""The license table like My Atlassian's: search, the quick filters, the table and the
selected license's details below it. The main window puts it beside the account list."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.elided_label import ElidedLabel
from desktop.ui.icons import icon
from desktop.ui.license_cell_delegate import LicenseCellDelegate
from desktop.ui.license_details import LicenseDetails
from desktop.ui.license_filter_proxy import LicenseFilterProxy, QuickFilter
from desktop.ui.license_table_model import EXPIRY_WINDOWS, LICENSE_ROLE, Column

log = logging.getLogger(__name__)

EXPIRY_WINDOW_KEY = "licenses/expiryWindowDays"

_COLUMN_WIDTHS = {
    Column.SEN: 115,
    Column.PRODUCT: 320,
    Column.NAME: 160,
    Column.SUPPORT_EXPIRES: 115,
    Column.SUPPORT: 120,  # "Ends in 12 days"
    Column.PRIMARY_CONTACT: 190,
    Column.ACCOUNTS: 160,
}


class LicensePanel(QWidget):
    """Search, quick filters, the table and the details of the selected license.

    "Expiring" shows (and the table marks) the licenses whose support ends within 30, 60 or
    90 days, as the person chose last; "Changed" appears after a consolidation. Emits
    ``shownChanged`` when the rows shown change (a search or a filter).
    """

    shownChanged = Signal()

    def __init__(
        self,
        proxy: LicenseFilterProxy,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self._settings = settings
        self._selected_sen: str | None = None
        self._target = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        filters = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setMinimumWidth(160)  # the window fits a 1280×720 screen and smaller
        filters.addWidget(self.search_edit, 1)
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_buttons: dict[QuickFilter, QToolButton] = {}
        for quick in QuickFilter:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setObjectName(f"filter-{quick.value}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.filter_group.addButton(button)
            self.filter_buttons[quick] = button
            filters.addWidget(button)
        self.filter_buttons[QuickFilter.ALL].setChecked(True)
        self.target_label = ElidedLabel(self)  # the target "Not yet consolidated" compares with
        self.target_label.setObjectName("filterTarget")
        filters.addWidget(self.target_label)
        self.filter_buttons[QuickFilter.NOT_CONSOLIDATED].setEnabled(False)  # no target yet
        self.filter_buttons[QuickFilter.CHANGED].hide()  # until a consolidation changed some
        self._build_expiry_menu()
        layout.addLayout(filters)

        self.table = QTableView(self)
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
        self.details = LicenseDetails(self)
        self.details.setObjectName("licenseDetails")

        self.table_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table_splitter.setObjectName("tableSplitter")
        self.table_splitter.addWidget(self.table)
        self.table_splitter.addWidget(self.details)
        self.table_splitter.setStretchFactor(0, 3)
        self.table_splitter.setStretchFactor(1, 2)
        self.table_splitter.setSizes([420, 280])
        layout.addWidget(self.table_splitter, 1)
        QWidget.setTabOrder(self.search_edit, self.filter_buttons[QuickFilter.ALL])
        QWidget.setTabOrder(self.filter_buttons[QuickFilter.CHANGED], self.table)

        self.search_edit.textChanged.connect(self.proxy.set_search_text)
        self.filter_group.buttonClicked.connect(self._quick_filter_clicked)
        self.proxy.filterChanged.connect(self._after_filter)
        self.proxy.layoutChanged.connect(self._reselect)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.retranslate()

    def _build_expiry_menu(self) -> None:
        """The "Expiring" button's menu: within 30, 60 or 90 days."""
        button = self.filter_buttons[QuickFilter.EXPIRING]
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(button)
        group = QActionGroup(menu)
        self.expiry_actions: dict[int, QAction] = {}
        for days in EXPIRY_WINDOWS:
            action = QAction(menu)
            action.setCheckable(True)
            action.setActionGroup(group)
            action.triggered.connect(lambda _checked=False, d=days: self._expiry_chosen(d))
            menu.addAction(action)
            self.expiry_actions[days] = action
        button.setMenu(menu)
        saved = self._settings.value(EXPIRY_WINDOW_KEY, EXPIRY_WINDOWS[0]) if self._settings else 0
        try:
            days = int(str(saved))
        except ValueError:
            days = EXPIRY_WINDOWS[0]
        self.set_expiry_window(days if days in EXPIRY_WINDOWS else EXPIRY_WINDOWS[0])

    def set_expiry_window(self, days: int) -> None:
        """Mark (and with "Expiring", show) the licenses whose support ends within ``days``."""
        self.proxy.set_expiry_window(days)
        self.expiry_actions[days].setChecked(True)
        if self._settings is not None:
            self._settings.setValue(EXPIRY_WINDOW_KEY, days)
        self._retranslate_filters()

    def _expiry_chosen(self, days: int) -> None:
        self.set_expiry_window(days)
        self.set_quick_filter(QuickFilter.EXPIRING)

    def set_changed(self, changes: dict[str, str]) -> None:
        """Mark the licenses the last consolidation changed (SEN -> the primary before it);
        "Changed" shows them."""
        self.proxy.set_changed(changes)
        button = self.filter_buttons[QuickFilter.CHANGED]
        button.setVisible(bool(changes))
        if not changes and button.isChecked():
            self.set_quick_filter(QuickFilter.ALL)

    def _quick_filter_clicked(self, button: QToolButton) -> None:
        for quick, candidate in self.filter_buttons.items():
            if candidate is button:
                self.proxy.set_quick_filter(quick)

    def set_quick_filter(self, quick: QuickFilter) -> None:
        self.filter_buttons[quick].setChecked(True)
        self.proxy.set_quick_filter(quick)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        del previous
        lic = current.data(LICENSE_ROLE) if current.isValid() else None
        self._selected_sen = lic.sen if lic is not None else None
        self.details.set_license(lic)

    def _after_filter(self) -> None:
        self._reselect()
        self.shownChanged.emit()

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

    # --- language ---------------------------------------------------------------------------

    def set_target_email(self, email: str) -> None:
        """The target the person chose in the last consolidation ("" when none yet): what
        "Not yet consolidated" compares with, shown beside it. Without one the filter is off."""
        self._target = email
        self.proxy.set_target_email(email)
        button = self.filter_buttons[QuickFilter.NOT_CONSOLIDATED]
        if not email and button.isChecked():
            self.set_quick_filter(QuickFilter.ALL)
        button.setEnabled(bool(email))
        self._retranslate_filters()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.search_edit.setPlaceholderText(self.tr("Search SEN, product, name or contact"))
        self.search_edit.setAccessibleName(self.tr("Search licenses"))
        self.search_edit.setToolTip(self.tr("Type to filter the licenses (Ctrl+F)"))
        self.table.setAccessibleName(self.tr("Licenses"))
        self._retranslate_filters()

    def _retranslate_filters(self) -> None:
        window = self.proxy.expiry_window
        for days, action in self.expiry_actions.items():
            action.setText(self.tr("Within %n days", None, days))
        target = self._target
        if target:
            self.target_label.setText(self.tr("Target: %1").replace("%1", target))
            not_yet = self.tr("Licenses whose primary technical contact is not %1").replace(
                "%1", target
            )
        else:
            self.target_label.setText(self.tr("No target chosen yet"))
            not_yet = self.tr(
                "Choose a target in Consolidate… first: this filter then shows the licenses "
                "whose primary technical contact is not that target."
            )
        self.target_label.setToolTip(
            self.tr(
                "The target you chose in the last consolidation. \u201cNot yet consolidated\u201d "
                "shows the licenses whose primary technical contact is someone else."
            )
        )
        for quick, text, tip in (
            (QuickFilter.ALL, self.tr("All"), self.tr("Show every license")),
            (QuickFilter.ACTIVE, self.tr("Active"), self.tr("Licenses with support running")),
            (QuickFilter.EXPIRED, self.tr("Expired"), self.tr("Licenses whose support expired")),
            (
                QuickFilter.EXPIRING,
                self.tr("Expiring in %n days", None, window),
                self.tr(
                    "Licenses whose support ends within %n days (marked in the table); "
                    "the arrow chooses 30, 60 or 90 days",
                    None,
                    window,
                ),
            ),
            (
                QuickFilter.NOT_CONSOLIDATED,
                self.tr("Not yet consolidated"),
                not_yet,
            ),
            (
                QuickFilter.CHANGED,
                self.tr("Changed"),
                self.tr("Licenses the last consolidation changed (marked ✓)"),
            ),
        ):
            button = self.filter_buttons[quick]
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text)
