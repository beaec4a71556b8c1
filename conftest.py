"""Test-wide set-up: offscreen Qt, a fixed language, an in-memory keyring, asyncio loops."""

from __future__ import annotations

import asyncio
import atexit
import gc
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from tests.qt_loop import qasync_loop

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANG"] = "en_US.UTF-8"
os.environ["LANGUAGE"] = "en_US"
os.environ.pop("DESKTOP_PORTAL_PASSWORD", None)
# No test reads or writes the person's own settings, journal, logs or browser profiles.
_HOME = tempfile.mkdtemp(prefix="license-consolidator-tests-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = os.path.join(_HOME, _var.lower())


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets everything at the end of the test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.entries[(service, username)]
        except KeyError:
            raise PasswordDeleteError(username) from None


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """A test that configures logging (the CLI's main(), the app's run()) leaves no trace."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def _uses_qt(item: pytest.Item) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    return (
        bool(names & {"qtbot", "qapp", "qt_loop"}) or item.get_closest_marker("qt_loop") is not None
    )


@pytest.fixture(autouse=True)
def collect_qt_garbage(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a Qt test, free its Qt wrappers and deferred deletions now.

    Otherwise the garbage collector frees them at a random moment inside a later test, while
    pytest-qt processes events for it, and Qt may dispatch to an object already gone.
    """
    yield
    if not _uses_qt(request.node):
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "qt_loop: run this async test on a qasync (Qt) loop")


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], Any]]:
    """Async tests that touch Qt run on qasync's loop (the app's); the rest on asyncio's."""
    del config
    if _uses_qt(item):
        return {"qasync": qasync_loop}
    return {"asyncio": asyncio.new_event_loop}
