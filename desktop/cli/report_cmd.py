"""``desktop-cli report --journal PATH [--run ID] FILE.xlsx|FILE.csv``: write a run's report
again from the journal (the latest run by default), e.g. after the report after a run could
not be written. Reads only: the journal may be in use by a run at the same time.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from desktop.cli.errors import EXIT_OK, CliError
from desktop.domain.text import printable
from desktop.engine.journal import Journal, JournalError, RunStatus, default_journal_path
from desktop.engine.report import SUFFIXES, ReportError, write_report


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "report",
        help="write a run's report again from the journal (.xlsx or .csv)",
        description="Write the report of a run recorded in the journal: the latest run, or "
        "--run ID. Nothing is sent to any portal.",
    )
    parser.add_argument(
        "--journal",
        type=Path,
        metavar="PATH",
        help="the run journal (default: the user data dir's)",
    )
    parser.add_argument("--run", metavar="ID", help="the run to report on (default: the latest)")
    parser.add_argument("file", type=Path, metavar="FILE", help="FILE.xlsx or FILE.csv")
    parser.set_defaults(func=run)


def check_report_path(path: Path, option: str) -> None:
    """A report file that can be written, checked before anything else happens.

    Raises:
        CliError: another suffix, a folder, a missing folder, or no permission.
    """
    if path.suffix.lower() not in SUFFIXES:
        raise CliError(f"{option} must end in .xlsx or .csv, not {printable(path.name)!r}")
    if path.is_dir():
        raise CliError(f"{option}: {path} is a folder; give a file name such as report.xlsx")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CliError(f"{option}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise CliError(f"{option}: cannot write to {path}")


def run(args: argparse.Namespace) -> int:
    check_report_path(args.file, "FILE")
    path: Path = args.journal or default_journal_path()
    if not path.is_file():
        raise CliError(f"no run journal at {path}")
    try:
        with Journal(path, lock=False) as journal:
            runs = journal.history()
            if args.run is None:
                readable = [s for s in runs if s.status is not RunStatus.SET_ASIDE]
                if not readable:
                    raise CliError(f"no run to report on in {path}")
                chosen = readable[0]
            else:
                found = [s for s in runs if s.run_id == args.run]
                if not found:
                    raise CliError(f"no run {printable(args.run)!r} in {path}")
                chosen = found[0]
            if chosen.problem:
                raise CliError(f"run {chosen.run_id} cannot be read: {chosen.problem}")
            result = journal.load_result(chosen.run_id)
    except JournalError as error:
        raise CliError(str(error)) from None
    try:
        written = write_report(result, args.file)
    except ReportError as error:
        raise CliError(str(error), exit_code=1) from None
    print(f"Report of run {result.run_id} ({len(result.plan.entries)} licenses): {written}")
    return EXIT_OK
