"""Text from outside (a portal, a page, a journal) made safe to show: :func:`printable`.

A portal's organisation, SEN or email could hold escape codes (``\\x1b[2J`` clears a terminal,
then a fake confirmation is printed), a bell, bidirectional overrides that reorder what is
shown, or characters a spreadsheet file cannot hold at all. Every terminal line and every
report cell goes through :func:`printable` first.
"""

from __future__ import annotations

import unicodedata

_SPACES = frozenset({"Zs", "Zl", "Zp"})


def printable(text: str) -> str:
    """``text`` with no control or format character: tabs, line breaks and other spaces
    become a plain space; control characters (C0, DEL, C1), format characters (zero-width,
    bidirectional overrides), surrogates and unassigned code points are left out."""
    if text.isprintable():
        return text
    return "".join(_kept(char) for char in text)


def _kept(char: str) -> str:
    if char.isprintable():
        return char
    if char in "\t\n\r\v\f" or unicodedata.category(char) in _SPACES:
        return " "
    return ""
