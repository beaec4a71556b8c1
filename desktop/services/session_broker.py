"""The session broker: the one place that knows each kind of account (:class:`AccountKind`).

Everything that signs accounts in or reads their licenses goes through it: the refresh
service, the wizard (its sessions and its sign-ins), the CLI. It has no Qt in it; what a kind
needs from the app comes in through small protocols (passwords, pasted pages, the live My
Atlassian sessions), so the CLI makes one with only a password lookup.

The kinds:

========== ======================================= ============================================
kind       signs in                                licenses
========== ======================================= ============================================
demo       the built-in sandbox, in-process,       read through a session, then it is closed
           password ``demo``
portal     the portal at ``account.portal``,       read through a session, then it is closed
           a password from the keyring or memory
paste      never (read-only)                       the saved page text (:class:`PasteStore`)
my-atlass. the embedded browser's live session     read from the account's page
========== ======================================= ============================================

The API:

- :func:`traits` — what an account of a kind can do, for the UI to ask instead of the kind.
- :meth:`SessionBroker.open` — a live session of one account (the caller closes it).
- :meth:`SessionBroker.read` — one account's licenses.
- :meth:`SessionBroker.read_all` — every account at once: merged licenses, errors per account.
- :meth:`SessionBroker.open_all` — a session for every account that can act, and (``read``)
  every license they see: the wizard's and the CLI's start.
- :meth:`SessionBroker.portal` — the one shared portal (HTTP client) of an address.
- :func:`portal_of` / :func:`portal_id` — the portal a run is bound to (the journal records
  it; a resume elsewhere is refused).
"""

from __future__ import annotations

import asyncio
import importlib
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from desktop.domain.merge import merge_licenses
from desktop.domain.models import Account, AccountKind, License
from desktop.portal.demo_accounts import DEMO, DEMO_PASSWORD
from desktop.portal.errors import PortalError
from desktop.portal.http_client import HttpPortal, check_base_url, demo_portal
from desktop.portal.protocol import Portal, PortalSession

log = logging.getLogger(__name__)


# --- what each kind can do -----------------------------------------------------------------


class AccountState(StrEnum):
    """What the account list shows about an account (the refresh service keeps it)."""

    SIGNED_IN = "signed-in"
    NEEDS_PASSWORD = "needs-password"
    OFFLINE_PASTE = "offline-paste"
    DEMO = "demo"
    LOADING = "loading"
    FAILED = "failed"
    NOT_READ = "not-read"
    LIVE = "live"  # a My Atlassian account, signed in in the embedded browser
    SIGN_IN_AGAIN = "sign-in-again"  # a My Atlassian account whose browser session ended


class SignInWay(StrEnum):
    """How an account signs in."""

    BUILT_IN = "built-in"  # the demo: its password is known, nothing to ask
    PASSWORD = "password"  # the app's sign-in dialog asks for a password
    BROWSER = "browser"  # the embedded My Atlassian sign-in
    NONE = "none"  # a paste: never signs in


@dataclass(frozen=True, slots=True)
class KindTraits:
    """What an account of one kind can do; the UI asks this, never the kind itself."""

    sign_in: SignInWay
    built_in: bool  # part of the app (the demo): never stored, never removed
    keeps_password: bool  # its password may be in the OS keyring
    named_by_label: bool  # shown by the name the person gave it, not an email
    read_state: AccountState  # after a good reading
    resting_state: AccountState  # before any reading
    signs_out: bool  # "Sign out" ends a sign-in kept by the app (the browser's)
    has_address: bool = False  # signs in at an address the person gave (shown, can be edited)


KIND_TRAITS: Mapping[AccountKind, KindTraits] = {
    AccountKind.DEMO: KindTraits(
        SignInWay.BUILT_IN, True, False, False, AccountState.DEMO, AccountState.DEMO, False
    ),
    AccountKind.PORTAL: KindTraits(
        SignInWay.PASSWORD,
        False,
        True,
        False,
        AccountState.SIGNED_IN,
        AccountState.NOT_READ,
        False,
        has_address=True,
    ),
    AccountKind.PASTE: KindTraits(
        SignInWay.NONE,
        False,
        False,
        True,
        AccountState.OFFLINE_PASTE,
        AccountState.OFFLINE_PASTE,
        False,
    ),
    AccountKind.MY_ATLASSIAN: KindTraits(
        SignInWay.BROWSER, False, False, False, AccountState.LIVE, AccountState.NOT_READ, True
    ),
}


def traits(account: Account | AccountKind) -> KindTraits:
    """What ``account`` (or an account of that kind) can do."""
    return KIND_TRAITS[account if isinstance(account, AccountKind) else account.kind]


def display_name(account: Account) -> str:
    """What the app calls an account: a paste's label, else the email."""
    return account.label if traits(account).named_by_label else account.email


def failed_state(account: Account, error_key: str) -> AccountState:
    """The account list's state after reading ``account`` failed with ``error_key``."""
    if traits(account).sign_in is SignInWay.BROWSER and error_key == "unauthenticated":
        return AccountState.SIGN_IN_AGAIN
    if error_key in ("needs-password", "bad-credentials"):
        return AccountState.NEEDS_PASSWORD
    return AccountState.FAILED


def password_account(portal: str, email: str) -> Account:
    """An account that signs in with a password at ``portal`` ("demo" or an address): what
    the CLI signs in as (its passwords always come from the keyring or the environment)."""
    return Account(AccountKind.PORTAL, email=email, portal=portal, label=email)


MY_ATLASSIAN_PORTAL = "my-atlassian"


def portal_id(url_or_demo: str) -> str:
    """What the journal calls the portal at ``url_or_demo``: ``demo``, or the address as the
    HTTP client uses it (no credentials, no trailing slash) — what its sessions' accounts say.

    Raises:
        InvalidUrl, InsecureUrl: for an address the app will not talk to.
    """
    if url_or_demo.strip().lower() == DEMO:
        return DEMO
    return str(check_base_url(url_or_demo)).rstrip("/")


def portal_of(account: Account) -> str:
    """The portal an account acts at, as the journal records it: ``demo``, ``my-atlassian``
    or the portal's address without credentials."""
    if traits(account).built_in:
        return DEMO
    if traits(account).sign_in is SignInWay.BROWSER:
        return MY_ATLASSIAN_PORTAL
    try:
        return portal_id(account.portal)
    except PortalError:  # an address refused today: as it is, less any credentials
        parts = urlsplit(account.portal.strip())
        host = parts.netloc.rpartition("@")[2]
        return urlunsplit((parts.scheme, host, parts.path.rstrip("/"), "", ""))


def open_portal(url_or_demo: str, **options: Any) -> HttpPortal:
    """``"demo"`` → the built-in sandbox in-process; otherwise the portal at that base URL.

    Raises:
        InvalidUrl, InsecureUrl: for an address the app will not talk to.
    """
    if url_or_demo.strip().lower() == DEMO:
        return demo_portal(**options)
    return HttpPortal(url_or_demo, **options)


# --- errors --------------------------------------------------------------------------------


class MissingPassword(PortalError):
    """No password is known for this account."""

    error_key = "needs-password"


class ListingRefused(PortalError):
    """The portal refused a page of the account's list of licenses with an error about one
    license (``not-found``, ``bad-request``, …), which says nothing to the person about a list:
    none of the account's licenses is used."""

    error_key = "listing-refused"


#: Errors of a request about one license: on a listing they mean the list was refused.
_ONE_LICENSE_KEYS = frozenset(
    {"portal-error", "bad-request", "not-found", "contact-not-found", "primary-contact"}
)


async def _listed(session: PortalSession) -> list[License]:
    """Every license ``session`` sees; any failure of the listing is a :class:`PortalError`."""
    try:
        return await session.list_licenses()
    except PortalError as error:
        if error.error_key in _ONE_LICENSE_KEYS:
            raise ListingRefused(
                f"A page of the licenses was refused ({error.error_key})."
            ) from error
        raise


class LiveSignInNeeded(PortalError):
    """A My Atlassian account with no signed-in browser page in this run of the app."""

    error_key = "unauthenticated"


# --- what the broker needs from the app ----------------------------------------------------


class PasswordSource(Protocol):
    """The passwords the person gave (the app's :class:`PasswordBook`)."""

    def get(self, account: Account) -> str | None: ...


class PasteSource(Protocol):
    """The pasted accounts' licenses (the app's :class:`PasteStore`)."""

    def load(self, key: str) -> list[License]: ...


class LiveSessions(Protocol):
    """The My Atlassian accounts signed in in the embedded browser (:class:`LiveAccounts`)."""

    def session(self, key: str) -> PortalSession | None: ...

    async def read(self, account: Account) -> list[License]: ...


class GivenPasswords:
    """Passwords given by email (the CLI's, from the keyring or the environment)."""

    def __init__(self, by_email: Mapping[str, str] | Sequence[tuple[str, str]] = ()) -> None:
        self._by_email = dict(by_email)

    def get(self, account: Account) -> str | None:
        return self._by_email.get(account.email)


PortalFactory = Callable[[str], Portal]


@dataclass(frozen=True)
class Readings:
    """What :meth:`SessionBroker.read_all` read: licenses merged by SEN, and the failures."""

    licenses: list[License]
    by_account: dict[str, list[License]] = field(default_factory=dict)  # account key → read
    errors: dict[str, PortalError] = field(default_factory=dict)  # account key → why not

    @property
    def complete(self) -> bool:
        return not self.errors


@dataclass
class OpenSessions:
    """What :meth:`SessionBroker.open_all` opened: sessions by email, the licenses they see
    (merged by SEN), and the error key of each account that could not sign in, in the order
    the accounts were given."""

    sessions: dict[str, PortalSession] = field(default_factory=dict)
    licenses: list[License] = field(default_factory=list)
    errors: dict[str, PortalError] = field(default_factory=dict)  # account key → why not

    @property
    def places(self) -> dict[str, str]:
        """Each session's portal by email (:func:`portal_of`): what a run records."""
        return {email: portal_of(session.account) for email, session in self.sessions.items()}

    async def close(self) -> None:
        """Close every session (a live page's session stays usable: closing it is a no-op)."""
        for session in self.sessions.values():
            await session.close()


class SessionBroker:
    """Opens sessions and reads licenses for every kind of account.

    Args:
        passwords: where a portal account's password is (the demo's is built in).
        pastes: the pasted accounts' licenses (without it a paste reads as empty).
        live: the live My Atlassian sessions (without them such an account must sign in).
        portal_factory: makes the portal of an address (``"demo"`` or a URL), once each.
    """

    def __init__(
        self,
        passwords: PasswordSource | None = None,
        *,
        pastes: PasteSource | None = None,
        live: LiveSessions | None = None,
        portal_factory: PortalFactory = open_portal,
    ) -> None:
        self._passwords: PasswordSource = passwords or GivenPasswords()
        self._pastes = pastes
        self.live = live
        self._portal_factory = portal_factory
        self._portals: dict[str, Portal] = {}
        self._making: dict[str, asyncio.Future[Portal]] = {}

    # --- portals ---------------------------------------------------------------------------

    def portal(self, portal_id: str) -> Portal:
        """The shared portal of ``portal_id`` (made now if needed). The demo's in-process
        sandbox is one for the whole app, so what a run changed is what the table reads.

        Raises:
            InvalidUrl, InsecureUrl: for an address the app will not talk to.
        """
        portal = self._portals.get(portal_id)
        if portal is None:
            portal = self._portals[portal_id] = self._portal_factory(portal_id)
        return portal

    async def shared_portal(self, portal_id: str) -> Portal:
        """:meth:`portal`, made the first time in a worker thread: making one imports the HTTP
        stack and builds an SSL context (tens of ms), which the UI's thread should not wait on."""
        portal = self._portals.get(portal_id)
        if portal is not None:
            return portal
        pending = self._making.get(portal_id)
        if pending is None:
            pending = asyncio.ensure_future(asyncio.to_thread(self._make_portal, portal_id))
            self._making[portal_id] = pending
        try:
            portal = await asyncio.shield(pending)
        finally:
            if pending.done():
                self._making.pop(portal_id, None)
        self._portals.setdefault(portal_id, portal)
        return self._portals[portal_id]

    def _make_portal(self, portal_id: str) -> Portal:
        # The HTTP stack's asyncio backend is imported on first use; import it here, in the
        # worker thread, so the first request does not do it on the UI's thread.
        importlib.import_module("anyio._backends._asyncio")
        return self._portal_factory(portal_id)

    async def aclose(self) -> None:
        """Close every portal made (their HTTP clients)."""
        portals, self._portals = list(self._portals.values()), {}
        for portal in portals:
            await portal.aclose()

    # --- one account -----------------------------------------------------------------------

    def password(self, account: Account) -> str | None:
        """The password ``account`` signs in with: the demo's, or the person's (None: unknown)."""
        if traits(account).sign_in is SignInWay.BUILT_IN:
            return DEMO_PASSWORD
        return self._passwords.get(account)

    async def open(self, account: Account, password: str | None = None) -> PortalSession:
        """A session of ``account`` that can act; ``password`` instead of the known one.

        Raises:
            MissingPassword: no password is known.
            LiveSignInNeeded: a My Atlassian account not signed in in this run.
            ValueError: a paste (it has licenses, never a session).
            PortalError: the portal refused the sign-in (wrong password, unreachable, …).
        """
        way = traits(account).sign_in
        if way is SignInWay.NONE:
            raise ValueError("a pasted account has no session")
        if way is SignInWay.BROWSER:
            session = self.live.session(account.key) if self.live is not None else None
            if session is None:
                raise LiveSignInNeeded("No browser session for this account.")
            return session
        if password is None:
            password = self.password(account)
        if password is None:
            raise MissingPassword("No password for this account.")
        portal = await self.shared_portal(account.portal)
        return await portal.sign_in(account.email, password)

    async def read(self, account: Account) -> list[License]:
        """Every license ``account`` sees (a portal account signs in and out for it).

        Raises: as :meth:`open`, except for a paste, whose saved licenses are returned.
        """
        way = traits(account).sign_in
        if way is SignInWay.NONE:
            return self._pastes.load(account.key) if self._pastes is not None else []
        if way is SignInWay.BROWSER:
            if self.live is None:
                raise LiveSignInNeeded("No browser session for this account.")
            return await self.live.read(account)
        session = await self.open(account)
        try:
            return await _listed(session)
        finally:
            await session.close()

    # --- many accounts ---------------------------------------------------------------------

    async def read_all(self, accounts: Sequence[Account]) -> Readings:
        """Read every account at once; one that fails is in ``errors``, the others are kept.

        Each license's ``seen_by`` holds the keys of the accounts that see it.
        """
        results = await asyncio.gather(
            *(self.read(account) for account in accounts), return_exceptions=True
        )
        by_account: dict[str, list[License]] = {}
        errors: dict[str, PortalError] = {}
        for account, result in zip(accounts, results, strict=True):
            if isinstance(result, PortalError):
                log.debug("could not read an account: %s", result.error_key)
                errors[account.key] = result
            elif isinstance(result, BaseException):
                raise result
            else:
                by_account[account.key] = result
                log.debug("read %d licenses of an account", len(result))
        found = [lic for licenses in by_account.values() for lic in licenses]
        return Readings(merge_licenses(found), by_account, errors)

    async def open_all(
        self,
        accounts: Sequence[Account],
        *,
        read: bool = True,
        passwords: Mapping[str, str] | None = None,
    ) -> OpenSessions:
        """A session for every account that can act (pastes are left out), all at once, and
        with ``read`` every license those sessions see. ``passwords`` (by account key) are used
        instead of the known ones (the CLI's). An account that cannot sign in is in ``errors``
        (``needs-password`` when no password is known); any other exception is raised."""
        wanted = [a for a in accounts if traits(a).sign_in is not SignInWay.NONE and a.email]
        given = passwords or {}

        async def one(account: Account) -> tuple[PortalSession, list[License]]:
            session = await self.open(account, given.get(account.key))
            return session, (await _listed(session) if read else [])

        results = await asyncio.gather(*(one(a) for a in wanted), return_exceptions=True)
        opened = OpenSessions()
        found: list[License] = []
        unexpected: BaseException | None = None
        for account, result in zip(wanted, results, strict=True):
            if isinstance(result, PortalError):
                opened.errors[account.key] = result
            elif isinstance(result, BaseException):
                unexpected = unexpected or result
            else:
                session, licenses = result
                opened.sessions[_session_email(account, session)] = session
                found.extend(licenses)
        if unexpected is not None:
            await opened.close()
            raise unexpected
        log.debug(
            "%d sessions open, %d accounts could not sign in",
            len(opened.sessions),
            len(opened.errors),
        )
        opened.licenses = merge_licenses(found)
        return opened

    async def read_sessions(self, sessions: Mapping[str, PortalSession]) -> list[License]:
        """Every license the open ``sessions`` see, merged by SEN."""
        pages = await asyncio.gather(*(s.list_licenses() for s in sessions.values()))
        return merge_licenses(lic for page in pages for lic in page)


def _session_email(account: Account, session: PortalSession) -> str:
    """A portal names the signed-in account itself; a live page's session is the account's."""
    if traits(account).sign_in is SignInWay.BROWSER:
        return account.email
    return session.account.email
