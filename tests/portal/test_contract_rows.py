"""Every status and errorKey row of PORTAL_API.md, provoked through the real client (HttpPortal)
against the real sandbox served by uvicorn on 127.0.0.1."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from desktop.domain.models import Account, AccountKind
from desktop.portal.errors import (
    BadCredentials,
    BadRequest,
    ContactNotFound,
    DomainMismatch,
    EvaluationLicense,
    InvalidEmailAddress,
    NotFound,
    PrimaryContact,
    RateLimited,
    Unauthenticated,
    Unavailable,
)
from desktop.portal.http_client import HttpPortal, HttpPortalSession, RetryPolicy
from desktop.portal.protocol import Portal, PortalSession
from tests.conftest import SandboxFactory, SandboxHandle

ZW, LN, WF, QQ = (
    "zhang.wei@huake.example",
    "li.na@huake.example",
    "wang.fang@northwind.example",
    "huake.buyer@qq.com",
)
NO_RETRY = RetryPolicy(attempts=1)


@pytest.fixture
async def portal(sandbox: SandboxHandle) -> HttpPortal:
    client = HttpPortal(sandbox.url, retry=NO_RETRY)
    yield client  # type: ignore[misc]
    await client.aclose()


async def test_client_implements_the_protocols(portal: HttpPortal) -> None:
    session = await portal.sign_in(LN, "demo")
    assert isinstance(portal, Portal)
    assert isinstance(session, PortalSession)
    assert session.account.email == LN and session.account.name == "Li Na"
    assert (await session.me()).email == LN


async def test_400_bad_request_for_a_missing_field(portal: HttpPortal) -> None:
    with pytest.raises(BadRequest) as caught:
        await portal.request("POST", "/session", json_body={"email": LN})
    assert caught.value.status == 400


async def test_400_bad_request_for_a_limit_out_of_range(portal: HttpPortal) -> None:
    with pytest.raises(ValueError):
        HttpPortal(portal.base_url, page_limit=500)
    token = await portal.request("POST", "/session", json_body={"email": LN, "password": "demo"})
    with pytest.raises(BadRequest):
        await portal.request("GET", "/licenses", token=token.json()["token"], params={"limit": 500})


async def test_401_bad_credentials(portal: HttpPortal) -> None:
    with pytest.raises(BadCredentials):
        await portal.sign_in(LN, "not-the-password")
    with pytest.raises(BadCredentials):
        await portal.sign_in("nobody@huake.example", "demo")


async def test_401_unauthenticated_for_an_expired_or_unknown_token(
    portal: HttpPortal, sandbox: SandboxHandle
) -> None:
    session = await portal.sign_in(LN, "demo")
    sandbox.state.expire_sessions()
    with pytest.raises(Unauthenticated):
        await session.list_licenses()
    with pytest.raises(Unauthenticated):
        await portal.request("GET", "/me", token="made-up")
    with pytest.raises(Unauthenticated):
        await portal.request("GET", "/me")


async def test_401_unauthenticated_after_the_token_lifetime(
    sandbox_server: SandboxFactory,
) -> None:
    handle = sandbox_server(token_ttl_s=0.2)
    async with HttpPortal(handle.url, retry=NO_RETRY) as portal:
        session = await portal.sign_in(LN, "demo")
        await session.me()
        await asyncio.sleep(0.3)
        with pytest.raises(Unauthenticated):
            await session.me()


async def test_403_domain_mismatch_across_domains_and_for_public_mail(
    portal: HttpPortal, sandbox: SandboxHandle
) -> None:
    li_na = await portal.sign_in(LN, "demo")
    with pytest.raises(DomainMismatch) as caught:
        await li_na.make_primary("SEN-20110388", WF)  # huake.example → northwind.example
    assert caught.value.status == 403
    with pytest.raises(DomainMismatch):
        await li_na.make_primary("SEN-20113188", QQ)  # public mail never counts as the same
    # Nothing changed, nobody was notified.
    assert sandbox.state.license("SEN-20110388").is_primary_technical(LN)
    assert sandbox.state.notifications() == []


async def test_self_promotion_is_always_allowed_and_notifies(
    portal: HttpPortal, sandbox: SandboxHandle
) -> None:
    buyer = await portal.sign_in(QQ, "demo")
    lic = await buyer.make_primary("SEN-20113188", QQ)
    assert lic.is_primary_technical(QQ)
    assert lic.technical_contact(LN) is not None and not lic.is_primary_technical(LN)
    [note] = sandbox.state.notifications()
    assert (note.to, note.sen, note.new_primary) == (LN, "SEN-20113188", QQ)


async def test_make_primary_same_domain_notifies_once(
    portal: HttpPortal, sandbox: SandboxHandle
) -> None:
    li_na = await portal.sign_in(LN, "demo")
    lic = await li_na.make_primary("SEN-20110577", ZW)  # ZW is a secondary contact already
    assert lic.is_primary_technical(ZW) and lic.seen_by == frozenset({LN})
    again = await li_na.make_primary("SEN-20110577", ZW)  # already primary: 200, no change
    assert again == lic
    async with httpx.AsyncClient(base_url=sandbox.url) as raw:
        notes = (await raw.get("/api/v1/_sandbox/notifications")).json()
    assert len(notes) == 1
    assert notes[0]["to"] == LN and notes[0]["newPrimary"] == ZW
    assert notes[0]["at"].startswith("20") and "T" in notes[0]["at"]


async def test_404_not_found_leaks_nothing(portal: HttpPortal) -> None:
    wang = await portal.sign_in(WF, "demo")
    with pytest.raises(NotFound) as missing:
        await wang.get_license("SEN-99999999")
    with pytest.raises(NotFound) as hidden:
        await wang.get_license("SEN-20110101")  # exists, but not hers
    with pytest.raises(NotFound):
        await wang.add_technical_contact("SEN-20110101", ZW)
    with pytest.raises(NotFound):
        await wang.make_primary("SEN-20110101", LN)
    with pytest.raises(NotFound):
        await wang.remove_technical_contact("SEN-20110101", LN)
    assert str(missing.value) == str(hidden.value)


async def test_404_contact_not_found(portal: HttpPortal) -> None:
    li_na = await portal.sign_in(LN, "demo")
    with pytest.raises(ContactNotFound):
        await li_na.make_primary("SEN-20110101", ZW)
    with pytest.raises(ContactNotFound) as caught:
        await li_na.remove_technical_contact("SEN-20110101", ZW)
    assert caught.value.status == 404


async def test_409_primary_contact_cannot_be_removed(
    portal: HttpPortal, sandbox: SandboxHandle
) -> None:
    zhang = await portal.sign_in(ZW, "demo")
    with pytest.raises(PrimaryContact):
        await zhang.remove_technical_contact("SEN-20110412", ZW)  # himself, the primary
    li_na = await portal.sign_in(LN, "demo")
    with pytest.raises(PrimaryContact):
        await li_na.remove_technical_contact("SEN-20110412", ZW)  # a secondary removing him
    assert sandbox.state.license("SEN-20110412").is_primary_technical(ZW)


async def test_delete_a_secondary_contact_answers_204(
    portal: HttpPortal, sandbox: SandboxHandle
) -> None:
    li_na = await portal.sign_in(LN, "demo")
    await li_na.remove_technical_contact("SEN-20110577", ZW)
    assert not sandbox.state.license("SEN-20110577").is_technical_contact(ZW)


async def test_422_invalid_email(portal: HttpPortal, sandbox: SandboxHandle) -> None:
    li_na = await portal.sign_in(LN, "demo")
    for bad in ("not-an-email", "a@b", "zhang wei@huake.example"):
        with pytest.raises(InvalidEmailAddress) as caught:
            await li_na.add_technical_contact("SEN-20110101", bad)
        assert caught.value.status == 422
    assert len(sandbox.state.license("SEN-20110101").technical_contacts) == 1


async def test_422_evaluation_license(portal: HttpPortal, sandbox: SandboxHandle) -> None:
    li_na = await portal.sign_in(LN, "demo")
    with pytest.raises(EvaluationLicense):
        await li_na.add_technical_contact("SEN-20110790", ZW)
    assert not sandbox.state.license("SEN-20110790").is_technical_contact(ZW)


async def test_add_is_201_then_200_and_changes_nothing_the_second_time(
    portal: HttpPortal, sandbox: SandboxHandle
) -> None:
    body = await portal.request("POST", "/session", json_body={"email": LN, "password": "demo"})
    token = body.json()["token"]
    path = "/licenses/SEN-20110101/technical-contacts"
    first = await portal.request(
        "POST",
        path,
        token=token,
        json_body={"email": "Zhang.Wei@Huake.example", "name": "Zhang Wei"},
    )
    second = await portal.request("POST", path, token=token, json_body={"email": ZW, "name": None})
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json() == second.json()
    contacts = sandbox.state.license("SEN-20110101").technical_contacts
    assert [(c.email, c.primary) for c in contacts] == [(LN, True), (ZW, False)]


async def test_a_billing_contact_may_change_technical_contacts(portal: HttpPortal) -> None:
    li_na = await portal.sign_in(LN, "demo")  # billing contact only on SEN-20112018
    lic = await li_na.add_technical_contact("SEN-20112018", ZW, "Zhang Wei")
    assert lic.is_technical_contact(ZW) and lic.is_primary_technical("liu.yang@huake.example")
    assert any(x.sen == "SEN-20112018" for x in await li_na.list_licenses())


async def test_429_rate_limited_carries_retry_after(sandbox_server: SandboxFactory) -> None:
    handle = sandbox_server(rate_limit=1, burst=1)
    async with HttpPortal(handle.url, retry=NO_RETRY) as portal:
        await portal.sign_in(LN, "demo")  # takes the only token
        with pytest.raises(RateLimited) as caught:
            await portal.sign_in(LN, "demo")
    assert caught.value.status == 429
    assert caught.value.retry_after is not None and 0 < caught.value.retry_after <= 1.0


async def test_503_unavailable(sandbox_server: SandboxFactory) -> None:
    handle = sandbox_server(fail_rate=1.0)
    async with HttpPortal(handle.url, retry=RetryPolicy(attempts=3, wait_initial_s=0.01)) as p:
        with pytest.raises(Unavailable) as caught:
            await p.sign_in(LN, "demo")
    assert caught.value.status == 503
    assert handle.state.requests_by_route() == {"POST /api/v1/session": 3}
    assert handle.faults_injected == 3


async def test_session_repr_hides_the_token() -> None:
    async with HttpPortal("http://127.0.0.1:9") as portal:
        account = Account(AccountKind.PORTAL, LN)
        session = HttpPortalSession(portal, "secret-token-value", account)
        assert "secret-token-value" not in repr(session)
