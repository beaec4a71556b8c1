"""Walk the keyboard focus with Tab (or Shift+Tab) the way a person does, on real widgets."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

#: More presses than any window here has controls: a walk that never comes back is a trap.
MOST_STOPS = 40


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{type(widget).__name__}({widget.objectName() or widget.accessibleName() or text})"


async def walk(qtbot: QtBot, start: QWidget, *, back: bool = False) -> list[QWidget]:
    """Every control Tab (Shift+Tab with ``back``) reaches from ``start`` until it is back at
    ``start``; fails when the focus stays put or never comes back."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    await asyncio.sleep(0.02)
    assert QApplication.focusWidget() is start, f"{describe(start)} cannot take the focus"
    key = Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab
    modifier = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    stops = [start]
    for _ in range(MOST_STOPS):
        here = QApplication.focusWidget()
        assert here is not None
        qtbot.keyClick(here, key, modifier)
        await asyncio.sleep(0)
        reached = QApplication.focusWidget()
        assert reached is not None and reached is not here, (
            f"{'Shift+Tab' if back else 'Tab'} does not leave {describe(here)} "
            f"(after {[describe(w) for w in stops]})"
        )
        if reached is start:
            return stops
        stops.append(reached)
    raise AssertionError(f"Tab never came back: {[describe(w) for w in stops]}")


def assert_in_order(stops: Sequence[QWidget], expected: Sequence[QWidget]) -> None:
    """Each expected control is reached, in this order (others may come between)."""
    names = [describe(w) for w in stops]
    positions = []
    for widget in expected:
        assert widget in stops, f"{describe(widget)} is never reached by Tab: {names}"
        positions.append(stops.index(widget))
    assert positions == sorted(positions), f"out of order: {names}"
    for widget in stops:
        assert widget.isVisible() and widget.isEnabled(), f"Tab stops on hidden {describe(widget)}"


async def assert_tab_walk(qtbot: QtBot, expected: Sequence[QWidget]) -> list[QWidget]:
    """Tab from the first expected control reaches every one in order and comes back;
    Shift+Tab walks the same controls backwards."""
    forward = await walk(qtbot, expected[0])
    assert_in_order(forward, expected)
    backward = await walk(qtbot, expected[0], back=True)
    assert [describe(w) for w in backward] == [describe(w) for w in [forward[0], *forward[:0:-1]]]
    return forward
