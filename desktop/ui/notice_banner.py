"""A notice above a list or a table: amber, an icon and wrapped words, with room for buttons.

The demo-data notice over the license table and the run page's "waiting for a sign-in" notice
share it, so both look the same (the same colours in light and dark mode).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from desktop.ui.icons import icon

TEXT_COLOUR = "#172b4d"  # dark blue on the amber background, whatever the palette


class NoticeBanner(QFrame):
    """``icon_label`` and ``text`` in a row (``line``); a subclass adds its buttons to it."""

    def __init__(self, name: str, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(
            f"QFrame#{name} {{ background: #fff7d6; border: 1px solid #ffc400;"
            f" border-radius: 4px; }} QFrame#{name} QLabel {{ color: {TEXT_COLOUR}; }}"
        )
        self.line = QHBoxLayout(self)
        self.line.setContentsMargins(10, 6, 10, 6)
        self.icon_label = QLabel(self)
        self.icon_label.setPixmap(icon(icon_name, TEXT_COLOUR).pixmap(QSize(20, 20)))
        self.line.addWidget(self.icon_label)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.line.addWidget(self.text, 1)
