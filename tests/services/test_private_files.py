"""Owner-only files (0600 / 0700 where the system has modes): the log and its rotated files,
saved pastes and their folder; a kept browser profile that could not be deleted is said."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain.private_files import private_folder, write_private_text
from desktop.services.log_setup import configure_logging
from desktop.services.paste_store import PasteStore
from tests.licenses import make_license

pytestmark = pytest.mark.skipif(os.name != "posix", reason="modes exist only on POSIX systems")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)  # what most systems have: files 0644 unless the app says otherwise
    yield
    os.umask(old)


def test_the_log_and_its_rotated_files_are_owner_only(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers), root.level
    folder = tmp_path / "logs" / "app"
    try:
        path = configure_logging(level=logging.CRITICAL, directory=folder)
        assert path is not None
        handler = root.handlers[-1]
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        handler.maxBytes = 200
        for index in range(20):
            logging.getLogger("test").warning("line %d of a log that rotates", index)
    finally:
        for handler in root.handlers[len(before[0]) :]:
            handler.close()
        root.handlers[:] = before[0]
        root.setLevel(before[1])
    files = sorted(folder.iterdir())
    assert {p.name for p in files} >= {"app.log", "app.log.1"}
    assert {p.name: _mode(p) for p in files} == {p.name: 0o600 for p in files}
    assert _mode(folder) == _mode(folder.parent) == 0o700


def test_saved_pastes_and_their_folder_are_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "pastes"
    store = PasteStore(folder)
    store.save("paste:office", [make_license("SEN-1")])
    (saved,) = folder.iterdir()
    assert _mode(folder) == 0o700 and _mode(saved) == 0o600
    assert [x.sen for x in PasteStore(folder).load("paste:office")] == ["SEN-1"]
    folder.chmod(0o755)
    saved.chmod(0o644)
    store.save("paste:office", [make_license("SEN-2")])  # saved again: tightened again
    assert _mode(folder) == 0o700 and _mode(saved) == 0o600


def test_private_helpers_leave_a_chosen_folder_and_replace_in_one_step(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    private_folder(tmp_path)  # exists already and was not made by the app: left alone
    assert _mode(tmp_path) == 0o755
    target = tmp_path / "a.json"
    target.write_text("old")
    target.chmod(0o644)
    write_private_text(target, "new")
    assert target.read_text() == "new" and _mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]
