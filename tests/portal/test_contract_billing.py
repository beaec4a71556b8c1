"""API v1.1: every status and errorKey of the billing-contact calls (and the technical DELETE
beside them), through the real client against the real sandbox on 127.0.0.1."""

from __future__ import annotations

import httpx
import pytest

from desktop.domain.models import ContactRole
from desktop.portal.errors import (
    ContactNotFound,
    DomainMismatch,
    InvalidEmailAddress,
    NotFound,
    PrimaryContact,
)
from desktop.portal.http_client import HttpPortal, RetryPolicy
from tests.conftest import SandboxHandle

ZW, LN, WF, QQ = (
    "zhang.wei@huake.example",
    "li.na@huake.example",
    "wang.fang@northwind.example",
    "huake.buyer@qq.com",
)
FIN, AP = "finance@huake.example", "ap@northwind.example"
NO_RETRY = RetryPolicy(attempts=1)


@pytest.fixture
async def portal(sandbox: SandboxHandle) -> HttpPortal:
    client = HttpPortal(sandbox.url, retry=NO_RETRY)
    yield client  # type: ignore[misc]
    await client.aclose()


async def _raw_notes(sandbox: SandboxHandle) -> list[dict[str, str]]:
    async with httpx.AsyncClient(base_url=sandbox.url) as raw:
        notes: list[dict[str, str]] = (await raw.get("/api/v1/_sandbox/notifications")).json()
    return notes


async def test_add_billing_is_201_then_200_and_changes_nothing_the_second_time(
    portal: HttpPortal, sandbox: SandboxHandle
) -> None:
    body = await portal.request("POST", "/session", json_body={"email": LN, "password": "demo"})
    token = body.json()["token"]
    path = "/licenses/SEN-20110245/billing-contacts"
    first = await portal.request(
        "POST", path, token=token, json_body={"email": "Zhang.Wei@Huake.example", "name": None}
    )
    second = await portal.request("POST", path, token=token, json_body={"email": ZW})
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json() == second.json()
    contacts = sandbox.state.license("SEN-20110245").billing_contacts
    assert [(c.email, c.primary) for c in contacts] == [(FIN, True), (ZW, False)]
    # The technical contacts are untouched.
    assert not sandbox.state.license("SEN-20110245").is_technical_contact(ZW)


async def test_evaluation_licenses_accept_billing_contacts(portal: HttpPortal) -> None:
    li_na = await portal.sign_in(LN, "demo")
    lic = await li_na.add_billing_contact("SEN-20110790", ZW, "Zhang Wei")
    # The evaluation license had no billing contact: the first one is its primary.
    assert lic.is_primary(ContactRole.BILLING, ZW)
    assert not lic.is_technical_contact(ZW)


async def test_422_invalid_email_for_billing(portal: HttpPortal, sandbox: SandboxHandle) -> None:
    li_na = await portal.sign_in(LN, "demo")
    for bad in ("not-an-email", "a@b"):
        with pytest.raises(InvalidEmailAddress) as caught:
            await li_na.add_billing_contact("SEN-20110101", bad)
        assert caught.value.status == 422
    assert len(sandbox.state.license("SEN-20110101").billing_contacts) == 1


async def test_make_billing_primary_same_domain_notifies_once_with_kind_billing(
    portal: HttpPortal, sandbox: SandboxHandle
) -> None:
    li_na = await portal.sign_in(LN, "demo")
    await li_na.add_billing_contact("SEN-20110245", ZW)
    lic = await li_na.make_billing_primary("SEN-20110245", ZW)  # FIN → ZW, both huake.example
    assert lic.primary_billing_contact is not None and lic.primary_billing_contact.email == ZW
    assert [c.email for c in lic.billing_contacts if not c.primary] == [FIN]  # stays secondary
    assert lic.is_primary_technical(LN)  # the technical primary did not move
    again = await li_na.make_billing_primary("SEN-20110245", ZW)  # already primary: no change
    assert again == lic
    [note] = await _raw_notes(sandbox)
    assert (note["to"], note["sen"], note["newPrimary"], note["kind"]) == (
        FIN,
        "SEN-20110245",
        ZW,
        "billing",
    )


async def test_technical_notifications_carry_kind_technical(
    portal: HttpPortal, sandbox: SandboxHandle
) -> None:
    li_na = await portal.sign_in(LN, "demo")
    await li_na.make_primary("SEN-20110577", ZW)
    [note] = await _raw_notes(sandbox)
    assert note["kind"] == "technical" and note["to"] == LN


async def test_403_domain_mismatch_for_billing_and_self_promotion(
    portal: HttpPortal, sandbox: SandboxHandle
) -> None:
    wang = await portal.sign_in(WF, "demo")
    await wang.add_billing_contact("SEN-20110834", ZW)  # billing primary AP@northwind
    with pytest.raises(DomainMismatch) as caught:
        await wang.make_billing_primary("SEN-20110834", ZW)  # northwind → huake: refused
    assert caught.value.status == 403
    li_na = await portal.sign_in(LN, "demo")
    await li_na.add_billing_contact("SEN-20113188", QQ)
    with pytest.raises(DomainMismatch):
        await li_na.make_billing_primary("SEN-20113188", QQ)  # a public domain never matches
    assert await _raw_notes(sandbox) == []
    # A billing contact may always promote itself.
    buyer = await portal.sign_in(QQ, "demo")
    lic = await buyer.make_billing_primary("SEN-20113188", QQ)
    assert lic.primary_billing_contact is not None and lic.primary_billing_contact.email == QQ
    [note] = await _raw_notes(sandbox)
    assert (note["to"], note["kind"]) == (LN, "billing")


async def test_404_for_billing_calls(portal: HttpPortal) -> None:
    wang = await portal.sign_in(WF, "demo")
    with pytest.raises(NotFound):
        await wang.add_billing_contact("SEN-20110101", ZW)  # not hers
    with pytest.raises(NotFound):
        await wang.make_billing_primary("SEN-20110101", LN)
    with pytest.raises(NotFound):
        await wang.remove_billing_contact("SEN-20110101", LN)
    li_na = await portal.sign_in(LN, "demo")
    with pytest.raises(ContactNotFound) as caught:
        await li_na.make_billing_primary("SEN-20110101", ZW)
    assert caught.value.status == 404
    with pytest.raises(ContactNotFound):
        await li_na.remove_billing_contact("SEN-20110101", ZW)
    # A technical contact is not a billing contact.
    with pytest.raises(ContactNotFound):
        await li_na.make_billing_primary("SEN-20110388", WF)


async def test_409_the_primary_billing_contact_cannot_be_removed(
    portal: HttpPortal, sandbox: SandboxHandle
) -> None:
    li_na = await portal.sign_in(LN, "demo")
    with pytest.raises(PrimaryContact) as caught:
        await li_na.remove_billing_contact("SEN-20110101", LN)  # herself, the primary
    assert caught.value.status == 409
    with pytest.raises(PrimaryContact):
        await li_na.remove_billing_contact("SEN-20110245", FIN)  # someone else, the primary
    assert sandbox.state.license("SEN-20110245").primary_billing_contact is not None


async def test_delete_a_secondary_billing_contact_answers_204(
    portal: HttpPortal, sandbox: SandboxHandle
) -> None:
    li_na = await portal.sign_in(LN, "demo")
    await li_na.add_billing_contact("SEN-20110245", ZW)
    await li_na.remove_billing_contact("SEN-20110245", ZW)
    lic = sandbox.state.license("SEN-20110245")
    assert [c.email for c in lic.billing_contacts] == [FIN]
    routes = sandbox.state.requests_by_route()
    assert routes["DELETE /api/v1/licenses/{sen}/billing-contacts/{email}"] == 1


async def test_a_contact_who_removes_itself_no_longer_sees_the_license(
    portal: HttpPortal, sandbox: SandboxHandle
) -> None:
    wang = await portal.sign_in(WF, "demo")  # secondary technical contact of SEN-20110388
    await wang.remove_technical_contact("SEN-20110388", WF)
    with pytest.raises(NotFound):
        await wang.get_license("SEN-20110388")
    assert "SEN-20110388" not in {lic.sen for lic in await wang.list_licenses()}
    assert sandbox.state.license("SEN-20110388").is_primary_technical(LN)
