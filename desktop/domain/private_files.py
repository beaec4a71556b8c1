"""Files and folders only their owner can read (0600 / 0700), where the system has such modes.

The journal, the logs, saved pastes and the browser profiles hold who is a contact of what:
other people on a shared computer must not read them. On Windows the user folder's own
permissions do this; the modes below apply on Linux and macOS.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
HAS_MODES = os.name == "posix"


def private_folder(path: Path, *, tighten: bool = False) -> Path:
    """Make ``path`` and every missing parent, each readable by the owner only (0700).

    ``tighten`` also sets 0700 on ``path`` when it exists already (a folder that belongs to
    the app alone, never one the person chose such as ``/tmp``).

    Raises:
        OSError: a folder could not be made.
    """
    missing: list[Path] = []
    folder = path
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir(mode=FOLDER_MODE, exist_ok=True)
        _chmod(made, FOLDER_MODE)
    if tighten and not missing:
        _chmod(path, FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty (0600) if it does not exist; an existing one is set to 0600.

    Raises:
        OSError: the file could not be made.
    """
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags, FILE_MODE)
    try:
        if HAS_MODES:
            os.fchmod(descriptor, FILE_MODE)
    finally:
        os.close(descriptor)
    return path


def write_private_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` (0600) through a temporary file, replaced in one step.

    Raises:
        OSError: the file could not be written.
    """
    tmp = path.with_name(path.name + ".tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(tmp, flags, FILE_MODE)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        if HAS_MODES:
            os.fchmod(out.fileno(), FILE_MODE)
        out.write(text)
    tmp.replace(path)


def _chmod(path: Path, mode: int) -> None:
    if HAS_MODES:
        with contextlib.suppress(OSError):  # not ours (e.g. a shared parent): leave it
            path.chmod(mode)
