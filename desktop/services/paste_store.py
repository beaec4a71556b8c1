"""The licenses of pasted (offline, read-only) accounts, kept between runs without their keys.

The folder and its files are readable by their owner only (0700 / 0600).

Saved as the contract's JSON under the user data directory, license keys left out: a key read
from a paste is shown for this session only (paste again to see it after a restart).
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from platformdirs import user_data_dir

from desktop import APP_NAME, ORG_NAME
from desktop.domain.models import License
from desktop.domain.private_files import private_folder, write_private_text
from desktop.portal.errors import PortalError
from desktop.portal.license_json import LicenseJsonError, license_from_json, license_to_json

log = logging.getLogger(__name__)


class SavedPasteUnreadable(PortalError):
    """The saved licenses of a pasted account cannot be read (a damaged file): the account
    says so on its row, rather than showing no licenses as if it had none."""

    error_key = "paste-unreadable"


def default_folder() -> Path:
    return Path(user_data_dir(APP_NAME, ORG_NAME)) / "pastes"


class PasteStore:
    """One JSON file per pasted account; keys kept in memory only."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder or default_folder()
        self._session: dict[str, list[License]] = {}

    def _path(self, account_key: str) -> Path:
        digest = hashlib.sha256(account_key.encode("utf-8")).hexdigest()[:24]
        return self._folder / f"{digest}.json"

    def save(self, account_key: str, licenses: list[License]) -> None:
        self._session[account_key] = list(licenses)
        private_folder(self._folder, tighten=True)  # the pastes' own folder: owner only
        data = {
            "account": account_key,
            "licenses": [license_to_json(lic, include_key=False) for lic in licenses],
        }
        write_private_text(self._path(account_key), json.dumps(data, ensure_ascii=False))

    def load(self, account_key: str) -> list[License]:
        """This session's licenses (with keys) if pasted now, else the saved ones (no keys).

        Raises:
            SavedPasteUnreadable: the saved file is damaged.
        """
        if account_key in self._session:
            return self._session[account_key]
        path = self._path(account_key)
        if not path.exists():
            return []
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            seen = frozenset({account_key})
            return [license_from_json(raw, seen_by=seen) for raw in data["licenses"]]
        except (OSError, ValueError, KeyError, TypeError, LicenseJsonError):
            log.warning("a saved paste could not be read")
            raise SavedPasteUnreadable("The saved pasted text could not be read.") from None

    def delete(self, account_key: str) -> None:
        self._session.pop(account_key, None)
        self._path(account_key).unlink(missing_ok=True)
