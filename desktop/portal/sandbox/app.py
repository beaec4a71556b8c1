"""The sandbox portal as an ASGI app (Starlette): the routes of PORTAL_API.md plus faults.

``create_app()`` gives a :class:`SandboxApp`; serve it with uvicorn (``server.py``) or reach it
in-process with ``httpx.ASGITransport``.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Sequence
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Match, Mount, Route
from starlette.types import Message, Receive, Scope, Send

from desktop.domain.models import ContactRole, License
from desktop.portal.license_json import license_to_json
from desktop.portal.sandbox.dataset import SandboxData
from desktop.portal.sandbox.demo_data import demo_data
from desktop.portal.sandbox.faults import Fault, FaultInjector, FaultOptions, retry_after_header
from desktop.portal.sandbox.replica import replica_mount
from desktop.portal.sandbox.store import SandboxFailure, SandboxStore, bad_request

log = logging.getLogger(__name__)

API = "/api/v1"
SANDBOX_PREFIX = f"{API}/_sandbox/"
MAX_LIMIT = 200
DEFAULT_LIMIT = 50


class DroppedConnection(httpx.RemoteProtocolError):
    """Raised by the sandbox after starting an answer, to drop the connection.

    Over uvicorn the client sees the connection closed mid-answer; in-process through
    ``httpx.ASGITransport`` this very exception reaches the client, which is what httpx
    raises for a dropped connection, so both paths look the same to the client.
    """

    def __init__(self) -> None:
        super().__init__("the sandbox dropped the connection (fault injection)")


class _LicenseJsonCache:
    """Each license's JSON text, re-encoded only when the license changed (pages are hot)."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[License, str]] = {}

    def __call__(self, lic: License) -> str:
        hit = self._cache.get(lic.sen)
        if hit is not None and hit[0] is lic:
            return hit[1]
        text = json.dumps(license_to_json(lic), ensure_ascii=False, separators=(",", ":"))
        self._cache[lic.sen] = (lic, text)
        return text


def _page_response(request: Request, page: list[License], head: dict[str, Any]) -> Response:
    cache: _LicenseJsonCache = request.app.state.json_cache
    values = ",".join(cache(lic) for lic in page)
    rest = json.dumps(head, separators=(",", ":"))[1:]
    return Response(f'{{"values":[{values}],{rest}'.encode(), media_type="application/json")


def _error(failure: SandboxFailure, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        {"errorKey": failure.error_key, "message": failure.message},
        status_code=failure.status,
        headers=headers,
    )


def _store(request: Request) -> SandboxStore:
    store: SandboxStore = request.app.state.store
    return store


def _caller(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":
        token = ""
    return _store(request).account_for_token(token.strip()).email


async def _json_body(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        raise bad_request("The body is not JSON.") from None
    if not isinstance(body, dict):
        raise bad_request("The body must be a JSON object.")
    return body


def _string_field(body: dict[str, Any], name: str, *, required: bool = True) -> str | None:
    value = body.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise bad_request(f"The field {name!r} is missing or not a string.")
    return value


def _int_param(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise bad_request(f"{name} must be a whole number.") from None


# -- routes ----------------------------------------------------------------------------------


async def sign_in(request: Request) -> Response:
    body = await _json_body(request)
    email = _string_field(body, "email") or ""
    password = _string_field(body, "password") or ""
    token, account = _store(request).sign_in(email, password)
    return JSONResponse({"token": token, "account": {"email": account.email, "name": account.name}})


async def me(request: Request) -> Response:
    caller = _caller(request)
    account = next(a for a in _store(request).accounts if a.email == caller)
    return JSONResponse({"email": account.email, "name": account.name})


async def list_licenses(request: Request) -> Response:
    caller = _caller(request)
    start = _int_param(request, "start", 0)
    limit = _int_param(request, "limit", DEFAULT_LIMIT)
    if start < 0 or not 1 <= limit <= MAX_LIMIT:
        raise bad_request(f"start must be ≥ 0 and limit between 1 and {MAX_LIMIT}.")
    page, total = _store(request).list_for(caller, start, limit)
    next_start = start + limit if start + limit < total else None
    head = {"start": start, "limit": limit, "total": total, "nextStart": next_start}
    return _page_response(request, page, head)


async def get_license(request: Request) -> Response:
    caller = _caller(request)
    lic = _store(request).get_for(caller, request.path_params["sen"])
    return JSONResponse(license_to_json(lic))


def _role(request: Request) -> ContactRole:
    """``technical-contacts`` or ``billing-contacts`` in the route's path."""
    return ContactRole.BILLING if "/billing-contacts" in request.url.path else ContactRole.TECHNICAL


async def add_contact(request: Request) -> Response:
    caller = _caller(request)
    store = _store(request)
    store.get_for(caller, request.path_params["sen"])  # 404 before looking at the body
    body = await _json_body(request)
    email = _string_field(body, "email") or ""
    name = _string_field(body, "name", required=False)
    lic, added = store.add_contact(_role(request), caller, request.path_params["sen"], email, name)
    return JSONResponse(license_to_json(lic), status_code=201 if added else 200)


async def make_primary(request: Request) -> Response:
    caller = _caller(request)
    lic = _store(request).make_contact_primary(
        _role(request), caller, request.path_params["sen"], request.path_params["email"]
    )
    return JSONResponse(license_to_json(lic))


async def remove_contact(request: Request) -> Response:
    caller = _caller(request)
    _store(request).remove_contact(
        _role(request), caller, request.path_params["sen"], request.path_params["email"]
    )
    return Response(status_code=204)


async def sandbox_notifications(request: Request) -> Response:
    return JSONResponse(
        [
            {"to": n.to, "sen": n.sen, "newPrimary": n.new_primary, "at": n.at, "kind": n.kind}
            for n in _store(request).notifications()
        ]
    )


async def sandbox_stats(request: Request) -> Response:
    by_route = _store(request).requests_by_route()
    injector: FaultInjector = request.app.state.faults
    return JSONResponse(
        {
            "requests": sum(by_route.values()),
            "byRoute": by_route,
            "faultsInjected": injector.faults_injected,
            "maxInFlight": request.app.state.sandbox.max_in_flight,
        }
    )


async def sandbox_licenses(request: Request) -> Response:
    return JSONResponse([license_to_json(lic) for lic in _store(request).all_licenses()])


async def _failure_handler(request: Request, exc: Exception) -> Response:
    del request
    assert isinstance(exc, SandboxFailure)
    return _error(exc)


async def _http_exception_handler(request: Request, exc: Exception) -> Response:
    del request
    assert isinstance(exc, HTTPException)
    key = "not-found" if exc.status_code == 404 else "bad-request"
    return _error(SandboxFailure(exc.status_code, key, str(exc.detail)))


ROUTES = [
    Route(f"{API}/session", sign_in, methods=["POST"]),
    Route(f"{API}/me", me, methods=["GET"]),
    Route(f"{API}/licenses", list_licenses, methods=["GET"]),
    Route(f"{API}/licenses/{{sen}}", get_license, methods=["GET"]),
    *(
        route
        for contacts in ("technical-contacts", "billing-contacts")
        for route in (
            Route(f"{API}/licenses/{{sen}}/{contacts}", add_contact, methods=["POST"]),
            Route(
                f"{API}/licenses/{{sen}}/{contacts}/{{email}}/make-primary",
                make_primary,
                methods=["POST"],
            ),
            Route(
                f"{API}/licenses/{{sen}}/{contacts}/{{email}}", remove_contact, methods=["DELETE"]
            ),
        )
    ),
    Route(f"{API}/_sandbox/notifications", sandbox_notifications, methods=["GET"]),
    Route(f"{API}/_sandbox/stats", sandbox_stats, methods=["GET"]),
    Route(f"{API}/_sandbox/licenses", sandbox_licenses, methods=["GET"]),
    replica_mount(),  # the My Atlassian page replica under /my-atlassian/ (live tests)
]


class SandboxApp:
    """The ASGI app: counts requests by route and injects faults, then runs the routes.

    The ``_sandbox/*`` routes are never faulted nor counted.
    """

    def __init__(
        self, store: SandboxStore, faults: FaultInjector, *, replica_layout: str = "standard"
    ) -> None:
        self.store = store
        self.faults = faults
        self.replica_layout = replica_layout  # "standard" or "classic" (the replica's page)
        self._app = Starlette(
            routes=ROUTES,
            exception_handlers={
                SandboxFailure: _failure_handler,
                HTTPException: _http_exception_handler,
            },
        )
        self._app.state.store = store
        self._app.state.faults = faults
        self._app.state.sandbox = self
        self._app.state.json_cache = _LicenseJsonCache()
        self.in_flight = 0  # requests being answered now (one event loop: no lock needed)
        self.max_in_flight = 0

    def route_name(self, scope: Scope) -> str:
        """``"GET /api/v1/licenses/{sen}"`` (a replica's page or call with its mount's path:
        ``"GET /my-atlassian/product"``), or ``"GET other"`` for an unknown path."""
        method = str(scope.get("method", ""))
        return f"{method} {_route_path(self._app.routes, scope) or 'other'}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or str(scope["path"]).startswith(SANDBOX_PREFIX):
            await self._app(scope, receive, send)
            return
        self.store.count_request(self.route_name(scope))
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await self._faulted(scope, receive, send)
        finally:
            self.in_flight -= 1

    async def _faulted(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = str(scope["method"])
        is_write = method in {"POST", "DELETE"} and "/licenses/" in str(scope["path"])
        decision = self.faults.decide(is_write=is_write)
        if decision.delay_s:
            await asyncio.sleep(decision.delay_s)
        if decision.fault is Fault.RATE_LIMITED:
            failure = SandboxFailure(429, "rate-limited", "Too many requests; slow down.")
            headers = {"Retry-After": retry_after_header(decision.retry_after_s)}
            await _error(failure, headers)(scope, receive, send)
            return
        if decision.fault is Fault.UNAVAILABLE:
            failure = SandboxFailure(503, "unavailable", "Temporarily unavailable.")
            await _error(failure)(scope, receive, send)
            return
        if decision.fault is Fault.DROP:
            log.debug("dropping a connection (fault injection)")
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", b"64")],
                }
            )
            raise DroppedConnection
        if decision.fault is Fault.SLOW_COMMIT:
            await self._app(scope, receive, self._delayed(send, self.faults.options))
            return
        await self._app(scope, receive, send)

    @staticmethod
    def _delayed(send: Send, options: FaultOptions) -> Send:
        async def delayed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                await asyncio.sleep(options.slow_commit_delay_s)
            await send(message)

        return delayed_send


def _route_path(routes: Sequence[BaseRoute], scope: Scope, prefix: str = "") -> str | None:
    """The path template of the route that answers ``scope`` (looking inside mounts)."""
    for route in routes:
        match, child = route.matches(scope)
        if match is not Match.FULL:
            continue
        if isinstance(route, Route):
            return prefix + route.path
        if isinstance(route, Mount):
            inner = {**scope, **child}
            return _route_path(route.routes, inner, prefix + route.path)
    return None


def create_app(
    data: SandboxData | None = None,
    faults: FaultOptions | None = None,
    *,
    token_ttl_s: float = 8 * 3600,
    replica_layout: str = "standard",
) -> SandboxApp:
    """A fresh sandbox: the demo data unless ``data`` is given, no faults unless asked.

    ``token_ttl_s`` is how long a sign-in (API token or replica session) lasts;
    ``replica_layout`` which page the My Atlassian replica shows (``standard``, ``classic``).
    """
    if token_ttl_s <= 0:
        raise ValueError("token_ttl_s must be more than 0 seconds")
    store = SandboxStore(data if data is not None else demo_data(), token_ttl_s=token_ttl_s)
    return SandboxApp(store, FaultInjector(faults), replica_layout=replica_layout)
