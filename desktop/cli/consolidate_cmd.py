"""``desktop-cli consolidate``: make the target email the primary technical contact on every
license it can be, after the same confirmation the GUI shows; journalled and resumable.

Ctrl-C cancels cleanly (requests in flight finish, nothing else starts) and leaves a journal
that ``--resume`` continues. A sign-in that ends during the run is made again with the stored
password (said in one line on stderr); when that fails, that account's licenses fail. Exit 0
when every eligible license ended as planned, 1 when some did not (each is listed with its
reason), 2 on bad input.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
import threading
from collections.abc import Callable, Coroutine, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from desktop.cli.errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_SOME_FAILED, CliError
from desktop.cli.plan_cmd import (
    account_emails,
    add_also_billing_argument,
    add_portal_arguments,
    cli_broker,
    passwords,
    sign_in_accounts,
    target_email,
)
from desktop.cli.report_cmd import check_report_path
from desktop.domain.text import printable
from desktop.engine.billing_confirmation import render_billing_lines
from desktop.engine.confirmation import render_confirmation_text
from desktop.engine.events import LicenseFinished, Outcome, ProgressEvent
from desktop.engine.executor import Executor, ExecutorError, Reauthenticate
from desktop.engine.journal import Journal, JournalError, RunStatus, RunSummary
from desktop.engine.plan import Plan, PlanKind
from desktop.engine.planner import make_plan
from desktop.engine.reasons import render
from desktop.engine.report import ReportError, write_report
from desktop.engine.run_result import RunResult
from desktop.portal.errors import InsecureUrl, InvalidUrl, PortalError
from desktop.portal.protocol import PortalSession
from desktop.services.session_broker import (
    OpenSessions,
    SessionBroker,
    password_account,
    portal_id,
)

log = logging.getLogger(__name__)

MAX_CONCURRENCY = 32


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "consolidate",
        help="make --target the primary technical contact on every license it can be",
        description="Sign in to every account, plan, show the confirmation, then add --target "
        "as a technical contact and make it primary where the rules allow. Every request is "
        "journalled; Ctrl-C stops cleanly and --resume continues later.",
    )
    add_portal_arguments(parser)
    add_also_billing_argument(parser)
    add_run_arguments(parser)
    parser.set_defaults(func=run)


def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    """``--yes``, ``--concurrency``, ``--journal``, ``--report``, ``--resume``: every command
    that changes contacts has them, with the same meaning."""
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.add_argument(
        "--concurrency", type=int, default=4, metavar="N", help="licenses at once (4)"
    )
    parser.add_argument(
        "--journal", type=Path, metavar="PATH", help="the run journal (default: user data dir)"
    )
    parser.add_argument(
        "--report", type=Path, metavar="FILE", help="write a report (.xlsx or .csv)"
    )
    parser.add_argument(
        "--resume", action="store_true", help="continue the latest unfinished run instead"
    )


def confirm(question: str, assume_yes: bool) -> bool:
    if assume_yes:
        return True
    if not sys.stdin.isatty():
        raise CliError("not confirmed: there is no terminal to ask; pass --yes to go ahead")
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in {"y", "yes"}


class _Progress:
    """One line per finished license on stdout."""

    def __init__(self, sens: set[str]) -> None:
        self.sens = sens
        self.total = len(sens)
        self.count = 0

    def __call__(self, event: ProgressEvent) -> None:
        if not isinstance(event, LicenseFinished) or event.sen not in self.sens:
            return
        self.count += 1
        outcome = render(event.outcome.value, (), context="Outcome")
        detail = ""
        if event.outcome is Outcome.FAILED:
            detail = " — " + render(event.error_key, event.error_args)
        print(f"[{self.count}/{self.total}] {event.sen}  {outcome}{detail}", flush=True)


@contextlib.contextmanager
def _ctrl_c_cancels(cancel: Callable[[], None]) -> Iterator[None]:
    """The first Ctrl-C cancels cleanly; a second one stops at once (resumable all the same)."""
    if threading.current_thread() is threading.main_thread():
        previous = signal.getsignal(signal.SIGINT)

        def handler(signum: int, frame: object) -> None:
            del signum, frame
            print(
                "cancelling: waiting for the requests in flight (Ctrl-C again to stop now)",
                file=sys.stderr,
                flush=True,
            )
            signal.signal(signal.SIGINT, signal.default_int_handler)
            cancel()

        signal.signal(signal.SIGINT, handler)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)
    else:
        yield


def print_summary(result: RunResult, journal: Journal, command: str = "consolidate") -> int:
    counts = result.counts()
    parts = [f"{render(o.value, (), context='Outcome')}: {n}" for o, n in sorted(counts.items())]
    plan = result.plan
    print(
        f"\nRun {result.run_id} {_whom(plan.kind, plan.target, plan.leaving)} — " + ", ".join(parts)
    )
    not_planned = result.not_as_planned()
    for entry in not_planned:
        finished = result.outcomes.get(entry.sen)
        if finished is None or finished.outcome is Outcome.CANCELLED:
            why = render(Outcome.CANCELLED.value, (), context="Outcome")
        elif finished.error_key:
            why = render(finished.error_key, finished.error_args)
        else:
            why = render(finished.outcome.value, (), context="Outcome")
        print(f"  not done: {entry.sen}  {why}")
    if result.unfinished():
        print(
            f"Stopped before the end: continue with `desktop-cli {command} --resume "
            f"--journal {journal.path}` (same --portal and --account)."
        )
    elif result.failed():
        print("Some licenses failed: run the same command again to retry them.")
    return EXIT_OK if result.ok else EXIT_SOME_FAILED


async def _new_run(args: argparse.Namespace, journal: Journal) -> RunResult | None:
    target = target_email(args.target)
    accounts = passwords(args.portal, account_emails(args.account))
    broker = cli_broker(args.portal, accounts, args.timeout)
    signed: OpenSessions | None = None
    try:
        signed = await sign_in_accounts(broker, args.portal, [e for e, _ in accounts])
        plan = make_plan(signed.licenses, signed.sessions, target, also_billing=args.also_billing)
        if not plan.actionable():
            print(f"Nothing to do for {target}: {len(plan.entries)} licenses read.")
            return None
        counts = ", ".join(f"{a.value}: {n}" for a, n in sorted(plan.counts().items()))
        print(f"{len(plan.entries)} licenses read — {counts}\n")
        print(render_confirmation_text(plan), end="\n\n")
        print("\n".join(render_billing_lines(plan)), end="\n\n", flush=True)
        return await confirm_and_run(signed, journal, args, plan, broker)
    finally:
        if signed is not None:
            await signed.close()
        await broker.aclose()


async def confirm_and_run(
    signed: OpenSessions,
    journal: Journal,
    args: argparse.Namespace,
    plan: Plan,
    broker: SessionBroker,
) -> RunResult | None:
    """Ask "Go ahead?" (or take ``--yes``), then run ``plan`` with a line per license."""
    if not await asyncio.to_thread(confirm, "Go ahead?", args.yes):
        print("Not confirmed: nothing was changed.")
        return None
    again = signing_in_again(broker, args.portal, signed)
    return await _run_with_progress(signed, journal, args.concurrency, plan, None, again=again)


def signing_in_again(broker: SessionBroker, portal: str, signed: OpenSessions) -> Reauthenticate:
    """A run's new sign-in when one ends: with the stored password (the keyring's or the
    environment's, as at the start; never a prompt), one line on stderr either way. The new
    session joins ``signed`` (closed with it); None when the sign-in failed."""

    async def again(email: str) -> PortalSession | None:
        try:
            session = await broker.open(password_account(portal, email))
        except PortalError as error:
            why = render(error.error_key, (), context="PortalError")
            print(f"could not sign in again as {email}: {why}", file=sys.stderr, flush=True)
            return None
        signed.sessions[email] = session
        print(f"signed in again as {email}", file=sys.stderr, flush=True)
        return session

    return again


def _whom(kind: PlanKind, target: str, leaving: Sequence[str]) -> str:
    """What a run is for, in a line: "for <target>" or "removing <people>"."""
    if kind is PlanKind.REMOVE_CONTACTS:
        return f"removing {printable(', '.join(leaving))}"
    return f"for {printable(target)}"


def run_to_resume(journal: Journal, wanted: str | None, kind: PlanKind) -> RunSummary:
    """The latest unfinished run of ``kind`` (for ``--target``, when given); a run the app
    cannot read is set aside and said so in one line, never a traceback."""
    summary = journal.latest_unfinished(wanted, kind=kind)
    aside = (
        journal.newly_set_aside()
        or [s for s in journal.history() if s.status is RunStatus.SET_ASIDE][:1]
    )
    if summary is None:
        other = journal.latest_unfinished(kind=kind)
        if other is not None and wanted is not None:
            raise CliError(
                f"the unfinished run {other.run_id} in {journal.path} is for {other.target}, "
                f"not --target {wanted}"
            )
        why = ""
        if aside:
            why = f"; run {aside[0].run_id} is set aside: it cannot be read ({aside[0].problem})"
        raise CliError(f"no unfinished run to resume in {journal.path}{why}")
    if aside:
        print(
            f"note: {len(aside)} run(s) cannot be read and are set aside (kept, not resumed): "
            f"{aside[0].run_id} ({aside[0].problem})",
            file=sys.stderr,
        )
    return summary


async def _resume(args: argparse.Namespace, journal: Journal) -> RunResult | None:
    wanted = target_email(args.target) if args.target else None
    return await resume_run(args, journal, run_to_resume(journal, wanted, PlanKind.CONSOLIDATE))


async def resume_run(
    args: argparse.Namespace, journal: Journal, summary: RunSummary
) -> RunResult | None:
    """Continue the unfinished run ``summary`` (after "Resume it?"), signed in afresh, only
    at the portal and as the accounts it was confirmed for."""
    emails = account_emails(args.account) or sorted(journal.accounts(summary.run_id))
    try:
        here = portal_id(args.portal)
    except (InvalidUrl, InsecureUrl) as error:
        raise CliError(f"--portal: {error}") from None
    # Before any password is asked or request sent: only where the run was confirmed.
    journal.check_resume(summary.run_id, dict.fromkeys(emails, here))
    accounts = passwords(args.portal, emails)
    print(
        f"Run {summary.run_id} {_whom(summary.kind, summary.target, summary.leaving)} at "
        f"{', '.join(summary.portals)}: {summary.pending} of {summary.total} licenses left.",
        flush=True,
    )
    if not await asyncio.to_thread(confirm, "Resume it?", args.yes):
        print("Not resumed: nothing was changed.")
        return None
    broker = cli_broker(args.portal, accounts, args.timeout)
    signed: OpenSessions | None = None
    try:
        signed = await sign_in_accounts(broker, args.portal, [e for e, _ in accounts], read=False)
        plan = journal.load_plan(summary.run_id)
        left = _left(plan, journal.outcomes(summary.run_id))
        again = signing_in_again(broker, args.portal, signed)
        return await _run_with_progress(
            signed, journal, args.concurrency, plan, summary.run_id, left, again=again
        )
    finally:
        if signed is not None:
            await signed.close()
        await broker.aclose()


def _left(plan: Plan, ended: Mapping[str, LicenseFinished]) -> set[str]:
    """The licenses a resume still works on: what the progress counts ("[1/21]")."""
    return {
        e.sen
        for e in plan.actionable()
        if e.sen not in ended or ended[e.sen].outcome is Outcome.CANCELLED
    }


async def _run_with_progress(
    signed: OpenSessions,
    journal: Journal,
    concurrency: int,
    plan: Plan,
    run_id: str | None,
    left: set[str] | None = None,
    *,
    again: Reauthenticate | None = None,
) -> RunResult:
    progress = _Progress(left if left is not None else {e.sen for e in plan.actionable()})
    executor = Executor(
        signed.sessions,
        journal,
        concurrency=concurrency,
        on_event=progress,
        places=signed.places,
        reauthenticate=again,
    )
    loop = asyncio.get_running_loop()

    def cancel() -> None:
        loop.call_soon_threadsafe(executor.cancel)

    with _ctrl_c_cancels(cancel):
        if run_id is None:
            return await executor.run(plan)
        return await executor.resume(run_id)


def run(args: argparse.Namespace) -> int:
    if not args.resume:
        target_email(args.target)  # bad input fails before any sign-in
    return run_command(args, _resume if args.resume else _new_run, "consolidate")


RunCoroutine = Callable[[argparse.Namespace, Journal], Coroutine[Any, Any, RunResult | None]]


def run_command(args: argparse.Namespace, start: RunCoroutine, command: str) -> int:
    """Check the run arguments, open the journal, run ``start`` and print the summary (and
    write the report). The exit code: 0 all as planned, 1 some not, 2 bad input."""
    if not 1 <= args.concurrency <= MAX_CONCURRENCY:
        raise CliError(f"--concurrency must be between 1 and {MAX_CONCURRENCY}")
    if args.report is not None:
        check_report_path(args.report, "--report")  # before any sign-in or change
    try:
        journal = Journal(args.journal)
    except JournalError as error:
        raise CliError(str(error)) from None
    with journal:
        try:
            result = asyncio.run(start(args, journal))
        except (ExecutorError, JournalError) as error:
            raise CliError(str(error), exit_code=EXIT_BAD_INPUT) from None
        if result is None:
            return EXIT_OK
        code = print_summary(result, journal, command)
        if args.report is not None:
            try:
                written = write_report(result, args.report)
            except ReportError as error:
                print(
                    f"error: {error} The run is in the journal: write it again with "
                    f"`desktop-cli report --journal {journal.path} --run {result.run_id} FILE`.",
                    file=sys.stderr,
                )
                return EXIT_SOME_FAILED
            print(f"Report: {written}")
        return code
