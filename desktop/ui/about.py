"""The About box: name, version, what the app does."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import __version__


def about_text() -> str:
    name = QCoreApplication.translate("About", "License Consolidator for Atlassian")
    version = QCoreApplication.translate("About", "Version %1").replace("%1", __version__)
    purpose = QCoreApplication.translate(
        "About", "Gathers Atlassian licenses bought from several accounts under one account."
    )
    secrets = QCoreApplication.translate(
        "About",
        "Passwords are kept only in the system keyring; license keys are masked until you ask "
        "to see them.",
    )
    return f"<h3>{name}</h3><p>{version}</p><p>{purpose}</p><p>{secrets}</p>"


def about_box(parent: QWidget) -> QMessageBox:
    """The About box (not yet shown)."""
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(QCoreApplication.translate("About", "About"))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setText(about_text())
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box
