"""The About box: name, version, what the app does, and the My Atlassian site profile in force."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import __version__
from desktop.services.my_atlassian import site_profile


def app_name() -> str:
    """The app's one name in the current language (window titles, About)."""
    return QCoreApplication.translate("About", "License Consolidator for Atlassian")


def about_text() -> str:
    name = app_name()
    version = QCoreApplication.translate("About", "Version %1").replace("%1", __version__)
    purpose = QCoreApplication.translate(
        "About", "Gathers Atlassian licenses bought from several accounts under one account."
    )
    secrets = QCoreApplication.translate(
        "About",
        "Passwords are kept only in the system keyring; license keys are masked until you ask "
        "to see them.",
    )
    choice = site_profile.current()
    profile = escape(choice.in_force_text(QCoreApplication.translate))
    refused = choice.refused_text(QCoreApplication.translate)
    warning = f"<p><b>{escape(refused)}</b></p>" if refused else ""
    return (
        f"<h3>{name}</h3><p>{version}</p><p>{purpose}</p><p>{secrets}</p><p>{profile}</p>{warning}"
    )


def about_box(parent: QWidget) -> QMessageBox:
    """The About box (not yet shown)."""
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(QCoreApplication.translate("About", "About"))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setText(about_text())
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box
