"""The guide (F1, Help ▸ Guide) in each language, and the language shown from the start:
ticked in the Language menu, one name in the window title."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.ui.guide import GuideDialog, guide_html
from tests.ui.demo_app import open_app


@pytest.mark.parametrize(
    ("lang", "title", "words"),
    [
        (
            "en",
            "Guide",
            (
                "Billing contacts are left unchanged",
                "How to undo",
                "same email domain",
                "Removing contacts who have left",
                "make someone else primary first",
            ),
        ),
        (
            "zh_CN",
            "使用指南",
            (
                "账单联系人保持不变",
                "如何撤销",
                "邮箱域名相同",
                "移除已离开的联系人",
                "请先将其他人设为主要联系人",
            ),
        ),
    ],
)
async def test_f1_opens_the_guide_in_the_current_language(
    qtbot, settings, tmp_path: Path, lang: str, title: str, words: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    app = await open_app(qtbot, settings, tmp_path, lang)
    try:
        win = app.window
        assert win.guide_action in win.help_menu.actions()
        await asyncio.sleep(0.05)
        qtbot.keyClick(QApplication.focusWidget() or win, Qt.Key.Key_F1)
        dialog = win.findChild(GuideDialog)
        assert dialog is not None and dialog.isVisible()
        assert dialog.windowTitle() == title
        text = dialog.browser.toPlainText()
        for word in words:
            assert word in text
        # F1 again brings the same guide forward, not a second one.
        qtbot.keyClick(win, Qt.Key.Key_F1)
        assert len(win.findChildren(GuideDialog)) == 1
        # Switching language re-words the open guide.
        other = "zh_CN" if lang == "en" else "en"
        win.language_actions[other].trigger()
        qtbot.waitUntil(lambda: dialog.language == other, timeout=3000)
        assert dialog.browser.toPlainText() != text
    finally:
        await app.aclose()
        app.language.apply("en", remember=False)


def test_the_guide_pages_say_the_same_in_both_languages() -> None:
    english, chinese = guide_html("en"), guide_html("zh_CN")
    ids = ['id="does"', 'id="does-not"', 'id="manual"', 'id="domain"', 'id="notified"']
    for anchor in [*ids, 'id="billing"', 'id="removal"', 'id="undo"']:
        assert anchor in english and anchor in chinese
    assert guide_html("xx") == english


@pytest.mark.parametrize(
    ("lang", "name"), [("en", "License Consolidator for Atlassian"), ("zh_CN", "授权归集助手")]
)
async def test_the_language_is_ticked_from_the_start_and_named_once_in_the_title(
    qtbot, settings, tmp_path: Path, lang: str, name: str
) -> None:  # type: ignore[no-untyped-def]
    app = await open_app(qtbot, settings, tmp_path, lang)
    try:
        ticked = [code for code, act in app.window.language_actions.items() if act.isChecked()]
        assert ticked == [lang]
        # Qt adds the display name to a title that does not end with it: the title is it.
        assert app.window.windowTitle() == name == QGuiApplication.applicationDisplayName()
    finally:
        await app.aclose()
        app.language.apply("en", remember=False)
