"""Plain words for what went wrong, chosen by a portal error's ``error_key``, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP

_CONTEXT = "ErrorMessages"

# error_key -> message. Keys are PORTAL_API.md's errorKeys, the client's own keys, and a few
# of this app's (needs-password, keyring).
MESSAGES: dict[str, str] = {
    "bad-credentials": QT_TRANSLATE_NOOP(
        "ErrorMessages", "Wrong email or password. Check them and sign in again."
    ),
    "unauthenticated": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The sign-in has expired. Refresh to sign in again."
    ),
    "needs-password": QT_TRANSLATE_NOOP(
        "ErrorMessages", "No password is saved for this account. Enter it to read its licenses."
    ),
    "unreachable": QT_TRANSLATE_NOOP(
        "ErrorMessages",
        "Cannot reach the portal. Check the network connection, or the proxy settings if your "
        "company uses one.",
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The portal did not answer in time. Check the network and try again."
    ),
    "certificate": QT_TRANSLATE_NOOP(
        "ErrorMessages",
        "The portal's security certificate is not trusted. If your company inspects web "
        "traffic, ask IT to install its certificate on this computer.",
    ),
    "bad-response": QT_TRANSLATE_NOOP(
        "ErrorMessages",
        "The portal's answer could not be understood. A company proxy or a sign-in page may "
        "be in the way.",
    ),
    "rate-limited": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The portal is busy (too many requests). Wait a minute and refresh."
    ),
    "unavailable": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The portal is temporarily unavailable. Try again later."
    ),
    "insecure-url": QT_TRANSLATE_NOOP(
        "ErrorMessages",
        "The portal address must start with https:// (http:// only on this computer).",
    ),
    "invalid-url": QT_TRANSLATE_NOOP("ErrorMessages", "The portal address is not a web address."),
    "not-found": QT_TRANSLATE_NOOP("ErrorMessages", "The license was not found for this account."),
    "bad-request": QT_TRANSLATE_NOOP("ErrorMessages", "The portal did not understand the request."),
    "invalid-email": QT_TRANSLATE_NOOP("ErrorMessages", "The email address is not valid."),
}

GENERIC = QT_TRANSLATE_NOOP("ErrorMessages", "Something went wrong while reading this account.")


def error_message(error_key: str) -> str:
    """The translated plain-words message for ``error_key`` (a generic one when unknown)."""
    return QCoreApplication.translate("ErrorMessages", MESSAGES.get(error_key, GENERIC))
