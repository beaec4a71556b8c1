"""The paste dialog keeps its layout when an error shows: "Open .txt file…", the message and the
buttons stay below the text box, never over it, at any width and in both languages."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.language import LanguageManager
from desktop.ui.paste_import_dialog import PasteImportDialog


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, tmp_path: Path, qapp: QApplication) -> Iterator[str]:
    manager = LanguageManager(QSettings(str(tmp_path / "l.ini"), QSettings.Format.IniFormat))
    manager.apply(request.param, remember=False)
    yield request.param
    manager.apply("en", remember=False)


def _stacked(widgets: list[QWidget]) -> bool:
    """Each widget starts below the one before it ends."""
    rects = [w.geometry() for w in widgets]
    return all(a.bottom() < b.top() for a, b in itertools.pairwise(rects))


async def test_an_error_never_puts_the_file_button_over_the_text_box(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    del language
    dialog = PasteImportDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    order = [dialog.intro, dialog.text_edit, dialog.file_button, dialog.message, dialog.buttons]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\xff\xfe\x00\xd8")  # not text in any encoding the reader tries
    for width in (dialog.width(), dialog.minimumSizeHint().width()):
        dialog.resize(width, dialog.minimumSizeHint().height())  # as small as it lets itself
        dialog._say("")
        assert not dialog.load_file(empty)
        qtbot.wait(10)
        assert dialog.message.isVisible() and dialog.message.text()
        assert _stacked(order), [w.geometry() for w in order]
        dialog.text_edit.setPlainText("not a licenses page")
        task = dialog.start_import()  # the longest message: no license found
        assert task is not None
        await task
        qtbot.wait(10)
        assert "SEN" in dialog.message.text()
        assert _stacked(order), [w.geometry() for w in order]
        assert dialog.text_edit.height() >= dialog.text_edit.minimumHeight()
