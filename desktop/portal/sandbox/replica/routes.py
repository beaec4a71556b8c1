"""The replica's routes: sign-in with a cookie session, the licenses pages, and the page's API.

The page's own API (``api/…``) is what the replica's JavaScript calls when a person clicks
Add, Make Primary → Yes, or Delete → Yes, in the Technical or the Billing Contacts section; it
applies the sandbox's rules (PORTAL_API.md v1.1) through the store.
``PUT _quirks`` (sandbox only) lets a test rename labels, make writes silently not apply or end
the session right after a change; ``POST _expire-sessions`` (sandbox only) ends sessions now.
A page whose session has ended goes to the sign-in page, as the real site does.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, quote

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route

from desktop.domain.models import ContactRole, License
from desktop.portal.sandbox.dataset import SandboxAccount
from desktop.portal.sandbox.replica.classic import license_rows, licenses_table
from desktop.portal.sandbox.replica.quirks import ReplicaQuirks
from desktop.portal.sandbox.replica.render import (
    BASE,
    license_block,
    licenses_html,
    licenses_page,
    sign_in_page,
)
from desktop.portal.sandbox.store import SandboxFailure, SandboxStore

log = logging.getLogger(__name__)

MOUNT_PATH = BASE
COOKIE = "ma_session"
#: The page layouts the replica can show: the one built from the seed's page text (default)
#: and the "classic table" of the public evidence.
LAYOUTS = ("standard", "classic")
#: The licenses list (both of the profile's addresses, and the replica's first one).
LIST_PATHS = ("/product", "/products/index", "/licenses")
_STATIC_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}

#: What the page says when the portal refuses a change (the JavaScript shows it in a flag).
PAGE_ERRORS: dict[str, str] = {
    "invalid-email": "Enter a valid email address.",
    "evaluation-license": "Technical contacts can't be added to evaluation licenses.",
    "domain-mismatch": "This contact can't be made primary by you: they need to log in to"
    " My Atlassian and promote themselves.",
    "contact-not-found": "That contact no longer exists on this license.",
    "primary-contact": "A primary contact can't be deleted: make someone else primary first.",
    "not-found": "We couldn't find that license.",
    "unauthenticated": "Your session has expired. Log in again.",
}


def _store(request: Request) -> SandboxStore:
    store: SandboxStore = request.app.state.store
    return store


def quirks(request: Request) -> ReplicaQuirks:
    """The replica's quirks for this sandbox (none until a test sets some)."""
    state = request.app.state
    current = getattr(state, "replica_quirks", None)
    if current is None:
        current = ReplicaQuirks()
        state.replica_quirks = current
    assert isinstance(current, ReplicaQuirks)
    return current


def layout(request: Request) -> str:
    """The layout this sandbox shows (``standard`` unless it was started with another)."""
    sandbox = getattr(request.app.state, "sandbox", None)
    chosen = getattr(sandbox, "replica_layout", None) or getattr(
        request.app.state, "replica_layout", "standard"
    )
    return chosen if chosen in LAYOUTS else "standard"


def _lang(request: Request) -> str:
    return "zh" if request.headers.get("accept-language", "").lower().startswith("zh") else "en"


def _caller(request: Request) -> SandboxAccount | None:
    token = request.cookies.get(COOKIE, "")
    if not token:
        return None
    try:
        return _store(request).account_for_token(token)
    except SandboxFailure:
        return None


def _api_error(failure: SandboxFailure) -> JSONResponse:
    message = PAGE_ERRORS.get(failure.error_key, "Something went wrong. Try again.")
    return JSONResponse(
        {"errorKey": failure.error_key, "message": message}, status_code=failure.status
    )


def _unauthenticated() -> JSONResponse:
    return _api_error(SandboxFailure(401, "unauthenticated", "Sign in first."))


# -- pages ------------------------------------------------------------------------------------


async def home(request: Request) -> Response:
    del request
    return RedirectResponse(f"{BASE}/product", status_code=303)


async def login_form(request: Request) -> Response:
    if _caller(request) is not None:
        return RedirectResponse(f"{BASE}/product", status_code=303)
    return HTMLResponse(sign_in_page(lang=_lang(request)))


async def login(request: Request) -> Response:
    fields = parse_qs((await request.body()).decode("utf-8", "replace"))
    email = (fields.get("email") or [""])[0].strip()
    password = (fields.get("password") or [""])[0]
    try:
        token, _account = _store(request).sign_in(email, password)
    except SandboxFailure:
        page = sign_in_page(bad_password=True, email=email, lang=_lang(request))
        return HTMLResponse(page, status_code=401)
    next_path = request.query_params.get("next", "")
    inside = next_path.startswith(tuple(BASE + path for path in LIST_PATHS))
    target = next_path if inside and "//" not in next_path else f"{BASE}/product"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, token, path=BASE, httponly=True, samesite="lax")
    log.debug("replica: an account signed in")
    return response


async def logout(request: Request) -> Response:
    del request
    response = RedirectResponse(f"{BASE}/login", status_code=303)
    response.delete_cookie(COOKIE, path=BASE)
    return response


async def licenses(request: Request) -> Response:
    account = _caller(request)
    sen = request.path_params.get("sen") or _sen_param(request)
    if account is None:
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"{BASE}/login?next={quote(here)}", status_code=303)
    page = licenses_page(
        name=account.name, email=account.email, q=quirks(request), sen=sen, layout=layout(request)
    )
    return HTMLResponse(page)


def _sen_param(request: Request) -> str | None:
    """``?sen=12683313`` (the digits, as the real site's license address has them)."""
    raw = request.query_params.get("sen", "").strip()
    if not raw:
        return None
    return raw if raw.upper().startswith("SEN") else f"SEN-{raw}"


async def static(request: Request) -> Response:
    name = str(request.path_params["name"])
    suffix = name[name.rfind(".") :] if "." in name else ""
    if "/" in name or suffix not in _STATIC_TYPES:
        return Response("Not found", status_code=404)
    files = resources.files("desktop.portal.sandbox.replica").joinpath("static")
    try:
        text = files.joinpath(name).read_text("utf-8")
    except FileNotFoundError:
        return Response("Not found", status_code=404)
    return Response(text, media_type=_STATIC_TYPES[suffix], headers={"Cache-Control": "no-store"})


# -- the page's API -----------------------------------------------------------------------------


async def api_licenses(request: Request) -> Response:
    account = _caller(request)
    if account is None:
        return _unauthenticated()
    store, q = _store(request), quirks(request)
    sen = request.query_params.get("sen")
    try:
        if sen:
            shown = [store.get_for(account.email, sen)]
        else:
            shown, _ = store.list_for(account.email, 0, 1_000_000)
    except SandboxFailure as failure:
        return _api_error(failure)
    expand_all = bool(sen) or _flag(request, "expand")
    render = licenses_table if layout(request) == "classic" else licenses_html
    html = render(shown, account.email, q, _lang(request), expand_all=expand_all)
    return JSONResponse({"html": html, "count": len(shown)})


def _flag(request: Request, name: str) -> bool:
    return request.query_params.get(name, "") in {"1", "true"}


async def _json(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.body())
    except ValueError:
        body = None
    return body if isinstance(body, dict) else {}


def _block(request: Request, lic: License, caller: str) -> JSONResponse:
    render = license_rows if layout(request) == "classic" else license_block
    html = render(lic, caller, quirks(request), _lang(request), expanded=True)
    return JSONResponse({"html": html, "sen": lic.sen})


async def _write(request: Request, sen: str, apply: Callable[[str, str], object]) -> Response:
    """A control the person clicked: ``apply(caller, sen)`` on the store (unless the test's
    quirks make writes silently not apply), then the license's block as it is now — or, when
    the caller deleted itself and no longer sees the license, ``gone`` (the page drops it)."""
    account = _caller(request)
    if account is None:
        return _unauthenticated()
    store, q = _store(request), quirks(request)
    answer: Response
    try:
        if not q.ignore_writes:
            apply(account.email, sen)
        answer = _after_write(request, store, account.email, sen)
    except SandboxFailure as failure:
        answer = _api_error(failure)
    if q.session_ends_now():  # the change is made, but the page hears "session expired"
        store.expire_sessions(account.email)
        log.debug("replica: a session ended right after a change (quirk)")
        return _unauthenticated()
    return answer


def _after_write(request: Request, store: SandboxStore, caller: str, sen: str) -> Response:
    """The license's block as it is now or, when the caller deleted itself and no longer sees
    the license, ``gone`` (the page drops it)."""
    try:
        lic = store.get_for(caller, sen)
    except SandboxFailure as failure:
        if failure.error_key != "not-found":
            raise
        return JSONResponse({"html": "", "sen": sen, "gone": True})
    return _block(request, lic, caller)


def _role(request: Request) -> ContactRole | None:
    """The section a control belongs to (``technical`` or ``billing``), None for another."""
    try:
        return ContactRole(str(request.path_params["role"]))
    except ValueError:
        return None


def _no_such_section() -> JSONResponse:
    return JSONResponse({"errorKey": "not-found", "message": "Not found."}, status_code=404)


async def api_add(request: Request) -> Response:
    role, store = _role(request), _store(request)
    if role is None:
        return _no_such_section()
    email = str((await _json(request)).get("email") or "")
    return await _write(
        request,
        str(request.path_params["sen"]),
        lambda caller, sen: store.add_contact(role, caller, sen, email, None),
    )


async def api_make_primary(request: Request) -> Response:
    email, role, store = str(request.path_params["email"]), _role(request), _store(request)
    if role is None:
        return _no_such_section()
    return await _write(
        request,
        str(request.path_params["sen"]),
        lambda caller, sen: store.make_contact_primary(role, caller, sen, email),
    )


async def api_delete(request: Request) -> Response:
    email, role, store = str(request.path_params["email"]), _role(request), _store(request)
    if role is None:
        return _no_such_section()
    return await _write(
        request,
        str(request.path_params["sen"]),
        lambda caller, sen: store.remove_contact(role, caller, sen, email),
    )


async def expire_sessions(request: Request) -> Response:
    """Sandbox only: end the sessions of ``{"email": …}`` (every account's without one) now,
    as when a sign-in expires or the person signs out elsewhere. The next page load lands on
    the sign-in page, and the page's next change is answered "session expired"."""
    email = (await _json(request)).get("email")
    if email is not None and not isinstance(email, str):
        return JSONResponse(
            {"errorKey": "bad-request", "message": "email must be a string"}, status_code=400
        )
    ended = _store(request).expire_sessions(email or None)
    return JSONResponse({"ended": ended})


async def set_quirks(request: Request) -> Response:
    try:
        request.app.state.replica_quirks = ReplicaQuirks.from_json(await _json(request))
    except ValueError as error:
        return JSONResponse({"errorKey": "bad-request", "message": str(error)}, status_code=400)
    return Response(status_code=204)


ROUTES = [
    Route("/", home, methods=["GET"]),
    Route("/login", login_form, methods=["GET"]),
    Route("/login", login, methods=["POST"]),
    Route("/logout", logout, methods=["GET"]),
    *(Route(path, licenses, methods=["GET"]) for path in LIST_PATHS),
    Route("/licenses/{sen}", licenses, methods=["GET"]),
    Route("/static/{name}", static, methods=["GET"]),
    Route("/api/licenses", api_licenses, methods=["GET"]),
    # {role}: "technical" or "billing" (the page's sections; the same rules for both).
    Route("/api/licenses/{sen}/{role}-contacts", api_add, methods=["POST"]),
    Route(
        "/api/licenses/{sen}/{role}-contacts/{email}/make-primary",
        api_make_primary,
        methods=["POST"],
    ),
    Route("/api/licenses/{sen}/{role}-contacts/{email}", api_delete, methods=["DELETE"]),
    Route("/_quirks", set_quirks, methods=["PUT"]),
    Route("/_expire-sessions", expire_sessions, methods=["POST"]),
]


def replica_mount() -> Mount:
    """The replica, to put in the sandbox app's routes."""
    return Mount(MOUNT_PATH, routes=ROUTES)
