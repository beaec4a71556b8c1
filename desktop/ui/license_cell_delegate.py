"""Paints the license table's cells: one line of text each, laid out once and then reused.

Qt's own delegate lays every cell's text out again on each repaint (itemise, shape, break into
lines, elide, shape again), which is most of a search keystroke's cost over the table. Here a
cell's text is elided and laid out once per text and cell size (a QStaticText), so a repaint of
rows seen before only draws glyphs. Selection, hover and the focus frame are still drawn by the
style, so the table keeps the platform's look.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.ui.license_table_model import PAINT_ROLE

log = logging.getLogger(__name__)

ModelIndex = QModelIndex | QPersistentModelIndex

#: Laid-out texts kept; a few screens' worth of every column many times over.
CACHE_LIMIT = 20_000

# State bits as plain ints: Python's Flag operators cost more than the drawing of a cell.
_SELECTED = QStyle.StateFlag.State_Selected.value
_FOCUSED = QStyle.StateFlag.State_HasFocus.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
#: The states in which a style paints an item's panel (selection, hover); otherwise it is empty.
_PANEL_STATES = _SELECTED | QStyle.StateFlag.State_MouseOver.value
#: Events after which laid-out texts, margins or colours may be stale.
_RESET_EVENTS = frozenset(
    {QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.PaletteChange}
)


class _Line:
    """A cell's text as drawn: elided to its width and laid out, with its vertical offset."""

    __slots__ = ("static", "top")

    def __init__(self, text: str, metrics: QFontMetrics, option: QStyleOptionViewItem) -> None:
        self.static = QStaticText(text)
        self.static.setTextFormat(Qt.TextFormat.PlainText)
        self.static.prepare(font=option.font)
        self.top = (option.rect.height() - metrics.height()) // 2


class _ResetWatcher(QObject):
    """Watches the view for font, style and palette changes and calls ``reset``.

    Its own object, not the delegate: a delegate's ``eventFilter`` is Qt's editor filter
    (Tab, Backtab and Esc commit or close an editor), so the delegate watching the view
    itself took the view's Tab and Shift+Tab (focus never left the table)."""

    def __init__(self, view: QWidget, reset: Callable[[], None]) -> None:
        super().__init__(view)
        self._reset = reset
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _RESET_EVENTS:
            self._reset()
        return False


class LicenseCellDelegate(QStyledItemDelegate):
    """Draws ``PAINT_ROLE``'s ``(text, colour)`` on one line, elided as the view says (asked
    of the model's ``paint_cell(row, column)`` directly when it has one).

    Made with the view as its parent, it notices the view's font, style and palette changes
    (a language or dark-mode switch) and lays its texts out again."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: dict[tuple[str, int, int], _Line] = {}
        self._metrics: QFontMetrics | None = None
        self._margin = -1
        self._colours: dict[tuple[bool, QPalette.ColorGroup], QColor] = {}
        self._model: QAbstractItemModel | None = None
        self._paint_cell: Callable[[int, int], tuple[str, QColor | None]] | None = None
        if isinstance(parent, QWidget):
            self._watcher = _ResetWatcher(parent, self.clear_cache)

    def clear_cache(self) -> None:
        self._lines.clear()
        self._metrics = None
        self._margin = -1
        self._colours.clear()

    def cached_texts(self) -> list[str]:
        """The laid-out texts kept (elided as drawn)."""
        return [line.static.text() for line in self._lines.values()]

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        model = index.model()
        if model is not self._model:  # the model's direct answer, when it has one
            self._model = model
            self._paint_cell = getattr(model, "paint_cell", None)
        if self._paint_cell is not None:
            cell = self._paint_cell(index.row(), index.column())
        else:
            cell = index.data(PAINT_ROLE)
        if cell is None:  # not a license table cell: Qt's own painting
            super().paint(painter, option, index)
            return
        text, colour = cell
        state: int = option.state.value
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        if state & _PANEL_STATES:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        if text:
            rect = option.rect
            margin = self._text_margin(style, widget)
            line = self._line(text, option, rect, margin)
            selected = bool(state & _SELECTED)
            painter.setPen(
                colour
                if colour is not None and not selected
                else self._text_colour(option, state, selected)
            )
            painter.drawStaticText(rect.x() + margin, rect.y() + line.top, line.static)
        if state & _FOCUSED:
            self._draw_focus(painter, option, style, widget)

    # --- helpers ---------------------------------------------------------------------------

    def _text_margin(self, style: QStyle, widget: QWidget | None) -> int:
        """The space left of a cell's text, as the style's own item views leave it."""
        if self._margin < 0:
            self._margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget)
            self._margin += 1
        return self._margin

    def _line(self, text: str, option: QStyleOptionViewItem, rect: QRect, margin: int) -> _Line:
        width = rect.width() - 2 * margin
        key = (text, width, rect.height())
        line = self._lines.get(key)
        if line is None:
            if len(self._lines) >= CACHE_LIMIT:
                self._lines.clear()
            if self._metrics is None:
                self._metrics = QFontMetrics(option.font)
            shown = self._metrics.elidedText(text, option.textElideMode, width) if width > 0 else ""
            line = _Line(shown, self._metrics, option)
            self._lines[key] = line
        return line

    def _text_colour(self, option: QStyleOptionViewItem, state: int, selected: bool) -> QColor:
        if not state & _ENABLED:
            group = QPalette.ColorGroup.Disabled
        elif state & _ACTIVE:
            group = QPalette.ColorGroup.Active
        else:
            group = QPalette.ColorGroup.Inactive
        colour = self._colours.get((selected, group))
        if colour is None:
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            colour = QColor(option.palette.color(group, role))
            self._colours[(selected, group)] = colour
        return colour

    def _draw_focus(
        self, painter: QPainter, option: QStyleOptionViewItem, style: QStyle, widget: QWidget | None
    ) -> None:
        """The current cell's focus frame, as Qt's own delegate draws it."""
        focus = QStyleOptionFocusRect()
        if widget is not None:
            focus.initFrom(widget)
        focus.rect = option.rect
        focus.state = (
            option.state | QStyle.StateFlag.State_KeyboardFocusChange | QStyle.StateFlag.State_Item
        )
        state = option.state.value
        role = QPalette.ColorRole.Highlight if state & _SELECTED else QPalette.ColorRole.Window
        group = QPalette.ColorGroup.Active if state & _ACTIVE else QPalette.ColorGroup.Inactive
        focus.backgroundColor = option.palette.color(group, role)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, widget)
