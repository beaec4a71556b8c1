"""UI test set-up: each test gets its own QSettings file, and the app's names are set."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture
def settings(tmp_path: Path, qapp: object) -> Iterator[QSettings]:
    """A settings file of this test only (never the person's real settings)."""
    del qapp
    QCoreApplication.setOrganizationName("LicenseConsolidatorTests")
    QCoreApplication.setApplicationName("LicenseConsolidatorTests")
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield store
    store.sync()
