"""Loading the translations: every catalogue of the language plus Qt's own qtbase."""

from __future__ import annotations

from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLabel

from desktop.ui.language import (
    CHINESE,
    ENGLISH,
    LanguageManager,
    qt_translations_folder,
    translations_folder,
)


def test_first_start_follows_the_system_then_the_saved_choice(settings: QSettings) -> None:
    manager = LanguageManager(settings)
    assert manager.saved_or_system(QLocale("zh_CN")) == CHINESE
    assert manager.saved_or_system(QLocale("de_DE")) == ENGLISH
    manager.apply(ENGLISH)
    assert manager.saved_or_system(QLocale("zh_CN")) == ENGLISH  # remembered beats system


def test_chinese_loads_every_catalogue_and_qtbase(settings: QSettings) -> None:
    manager = LanguageManager(settings)
    loaded = manager.apply(CHINESE)
    try:
        catalogues = {p.name for p in translations_folder().glob("*_zh_CN.qm")}
        assert catalogues >= {"app_zh_CN.qm"}
        assert set(loaded) == catalogues | {"qtbase_zh_CN.qm"}
        assert QCoreApplication.translate("LicenseTableModel", "Support Expires") == "支持到期"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # from qtbase
        assert QLocale().language() == QLocale.Language.Chinese
    finally:
        manager.apply(ENGLISH, remember=False)
    assert QCoreApplication.translate("LicenseTableModel", "Support Expires") == "Support Expires"
    assert QLocale().language() == QLocale.Language.English


def test_unknown_language_means_english(settings: QSettings) -> None:
    manager = LanguageManager(settings)
    assert all(name.endswith("_en.qm") for name in manager.apply("xx_XX"))  # English plurals
    assert manager.current == ENGLISH


def test_qt_catalogues_come_from_pyside6s_own_folder() -> None:
    folder = qt_translations_folder()
    assert folder == Path(PySide6.__file__).parent / "Qt" / "translations"
    assert (folder / "qtbase_zh_CN.qm").is_file()


def test_the_file_dialog_speaks_chinese(qtbot, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    manager = LanguageManager(settings)
    manager.apply(CHINESE, remember=False)
    try:
        dialog = QFileDialog()
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
        qtbot.addWidget(dialog)
        look_in = dialog.findChild(QLabel, "lookInLabel")
        file_type = dialog.findChild(QLabel, "fileTypeLabel")
        assert look_in is not None and file_type is not None
        assert (look_in.text(), file_type.text()) == ("查找范围(&L)：", "文件类型(&T)：")
    finally:
        manager.apply(ENGLISH, remember=False)


def test_one_name_per_language_for_every_window_title(settings: QSettings) -> None:
    manager = LanguageManager(settings)
    manager.apply(CHINESE, remember=False)
    try:
        assert QGuiApplication.applicationDisplayName() == "授权归集助手"
    finally:
        manager.apply(ENGLISH, remember=False)
    assert QGuiApplication.applicationDisplayName() == "License Consolidator for Atlassian"


@pytest.mark.parametrize(
    ("context", "text", "one", "many"),
    [
        ("AccountActions", "%n note(s): %1", "1 note: %1", "3 notes: %1"),
        (
            "AccountActions",
            "Read %n license(s) from the pasted text.",
            "Read 1 license from the pasted text.",
            "Read 3 licenses from the pasted text.",
        ),
        ("RunPage", "%1 of %n license(s) finished.", "%1 of 1 license finished.", None),
    ],
)
def test_english_plurals(
    settings: QSettings, context: str, text: str, one: str, many: str | None
) -> None:
    LanguageManager(settings).apply(ENGLISH, remember=False)
    assert QCoreApplication.translate(context, text, "", 1) == one
    if many is not None:
        assert QCoreApplication.translate(context, text, "", 3) == many
