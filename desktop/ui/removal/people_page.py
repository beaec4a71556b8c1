"""The first page of "Remove contacts who have left…": every contact seen on the licenses
read, by email, each with how many licenses it is on and whether it is primary somewhere; a
filter box; tick the people who have left (Space ticks or unticks).

Nobody is ticked in advance. The consolidation target is not offered: it is never removed,
and the page says so.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.consolidation_flow import Blocker, Step
from desktop.services.removal_flow import Person, RemovalFlow
from desktop.ui.wizard.flow_page import FlowPage

EMAIL_ROLE = Qt.ItemDataRole.UserRole


class PeoplePage(FlowPage):
    def __init__(self, flow: RemovalFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, Step.TARGET, parent)
        self.removal = flow
        self.kept_note = QLabel()
        self.kept_note.setObjectName("keptNote")
        self.kept_note.setWordWrap(True)
        self.kept_note.setTextFormat(Qt.TextFormat.RichText)
        self.filter_label = QLabel()
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("peopleFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.filter_label.setBuddy(self.filter_edit)
        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.filter_edit, 1)
        self.people = QTreeWidget()
        self.people.setObjectName("peopleList")
        self.people.setRootIsDecorated(False)
        self.people.setColumnCount(3)
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people.setAlternatingRowColors(True)
        self.people.setUniformRowHeights(True)
        header = self.people.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.people.itemChanged.connect(self._on_item_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("peopleCount")
        layout = QVBoxLayout(self)
        layout.addWidget(self.kept_note)
        layout.addLayout(top)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.blocker_label)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("People who have left"))
        self.setSubTitle(
            self.tr(
                "Tick the people to remove from the contacts of every license they are on. "
                "Space ticks or unticks."
            )
        )
        self.filter_label.setText(self.tr("&Filter:"))
        self.filter_edit.setPlaceholderText(self.tr("Email or name"))
        self.people.setHeaderLabels(
            [self.tr("Person"), self.tr("Licenses"), self.tr("Primary contact")]
        )
        keep = self.removal.keep
        self.kept_note.setText(
            self.tr(
                "<b>%1</b> is the account the licenses were gathered under: it is not offered "
                "here and is never removed."
            ).replace("%1", keep)
            if keep
            else ""
        )
        self.kept_note.setVisible(bool(keep))
        if self.people.topLevelItemCount():
            self._fill()
        self._show_count()

    # --- life cycle ------------------------------------------------------------------------

    def initializePage(self) -> None:
        self._fill()
        self.refresh_blocker(show=False)

    def first_focus(self) -> QWidget:
        """The filter box: type part of an address, then Tab to the list and tick."""
        return self.filter_edit

    def _fill(self) -> None:
        current = self.people.currentItem()
        wanted = current.data(0, EMAIL_ROLE) if current is not None else None
        self.people.blockSignals(True)
        self.people.clear()
        ticked = set(self.removal.leaving())
        for person in self.removal.people():
            item = QTreeWidgetItem(self._texts(person))
            item.setData(0, EMAIL_ROLE, person.email)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                0, Qt.CheckState.Checked if person.email in ticked else Qt.CheckState.Unchecked
            )
            self.people.addTopLevelItem(item)
            if person.email == wanted:
                self.people.setCurrentItem(item)
        self.people.blockSignals(False)
        self._apply_filter(self.filter_edit.text())
        rows = self.rows()
        if self.people.currentItem() is None and rows:
            self.people.setCurrentItem(rows[0])
        self._show_count()

    def _texts(self, person: Person) -> list[str]:
        who = f"{person.name} <{person.email}>" if person.name else person.email
        if person.signed_in:
            who += "   " + self.tr("(signed in)")
        licenses = self.tr("on %n license(s)", "", person.licenses)
        primary = (
            self.tr("primary on %n — make someone else primary first there", "", person.primary_on)
            if person.primary_on
            else self.tr("no")
        )
        return [who, licenses, primary]

    # --- reactions -------------------------------------------------------------------------

    def _apply_filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for item in self.rows():
            item.setHidden(bool(wanted) and wanted not in item.text(0).casefold())
        current = self.people.currentItem()
        if current is None or current.isHidden():  # Tab then Space ticks a row one can see
            shown = [item for item in self.rows() if not item.isHidden()]
            if shown:
                self.people.setCurrentItem(shown[0])

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        ticked = item.checkState(0) == Qt.CheckState.Checked
        self.removal.set_leaving(str(item.data(0, EMAIL_ROLE)), ticked)
        self._show_count()
        self.refresh_blocker()

    def tick(self, email: str, ticked: bool = True) -> None:
        """Tick (or untick) a person's row, as a click on its box does."""
        for item in self.rows():
            if item.data(0, EMAIL_ROLE) == email:
                item.setCheckState(0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                return
        raise KeyError(email)

    def rows(self) -> list[QTreeWidgetItem]:
        """The list's rows (one per person), shown or filtered out."""
        items = (self.people.topLevelItem(row) for row in range(self.people.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%n person(s) ticked.", "", len(self.removal.leaving())))

    def blocker_message(self, blocker: Blocker) -> str:
        if blocker is Blocker.NO_TARGET:
            return self.tr("Tick at least one person who has left.")
        return super().blocker_message(blocker)
