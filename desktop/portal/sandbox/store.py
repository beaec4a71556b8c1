"""The sandbox's state and the rules of PORTAL_API.md: sign-in, visibility, contact changes.

Thread-safe (one lock), so a test thread can read end states while uvicorn serves.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from desktop.domain.emails import InvalidEmail, normalize_email, same_company_domain
from desktop.domain.models import Contact, ContactRole, License
from desktop.domain.sen import InvalidSen, normalize_sen
from desktop.portal.sandbox.dataset import SandboxAccount, SandboxData

#: The routes that change a license (as counted by route: method and path template).
_WRITES = ("POST /api/v1/licenses/", "DELETE /api/v1/licenses/")


class SandboxFailure(Exception):
    """An error answer of the contract: ``status``, ``error_key`` and an English message."""

    def __init__(self, status: int, error_key: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.error_key = error_key
        self.message = message


def bad_request(message: str) -> SandboxFailure:
    return SandboxFailure(400, "bad-request", message)


def _not_found() -> SandboxFailure:
    # The same answer whether the license does not exist or the caller cannot see it.
    return SandboxFailure(404, "not-found", "No such license.")


def _contact_not_found(role: ContactRole) -> SandboxFailure:
    return SandboxFailure(404, "contact-not-found", f"That email is not a {role.value} contact.")


@dataclass(frozen=True, slots=True)
class Notification:
    to: str
    sen: str
    new_primary: str
    at: str  # ISO time, UTC
    kind: str = ContactRole.TECHNICAL.value  # which primary changed: "technical" or "billing"


@dataclass(frozen=True, slots=True)
class _Session:
    email: str
    expires: float  # time.monotonic()


def sen_order(sen: str) -> tuple[int, str]:
    digits = sen[4:]
    return (int(digits) if digits.isdigit() else 0, sen)


class SandboxStore:
    """Accounts, licenses, sessions, notifications and request counts of one sandbox."""

    def __init__(self, data: SandboxData, *, token_ttl_s: float = 8 * 3600) -> None:
        self._lock = threading.Lock()
        self._accounts = {a.email.lower(): a for a in data.accounts}
        self._licenses = {lic.sen: lic for lic in data.licenses}
        self._order = sorted(self._licenses, key=sen_order)
        self._sessions: dict[str, _Session] = {}
        self._notifications: list[Notification] = []
        self._by_route: Counter[str] = Counter()
        self._asked: Counter[str] = Counter()  # signed-in write requests by SEN
        self._changed: Counter[str] = Counter()  # writes that changed the license, by SEN
        self._version = 0  # bumped by every write; the visibility cache keys on it
        self._visible_cache: dict[str, tuple[int, list[str]]] = {}
        self.token_ttl_s = token_ttl_s

    # -- sessions ------------------------------------------------------------------------

    def sign_in(self, email: str, password: str) -> tuple[str, SandboxAccount]:
        account = self._accounts.get(email.strip().lower())
        # Compare even for an unknown account, so timing does not tell which accounts exist.
        expected = account.password if account else secrets.token_hex(8)
        if not hmac.compare_digest(expected.encode(), password.encode()) or account is None:
            raise SandboxFailure(401, "bad-credentials", "Wrong email or password.")
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._sessions[token] = _Session(account.email, time.monotonic() + self.token_ttl_s)
        return token, account

    def account_for_token(self, token: str | None) -> SandboxAccount:
        with self._lock:
            session = self._sessions.get(token or "")
            if session is not None and session.expires <= time.monotonic():
                del self._sessions[token or ""]
                session = None
        if session is None:
            raise SandboxFailure(401, "unauthenticated", "Sign in first.")
        return self._accounts[session.email]

    def change_password(self, email: str, password: str) -> None:
        """The account's password changed elsewhere (tests): a stored one is refused now."""
        key = email.strip().lower()
        with self._lock:
            self._accounts[key] = replace(self._accounts[key], password=password)

    def expire_sessions(self, email: str | None = None) -> int:
        """Expire every token at once, or only ``email``'s (tests use it to provoke
        ``unauthenticated``); how many ended."""
        with self._lock:
            ended = [
                token
                for token, session in self._sessions.items()
                if email is None or session.email.lower() == email.strip().lower()
            ]
            for token in ended:
                del self._sessions[token]
            return len(ended)

    # -- reading -------------------------------------------------------------------------

    def list_for(self, caller: str, start: int, limit: int) -> tuple[list[License], int]:
        """One page of the caller's licenses (technical or billing contact), and the total."""
        with self._lock:
            cached = self._visible_cache.get(caller)
            if cached is None or cached[0] != self._version:
                sens = [sen for sen in self._order if self._licenses[sen].is_contact(caller)]
                cached = self._visible_cache[caller] = (self._version, sens)
            sens = cached[1]
            return [self._licenses[sen] for sen in sens[start : start + limit]], len(sens)

    def get_for(self, caller: str, sen: str) -> License:
        with self._lock:
            return self._visible(caller, sen)

    def _visible(self, caller: str, sen: str) -> License:
        try:
            key = normalize_sen(sen)
        except InvalidSen:
            raise _not_found() from None
        lic = self._licenses.get(key)
        if lic is None or not lic.is_contact(caller):
            raise _not_found()
        return lic

    # -- writes --------------------------------------------------------------------------

    def add_technical_contact(
        self, caller: str, sen: str, email: str, name: str | None
    ) -> tuple[License, bool]:
        """Add a secondary technical contact; returns the license and whether it was added."""
        return self.add_contact(ContactRole.TECHNICAL, caller, sen, email, name)

    def make_primary(self, caller: str, sen: str, email: str) -> License:
        return self.make_contact_primary(ContactRole.TECHNICAL, caller, sen, email)

    def remove_technical_contact(self, caller: str, sen: str, email: str) -> None:
        self.remove_contact(ContactRole.TECHNICAL, caller, sen, email)

    def add_contact(
        self, role: ContactRole, caller: str, sen: str, email: str, name: str | None
    ) -> tuple[License, bool]:
        """Add a secondary ``role`` contact; returns the license and whether it was added.

        A license's first billing contact is its primary one (a license with billing contacts
        always has exactly one primary).
        """
        with self._lock:
            lic = self._visible(caller, sen)
            self._asked[lic.sen] += 1
            try:
                address = normalize_email(email)
            except InvalidEmail:
                raise SandboxFailure(
                    422, "invalid-email", "The email is not a valid address."
                ) from None
            if lic.is_evaluation and role is ContactRole.TECHNICAL:
                raise SandboxFailure(
                    422,
                    "evaluation-license",
                    "Technical contacts cannot be added to an evaluation license.",
                )
            if lic.contact(role, address) is not None:
                return lic, False
            first = role is ContactRole.BILLING and not lic.billing_contacts
            new = Contact(email=address, name=name or None, primary=first)
            lic = lic.with_contacts(role, (*lic.contacts(role), new))
            self._licenses[lic.sen] = lic
            self._version += 1
            self._changed[lic.sen] += 1
            return lic, True

    def make_contact_primary(self, role: ContactRole, caller: str, sen: str, email: str) -> License:
        """Make ``email`` the primary ``role`` contact, by the domain rule; notify the old one."""
        with self._lock:
            lic = self._visible(caller, sen)
            self._asked[lic.sen] += 1
            address = email.strip().lower()
            if lic.contact(role, address) is None:
                raise _contact_not_found(role)
            old = lic.primary_contact(role)
            if old is not None and old.email == address:
                return lic
            if (
                old is not None
                and caller.lower() != address
                and not same_company_domain(address, old.email)
            ):
                raise SandboxFailure(
                    403,
                    "domain-mismatch",
                    "The new primary contact has another email domain: "
                    "they must sign in and promote themselves.",
                )
            contacts = tuple(replace(c, primary=c.email == address) for c in lic.contacts(role))
            lic = lic.with_contacts(role, contacts)
            self._licenses[lic.sen] = lic
            self._version += 1
            self._changed[lic.sen] += 1
            if old is not None:
                self._notifications.append(
                    Notification(
                        to=old.email,
                        sen=lic.sen,
                        new_primary=address,
                        at=datetime.now(UTC).isoformat(timespec="milliseconds"),
                        kind=role.value,
                    )
                )
            return lic

    def remove_contact(self, role: ContactRole, caller: str, sen: str, email: str) -> None:
        """Remove a secondary ``role`` contact; never the primary one."""
        with self._lock:
            lic = self._visible(caller, sen)
            self._asked[lic.sen] += 1
            address = email.strip().lower()
            contact = lic.contact(role, address)
            if contact is None:
                raise _contact_not_found(role)
            if contact.primary:
                raise SandboxFailure(
                    409, "primary-contact", f"The primary {role.value} contact cannot be removed."
                )
            contacts = tuple(c for c in lic.contacts(role) if c.email != address)
            self._licenses[lic.sen] = lic.with_contacts(role, contacts)
            self._version += 1
            self._changed[lic.sen] += 1

    # -- the sandbox's own view ----------------------------------------------------------

    def all_licenses(self) -> list[License]:
        with self._lock:
            return [self._licenses[sen] for sen in self._order]

    def license(self, sen: str) -> License:
        with self._lock:
            return self._licenses[normalize_sen(sen)]

    def notifications(self) -> list[Notification]:
        with self._lock:
            return list(self._notifications)

    def count_request(self, route: str) -> None:
        with self._lock:
            self._by_route[route] += 1

    def requests_by_route(self) -> dict[str, int]:
        with self._lock:
            return dict(self._by_route)

    def writes_by_license(self) -> dict[str, tuple[int, int]]:
        """Per SEN: the write requests that got past the sign-in check, and how many of them
        changed the license (a repeat of an applied add or make-primary changes nothing)."""
        with self._lock:
            return {sen: (n, self._changed[sen]) for sen, n in self._asked.items()}

    def write_requests(self) -> int:
        """How many requests asked to change a license's contacts (add, make primary, remove),
        whether or not they were applied."""
        with self._lock:
            return sum(n for route, n in self._by_route.items() if route.startswith(_WRITES))

    @property
    def accounts(self) -> list[SandboxAccount]:
        return list(self._accounts.values())
