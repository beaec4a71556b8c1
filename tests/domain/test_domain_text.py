"""printable(): nothing a terminal or a spreadsheet acts on survives; spreadsheet_text() never
lets a cell run as a formula, however the "=" is disguised."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.text import printable, spreadsheet_text, terminal_text

HOSTILE = "\x1b[2J\x1b[31m华科\x07 Corp\x9b1m\u202eevil\u200b\x00\x7f"


def test_printable_drops_controls_and_keeps_chinese() -> None:
    assert printable(HOSTILE) == "[2J[31m华科 Corp1mevil"
    assert printable("a\tb\nc\u3000d\u2028e") == "a b c d e"
    assert printable("华科天下科技有限公司") == "华科天下科技有限公司"


def test_terminal_text_keeps_line_breaks_only() -> None:
    assert terminal_text("one\x1b[A\ntwo\r\x07\n") == "one[A\ntwo \n"


@given(st.text())
def test_printable_leaves_nothing_unprintable_and_keeps_what_is(text: str) -> None:
    clean = printable(text)
    assert clean.isprintable()
    kept = "".join(c for c in text if c.isprintable())
    assert clean.replace(" ", "") == kept.replace(" ", "")  # only spaces added, nothing else
    if text.isprintable():
        assert clean == text


@pytest.mark.parametrize(
    "cell",
    [
        "=1+1",
        "+1",
        "-1",
        "@SUM(A1)",
        '  =HYPERLINK("http://x.example")',
        "\t=1",
        "\r=1",
        "\n=1",
        "\u3000=1",
        "＝1+1",  # what a Chinese IME in full-width mode types
        "＋1",
        "＠x",
        "\ufeff=1",  # a byte order mark before it
        "\u200b=1",  # a zero-width space before it
        "\x1b=1",
    ],
)
def test_a_disguised_formula_is_neutralised(cell: str) -> None:
    safe = spreadsheet_text(cell)
    assert safe.startswith("'") and safe.isprintable()


@pytest.mark.parametrize("cell", ["a=b", "SEN-1", "华科", "li.na@huake.example", ""])
def test_ordinary_text_is_left_alone(cell: str) -> None:
    assert spreadsheet_text(cell) == cell


@given(st.text())
def test_no_cell_ever_starts_a_formula(text: str) -> None:
    safe = spreadsheet_text(text)
    assert safe.isprintable()
    first = unicodedata.normalize("NFKC", safe.lstrip()[:1])
    assert first not in {"=", "+", "-", "@"} or safe.startswith("'")
