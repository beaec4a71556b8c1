"""Argument parsing and dispatch. Each sub-command lives in its own ``*_cmd`` module."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.cli.errors import CliError
from desktop.cli.output import printable_output
from desktop.services.log_setup import configure_logging

# Each module has ``register(subparsers)``, which adds its parser and sets ``func``:
# ``func(args) -> int`` (the exit code).
COMMAND_MODULES: tuple[str, ...] = (
    "desktop.cli.licenses_cmd",
    "desktop.cli.sandbox_cmd",
    "desktop.cli.plan_cmd",
    "desktop.cli.consolidate_cmd",
    "desktop.cli.remove_contacts_cmd",
    "desktop.cli.report_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desktop-cli",
        description="License Consolidator for Atlassian: read, plan and consolidate licenses.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # Whatever a portal sent, no control character reaches the terminal (one place for all).
    with printable_output():
        # stderr only, masked like the app's log. Commands report failures in one line of
        # their own, so the log's warnings (e.g. a line per retry) show only with -v.
        configure_logging(level=logging.INFO if args.verbose else logging.ERROR, to_file=False)
        try:
            code: int = args.func(args)
        except CliError as error:
            print(f"error: {error}", file=sys.stderr)
            return error.exit_code
        except KeyboardInterrupt:
            print("cancelled", file=sys.stderr)
            return 130
        return code


if __name__ == "__main__":
    sys.exit(main())
