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


def terminal_text(text: str) -> str:
    """:func:`printable` line by line: what a terminal is sent (line breaks kept)."""
    if text.isprintable():
        return text
    return "\n".join(printable(line) for line in text.split("\n"))


def spreadsheet_text(text: str) -> str:
    """A report or CSV cell: :func:`printable`, and never run as a formula.

    A spreadsheet runs a cell starting with ``=``, ``+``, ``-`` or ``@`` as a formula, also
    after leading spaces, as a full-width ``＝`` (what an IME types) or behind a byte order
    mark; such a cell gets a leading ``'``.
    """
    clean = printable(text)
    first = unicodedata.normalize("NFKC", text.lstrip(_BLANKS)[:1])
    return "'" + clean if first in _FORMULA_STARTS or clean[:1] in _FORMULA_STARTS else clean


_FORMULA_STARTS = frozenset("=+-@")
# Leading characters a spreadsheet may skip before it sees "=": spaces of every kind, line
# breaks, tabs, a byte order mark and the zero-width ones.
_BLANKS = " \t\r\n\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" + (
    "\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
)
