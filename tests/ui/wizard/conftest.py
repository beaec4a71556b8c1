"""The wizard's GUI tests: closing the wizard must not end the (qasync) loop the test runs on."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def keep_loop_running(qapp: QApplication) -> Iterator[None]:
    before = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)  # in the app, the main window stays open
    yield
    qapp.setQuitOnLastWindowClosed(before)
    # Collect this test's Qt wrappers now, while their widgets still exist, rather than
    # at a random later moment inside another test's event loop.
    gc.collect()
