"""Dates in the table and the details as the language writes them (one formatter)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.ui.license_table_model import Column
from tests.ui.demo_app import open_app


async def test_chinese_dates_in_the_table_and_the_details(qtbot, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = await open_app(qtbot, settings, tmp_path, "zh_CN")
    try:
        win = app.window
        model = win.model
        row = next(
            r
            for r in range(model.rowCount())
            if model.license_at(r).support_expires == date(2020, 10, 19)
        )
        assert model.index(row, Column.SUPPORT_EXPIRES).data() == "2020年10月19日"
        assert win.select_sen(model.license_at(row).sen)
        assert win.details.expires_value.text() == "2020年10月19日"
        assert win.details.labels["expires"].text() == "支持到期"
        win.language_actions["en"].trigger()
        qtbot.waitUntil(lambda: win.details.labels["expires"].text() == "Support Expires")
        assert win.details.expires_value.text() == "19 Oct 2020"
        assert model.index(row, Column.SUPPORT_EXPIRES).data() == "19 Oct 2020"
    finally:
        await app.aclose()
        app.language.apply("en", remember=False)
