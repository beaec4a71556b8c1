"""Opening a portal by address and reading every account's licenses into one list.

The engine's CLI and the GUI both use :func:`read_accounts`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.merge import merge_licenses
from desktop.domain.models import Account, License
from desktop.portal.demo_accounts import DEMO
from desktop.portal.errors import PortalError
from desktop.portal.http_client import HttpPortal, demo_portal
from desktop.portal.protocol import Portal

log = logging.getLogger(__name__)


def open_portal(url_or_demo: str, **options: Any) -> HttpPortal:
    """``"demo"`` → the built-in sandbox in-process; otherwise the portal at that base URL.

    Raises:
        InvalidUrl, InsecureUrl: for an address the app will not talk to.
    """
    if url_or_demo.strip().lower() == DEMO:
        return demo_portal(**options)
    return HttpPortal(url_or_demo, **options)


@dataclass(frozen=True)
class ReadResult:
    """The merged licenses of every account that could be read, and what failed per account."""

    licenses: list[License]
    accounts: list[Account] = field(default_factory=list)
    errors: dict[str, PortalError] = field(default_factory=dict)  # by the email given

    @property
    def complete(self) -> bool:
        return not self.errors


async def _read_one(portal: Portal, email: str, password: str) -> tuple[Account, list[License]]:
    session = await portal.sign_in(email, password)
    try:
        return session.account, await session.list_licenses()
    finally:
        await session.close()


async def read_accounts(portal: Portal, accounts: Sequence[tuple[str, str]]) -> ReadResult:
    """Sign in to every ``(email, password)`` at once, read every page, merge by SEN.

    Each license's ``seen_by`` holds the emails of the accounts that see it. An account
    that fails (wrong password, portal unreachable, …) is reported in ``errors`` and the
    others' licenses are kept.
    """
    results = await asyncio.gather(
        *(_read_one(portal, email, password) for email, password in accounts),
        return_exceptions=True,
    )
    signed_in: list[Account] = []
    licenses: list[License] = []
    errors: dict[str, PortalError] = {}
    for (email, _), result in zip(accounts, results, strict=True):
        if isinstance(result, PortalError):
            log.warning("could not read %s: %s", email, result.error_key)
            errors[email] = result
        elif isinstance(result, BaseException):
            raise result
        else:
            account, found = result
            signed_in.append(account)
            licenses.extend(found)
            log.info("read %d licenses of %s", len(found), account.email)
    return ReadResult(merge_licenses(licenses), signed_in, errors)
