"""``desktop-cli remove-contacts``: remove people who have left from the technical and billing
contacts of every license they are on, after a confirmation in plain words ("These people will
no longer see these licenses in My Atlassian"). The only command that ever sends a DELETE.

Never a primary contact (the person is listed with "make someone else primary first"), never
a ``--keep`` email, and a signed-in account only removes itself when it is one of the people
leaving and not primary. Journalled and resumable like ``consolidate``, with the same y/N
rules and exit codes.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.consolidate_cmd import (
    add_run_arguments,
    confirm_and_run,
    resume_run,
    run_command,
    run_to_resume,
)
from desktop.cli.errors import CliError
from desktop.cli.plan_cmd import (
    account_emails,
    add_portal_arguments,
    cli_broker,
    email_list,
    passwords,
    sign_in_accounts,
)
from desktop.engine.journal import Journal
from desktop.engine.plan import PlanKind
from desktop.engine.removal_confirmation import render_removal_text
from desktop.engine.removal_planner import make_removal_plan
from desktop.engine.run_result import RunResult
from desktop.services.session_broker import OpenSessions


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "remove-contacts",
        help="remove people who have left from the contacts of every license they are on",
        description="Sign in to every account, plan which technical and billing contacts of "
        "the --email people to delete (never a primary contact), show the confirmation, then "
        "delete them. They will no longer see those licenses in My Atlassian. Every request is "
        "journalled; Ctrl-C stops cleanly and --resume continues later.",
    )
    add_portal_arguments(parser, target=False)
    parser.add_argument(
        "--email",
        action="append",
        default=[],
        metavar="EMAIL",
        help="a person who has left (repeat it, or separate with commas)",
    )
    parser.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="EMAIL",
        help="never remove this email (e.g. the account the licenses were gathered under)",
    )
    add_run_arguments(parser)
    parser.set_defaults(func=run)


def _leaving(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """The ``--email`` and ``--keep`` addresses; none to remove, or one in both, is refused."""
    leaving = email_list(args.email, "--email")
    if not leaving:
        raise CliError("give at least one --email EMAIL: a person who has left")
    keep = email_list(args.keep, "--keep")
    both = sorted(set(leaving) & set(keep))
    if both:
        raise CliError(f"--email and --keep both name {', '.join(both)}")
    return leaving, keep


async def _new_run(args: argparse.Namespace, journal: Journal) -> RunResult | None:
    leaving, keep = _leaving(args)
    accounts = passwords(args.portal, account_emails(args.account))
    broker = cli_broker(args.portal, accounts, args.timeout)
    signed: OpenSessions | None = None
    try:
        signed = await sign_in_accounts(broker, args.portal, [e for e, _ in accounts])
        plan = make_removal_plan(signed.licenses, signed.sessions, leaving, keep=keep)
        print(
            f"{len(signed.licenses)} licenses read; {', '.join(leaving)} on {len(plan.entries)}.\n"
        )
        print(render_removal_text(plan), end="\n\n", flush=True)
        if not plan.actionable():
            print("Nothing to do: nobody can be removed.")
            return None
        return await confirm_and_run(signed, journal, args, plan, broker)
    finally:
        if signed is not None:
            await signed.close()
        await broker.aclose()


async def _resume(args: argparse.Namespace, journal: Journal) -> RunResult | None:
    summary = run_to_resume(journal, None, PlanKind.REMOVE_CONTACTS)
    return await resume_run(args, journal, summary)


def run(args: argparse.Namespace) -> int:
    if not args.resume:
        _leaving(args)  # bad input fails before any sign-in
    return run_command(args, _resume if args.resume else _new_run, "remove-contacts")
