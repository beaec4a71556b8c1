"""The inventory: export the table as it is filtered (keys masked unless asked for, after a
warning), and what expires within 30/60/90 days, filtered and marked."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.engine.inventory import MASKED_KEY, write_inventory
from desktop.engine.report import ReportError
from desktop.services.paste_store import PasteStore
from desktop.ui.application import DesktopApp
from desktop.ui.language import LanguageManager
from desktop.ui.license_filter_proxy import LicenseFilterProxy, QuickFilter
from desktop.ui.license_panel import EXPIRY_WINDOW_KEY, LicensePanel
from desktop.ui.license_table_model import Column, LicenseTableModel
from desktop.ui.main_window import MainWindow
from desktop.ui.self_test import wait_for_refresh
from desktop.ui.status_colours import warning
from tests.licenses import KEY, TARGET, make_license

TODAY = date(2024, 6, 1)


def _ends_in(days: int) -> date:
    return TODAY + timedelta(days=days)


def fixture_licenses() -> list:
    return [
        make_license(1, expires=_ends_in(0)),  # ends today
        make_license(2, expires=_ends_in(10)),
        make_license(3, expires=_ends_in(45)),
        make_license(4, expires=_ends_in(80)),
        make_license(5, expires=_ends_in(200)),
        make_license(6, expires=_ends_in(-3)),  # expired
        make_license(7, expires=None),  # unknown
    ]


# --- the file ----------------------------------------------------------------------------


def test_the_file_has_no_key_unless_asked_and_runs_no_formula(tmp_path: Path) -> None:
    licenses = [
        make_license(1, expires=_ends_in(10), organisation='=HYPERLINK("http://x.example")'),
        make_license(2, key=None, seen_by={TARGET}),
    ]
    masked = write_inventory(licenses, tmp_path / "a.csv", today=TODAY)
    text = masked.read_text("utf-8-sig")
    assert KEY not in text and MASKED_KEY in text
    rows = list(csv.reader(text.splitlines()))
    assert rows[0][0] == "SEN" and rows[0][-1] == "License key"
    assert rows[1][0] == "SEN-1" and rows[1][3].startswith("'=")  # shown as text, not run
    assert rows[1][4] == _ends_in(10).isoformat() and rows[1][6] == "10"
    assert rows[2][-1] == "" and rows[2][11] == TARGET  # no key at all: nothing to mask
    with_keys = write_inventory(licenses, tmp_path / "b.xlsx", today=TODAY, include_keys=True)
    sheet = openpyxl.load_workbook(with_keys).active
    assert sheet.cell(2, 13).value == KEY
    assert sheet.cell(2, 4).data_type == "s"
    assert sheet.cell(2, 5).value.date() == _ends_in(10) and sheet.cell(2, 7).value == 10
    with pytest.raises(ReportError) as refused:
        write_inventory(licenses, tmp_path / "c.txt", today=TODAY)
    assert refused.value.key == "report-format"
    assert not (tmp_path / "c.txt").exists()


# --- from the main window ------------------------------------------------------------------


@pytest.fixture
async def window(qtbot: QtBot, settings: QSettings, tmp_path: Path):
    language = LanguageManager(settings)
    language.apply("en", remember=False)
    app = DesktopApp(
        settings,
        language=language,
        pastes=PasteStore(tmp_path / "pastes"),
        today=TODAY,
        journal_path=tmp_path / "journal.sqlite3",
    )
    win = app.window
    qtbot.addWidget(win)
    win.show()
    await wait_for_refresh(win)
    yield win
    await win.refresher.aclose()


def _export(window: MainWindow, qtbot: QtBot, path: Path, *, keys: bool) -> None:
    """File ▸ Export licenses…, tick (or not) the keys, choose the file: as a person would."""
    window.export_action.trigger()
    dialog = window.exporter.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.key_warning.isVisible()
    if keys:
        dialog.keys_box.setFocus()
        qtbot.keyClick(dialog.keys_box, Qt.Key.Key_Space)
        assert dialog.include_keys and dialog.key_warning.isVisible()
        assert "secrets" in dialog.key_warning.text()
        assert "license keys" in dialog.export_button.text()
    dialog.export_button.click()
    chooser = window.exporter.file_dialog
    assert isinstance(chooser, QFileDialog) and chooser.isVisible()
    chooser.selectFile(str(path))
    chooser.accept()


async def test_export_the_table_as_filtered_with_and_without_keys(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.search_edit.setText("huake")
    shown = [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())]
    assert 0 < len(shown) < window.model.rowCount()
    secrets = {lic.license_key for lic in window.model.licenses if lic.license_key}
    assert secrets

    _export(window, qtbot, tmp_path / "masked.xlsx", keys=False)
    sheet = openpyxl.load_workbook(tmp_path / "masked.xlsx").active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == shown  # the rows and order of the table
    everything = " ".join(str(v) for r in rows for v in r)
    assert not any(key in everything for key in secrets)
    assert MASKED_KEY in everything
    assert "exported" in window.statusBar().currentMessage()

    _export(window, qtbot, tmp_path / "with-keys.csv", keys=True)
    with (tmp_path / "with-keys.csv").open(encoding="utf-8-sig", newline="") as stream:
        read = list(csv.reader(stream))
    assert [r[0] for r in read[1:]] == shown
    by_sen = {lic.sen: lic.license_key or "" for lic in window.model.licenses}
    assert all(r[-1] == by_sen[r[0]] for r in read[1:])
    assert any(r[-1] in secrets for r in read[1:])


async def test_a_folder_that_cannot_be_written_says_so_and_writes_nothing(
    window: MainWindow, tmp_path: Path
) -> None:
    assert not window.exporter.export_to(tmp_path / "missing" / "licenses.xlsx")
    problems = [w for w in window.findChildren(QMessageBox) if w.objectName() == "exportProblem"]
    assert problems and "Choose another folder" in problems[0].text()
    assert not (tmp_path / "missing").exists()


# --- expiring within 30/60/90 days ---------------------------------------------------------


@pytest.fixture
def panel(qtbot: QtBot, settings: QSettings) -> LicensePanel:
    model = LicenseTableModel(today=TODAY)
    model.set_locale(QLocale("en_US"))
    model.set_licenses(fixture_licenses())
    proxy = LicenseFilterProxy()
    proxy.setSourceModel(model)
    shown = LicensePanel(proxy, settings=settings)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _sens(panel: LicensePanel) -> list[str]:
    proxy = panel.proxy
    return sorted(proxy.index(r, Column.SEN).data() for r in range(proxy.rowCount()))


def test_the_expiring_filter_follows_the_window_chosen(
    panel: LicensePanel, qtbot: QtBot, settings: QSettings
) -> None:
    button = panel.filter_buttons[QuickFilter.EXPIRING]
    assert button.text() == "Expiring in 30 days"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert _sens(panel) == ["SEN-1", "SEN-2"]  # today and in 10 days; not the expired one
    for days, expected in (
        (60, ["SEN-1", "SEN-2", "SEN-3"]),
        (90, ["SEN-1", "SEN-2", "SEN-3", "SEN-4"]),
        (30, ["SEN-1", "SEN-2"]),
    ):
        panel.expiry_actions[days].trigger()  # the button's menu
        assert _sens(panel) == expected, days
        assert button.isChecked() and button.text() == f"Expiring in {days} days"
        assert settings.value(EXPIRY_WINDOW_KEY) in (days, str(days))
    panel.expiry_actions[60].trigger()
    again = LicensePanel(panel.proxy, settings=settings)  # the next start remembers 60
    qtbot.addWidget(again)
    assert again.expiry_actions[60].isChecked()


def test_licenses_expiring_soon_are_marked_in_the_table(panel: LicensePanel) -> None:
    model = panel.proxy.sourceModel()
    assert isinstance(model, LicenseTableModel)
    support = [model.index(r, Column.SUPPORT) for r in range(model.rowCount())]
    assert [i.data() for i in support] == [
        "Ends today",
        "Ends in 10 days",
        "Active",
        "Active",
        "Active",
        "Expired",
        "Unknown",
    ]
    assert support[1].data(Qt.ItemDataRole.ForegroundRole) == warning()
    assert support[2].data(Qt.ItemDataRole.ForegroundRole) is None
    assert "Support ends on" in support[1].data(Qt.ItemDataRole.ToolTipRole)
    panel.set_expiry_window(90)
    assert [i.data() for i in support[2:5]] == ["Ends in 45 days", "Ends in 80 days", "Active"]
    model.set_today(TODAY + timedelta(days=11))  # a day later the 10-day one has expired
    assert model.index(1, Column.SUPPORT).data() == "Expired"
