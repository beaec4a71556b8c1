"""Plain words for what went wrong, chosen by a portal error's ``error_key``, translated.

The texts live in one catalogue, :data:`desktop.engine.reasons.PORTAL_ERROR_TEXTS` (context
``PortalError``), shared with the engine and the CLI; this only translates them for the GUI.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.engine.reasons import render


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def error_message(error_key: str) -> str:
    """The translated plain-words message for ``error_key`` (a generic one when unknown)."""
    return render(error_key, (), _translate, context="PortalError")
