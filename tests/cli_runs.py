"""Running ``desktop-cli consolidate`` in-process against a sandbox, for tests and benchmarks."""

from __future__ import annotations

from pathlib import Path

from desktop.cli.main import main
from desktop.portal.sandbox.demo_data import ACCOUNTS, TARGET

EMAILS = ",".join(a.email for a in ACCOUNTS)
#: Every demo account, consolidated into the demo's target.
DEMO = ("--account", EMAILS, "--target", TARGET)


def consolidate(url: str, tmp_path: Path, *options: str) -> int:
    """``desktop-cli consolidate --portal URL --journal <tmp>/j.sqlite3 OPTIONS…``; exit code."""
    journal = str(tmp_path / "j.sqlite3")
    return main(["consolidate", "--portal", url, "--journal", journal, *options])


def remove_contacts(url: str, tmp_path: Path, *options: str) -> int:
    """``desktop-cli remove-contacts --portal URL --journal <tmp>/j.sqlite3 OPTIONS…``."""
    journal = str(tmp_path / "j.sqlite3")
    return main(["remove-contacts", "--portal", url, "--journal", journal, *options])
