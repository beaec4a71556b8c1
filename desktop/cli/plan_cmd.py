"""``desktop-cli plan``: sign in, read every account's licenses, show what consolidating into
one target email would do (nothing is changed). Also the sign-in helpers ``consolidate`` uses.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from desktop.cli.errors import EXIT_OK, CliError
from desktop.cli.output import printable_json
from desktop.cli.table import write_table
from desktop.domain.emails import InvalidEmail, normalize_email, typed_differs
from desktop.engine.plan import BillingPart, Plan, PlanEntry
from desktop.engine.planner import make_plan
from desktop.engine.reasons import render
from desktop.portal.demo_accounts import DEMO
from desktop.portal.errors import (
    BadCredentials,
    ConnectionFailed,
    InsecureUrl,
    InvalidUrl,
)
from desktop.portal.http_client import DEFAULT_TIMEOUT_S, check_base_url
from desktop.services.credentials import PASSWORD_ENV, password_for_cli
from desktop.services.session_broker import (
    GivenPasswords,
    OpenSessions,
    SessionBroker,
    open_portal,
    password_account,
)

log = logging.getLogger(__name__)


def add_portal_arguments(parser: argparse.ArgumentParser, *, target: bool = True) -> None:
    """``--portal``, ``--account`` (repeatable), ``--target`` (unless not ``target``),
    ``--timeout``."""
    parser.add_argument(
        "--portal", required=True, help='the portal\'s base URL, or "demo" for the built-in one'
    )
    parser.add_argument(
        "--account",
        action="append",
        default=[],
        metavar="EMAIL",
        help="an account to sign in as (repeat it, or separate with commas); its password "
        f"comes from the keyring or ${PASSWORD_ENV}",
    )
    if target:
        parser.add_argument(
            "--target", metavar="EMAIL", help="the email that should become the primary contact"
        )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        metavar="SECONDS",
        help=f"how long to wait for one answer of the portal ({DEFAULT_TIMEOUT_S:g})",
    )


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "plan",
        help="show what consolidating into one target email would do (changes nothing)",
        description="Sign in to every account, read their licenses and show, per license, "
        "what consolidating into --target would do and why. Nothing is changed.",
    )
    add_portal_arguments(parser)
    add_also_billing_argument(parser)
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.set_defaults(func=run)


def add_also_billing_argument(parser: argparse.ArgumentParser) -> None:
    """``--also-billing``: ``plan`` and ``consolidate`` take it with the same meaning."""
    parser.add_argument(
        "--also-billing",
        action="store_true",
        help="also make --target the primary billing contact (renewal quotes and invoices go "
        "to it); without it the billing contacts are not changed and renewal quotes and "
        "invoices keep going to the current primary billing contacts",
    )


def account_emails(values: Sequence[str]) -> list[str]:
    """The ``--account`` values, split at commas, validated, without repeats."""
    return email_list(values, "--account")


def email_list(values: Sequence[str], option: str) -> list[str]:
    """A repeatable email option's values, split at commas, validated, without repeats."""
    emails: list[str] = []
    for value in values:
        for part in value.split(","):
            if not part.strip():
                continue
            try:
                email = normalize_email(part)
            except InvalidEmail as error:
                raise CliError(f"{option}: {error}") from None
            if email not in emails:
                emails.append(email)
    return emails


def target_email(value: str | None) -> str:
    if value is None or not value.strip():
        raise CliError("--target is required: the email that should become the primary contact")
    try:
        email = normalize_email(value)
    except InvalidEmail as error:
        raise CliError(f"--target: {error}") from None
    if typed_differs(value, email):
        # Full-width letters from an IME, say: show the address that will really be used.
        print(f"note: --target {value.strip()!r} is used as {email}", file=sys.stderr)
    return email


def passwords(portal: str, emails: Sequence[str]) -> list[tuple[str, str]]:
    """Each account's password, from the keyring or the environment; never an argument.

    The portal's address is checked first: one with a password in it, or a port out of
    range, is refused before the keyring is asked or anything is logged.
    """
    if not emails:
        raise CliError("give at least one --account EMAIL to sign in as")
    if portal.strip().lower() != DEMO:
        try:
            check_base_url(portal)
        except (InvalidUrl, InsecureUrl) as error:
            raise CliError(f"--portal: {error}") from None
    found: list[tuple[str, str]] = []
    for email in emails:
        password = password_for_cli(portal.strip().rstrip("/"), email)
        if password is None:
            raise CliError(
                f"no password for {email}: store it in the keyring or set ${PASSWORD_ENV}"
            )
        found.append((email, password))
    return found


def cli_broker(portal: str, accounts: Sequence[tuple[str, str]], timeout: float) -> SessionBroker:
    """The session broker for ``--portal`` (checked now) with the accounts' passwords.

    Raises:
        CliError: a timeout of 0 or less, or an address the app will not talk to.
    """
    if not timeout > 0:
        raise CliError("--timeout must be more than 0 seconds")
    broker = SessionBroker(
        GivenPasswords(accounts), portal_factory=lambda at: open_portal(at, timeout=timeout)
    )
    try:
        broker.portal(portal)
    except (InvalidUrl, InsecureUrl) as error:
        raise CliError(f"--portal: {error}") from None
    return broker


async def sign_in_accounts(
    broker: SessionBroker, portal: str, emails: Sequence[str], *, read: bool = True
) -> OpenSessions:
    """Sign in to every account at ``portal`` at once and (``read``) read all their licenses.

    Raises:
        CliError: an account could not sign in or be read (exit 2 for a wrong password).
    """
    opened = await broker.open_all([password_account(portal, e) for e in emails], read=read)
    if opened.errors:
        await opened.close()
        email, error = next(iter(opened.errors.items()))
        # A wrong password or a portal that refuses to connect: nothing could start (exit 2).
        bad_input = isinstance(error, BadCredentials | ConnectionFailed)
        raise CliError(
            f"{email}: {render(error.error_key, (), context='PortalError')}",
            exit_code=2 if bad_input else 1,
        )
    return opened


def _steps_text(plan: Plan, sen: str) -> str:
    entry = plan.entry(sen)
    assert entry is not None
    return ", ".join(f"{step.kind} by {step.actor}" for step in entry.steps) or "-"


def _why(entry: PlanEntry) -> str:
    """The entry's reason, then its billing part's (with ``--also-billing``)."""
    why = render(entry.reason, entry.reason_args)
    if entry.billing is not None:
        why += " Billing: " + render(entry.billing.reason, entry.billing.reason_args)
    return why


def print_table(plan: Plan, out: TextIO) -> None:
    rows = [(e.sen, e.action.value, _steps_text(plan, e.sen), _why(e)) for e in plan.entries]
    write_table(("SEN", "ACTION", "STEPS", "WHY"), rows, out)
    counts = ", ".join(f"{action.value}: {n}" for action, n in sorted(plan.counts().items()))
    print(f"\n{len(plan.entries)} licenses for {plan.target} — {counts}", file=out)
    if plan.also_billing:
        billing = plan.billing_promoting()
        print(f"primary billing contact on {len(billing)} more: {plan.target}", file=out)
    else:
        print("billing contacts: not changed (add --also-billing to move them too)", file=out)


def plan_json(plan: Plan) -> dict[str, Any]:
    """The plan as JSON (no license key, ever)."""
    return {
        "target": plan.target,
        "alsoBilling": plan.also_billing,
        "signedIn": sorted(plan.signed_in),
        "counts": {action.value: n for action, n in sorted(plan.counts().items())},
        "entries": [
            {
                "sen": e.sen,
                "product": e.license.product,
                "organisation": e.license.organisation,
                "action": e.action.value,
                "reason": e.reason,
                "reasonArgs": list(e.reason_args),
                "reasonText": render(e.reason, e.reason_args),
                "steps": [
                    {"kind": s.kind.value, "actor": s.actor, "email": s.email} for s in e.steps
                ],
                "oldPrimary": e.old_primary,
                "billing": _billing_json(e.billing),
            }
            for e in plan.entries
        ],
    }


def _billing_json(part: BillingPart | None) -> dict[str, Any] | None:
    """An entry's billing part as JSON (None without ``--also-billing``)."""
    if part is None:
        return None
    return {
        "action": part.action.value,
        "reason": part.reason,
        "reasonArgs": list(part.reason_args),
        "reasonText": render(part.reason, part.reason_args),
        "oldPrimary": part.old_primary,
    }


async def _plan(args: argparse.Namespace, target: str) -> Plan:
    accounts = passwords(args.portal, account_emails(args.account))
    broker = cli_broker(args.portal, accounts, args.timeout)
    try:
        signed = await sign_in_accounts(broker, args.portal, [e for e, _ in accounts])
        await signed.close()
        return make_plan(signed.licenses, signed.sessions, target, also_billing=args.also_billing)
    finally:
        await broker.aclose()


def run(args: argparse.Namespace) -> int:
    target = target_email(args.target)
    plan = asyncio.run(_plan(args, target))
    if args.format == "json":
        print(printable_json(plan_json(plan)))
    else:
        print_table(plan, sys.stdout)
    return EXIT_OK
