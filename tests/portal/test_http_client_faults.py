"""The client against the sandbox's injected faults, over uvicorn on 127.0.0.1 and in-process."""

from __future__ import annotations

import time

import httpx
import pytest

from desktop.portal.errors import ConnectionDropped, ConnectionFailed, PortalTimeout
from desktop.portal.http_client import HttpPortal, RetryPolicy
from desktop.portal.sandbox import FaultOptions, create_app
from tests.conftest import SandboxFactory
from tests.portal.reading import read_accounts

LN, ZW = "li.na@huake.example", "zhang.wei@huake.example"
NO_RETRY = RetryPolicy(attempts=1)


async def test_a_drop_over_uvicorn_is_a_transport_error_not_a_500(
    sandbox_server: SandboxFactory,
) -> None:
    handle = sandbox_server(drop_rate=1.0)
    async with httpx.AsyncClient(base_url=handle.url) as raw:
        # The socket closes mid-answer: seen as an incomplete answer or, when the close
        # arrives as a reset, a read error; either way no HTTP status, so never a 500.
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            await raw.post("/api/v1/session", json={"email": LN, "password": "demo"})
    async with HttpPortal(handle.url, retry=RetryPolicy(attempts=2, wait_initial_s=0.01)) as p:
        with pytest.raises(ConnectionDropped):
            await p.sign_in(LN, "demo")
    assert handle.state.requests_by_route() == {"POST /api/v1/session": 3}


async def test_a_drop_in_process_is_the_same_transport_error() -> None:
    app = create_app(faults=FaultOptions(drop_rate=1.0))
    async with HttpPortal(
        "http://demo.sandbox", transport=httpx.ASGITransport(app=app), retry=NO_RETRY
    ) as portal:
        with pytest.raises(ConnectionDropped):
            await portal.sign_in(LN, "demo")


async def test_slow_commit_applies_the_write_and_raises_timeout_without_retrying(
    sandbox_server: SandboxFactory,
) -> None:
    handle = sandbox_server(slow_commit_rate=1.0, slow_commit_delay_s=2.0)
    async with HttpPortal(handle.url, timeout=0.3) as portal:
        session = await portal.sign_in(LN, "demo")
        with pytest.raises(PortalTimeout):
            await session.add_technical_contact("SEN-20110101", ZW)
        # The write was applied; re-reading (a read is never slow-committed) shows it.
        assert (await session.get_license("SEN-20110101")).is_technical_contact(ZW)
    counts = handle.state.requests_by_route()
    assert counts["POST /api/v1/licenses/{sen}/technical-contacts"] == 1  # not retried


async def test_slow_commit_in_process_is_bounded_by_the_client_timeout() -> None:
    app = create_app(faults=FaultOptions(slow_commit_rate=1.0, slow_commit_delay_s=30.0))
    async with HttpPortal(
        "http://demo.sandbox", transport=httpx.ASGITransport(app=app), timeout=0.2
    ) as portal:
        session = await portal.sign_in(LN, "demo")
        started = time.monotonic()
        with pytest.raises(PortalTimeout):
            await session.make_primary("SEN-20110577", ZW)
        assert time.monotonic() - started < 5
    assert app.store.license("SEN-20110577").is_primary_technical(ZW)


async def test_retry_after_is_honoured(sandbox_server: SandboxFactory) -> None:
    handle = sandbox_server(rate_limit=2, burst=1)
    async with HttpPortal(handle.url) as portal:
        started = time.monotonic()
        session = await portal.sign_in(LN, "demo")
        await session.me()  # the bucket is empty: 429, Retry-After ≈ 0.5 s, then retried
        elapsed = time.monotonic() - started
    assert handle.faults_injected >= 1
    assert elapsed >= 0.4


async def test_a_closed_port_is_unreachable_after_bounded_retries() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again when the block ends
    policy = RetryPolicy(attempts=3, wait_initial_s=0.01, total_s=5)
    async with HttpPortal(f"http://127.0.0.1:{port}", retry=policy) as portal:
        started = time.monotonic()
        with pytest.raises(ConnectionFailed):
            await portal.sign_in(LN, "demo")
    assert time.monotonic() - started < 5


async def test_pages_after_the_first_are_fetched_concurrently(
    sandbox_server: SandboxFactory,
) -> None:
    handle = sandbox_server(licenses=1000, accounts=1, latency_ms=50)
    async with HttpPortal(handle.url, page_limit=100, concurrency=4) as portal:
        session = await portal.sign_in(handle.emails[0], "demo")
        licenses = await session.list_licenses()
    assert [x.sen for x in licenses] == [x.sen for x in handle.state.all_licenses()]
    assert handle.state.requests_by_route()["GET /api/v1/licenses"] == 10
    assert handle.app.max_in_flight == 4


async def test_1000_licenses_from_3_accounts_under_faults_each_exactly_once(
    sandbox_server: SandboxFactory,
) -> None:
    handle = sandbox_server(
        licenses=1000, accounts=3, seed=11, fail_rate=0.2, drop_rate=0.05, rate_limit=20
    )
    async with HttpPortal(handle.url, page_limit=50) as portal:
        result = await read_accounts(portal, [(email, "demo") for email in handle.emails])
    assert result.complete, result.errors
    sens = [x.sen for x in result.licenses]
    assert len(sens) == len(set(sens)) == 1000
    expected = {x.sen: x for x in handle.state.all_licenses()}
    assert set(sens) == set(expected)
    for lic in result.licenses:
        contacts = {c.email for c in (*expected[lic.sen].technical_contacts,)}
        contacts |= {c.email for c in expected[lic.sen].billing_contacts}
        assert lic.seen_by == contacts & set(handle.emails)
        assert lic.license_key == expected[lic.sen].license_key
    assert handle.faults_injected > 10  # the faults really happened
