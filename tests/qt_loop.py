"""The qasync event loop the Qt tests run on, shared by the root and the live conftest."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication


class _NestedApp:
    """The QApplication, except that qasync's exec()/exit() run and end a nested QEventLoop.

    ``QApplication.exit()`` emits ``aboutToQuit``, on which QtWebEngine shuts Chromium down for
    good (and crashes there once a test has used it); qasync calls it whenever a loop stops,
    i.e. several times per async test. So tests never leave the application's own loop.
    """

    def __init__(self, app: Any) -> None:
        self._app = app
        self._loops: list[Any] = []

    def exec(self) -> int:
        loop = QEventLoop()
        self._loops.append(loop)
        try:
            return loop.exec()
        finally:
            self._loops.remove(loop)

    def exit(self, code: int = 0) -> None:
        if self._loops:
            self._loops[-1].exit(code)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._app, name)


def qasync_loop() -> asyncio.AbstractEventLoop:
    """A qasync loop on the QApplication that never leaves the application's own loop."""
    import qasync

    app = QApplication.instance() or QApplication([])
    return qasync.QEventLoop(_NestedApp(app))  # type: ignore[no-any-return]
