"""The target page on real widgets against the sandbox on 127.0.0.1: nothing is chosen for the
person, a public mailbox is warned against, a full-width address is shown as the address used,
and a look-alike or unusable address says why and keeps Next disabled (nothing is written)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from desktop.services.consolidation_flow import Step
from desktop.ui.language import LanguageManager
from tests.conftest import SandboxHandle
from tests.ui.wizard.harness import QQ, ZW, Rig, open_wizard, settle, type_text


@pytest.fixture
def zh_cn(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    language = LanguageManager(QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat))
    assert language.apply("zh_CN", remember=False)
    yield
    language.apply("en", remember=False)


@pytest.fixture
async def rig(qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path) -> AsyncIterator[Rig]:
    """The wizard on the target page."""
    opened = await open_wizard(qtbot, sandbox.url, tmp_path / "j.sqlite3")
    opened.wizard.next()
    opened.wizard.next()
    assert opened.step is Step.TARGET
    yield opened
    await opened.close()


def _next_enabled(rig: Rig) -> bool:
    return rig.wizard.button(QWizard.WizardButton.NextButton).isEnabled()


async def test_no_suggestion_is_chosen_and_enter_decides_nothing(
    rig: Rig, qtbot: QtBot, sandbox: SandboxHandle
) -> None:
    page = rig.wizard.target_page
    assert page.suggestions.count() >= 4
    assert page.suggestions.selectedItems() == []
    assert page.email_edit.text() == "" and rig.flow.target is None
    assert not _next_enabled(rig)
    rig.wizard.activateWindow()
    await settle(qtbot, rig.wizard.isActiveWindow, 3000)
    await settle(qtbot, page.email_edit.hasFocus, 3000)  # the field, not the list
    qtbot.keyClick(page.email_edit, Qt.Key.Key_Return)
    assert rig.step is Step.TARGET and rig.flow.target is None
    # Tab into the list: Qt makes the first row current, which must choose nothing.
    page.suggestions.setFocus(Qt.FocusReason.TabFocusReason)
    await settle(qtbot, page.suggestions.hasFocus, 3000)
    qtbot.keyClick(page.suggestions, Qt.Key.Key_Return)
    assert rig.step is Step.TARGET and rig.flow.target is None
    assert page.email_edit.text() == ""
    # An arrow key is a choice: it selects, fills the field and enables Next.
    qtbot.keyClick(page.suggestions, Qt.Key.Key_Down)
    chosen = page.suggestions.selectedItems()
    assert len(chosen) == 1
    assert page.email_edit.text() == chosen[0].data(Qt.ItemDataRole.UserRole)
    assert rig.flow.target == page.email_edit.text()
    assert sandbox.state.write_requests() == 0


async def test_a_public_mailbox_is_warned_against_with_the_reason(rig: Rig) -> None:
    page = rig.wizard.target_page
    assert page.advice.isVisibleTo(page)
    assert "shared company mailbox" in page.advice.text()
    assert "team address" in page.advice.text()
    assert not page.public_warning.isVisibleTo(page)
    page.email_edit.setText(QQ)
    assert page.public_warning.isVisibleTo(page)
    text = page.public_text.text()
    assert "qq.com is a public mailbox" in text
    assert "one person" in text and "promote itself" in text
    page.email_edit.setText(ZW)
    assert not page.public_warning.isVisibleTo(page)


async def test_a_full_width_address_is_shown_as_the_address_used(rig: Rig) -> None:
    page = rig.wizard.target_page
    # What a Chinese input method in full-width mode commits.
    type_text(page.email_edit, "ｚｈａｎｇ．ｗｅｉ＠ｈｕａｋｅ．ｅｘａｍｐｌｅ")
    assert page.email_edit.text() == "ｚｈａｎｇ．ｗｅｉ＠ｈｕａｋｅ．ｅｘａｍｐｌｅ"
    assert rig.flow.target == ZW
    assert page.used_as.isVisibleTo(page)
    assert f"<b>{ZW}</b>" in page.used_as.text()
    assert _next_enabled(rig)
    assert not page.blocker_label.isVisibleTo(page)
    rig.wizard.next()
    assert rig.step is Step.LICENSES
    assert rig.flow.plan().target == ZW
    rig.wizard.back()
    page.email_edit.setText(ZW)  # typed as it is used: nothing extra to show
    assert not page.used_as.isVisibleTo(page)


async def test_a_refused_address_says_why_and_next_stays_disabled(
    rig: Rig, qtbot: QtBot, sandbox: SandboxHandle
) -> None:
    page = rig.wizard.target_page
    cases = {
        "zh\u0430ng.wei@huake.example": ("different alphabets", "\u201c\u0430\u201d"),  # Cyrillic а
        "a/b@huake.example": ("contains \u201c/\u201d", "never be made primary"),
        "x" * 65 + "@huake.example": ("has 65 characters", "at most 64"),
        "zhang.wei@": ("not a valid email address", "name@company.com"),
    }
    for typed, words in cases.items():
        page.email_edit.clear()
        type_text(page.email_edit, typed)
        assert page.email_edit.text() == typed
        assert rig.flow.target is None, typed
        assert not _next_enabled(rig), typed
        assert page.blocker_label.isVisibleTo(page), typed
        for word in words:
            assert word in page.blocker_label.text(), (typed, page.blocker_label.text())
        assert "border" in page.email_edit.styleSheet()
        assert not page.used_as.isVisibleTo(page)
        rig.wizard.next()  # refused: the page stays
        assert rig.step is Step.TARGET
    page.email_edit.setText(ZW)
    assert _next_enabled(rig) and not page.blocker_label.isVisibleTo(page)
    assert page.email_edit.styleSheet() == ""
    assert sandbox.state.write_requests() == 0  # nothing was added anywhere


async def test_the_reasons_are_in_chinese_too(zh_cn: None, rig: Rig) -> None:
    page = rig.wizard.target_page
    type_text(page.email_edit, "zh\u0430ng.wei@huake.example")
    text = page.blocker_label.text()
    assert "\u201c\u0430\u201d" in text and "字母" in text
    page.email_edit.setText(QQ)
    assert "公共邮箱" in page.public_text.text()
    assert QApplication.translate("TargetPage", "Target &email:") != "Target &email:"
