"""What a sandbox starts with: its accounts (who can sign in) and its licenses."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field

from desktop.domain.models import License


@dataclass(frozen=True, slots=True)
class SandboxAccount:
    """An account that can sign in to the sandbox. The password is the sandbox's, not a user's."""

    email: str
    name: str | None
    password: str = field(default="demo", repr=False)


@dataclass(frozen=True, slots=True)
class SandboxData:
    accounts: tuple[SandboxAccount, ...]
    licenses: tuple[License, ...]

    def account(self, email: str) -> SandboxAccount | None:
        wanted = email.lower()
        return next((a for a in self.accounts if a.email == wanted), None)


def fake_license_key(seed_text: str, length: int = 120) -> str:
    """A base64-looking string, the same for the same seed text (not a real license key)."""
    blob = b""
    counter = 0
    while len(blob) * 4 // 3 < length:
        blob += hashlib.sha256(f"{seed_text}:{counter}".encode()).digest()
        counter += 1
    return "AAAB" + base64.b64encode(blob).decode("ascii")[: length - 4]
