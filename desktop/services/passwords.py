"""Which password to sign in with: this session's, or the OS keyring's (the demo's is the
session broker's).

Passwords live only in the OS keyring (desktop.services.credentials) or, where no keyring
works or the person did not ask to remember, in memory for this run.
"""

from __future__ import annotations

import logging

from desktop.domain.models import Account
from desktop.services.session_broker import traits

log = logging.getLogger(__name__)


class PasswordBook:
    """Passwords by account; never written anywhere but the keyring."""

    def __init__(self) -> None:
        self._session: dict[str, str] = {}

    def get(self, account: Account) -> str | None:
        if account.key in self._session:
            return self._session[account.key]
        from desktop.services import credentials

        return credentials.get_password(account.portal, account.email)

    def remember(self, account: Account, password: str, *, keep: bool) -> bool:
        """Use ``password`` for this run; with ``keep``, store it in the keyring too.

        Returns whether the keyring took it (False: kept for this session only).
        """
        self._session[account.key] = password
        if not keep:
            return False
        from desktop.services import credentials

        stored = bool(credentials.store_password(account.portal, account.email, password))
        if not stored:
            log.warning("no keyring works here: the password is kept for this session only")
        return stored

    def forget(self, account: Account) -> None:
        """Forget the session password and delete the keyring entry."""
        self._session.pop(account.key, None)
        if traits(account).keeps_password:
            from desktop.services import credentials

            credentials.delete_password(account.portal, account.email)
