"""The ``--portal URL --account EMAIL…`` source of ``desktop-cli licenses``.

Signs in to every account at once, reads every page and merges by SEN (``seen_by`` = the
accounts that see each license). Passwords come from the keyring or
``$DESKTOP_PORTAL_PASSWORD``, never from an argument.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
from collections.abc import Sequence
from urllib.parse import urlsplit

from desktop.cli.errors import EXIT_BAD_INPUT, CliError
from desktop.cli.plan_cmd import account_emails, cli_broker, passwords
from desktop.domain.models import License
from desktop.portal.errors import BadCredentials, PortalError, PortalUnreachable
from desktop.portal.http_client import DEFAULT_TIMEOUT_S
from desktop.services.credentials import PASSWORD_ENV
from desktop.services.my_atlassian.site_profile import current as current_profile
from desktop.services.session_broker import password_account

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--account EMAIL`` (repeatable) and ``--timeout``; ``--portal`` is the caller's."""
    parser.add_argument(
        "--account",
        action="append",
        default=[],
        metavar="EMAIL",
        help="with --portal: an account to sign in as (repeat it); its password comes from "
        f"the keyring or ${PASSWORD_ENV}",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        metavar="SECONDS",
        help=f"with --portal: how long to wait for one answer ({DEFAULT_TIMEOUT_S:g})",
    )


def _one_line(email: str, url: str, error: PortalError) -> str:
    if isinstance(error, BadCredentials):
        return f"{email}: wrong email or password for {url}"
    if isinstance(error, PortalUnreachable):
        return f"cannot reach the portal at {url}: {error}"
    return f"{email}: {error}"


async def _read(url: str, accounts: Sequence[tuple[str, str]], timeout: float) -> list[License]:
    broker = cli_broker(url, accounts, timeout)
    try:
        result = await broker.read_all([password_account(url, email) for email, _ in accounts])
    finally:
        await broker.aclose()
    if result.errors:
        email, error = next(iter(result.errors.items()))
        raise CliError(_one_line(email, url, error), exit_code=EXIT_BAD_INPUT)
    return result.licenses


def is_my_atlassian(url: str) -> bool:
    """Whether ``url`` is My Atlassian (or Atlassian's sign-in), which only a browser can use."""
    parts = urlsplit(url if "//" in url else f"//{url}")
    host = (parts.hostname or "").rstrip(".").lower()
    profile = current_profile().profile
    known = {profile.my_atlassian_host, *profile.sign_in_hosts}
    return host in known or host == "atlassian.com" or host.endswith(".atlassian.com")


def read_portal_licenses(url: str, accounts: Sequence[str], timeout: float) -> list[License]:
    """Every license the accounts see, merged by SEN.

    Raises:
        CliError: My Atlassian itself, no account, a missing password, a bad URL, a wrong
            password or an unreachable portal — one line, exit 2.
    """
    if is_my_atlassian(url):
        raise CliError(
            "My Atlassian is a signed-in web page that only the app's own browser can read: "
            "open the app and add the account there, or copy the licenses page's text into "
            "a file and run 'desktop-cli licenses --paste FILE'",
            exit_code=EXIT_BAD_INPUT,
        )
    emails = account_emails(accounts)
    if not emails:
        raise CliError("--portal needs at least one --account EMAIL to sign in as")
    return asyncio.run(_read(url, passwords(url, emails), timeout))
