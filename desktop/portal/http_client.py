"""The Portal API v1 client over httpx: one AsyncClient per portal, retries, typed errors.

Retries (stamina) cover what is safe to repeat:

* reads and sign-in: connection failures, dropped connections, timeouts, 429 and 503;
* adding a contact and make-primary (idempotent by contract: a repeat answers 200 and the
  sandbox does not notify again when the contact is already primary): the same, except a
  timeout *after the request was sent* — the write may have applied and its answer may be
  slow again, so :class:`PortalTimeout` goes to the caller, which re-reads the license;
* removing a contact (a repeat would answer ``contact-not-found``): only failures where the
  request surely did not apply (no connection, 429, 503).

A 429's or 503's ``Retry-After`` replaces the exponential wait, and the portal's one
:class:`~desktop.portal.rate_limit.RequestPacer` holds every other request back as well and
learns the portal's rate. Attempts and total time are bounded (:class:`RetryPolicy`). A
refused connection before the portal ever answered (a wrong address, nothing listening) is not
retried at all, so an unreachable portal fails at once.

Answers are bounded: a body is read as a stream and dropped beyond :data:`MAX_BODY_BYTES`; the
whole attempt (sending and reading) ends at the timeout; a listing may claim at most
:data:`MAX_LISTING_TOTAL` licenses, and pages that disagree with their total are an error. Only
a 2xx answer is success: a redirect is an error and is never followed.
"""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import logging
import random
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import Any
from urllib.parse import quote

import httpx
import stamina
import truststore

from desktop.domain.emails import PATH_UNSAFE_CHARS
from desktop.domain.models import Account, AccountKind, License
from desktop.portal.errors import (
    ERRORS_BY_KEY,
    BadLicense,
    CertificateError,
    ConnectionDropped,
    ConnectionFailed,
    ConnectionRefused,
    CredentialsInUrl,
    InsecureUrl,
    InvalidPort,
    InvalidUrl,
    ListingInconsistent,
    MalformedResponse,
    PortalError,
    PortalTimeout,
    PortalUnreachable,
    RateLimited,
    ResponseTooLarge,
    Unavailable,
    UnexpectedRedirect,
    UnusableEmail,
)
from desktop.portal.license_json import license_from_json
from desktop.portal.rate_limit import RequestPacer

log = logging.getLogger(__name__)

API = "/api/v1"
DEFAULT_TIMEOUT_S = 15.0
DEFAULT_PAGE_LIMIT = 200
DEFAULT_CONCURRENCY = 4
DEMO_BASE_URL = "http://demo.sandbox"
#: The largest answer read (a page of 200 licenses is about 0.5 MB).
MAX_BODY_BYTES = 16 * 1024 * 1024
#: The most licenses one account's listing may claim (a large company has a few thousand).
MAX_LISTING_TOTAL = 100_000


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How hard to try: at most ``attempts`` tries within ``total_s`` seconds per call."""

    attempts: int = 10
    total_s: float = 60.0
    wait_initial_s: float = 0.1
    wait_max_s: float = 5.0
    wait_jitter_s: float = 0.2
    max_retry_after_s: float = 30.0
    retry_after_spread_s: float = 0.5
    connect_attempts: int = 3  # nothing listening is rarely a blip: give up sooner


class RequestSafety(Enum):
    """What a request may be repeated after."""

    READ = "read"  # anything retryable
    IDEMPOTENT_WRITE = "idempotent-write"  # not after a timeout once sent
    WRITE = "write"  # only when it surely did not apply


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str, *, in_process: bool = False) -> httpx.URL:
    """The portal's base URL, validated: https, or http for loopback (or in-process).

    Raises:
        InvalidUrl: not an http(s) URL with a host.
        InsecureUrl: plain http to a host that is not loopback.
    """
    try:
        url = httpx.URL(base_url.strip())
    except (httpx.InvalidURL, TypeError):
        raise InvalidUrl("The portal address is not a valid URL.") from None
    if url.scheme not in {"http", "https"} or not url.host:
        raise InvalidUrl("The portal address must start with https:// and name a host.")
    if url.userinfo:
        # Said without the address: it holds a password.
        raise CredentialsInUrl(
            "The portal address contains a user name or password; remove them (a password "
            "is kept in the system's keyring, never in the address)."
        )
    if url.port is not None and not 1 <= url.port <= 65535:
        raise InvalidPort(f"The port {url.port} is not between 1 and 65535.")
    if url.scheme == "http" and not (in_process or _is_loopback(url.host)):
        raise InsecureUrl(
            f"Plain http:// is allowed only for this computer (127.0.0.1), not {url.host}."
        )
    return url.copy_with(path=url.path.rstrip("/") or "/", query=None, fragment=None)


def _retry_after(response: httpx.Response) -> float | None:
    raw = response.headers.get("retry-after")
    if raw is None:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def check_path_email(email: str) -> str:
    """``email`` if the portal's paths can carry it (percent-encoded), else :class:`UnusableEmail`.

    Called before a write names the address in its path, and by the planner's check of the
    target before anything is changed.
    """
    if any(char in PATH_UNSAFE_CHARS for char in email) or not email.isprintable():
        raise UnusableEmail("The address cannot be carried in the portal's paths.")
    return email


def email_path(email: str) -> str:
    """The address as one path segment (``@`` kept, everything else not unreserved encoded)."""
    return quote(check_path_email(email), safe="@")


def _error_from(response: httpx.Response) -> PortalError:
    """A typed error for an error answer; never the raw body in the message."""
    status = response.status_code
    if 300 <= status < 400:
        return UnexpectedRedirect(
            f"The portal answered HTTP {status} (a redirect); the app does not follow it.",
            status=status,
        )
    key: object = None
    try:
        body = response.json()
        if isinstance(body, Mapping):
            key = body.get("errorKey")
    except ValueError:
        pass
    cls = ERRORS_BY_KEY.get(key) if isinstance(key, str) else None
    if cls is None:
        if status == 429:
            cls = RateLimited
        elif status in (502, 503, 504):
            cls = Unavailable
        else:
            return MalformedResponse(
                f"The portal answered HTTP {status} without an error the app knows.",
                status=status,
            )
    error: PortalError
    if cls is RateLimited:
        error = RateLimited(retry_after=_retry_after(response))
    elif cls is Unavailable:
        error = Unavailable(retry_after=_retry_after(response))
    else:
        return cls(status=status)
    error.status = status
    return error


def _transport_error(error: httpx.TransportError) -> PortalUnreachable:
    if isinstance(error, httpx.ConnectTimeout | httpx.PoolTimeout):
        return ConnectionFailed("Could not connect to the portal in time.")
    if isinstance(error, httpx.TimeoutException):
        return PortalTimeout("The portal did not answer in time.")
    if isinstance(error, httpx.ConnectError):
        if isinstance(error.__context__, ssl.SSLCertVerificationError) or "CERTIFICATE" in str(
            error
        ):
            return CertificateError("The portal's certificate is not trusted.")
        if _refused(error):
            return ConnectionRefused("Nothing answers at the portal's address.")
        return ConnectionFailed("Could not connect to the portal.")
    return ConnectionDropped("The connection to the portal broke before the answer came.")


def _refused(error: BaseException) -> bool:
    """Whether a connect error was a refusal (nothing listening), looking down its causes."""
    seen: BaseException | None = error
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, ConnectionRefusedError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _should_retry(
    safety: RequestSafety, policy: RetryPolicy, answered: Callable[[], bool] = lambda: True
) -> Callable[[Exception], bool | float]:
    """The retry decision for one call; ``answered`` says whether the portal ever answered."""
    connect_failures = 0

    def hook(error: Exception) -> bool | float:
        nonlocal connect_failures
        if isinstance(error, ConnectionRefused) and not answered():
            return False  # a portal that never answered and refuses: a wrong address, fail fast
        if isinstance(error, RateLimited | Unavailable):
            if error.retry_after is not None:
                # At least what the portal asked for, plus a little spread so that requests
                # told the same moment do not all come back at once.
                spread = random.uniform(0.0, policy.retry_after_spread_s)
                return min(error.retry_after + spread, policy.max_retry_after_s)
            return True
        if isinstance(error, CertificateError):
            return False
        if isinstance(error, ConnectionFailed):
            connect_failures += 1
            return connect_failures < policy.connect_attempts
        if isinstance(error, PortalTimeout):
            return safety is RequestSafety.READ
        if isinstance(error, PortalUnreachable):  # dropped mid-answer
            return safety is not RequestSafety.WRITE
        return False

    return hook


async def _let_others_send(turns: int = 8) -> None:
    """Give the event loop a few turns, enough for started requests to reach the socket
    (httpcore/anyio yield several times on the way) before this task parses a page."""
    for _ in range(turns):
        await asyncio.sleep(0)


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise MalformedResponse(
            "The portal's answer is not JSON (a proxy's page?).", status=response.status_code
        ) from None


class HttpPortal:
    """A portal speaking PORTAL_API.md at ``base_url``; it owns one ``httpx.AsyncClient``.

    Args:
        base_url: ``https://…``, or ``http://`` for loopback (or with an in-process
            ``transport``).
        transport: e.g. ``httpx.ASGITransport(app)`` to reach the sandbox in-process.
        timeout: seconds for any one request (connect, each read, and the whole attempt).
        page_limit: licenses per page (1–200).
        concurrency: pages fetched at once after the first one.
        retry: the bounds of retrying.
        portal_id: what :attr:`Account.portal` says (defaults to the base URL).
        kind: :class:`AccountKind` of the accounts signed in here.
    """

    def __init__(
        self,
        base_url: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = DEFAULT_TIMEOUT_S,
        page_limit: int = DEFAULT_PAGE_LIMIT,
        concurrency: int = DEFAULT_CONCURRENCY,
        retry: RetryPolicy | None = None,
        portal_id: str | None = None,
        kind: AccountKind = AccountKind.PORTAL,
    ) -> None:
        in_process = isinstance(transport, httpx.ASGITransport)
        url = check_base_url(base_url, in_process=in_process)
        if not 1 <= page_limit <= 200:
            raise ValueError("page_limit must be between 1 and 200")
        self._base_url = str(url).rstrip("/")
        self.portal_id = portal_id or self._base_url
        self.kind = kind
        self.timeout_s = timeout
        self.page_limit = page_limit
        self.concurrency = max(1, concurrency)
        self.retry = retry or RetryPolicy()
        self.pacer = RequestPacer()  # shared by every session and task on this portal
        self._answered = False  # no answer yet: a refused connection is not retried
        verify: ssl.SSLContext | bool = True
        if url.scheme == "https":
            verify = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self._client = httpx.AsyncClient(
            base_url=self._base_url,
            transport=transport,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            verify=verify,
            # Several accounts list at once, each with ``concurrency`` pages in flight.
            limits=httpx.Limits(max_connections=max(16, 4 * self.concurrency)),
            headers={"Accept": "application/json"},
            follow_redirects=False,
        )

    def __repr__(self) -> str:
        return f"HttpPortal({self._base_url!r})"

    @property
    def base_url(self) -> str:
        return self._base_url

    async def __aenter__(self) -> HttpPortal:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def sign_in(self, email: str, password: str) -> HttpPortalSession:
        """Sign in; :class:`BadCredentials` for a wrong email or password."""
        response = await self.request(
            "POST",
            "/session",
            json_body={"email": email.strip(), "password": password},
            safety=RequestSafety.READ,
        )
        body = _json(response)
        try:
            token = body["token"]
            who = body["account"]
            account_email = who["email"]
            name = who.get("name")
            if not isinstance(token, str) or not token or not isinstance(account_email, str):
                raise TypeError
        except (KeyError, TypeError, AttributeError):
            raise MalformedResponse("The sign-in answer has no token or account.") from None
        account = Account(
            kind=self.kind,
            email=account_email.lower(),
            portal=self.portal_id,
            name=name if isinstance(name, str) else None,
        )
        log.info("signed in to %s as %s", self.portal_id, account.email)
        return HttpPortalSession(self, token, account)

    async def request(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        json_body: dict[str, Any] | None = None,
        params: dict[str, int] | None = None,
        safety: RequestSafety = RequestSafety.READ,
    ) -> httpx.Response:
        """One call of the API (path below ``/api/v1``), retried as ``safety`` allows."""
        policy = self.retry
        async for attempt in stamina.retry_context(
            on=_should_retry(safety, policy, lambda: self._answered),
            attempts=policy.attempts,
            timeout=policy.total_s,
            wait_initial=policy.wait_initial_s,
            wait_max=policy.wait_max_s,
            wait_jitter=policy.wait_jitter_s,
        ):
            with attempt:
                return await self._attempt(method, path, token, json_body, params)
        raise AssertionError("unreachable: stamina re-raises the last error")

    async def _attempt(
        self,
        method: str,
        path: str,
        token: str | None,
        json_body: dict[str, Any] | None,
        params: dict[str, int] | None,
    ) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else None
        request = self._client.build_request(
            method, API + path, headers=headers, json=json_body, params=params
        )
        epoch = await self.pacer.turn()
        try:
            # httpx's own timeouts do not apply in-process (ASGITransport), and its read
            # timeout is per chunk: bound the whole attempt, reading the body included.
            async with asyncio.timeout(self.timeout_s + 1.0):
                response = await self._client.send(request, stream=True)
                try:
                    response = await _read_bounded(response)
                finally:
                    await response.aclose()
        except TimeoutError:
            raise PortalTimeout("The portal did not answer in time.") from None
        except httpx.TransportError as error:
            log.debug("%s %s failed: %s", method, path, type(error).__name__)
            raise _transport_error(error) from None
        self._answered = True
        status = response.status_code
        log.debug("%s %s → %s", method, path, status)
        if status == 429:
            self.pacer.refused(_retry_after(response), epoch)
        elif status == 503:
            self.pacer.pause(_retry_after(response))
        else:
            self.pacer.answered()
        if not 200 <= status < 300:
            raise _error_from(response)
        return response


async def _read_bounded(response: httpx.Response) -> httpx.Response:
    """The answer with its body read, at most :data:`MAX_BODY_BYTES` (decompressed).

    Raises:
        ResponseTooLarge: the declared or the actual body is larger; reading stops there.
    """
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise ResponseTooLarge(f"The portal announced an answer of {int(declared):,} bytes.")
    body = bytearray()
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise ResponseTooLarge(f"The portal's answer is larger than {MAX_BODY_BYTES:,} bytes.")
    headers = response.headers.copy()
    headers.pop("content-encoding", None)  # already decoded above
    return httpx.Response(
        response.status_code, headers=headers, content=bytes(body), request=response.request
    )


def _first_portal_error(group: BaseExceptionGroup[BaseException]) -> PortalError | None:
    """The first :class:`PortalError` among a task group's failures (nested groups too)."""
    for error in group.exceptions:
        if isinstance(error, PortalError):
            return error
        if isinstance(error, BaseExceptionGroup) and (found := _first_portal_error(error)):
            return found
    return None


class HttpPortalSession:
    """One account signed in to an :class:`HttpPortal`. The token is never shown."""

    def __init__(self, portal: HttpPortal, token: str, account: Account) -> None:
        self._portal = portal
        self._token = token
        self._account = account

    def __repr__(self) -> str:
        return f"HttpPortalSession({self._account.email!r} at {self._portal.portal_id!r})"

    @property
    def account(self) -> Account:
        return self._account

    async def _call(
        self,
        method: str,
        path: str,
        *,
        json_body: dict[str, Any] | None = None,
        params: dict[str, int] | None = None,
        safety: RequestSafety = RequestSafety.READ,
    ) -> httpx.Response:
        return await self._portal.request(
            method, path, token=self._token, json_body=json_body, params=params, safety=safety
        )

    def _license(self, raw: Any) -> License:
        try:
            return license_from_json(raw, seen_by=frozenset({self._account.key}))
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            # LicenseJsonError, or a value the domain refuses (a bad SEN or email)
            raise BadLicense(
                f"The portal sent a license the app cannot read ({type(error).__name__})."
            ) from None

    async def me(self) -> Account:
        body = _json(await self._call("GET", "/me"))
        if not isinstance(body, Mapping) or not isinstance(body.get("email"), str):
            raise MalformedResponse("The answer about the signed-in account has no email.")
        name = body.get("name")
        return Account(
            kind=self._portal.kind,
            email=body["email"].lower(),
            portal=self._portal.portal_id,
            name=name if isinstance(name, str) else None,
        )

    async def _fetch_page(self, start: int, limit: int) -> httpx.Response:
        return await self._call("GET", "/licenses", params={"start": start, "limit": limit})

    @staticmethod
    def _page_body(response: httpx.Response, start: int, limit: int) -> tuple[list[Any], int]:
        """A page's values and total, checked against where the page is in the listing."""
        body = _json(response)
        if not isinstance(body, Mapping):
            raise MalformedResponse("A page of licenses is not a JSON object.")
        values, total = body.get("values"), body.get("total")
        if (
            not isinstance(values, list)
            or not isinstance(total, int)
            or isinstance(total, bool)
            or total < 0
        ):
            raise MalformedResponse("A page of licenses has no values or total.")
        if total > MAX_LISTING_TOTAL:
            raise ListingInconsistent(
                f"The portal claims {total:,} licenses; the most the app reads is "
                f"{MAX_LISTING_TOTAL:,}."
            )
        expected = max(0, min(limit, total - start))
        if len(values) != expected:
            raise ListingInconsistent(
                f"The page from {start} has {len(values)} licenses; its total {total} "
                f"means {expected}."
            )
        return values, total

    async def list_licenses(self) -> list[License]:
        """Every page: the first says the total, the rest are fetched concurrently.

        At most ``concurrency`` requests are in flight; a page is parsed after its slot is
        handed on, so parsing overlaps the next requests' wait instead of delaying them.

        Raises:
            PortalError: any page's failure (the first one; the other pages are cancelled),
                a license object that is not the contract's (:class:`BadLicense`), or pages
                that do not add up (:class:`ListingInconsistent`). Never an exception group.
        """
        limit = self._portal.page_limit
        first_values, total = self._page_body(await self._fetch_page(0, limit), 0, limit)

        gate = asyncio.Semaphore(self._portal.concurrency)

        async def fetch(start: int) -> list[License]:
            async with gate:
                response = await self._fetch_page(start, limit)
            await _let_others_send()
            values, page_total = self._page_body(response, start, limit)
            if page_total != total:
                raise ListingInconsistent(
                    f"The page from {start} says {page_total} licenses; the first said {total}."
                )
            return [self._license(raw) for raw in values]

        try:
            async with asyncio.TaskGroup() as group:
                tasks = [group.create_task(fetch(start)) for start in range(limit, total, limit)]
                await _let_others_send()  # the requests go out while the first page is parsed
                first = [self._license(raw) for raw in first_values]
        except BaseExceptionGroup as group_error:
            found = _first_portal_error(group_error)
            if found is None:
                raise
            raise found from None
        seen: dict[str, License] = {}
        for lic in (x for page in (first, *(t.result() for t in tasks)) for x in page):
            seen.setdefault(lic.sen, lic)
        if len(seen) != total:
            raise ListingInconsistent(
                f"The portal said {total} licenses and sent {len(seen)} different ones."
            )
        return list(seen.values())

    async def get_license(self, sen: str) -> License:
        return self._license(_json(await self._call("GET", f"/licenses/{quote(sen, safe='')}")))

    async def add_technical_contact(self, sen: str, email: str, name: str | None = None) -> License:
        check_path_email(email)  # make-primary will need it in a path: refuse before adding
        response = await self._call(
            "POST",
            f"/licenses/{quote(sen, safe='')}/technical-contacts",
            json_body={"email": email, "name": name},
            safety=RequestSafety.IDEMPOTENT_WRITE,
        )
        return self._license(_json(response))

    async def make_primary(self, sen: str, email: str) -> License:
        response = await self._call(
            "POST",
            f"/licenses/{quote(sen, safe='')}/technical-contacts/{email_path(email)}/make-primary",
            safety=RequestSafety.IDEMPOTENT_WRITE,
        )
        return self._license(_json(response))

    async def remove_technical_contact(self, sen: str, email: str) -> None:
        await self._call(
            "DELETE",
            f"/licenses/{quote(sen, safe='')}/technical-contacts/{email_path(email)}",
            safety=RequestSafety.WRITE,
        )

    # -- billing contacts (API v1.1) ---------------------------------------------------------

    async def add_billing_contact(self, sen: str, email: str, name: str | None = None) -> License:
        check_path_email(email)  # make-primary will need it in a path: refuse before adding
        response = await self._call(
            "POST",
            _billing_path(sen),
            json_body={"email": email, "name": name},
            safety=RequestSafety.IDEMPOTENT_WRITE,
        )
        return self._license(_json(response))

    async def make_billing_primary(self, sen: str, email: str) -> License:
        response = await self._call(
            "POST",
            _billing_path(sen, email) + "/make-primary",
            safety=RequestSafety.IDEMPOTENT_WRITE,
        )
        return self._license(_json(response))

    async def remove_billing_contact(self, sen: str, email: str) -> None:
        await self._call("DELETE", _billing_path(sen, email), safety=RequestSafety.WRITE)

    async def close(self) -> None:
        """Forget the token (the contract has no sign-out; the portal expires it)."""
        self._token = ""


def _billing_path(sen: str, email: str | None = None) -> str:
    """``/licenses/{sen}/billing-contacts[/{email}]``, each part quoted."""
    path = f"/licenses/{quote(sen, safe='')}/billing-contacts"
    return path if email is None else f"{path}/{email_path(email)}"


def demo_portal(**options: Any) -> HttpPortal:
    """An :class:`HttpPortal` over ``httpx.ASGITransport`` to a fresh demo sandbox app.

    No port, no firewall prompt; ``options`` go to :class:`HttpPortal`.
    """
    from desktop.portal.sandbox.app import create_app

    app = create_app()
    return HttpPortal(
        DEMO_BASE_URL,
        transport=httpx.ASGITransport(app=app),
        portal_id="demo",
        kind=AccountKind.DEMO,
        **options,
    )
