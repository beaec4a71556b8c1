"""The paste dialog on real widgets: a size cap with a clear message (nothing changed), and
licenses whose text reads two ways named in plain words before anything is imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.portal import paste_reader
from desktop.ui.language import CHINESE, ENGLISH, LanguageManager
from desktop.ui.paste_import_dialog import PasteImportDialog

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "paste"
SEVERAL = (FIXTURES / "several_licenses.txt").read_text(encoding="utf-8")


def _named_by_address(text: str) -> str:
    """The first license's first technical contact named by another address."""
    first = text.index("Wei Zhang", text.index("Technical Contacts"))
    return text[:first] + "other.person@huake.example" + text[first + len("Wei Zhang") :]


@pytest.fixture
def dialog(qtbot, settings: QSettings) -> PasteImportDialog:  # type: ignore[no-untyped-def]
    del settings
    widget = PasteImportDialog()
    qtbot.addWidget(widget)
    widget.text_edit.setPlainText("what was there before")
    return widget


def _fifty_megabytes(tmp_path: Path) -> Path:
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:  # sparse: 50 MB of NUL bytes, nothing on the disk
        stream.truncate(50 * 1000 * 1000)
    return big


@pytest.mark.parametrize("source", ["/dev/zero", "fifty-megabytes"])
def test_a_file_above_the_cap_is_refused_and_nothing_changes(
    dialog: PasteImportDialog, tmp_path: Path, source: str
) -> None:
    path = _fifty_megabytes(tmp_path) if source == "fifty-megabytes" else Path(source)
    assert dialog.load_file(path) is False
    assert not dialog.message.isHidden()
    assert dialog.message.text() == (
        "The text is larger than 32 MB, the most one paste may hold. Paste the licenses page "
        "in parts."
    )
    assert dialog.text_edit.toPlainText() == "what was there before"
    assert dialog.label_edit.text().startswith("Pasted ")


def test_the_cap_message_in_chinese(dialog: PasteImportDialog, settings: QSettings) -> None:
    manager = LanguageManager(settings)
    manager.apply(CHINESE, remember=False)
    try:
        assert dialog.load_file(Path("/dev/zero")) is False
        assert (
            dialog.message.text() == "文本超过 32 MB，超出一次粘贴的上限。请将授权页面分几次粘贴。"
        )
    finally:
        manager.apply(ENGLISH, remember=False)


async def test_pasted_text_above_the_cap_is_refused(
    dialog: PasteImportDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paste_reader, "MAX_PASTE_CHARS", 100)
    dialog.text_edit.setPlainText(SEVERAL)
    task = dialog.start_import()
    assert task is not None
    await task
    assert dialog.result_account is None
    assert dialog.message.text().startswith("The text is larger than 32 MB")
    assert dialog.text_edit.toPlainText() == SEVERAL
    assert dialog.text_edit.isEnabled()


async def test_licenses_that_read_two_ways_are_named_before_the_others_are_imported(
    dialog: PasteImportDialog,
) -> None:
    dialog.text_edit.setPlainText(_named_by_address(SEVERAL))
    accepted: list[bool] = []
    dialog.accepted.connect(lambda: accepted.append(True))

    task = dialog.start_import()
    assert task is not None
    await task

    assert accepted == [] and dialog.result_account is None  # nothing imported yet
    shown = dialog.message.text().splitlines()
    assert shown[0] == "1 licenses cannot be read unambiguously and are left out:"
    assert "was not read: a contact's name on the page is an email address" in shown[1]
    assert "other.person@huake.example" in shown[1]
    assert shown[-1].startswith("Click OK to import the other ")

    assert dialog.start_import() is None  # OK again: the person has seen it
    assert accepted == [True]
    flagged = shown[1].removeprefix("• ").split(" ", 1)[0]
    assert flagged not in {lic.sen for lic in dialog.result_licenses}
    assert dialog.result_licenses
    assert any("was not read" in note for note in dialog.result_warnings)


async def test_changed_text_is_read_again(dialog: PasteImportDialog) -> None:
    dialog.text_edit.setPlainText(_named_by_address(SEVERAL))
    task = dialog.start_import()
    assert task is not None
    await task
    dialog.text_edit.setPlainText(SEVERAL)  # corrected
    task = dialog.start_import()
    assert task is not None
    await task
    assert dialog.result_account is not None
    assert all("was not read" not in note for note in dialog.result_warnings)
