"""Switching language with the wizard open re-words Qt's own buttons too, and F1 or the
welcome page's button opens the guide over the wizard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from desktop.ui.guide import GuideDialog
from desktop.ui.language import LanguageManager
from tests.conftest import SandboxHandle
from tests.ui.wizard.harness import open_wizard, settle

Button = QWizard.WizardButton


async def test_back_next_and_cancel_follow_a_language_switch(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    language = LanguageManager(settings)
    language.apply("en", remember=False)
    rig = await open_wizard(qtbot, sandbox.url, tmp_path / "j.sqlite3")
    wizard = rig.wizard
    try:
        wizard.next()
        assert wizard.button(Button.BackButton).text() == "< &Back"
        language.apply("zh_CN", remember=False)
        qtbot.waitUntil(lambda: wizard.button(Button.CancelButton).text() == "取消", timeout=3000)
        assert wizard.button(Button.BackButton).text() == "< 上一步(&B)"
        assert wizard.button(Button.NextButton).text() == "下一步(&N) >"
        assert wizard.windowTitle() == "归集授权"
        language.apply("en", remember=False)
        qtbot.waitUntil(lambda: wizard.button(Button.CancelButton).text() == "Cancel", timeout=3000)
        assert wizard.button(Button.NextButton).text() == "&Next >"
    finally:
        language.apply("en", remember=False)
        await rig.close()


async def test_f1_and_the_welcome_button_open_the_guide(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path
) -> None:
    rig = await open_wizard(qtbot, sandbox.url, tmp_path / "j.sqlite3")
    wizard = rig.wizard
    try:
        wizard.welcome_page.guide_link.click()
        dialog = wizard.findChild(GuideDialog)
        assert dialog is not None and dialog.isVisible()
        assert "Billing contacts are left unchanged" in dialog.browser.toPlainText()
        dialog.close()
        wizard.next()
        wizard.activateWindow()
        await settle(qtbot, wizard.isActiveWindow, 3000)
        qtbot.keyClick(wizard.sources_page.accounts, Qt.Key.Key_F1)
        assert dialog.isVisible()  # the same guide, shown again from any page
    finally:
        await rig.close()
