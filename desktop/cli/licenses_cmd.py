"""``desktop-cli licenses``: the licenses a source shows, as a table, JSON or CSV.

Sources (exactly one): ``--paste FILE`` — text copied from the My Atlassian licenses page
(select all, copy), ``-`` for standard input; read offline, nothing is signed in to.
``--portal URL --account EMAIL…`` — sign in to a portal (``demo``: the built-in sandbox) as
every account and merge what they see (``licenses_portal.py``).
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from desktop.cli import licenses_portal
from desktop.cli.errors import EXIT_OK, CliError
from desktop.cli.output import FORMATS, write_licenses
from desktop.domain.models import License
from desktop.portal.paste_reader import PasteError, read_limited, read_paste, read_paste_file

log = logging.getLogger(__name__)


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "licenses",
        help="list the licenses a source shows, like My Atlassian's table",
        description="List licenses like My Atlassian's table: SEN, product, name, support "
        "expiry, support, primary technical contact and the accounts that see each one.",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--paste",
        metavar="FILE",
        help="a file with the text of the My Atlassian licenses page (select all, copy, "
        "paste, save as UTF-8); - reads standard input",
    )
    source.add_argument(
        "--portal",
        metavar="URL",
        help='a portal\'s base URL (http://127.0.0.1:PORT), or "demo" for the built-in '
        "sandbox; sign in with --account",
    )
    licenses_portal.add_arguments(parser)
    parser.add_argument(
        "--format", choices=FORMATS, default="table", help="how to print them (default: table)"
    )
    parser.add_argument(
        "--show-keys",
        action="store_true",
        help="include the license keys (secrets: left out unless asked for)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    licenses = _read_source(args)
    stdout = _utf8(sys.stdout)
    try:
        write_licenses(licenses, args.format, stdout, show_keys=args.show_keys)
        stdout.flush()
    except BrokenPipeError:  # `desktop-cli licenses … | head`: the reader has had enough
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_OK


def _read_source(args: argparse.Namespace) -> list[License]:
    """The licenses of the one source the arguments name."""
    if args.account and args.portal is None:
        raise CliError("--account needs --portal URL (the portal to sign in to)")
    if args.paste is not None:
        return _read_paste_file(args.paste)
    if args.portal is not None:
        return licenses_portal.read_portal_licenses(args.portal, args.account, args.timeout)
    raise CliError("say where to read licenses from: --paste FILE or --portal URL")


# --- --paste ---------------------------------------------------------------------------------


def _read_paste_file(name: str) -> list[License]:
    if name == "-":
        data = _read_limited(sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None)
        label = "stdin"
    else:
        data = _read_file(Path(name))
        label = Path(name).name
    text = _decode(data, "standard input" if name == "-" else name)
    try:
        result = read_paste(text, account_key=f"paste:{label}")
    except PasteError as error:
        raise CliError(f"{'standard input' if name == '-' else name}: {error}") from None
    for warning in result.warnings:
        print(f"warning: {warning.message}", file=sys.stderr)
    for flagged in result.unreadable:  # left out of the table: never guessed at
        print(f"not readable: {flagged.message}", file=sys.stderr)
    log.info("read %d licenses from %s", len(result.licenses), label)
    return result.licenses


def _read_file(path: Path) -> bytes:
    try:
        return read_paste_file(path)
    except PasteError as error:
        raise CliError(f"{path} is too large: {error}") from None
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{path} is a folder; expected a text file") from None
    except PermissionError:
        raise CliError(f"{path}: no permission to read it") from None
    except OSError as error:
        raise CliError(f"{path}: cannot read it ({error.strerror or error})") from None


def _read_limited(stream: BinaryIO | None) -> bytes:
    if stream is None:
        stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
    try:
        return read_limited(stream)
    except PasteError as error:
        raise CliError(f"standard input is too large: {error}") from None


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without a byte order mark), or UTF-16 with one (Windows' "Unicode")."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(
            f"{name} is not UTF-8 text; save it as UTF-8 (Notepad: Save as, Encoding: UTF-8) "
            "and try again"
        ) from None


def _utf8(stream: TextIO) -> TextIO:
    """Standard output as UTF-8, whatever the console's code page, so Chinese prints."""
    if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() not in ("utf-8", "utf8"):
        try:
            stream.reconfigure(encoding="utf-8")
        except (ValueError, io.UnsupportedOperation):
            log.debug("standard output stays %s", stream.encoding)
    return stream
