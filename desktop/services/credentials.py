"""Portal passwords: the one module that touches the OS keyring.

Where no keyring works, a password is kept in this process's memory for this run only (the
caller tells the person); never in a file, never in ``keyrings.alt``. A keyring that says it
stored a password is believed only once the password reads back the same: some backends (the
``null`` one, a locked or misconfigured store) report success and keep nothing.
"""

from __future__ import annotations

import logging
import os

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringError, PasswordDeleteError

from desktop.services.log_setup import register_secret

log = logging.getLogger(__name__)

KEYRING_SERVICE = "LicenseConsolidator"
PASSWORD_ENV = "DESKTOP_PORTAL_PASSWORD"

_memory: dict[str, str] = {}


def credential_name(portal: str, email: str) -> str:
    """The keyring user name for an account on a portal: ``"<portal> <email>"``.

    ``portal`` is ``"demo"`` or the portal's base URL; the email is lower-cased.
    """
    return f"{portal.strip().rstrip('/')} {email.strip().lower()}"


def _is_plaintext(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    if module.startswith("keyrings.alt"):
        return True
    inner = getattr(backend, "backends", None)  # the chainer backend
    return bool(inner) and any(_is_plaintext(b) for b in inner or ())


def _usable_keyring() -> KeyringBackend | None:
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring) or _is_plaintext(backend):
        return None
    return backend


def keyring_available() -> bool:
    """Whether passwords can be kept in the OS keyring (else: memory, this run only)."""
    return _usable_keyring() is not None


def get_password(portal: str, email: str) -> str | None:
    name = credential_name(portal, email)
    if name in _memory:
        return _memory[name]
    backend = _usable_keyring()
    if backend is None:
        return None
    try:
        password = backend.get_password(KEYRING_SERVICE, name)
    except (KeyringError, RuntimeError, OSError) as error:
        log.warning("the keyring could not be read: %s", type(error).__name__)
        return None
    if password:
        register_secret(password)
    return password


def store_password(portal: str, email: str, password: str) -> bool:
    """Keep a password: True in the OS keyring (read back the same), False in memory for this
    run only (no keyring, or one that failed or did not keep it)."""
    name = credential_name(portal, email)
    register_secret(password)
    backend = _usable_keyring()
    if backend is not None and _stored_in(backend, name, password):
        _memory.pop(name, None)
        return True
    log.warning("no working keyring: the password of %s is kept for this run only", email)
    _memory[name] = password
    return False


def _stored_in(backend: KeyringBackend, name: str, password: str) -> bool:
    """Store ``password`` in ``backend`` and check that it reads back the same; a wrong or
    partial entry is deleted again (it would be used in the next run)."""
    try:
        backend.set_password(KEYRING_SERVICE, name, password)
        kept = backend.get_password(KEYRING_SERVICE, name)
    except (KeyringError, RuntimeError, OSError) as error:
        log.warning("the keyring could not store a password: %s", type(error).__name__)
        return False
    if kept == password:
        return True
    log.warning("the keyring reported a password stored but does not give it back")
    if kept is not None:
        try:
            backend.delete_password(KEYRING_SERVICE, name)
        except (KeyringError, RuntimeError, OSError):
            log.warning("the keyring's wrong entry could not be deleted")
    return False


def delete_password(portal: str, email: str) -> None:
    """Forget a password wherever it is kept; forgetting an unknown one is not an error."""
    name = credential_name(portal, email)
    _memory.pop(name, None)
    backend = _usable_keyring()
    if backend is None:
        return
    try:
        backend.delete_password(KEYRING_SERVICE, name)
    except PasswordDeleteError:
        pass
    except (KeyringError, RuntimeError, OSError) as error:
        log.warning("the keyring could not delete a password: %s", type(error).__name__)


def password_for_cli(portal: str, email: str) -> str | None:
    """The keyring's password, else ``$DESKTOP_PORTAL_PASSWORD``, else None."""
    password = get_password(portal, email) or os.environ.get(PASSWORD_ENV) or None
    if password:
        register_secret(password)
    return password


def forget_session_passwords() -> None:
    """Drop every password kept in memory (those stored without a keyring)."""
    _memory.clear()
