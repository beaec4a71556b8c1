"""Reading accounts of one portal through the session broker, as the CLI does."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.portal.protocol import Portal
from desktop.services.session_broker import (
    GivenPasswords,
    Readings,
    SessionBroker,
    password_account,
)


async def read_accounts(portal: Portal, accounts: Sequence[tuple[str, str]]) -> Readings:
    """Sign every ``(email, password)`` in to ``portal`` at once and read them (merged)."""
    broker = SessionBroker(GivenPasswords(accounts), portal_factory=lambda _address: portal)
    return await broker.read_all([password_account("portal", email) for email, _ in accounts])
