"""The CLI's one fixed-width table printer (``licenses --format table``, ``plan``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TextIO

from desktop.domain.text import printable


def text_width(text: str) -> int:
    """Columns the text takes in a terminal: Chinese characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def write_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], stream: TextIO, *, rule: bool = False
) -> None:
    """Columns padded to their widest cell, two spaces apart, no trailing spaces; with
    ``rule`` a line of dashes under the header. Cells are :func:`printable` (a portal's text
    never moves the cursor, and the widths are those of what is shown)."""
    lines = [list(header), *([printable(cell) for cell in row] for row in rows)]
    widths = [max(text_width(line[col]) for line in lines) for col in range(len(header))]
    if rule:
        lines.insert(1, ["-" * width for width in widths])
    for line in lines:
        cells = [cell + " " * (widths[col] - text_width(cell)) for col, cell in enumerate(line)]
        stream.write("  ".join(cells).rstrip() + "\n")
