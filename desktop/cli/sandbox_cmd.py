"""``desktop-cli sandbox``: serve the sandbox portal with uvicorn until SIGINT/SIGTERM."""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import logging
import sys
from typing import Any

from desktop.cli.errors import EXIT_OK, CliError
from desktop.portal.sandbox import DEMO_PASSWORD, FaultOptions, create_app, demo_data, generate
from desktop.portal.sandbox.replica.routes import LAYOUTS
from desktop.portal.sandbox.server import serve_forever

DEFAULT_TOKEN_LIFETIME_S = 8 * 3600.0

log = logging.getLogger(__name__)


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "sandbox",
        help="serve the sandbox portal (Portal API v1) on this computer",
        description=(
            "Serve the built-in sandbox portal over HTTP with demo or generated data, "
            "optionally injecting faults. Stops on Ctrl+C (SIGINT) or SIGTERM."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port; 0 picks a free one (0)")
    parser.add_argument(
        "--allow-remote", action="store_true", help="allow an address other than loopback"
    )
    parser.add_argument("--latency-ms", type=float, default=0.0, help="delay per request")
    parser.add_argument("--jitter-ms", type=float, default=0.0, help="extra random delay")
    parser.add_argument(
        "--rate-limit", type=float, default=0.0, help="requests per second for all (0: none)"
    )
    parser.add_argument("--fail-rate", type=float, default=0.0, help="share answered 503")
    parser.add_argument("--drop-rate", type=float, default=0.0, help="share of dropped connections")
    parser.add_argument(
        "--slow-commit-rate",
        type=float,
        default=0.0,
        help="share of writes applied, then answered late",
    )
    parser.add_argument(
        "--slow-commit-delay",
        type=float,
        default=15.0,
        metavar="SECONDS",
        help="how late a slow commit answers (15)",
    )
    parser.add_argument(
        "--licenses", type=int, default=None, help="generate N licenses instead of the demo data"
    )
    parser.add_argument(
        "--accounts", type=int, default=3, help="accounts for generated licenses (3)"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed for data and faults (0)")
    parser.add_argument(
        "--token-lifetime",
        type=float,
        default=DEFAULT_TOKEN_LIFETIME_S,
        metavar="SECONDS",
        help="how long a sign-in lasts, API token and replica session alike "
        f"({DEFAULT_TOKEN_LIFETIME_S:g}); a short one provokes 'unauthenticated' mid-run",
    )
    parser.add_argument(
        "--replica-layout",
        choices=LAYOUTS,
        default=LAYOUTS[0],
        help="the page the My Atlassian replica (/my-atlassian/) shows: the seed's "
        f"'{LAYOUTS[0]}' or the 'classic' table ({LAYOUTS[0]})",
    )
    parser.set_defaults(func=run)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    if not args.allow_remote and not _is_loopback(args.host):
        raise CliError(
            f"refusing to listen on {args.host}: the sandbox is for this computer only "
            "(use 127.0.0.1, or --allow-remote)"
        )
    if not 0 <= args.port <= 65535:
        raise CliError(f"--port must be between 0 and 65535, not {args.port}")
    if args.allow_remote:
        reach = "" if _is_loopback(args.host) else ", so other computers can reach it"
        print(
            f"warning: --allow-remote: the sandbox listens on {args.host}{reach}; every "
            f"account's password is {DEMO_PASSWORD!r} and it speaks plain http (nothing is "
            "encrypted). Use it only on a network you trust.",
            file=sys.stderr,
            flush=True,
        )
    try:
        faults = FaultOptions(
            latency_ms=args.latency_ms,
            jitter_ms=args.jitter_ms,
            rate_limit=args.rate_limit,
            fail_rate=args.fail_rate,
            drop_rate=args.drop_rate,
            slow_commit_rate=args.slow_commit_rate,
            slow_commit_delay_s=args.slow_commit_delay,
            seed=args.seed,
        )
    except ValueError as error:
        raise CliError(str(error).replace("_", "-")) from None
    if args.licenses is not None and (args.licenses < 0 or args.accounts < 1):
        raise CliError("--licenses must be ≥ 0 and --accounts ≥ 1")
    if not args.token_lifetime > 0 or args.token_lifetime == float("inf"):
        raise CliError(
            f"--token-lifetime must be a number of seconds above 0, not {args.token_lifetime:g}"
        )
    data = (
        generate(args.licenses, args.accounts, args.seed)
        if args.licenses is not None
        else demo_data()
    )
    app = create_app(
        data, faults, token_ttl_s=args.token_lifetime, replica_layout=args.replica_layout
    )

    def on_listening(url: str) -> None:
        print(f"listening on {url}", flush=True)
        print(f"My Atlassian replica ({args.replica_layout}): {url}/my-atlassian/", flush=True)
        print(f"accounts (password {DEMO_PASSWORD!r}):", flush=True)
        for account in data.accounts:
            print(f"  {account.email}", flush=True)
        log.info(
            "%d licenses; faults %s; sign-ins last %g s",
            len(data.licenses),
            faults,
            args.token_lifetime,
        )

    try:
        asyncio.run(serve_forever(app, args.host, args.port, on_listening))
    except OSError as error:
        raise CliError(
            f"cannot listen on {args.host}:{args.port}: {error.strerror or error}"
        ) from None
    print("stopped", file=sys.stderr, flush=True)
    return EXIT_OK
