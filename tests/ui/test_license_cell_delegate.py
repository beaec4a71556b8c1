"""The license table's delegate paints exactly what Qt's own delegate paints, only faster.

Each test draws the same licenses in two real table views side by side, one with Qt's
QStyledItemDelegate and one with LicenseCellDelegate, and compares the pixels.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QIdentityProxyModel, QLocale, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QTableView

from desktop.ui import license_cell_delegate
from desktop.ui.license_cell_delegate import LicenseCellDelegate
from desktop.ui.license_filter_proxy import LicenseFilterProxy
from desktop.ui.license_table_model import Column, LicenseTableModel
from tests.licenses import many_licenses


class Table:
    """A model, its proxy and a view, set up as the main window sets up its table."""

    def __init__(self, qtbot, *, ours: bool) -> None:
        self.model = LicenseTableModel(today=date(2024, 6, 1))
        self.model.set_locale(QLocale("en_US"))
        self.proxy = LicenseFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        qtbot.addWidget(self.view)
        self.view.setModel(self.proxy)
        self.delegate = LicenseCellDelegate(self.view) if ours else None
        if self.delegate is not None:
            self.view.setItemDelegate(self.delegate)
        self.view.setSortingEnabled(True)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.resize(900, 320)
        self.model.set_licenses(many_licenses(300))
        self.view.show()

    def image(self, *, focused: bool = False) -> QImage:
        if focused:
            self.view.activateWindow()
            self.view.setFocus()
        QApplication.processEvents()
        return self.view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


@pytest.fixture
def tables(qtbot) -> tuple[Table, Table]:
    return Table(qtbot, ours=False), Table(qtbot, ours=True)


def same_pixels(qt: Table, ours: Table, *, focused: bool = False) -> int:
    """How many pixels differ between the two views (0 when identical); ``focused``: each
    view is drawn while it has the keyboard focus."""
    a, b = (t.image(focused=focused) for t in (qt, ours))
    assert a.size() == b.size()
    if a == b:
        return 0
    return sum(a.pixel(x, y) != b.pixel(x, y) for y in range(a.height()) for x in range(a.width()))


def both(tables: tuple[Table, Table], action) -> None:
    for table in tables:
        action(table)


def test_paints_like_qt_with_selection_expiry_chinese_and_eliding(tables) -> None:
    qt, ours = tables
    assert ours.delegate is not None and isinstance(qt.view.itemDelegate(), QStyledItemDelegate)
    both(tables, lambda t: t.view.selectRow(2))
    assert same_pixels(qt, ours) == 0
    shown = [ours.proxy.index(r, Column.SUPPORT).data() for r in range(12)]
    assert "Expired" in shown and "Active" in shown  # both colours are on screen
    assert any("…" in text for text in ours.delegate.cached_texts())  # something was elided
    assert any("\u4e00" <= ch <= "\u9fff" for t in ours.delegate.cached_texts() for ch in t)
    # With the keyboard focus the selection is drawn in the active colours, and the current
    # cell gets a focus frame: still the same pixels.
    unfocused = qt.image()
    assert same_pixels(qt, ours, focused=True) == 0
    assert qt.image(focused=True) != unfocused


def test_follows_sorting_filtering_column_widths_and_scrolling(tables) -> None:
    both(tables, lambda t: t.view.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder))
    both(tables, lambda t: t.proxy.set_search_text("huake"))
    both(tables, lambda t: t.view.setColumnWidth(Column.PRODUCT, 260))
    both(tables, lambda t: t.view.setColumnWidth(Column.NAME, 40))
    both(tables, lambda t: t.view.verticalScrollBar().setValue(15))
    assert same_pixels(*tables) == 0


def test_a_font_change_lays_the_texts_out_again(tables) -> None:
    qt, ours = tables
    assert same_pixels(qt, ours) == 0
    assert ours.delegate is not None and ours.delegate.cached_texts()
    font = QFont(ours.view.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    both(tables, lambda t: t.view.setFont(font))
    assert ours.delegate.cached_texts() == []  # the change reached the delegate at once
    assert same_pixels(qt, ours) == 0


def test_the_cache_stays_bounded(tables, monkeypatch) -> None:
    qt, ours = tables
    monkeypatch.setattr(license_cell_delegate, "CACHE_LIMIT", 40)
    for value in range(10, 300, 10):
        both(tables, lambda t, v=value: t.view.verticalScrollBar().setValue(v))
        QApplication.processEvents()
        assert ours.delegate is not None and len(ours.delegate.cached_texts()) <= 40
    assert same_pixels(qt, ours) == 0


def test_a_palette_change_such_as_dark_mode_repaints_in_the_new_colours(tables) -> None:
    qt, ours = tables
    both(tables, lambda t: t.view.selectRow(1))
    assert same_pixels(qt, ours) == 0
    dark = QPalette(ours.view.palette())
    for role, colour in (
        (QPalette.ColorRole.Base, "#1e1f22"),
        (QPalette.ColorRole.AlternateBase, "#2b2d30"),
        (QPalette.ColorRole.Text, "#dfe1e5"),
        (QPalette.ColorRole.Highlight, "#2e436e"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
    ):
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            dark.setColor(group, role, QColor(colour))
    before = ours.image()
    both(tables, lambda t: t.view.setPalette(dark))
    assert ours.image() != before
    assert same_pixels(qt, ours) == 0


def test_a_model_without_paint_cell_is_asked_through_the_paint_role(qtbot) -> None:
    """Over another proxy (no ``paint_cell``), the delegate asks ``PAINT_ROLE`` via data()."""
    tables = []
    for ours in (False, True):
        table = Table(qtbot, ours=ours)
        identity = QIdentityProxyModel(table.view)
        identity.setSourceModel(table.proxy)
        table.view.setModel(identity)
        tables.append(table)
    qt, ours_table = tables
    assert not hasattr(ours_table.view.model(), "paint_cell")
    assert same_pixels(qt, ours_table) == 0
    assert ours_table.delegate is not None and ours_table.delegate.cached_texts()
