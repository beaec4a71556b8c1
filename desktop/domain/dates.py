"""The one date formatter: how the app writes a day (and a time) in each of its languages.

English as My Atlassian's English page shows dates (``30 Nov 2026``), Chinese as Chinese
readers write them (``2026年11月30日``). The table, the details, the status bar, the CLI's
table and the reports all go through here; the paste reader reads both forms back.
"""

from __future__ import annotations

from datetime import date, datetime

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _chinese(language: str) -> bool:
    return language.lower().startswith("zh")


def format_day(day: date, language: str = "en", *, year: bool = True) -> str:
    """``day`` in ``language`` (a code such as ``en`` or ``zh_CN``): 30 Nov 2026 /
    2026年11月30日; without the year: 30 Nov / 11月30日."""
    if _chinese(language):
        text = f"{day.month}月{day.day}日"
        return f"{day.year}年{text}" if year else text
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def format_moment(moment: datetime, language: str = "en", *, year: bool = True) -> str:
    """A day and its time to the minute: 30 Nov 2026 14:05 / 2026年11月30日 14:05."""
    return f"{format_day(moment.date(), language, year=year)} {moment:%H:%M}"


def excel_moment_format(language: str = "en") -> str:
    """The same in a spreadsheet's number format (the cell keeps a real date and time)."""
    if _chinese(language):
        return 'yyyy"年"m"月"d"日" hh:mm'
    return "d mmm yyyy hh:mm"


def excel_day_format(language: str = "en") -> str:
    """A day without its time in a spreadsheet's number format."""
    if _chinese(language):
        return 'yyyy"年"m"月"d"日"'
    return "d mmm yyyy"
