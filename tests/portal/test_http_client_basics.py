"""The client's addresses, malformed answers, the in-process demo and read_accounts."""

from __future__ import annotations

import ssl

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from desktop.domain.models import AccountKind
from desktop.portal.errors import (
    BadCredentials,
    InsecureUrl,
    InvalidUrl,
    MalformedResponse,
    Unavailable,
)
from desktop.portal.http_client import HttpPortal, RetryPolicy, demo_portal
from desktop.services.session_broker import open_portal
from tests.conftest import SandboxHandle
from tests.portal.reading import read_accounts

LN, ZW, WF, QQ = (
    "li.na@huake.example",
    "zhang.wei@huake.example",
    "wang.fang@northwind.example",
    "huake.buyer@qq.com",
)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8080", "http://localhost:1/", "http://[::1]:8", "https://portal.example"],
)
async def test_accepted_addresses(url: str) -> None:
    async with HttpPortal(url) as portal:
        assert not portal.base_url.endswith("/")


@pytest.mark.parametrize(
    "url", ["http://portal.example", "http://192.168.1.10:8000", "http://10.0.0.1"]
)
def test_plain_http_is_refused_beyond_loopback(url: str) -> None:
    with pytest.raises(InsecureUrl) as caught:
        HttpPortal(url)
    assert caught.value.error_key == "insecure-url"


@pytest.mark.parametrize("url", ["ftp://portal.example", "portal.example", "", "https://"])
def test_not_a_url(url: str) -> None:
    with pytest.raises(InvalidUrl):
        HttpPortal(url)


async def test_https_verifies_with_the_os_trust_store() -> None:
    async with HttpPortal("https://portal.example") as portal:
        pool = portal._client._transport._pool  # type: ignore[attr-defined]
        context = pool._ssl_context
    assert isinstance(context, ssl.SSLContext)
    assert type(context).__module__.startswith("truststore")
    assert context.verify_mode is ssl.CERT_REQUIRED


def _proxy_app() -> Starlette:
    """A misbehaving server: what a proxy or a broken portal might answer."""

    async def html_sign_in(request: Request) -> Response:
        del request
        return HTMLResponse("<html><body>Please log in to the proxy</body></html>")

    async def token(request: Request) -> Response:
        del request
        return JSONResponse({"token": "t", "account": {"email": LN, "name": None}})

    async def no_total(request: Request) -> Response:
        del request
        return JSONResponse({"values": []})

    async def bad_license(request: Request) -> Response:
        del request
        return JSONResponse({"product": "no sen here"})

    async def gateway(request: Request) -> Response:
        del request
        return HTMLResponse("<h1>502 Bad Gateway</h1>", status_code=502)

    async def teapot(request: Request) -> Response:
        del request
        return HTMLResponse("<h1>418</h1>", status_code=418)

    return Starlette(
        routes=[
            Route("/html/api/v1/session", html_sign_in, methods=["POST"]),
            Route("/ok/api/v1/session", token, methods=["POST"]),
            Route("/ok/api/v1/licenses", no_total),
            Route("/ok/api/v1/licenses/{sen}", bad_license),
            Route("/ok/api/v1/me", teapot),
            Route("/gateway/api/v1/session", gateway, methods=["POST"]),
        ]
    )


async def test_malformed_answers_become_typed_errors() -> None:
    transport = httpx.ASGITransport(app=_proxy_app())
    policy = RetryPolicy(attempts=2, wait_initial_s=0.01)
    async with HttpPortal("http://proxy/html", transport=transport, retry=policy) as html:
        with pytest.raises(MalformedResponse, match="not JSON"):
            await html.sign_in(LN, "demo")
    async with HttpPortal("http://proxy/gateway", transport=transport, retry=policy) as gateway:
        with pytest.raises(Unavailable) as caught:
            await gateway.sign_in(LN, "demo")
        assert caught.value.status == 502
    async with HttpPortal("http://proxy/ok", transport=transport, retry=policy) as ok:
        session = await ok.sign_in(LN, "demo")
        with pytest.raises(MalformedResponse, match="no values or total"):
            await session.list_licenses()
        with pytest.raises(MalformedResponse, match="license"):
            await session.get_license("SEN-1")
        with pytest.raises(MalformedResponse) as teapot:
            await session.me()
        assert teapot.value.status == 418 and "<h1>" not in str(teapot.value)


async def test_demo_portal_runs_in_process() -> None:
    async with demo_portal() as portal:
        assert portal.base_url == "http://demo.sandbox"
        session = await portal.sign_in(ZW, "demo")
        assert session.account.kind is AccountKind.DEMO and session.account.portal == "demo"
        licenses = await session.list_licenses()
    assert {x.sen for x in licenses} >= {"SEN-20110412", "SEN-20110577"}


async def test_open_portal_by_address(sandbox: SandboxHandle) -> None:
    async with open_portal("demo") as demo:
        assert demo.portal_id == "demo"
    async with open_portal(sandbox.url) as portal:
        assert portal.base_url == sandbox.url
    with pytest.raises(InsecureUrl):
        open_portal("http://portal.example")


async def test_read_accounts_merges_by_sen_and_keeps_the_others_on_failure(
    sandbox: SandboxHandle,
) -> None:
    async with HttpPortal(sandbox.url) as portal:
        result = await read_accounts(
            portal, [(ZW, "demo"), (LN, "demo"), (WF, "demo"), (QQ, "wrong")]
        )
    assert not result.complete
    assert isinstance(result.errors[QQ], BadCredentials)
    assert sorted(result.by_account) == sorted([ZW, LN, WF])
    by_sen = {x.sen: x for x in result.licenses}
    assert len(by_sen) == len(result.licenses)
    assert by_sen["SEN-20110388"].seen_by == {LN, WF}  # the same SEN from two accounts
    assert by_sen["SEN-20110577"].seen_by == {LN, ZW}
    visible = [
        x.sen for x in sandbox.state.all_licenses() if any(x.is_contact(e) for e in (ZW, LN, WF))
    ]
    assert [x.sen for x in result.licenses] == visible
    assert "SEN-20110623" not in by_sen  # only the qq.com account sees it


@pytest.mark.qt_loop
async def test_the_client_runs_on_the_qt_event_loop(sandbox: SandboxHandle) -> None:
    """The GUI's loop is qasync's: listing, timeouts and retries must work there too."""
    import asyncio

    import qasync

    assert isinstance(asyncio.get_running_loop(), qasync.QEventLoop)
    async with demo_portal(page_limit=7) as demo:
        session = await demo.sign_in(LN, "demo")
        assert len(await session.list_licenses()) > 7
    async with HttpPortal(sandbox.url, page_limit=5) as portal:
        result = await read_accounts(portal, [(ZW, "demo"), (WF, "demo")])
    assert result.complete and len(result.licenses) > 5


@pytest.mark.qt_loop
async def test_a_timeout_on_the_qt_event_loop() -> None:
    from desktop.portal.errors import PortalTimeout
    from desktop.portal.sandbox import FaultOptions, create_app

    app = create_app(faults=FaultOptions(slow_commit_rate=1.0, slow_commit_delay_s=20.0))
    transport = httpx.ASGITransport(app=app)
    async with HttpPortal("http://demo.sandbox", transport=transport, timeout=0.2) as portal:
        session = await portal.sign_in(LN, "demo")
        with pytest.raises(PortalTimeout):
            await session.add_technical_contact("SEN-20110101", ZW)
    assert app.store.license("SEN-20110101").is_technical_contact(ZW)
