"""The one date formatter, in English and Chinese, and the paste reader reading both back."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.dates import (
    excel_day_format,
    excel_moment_format,
    format_day,
    format_moment,
)
from desktop.portal.paste_reader import read_paste


@pytest.mark.parametrize(
    ("language", "day", "text", "short"),
    [
        ("en", date(2026, 11, 30), "30 Nov 2026", "30 Nov"),
        ("zh_CN", date(2026, 11, 30), "2026年11月30日", "11月30日"),
        ("zh_CN", date(2020, 1, 5), "2020年1月5日", "1月5日"),
        ("en_US", date(2020, 1, 5), "5 Jan 2020", "5 Jan"),
    ],
)
def test_days_in_each_language(language: str, day: date, text: str, short: str) -> None:
    assert format_day(day, language) == text
    assert format_day(day, language, year=False) == short


def test_moments_and_spreadsheet_formats() -> None:
    at = datetime(2026, 11, 30, 14, 5, 59)
    assert format_moment(at, "zh_CN") == "2026年11月30日 14:05"
    assert format_moment(at, "en") == "30 Nov 2026 14:05"
    assert format_moment(at, "zh_CN", year=False) == "11月30日 14:05"
    assert excel_day_format("zh_CN") == 'yyyy"年"m"月"d"日"'
    assert excel_day_format("en") == "d mmm yyyy"
    assert excel_moment_format("zh_CN") == 'yyyy"年"m"月"d"日" hh:mm'
    assert excel_moment_format("en") == "d mmm yyyy hh:mm"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_the_paste_reader_reads_what_either_language_writes(day: date) -> None:
    for language in ("en", "zh_CN"):
        page = (
            f"SEN-1\nJira Software (Server) 10 Users: Commercial License\nHuake\n"
            f"{format_day(day, language)}\nRequest Support\n"
        )
        (lic,) = read_paste(page).licenses
        assert lic.support_expires == day
