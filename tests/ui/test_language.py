"""Loading the translations: every catalogue of the language plus Qt's own qtbase."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from desktop.ui.language import CHINESE, ENGLISH, LanguageManager, translations_folder


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
