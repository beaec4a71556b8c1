"""A kept My Atlassian sign-in whose folder cannot be deleted (on Windows: a file another
program holds open) is said to the person, with the folder, instead of passing silently."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.services.my_atlassian.profiles import profile_folder
from desktop.services.paste_store import PasteStore
from desktop.ui.application import DesktopApp
from desktop.ui.language import LanguageManager

KEY = "li.na@huake.example"


async def test_a_profile_that_stays_is_said(
    qtbot, settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    language = LanguageManager(settings)
    language.apply("en", remember=False)
    app = DesktopApp(
        settings, language=language, pastes=PasteStore(tmp_path / "p"), today=date(2026, 1, 5)
    )
    qtbot.addWidget(app.window)
    app.live.profiles_root = tmp_path / "webengine"
    folder = profile_folder(KEY, root=app.live.profiles_root)
    (folder / "storage").mkdir(parents=True)
    (folder / "storage" / "Cookies").write_bytes(b"kept")
    signed_out: list[str] = []
    app.live.signedOut.connect(signed_out.append)
    monkeypatch.setattr(  # the files are held open elsewhere: nothing can be deleted
        "desktop.services.my_atlassian.profiles.shutil.rmtree", lambda *a, **k: None
    )
    app.live.sign_out(KEY)
    assert signed_out == [KEY]
    (box,) = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "profileNotDeleted" and w.isVisible()
    ]
    assert str(folder) in box.text() and "could not be deleted" in box.text()
    box.close()

    monkeypatch.undo()
    app.live.sign_out(KEY)  # now it can go: nothing more to say
    assert not folder.exists()
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "profileNotDeleted" and w.isVisible()
    ]
    await app.window.refresher.aclose()
