"""Page text that reads two ways, on both replica layouts: the live connector reads such a
license from its own block on the page; a paste of the same page flags it, never misreads it.

A contact whose name is the target's address, a billing contact named "Technical Contacts", and
a license named "SEN-1" (fictional people, ``.example`` addresses).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.domain.models import Contact, License
from desktop.portal.my_atlassian.errors import PageNotUnderstood
from desktop.portal.paste_reader import read_paste
from desktop.portal.sandbox.dataset import SandboxData
from desktop.portal.sandbox.demo_data import demo_data
from tests.conftest import SandboxFactory, SandboxHandle
from tests.live.conftest import Live

ACTOR = "li.na@huake.example"
TARGET = "zhang.wei@huake.example"
NAMED_BY_TARGET = "SEN-20110388"  # Wang Fang's name on the page is the target's address
BILLING_NAMED_LIKE_A_HEADING = "SEN-20110245"  # finance is named "Technical Contacts"
NAMED_LIKE_A_SEN = "SEN-20110412"  # the license's name is "SEN-1"
AMBIGUOUS = {NAMED_BY_TARGET, BILLING_NAMED_LIKE_A_HEADING, NAMED_LIKE_A_SEN}


def _renamed(contacts: tuple[Contact, ...], email: str, name: str) -> tuple[Contact, ...]:
    assert any(c.email == email for c in contacts)
    return tuple(replace(c, name=name) if c.email == email else c for c in contacts)


def ambiguous_data() -> SandboxData:
    data = demo_data()
    changed: list[License] = []
    for lic in data.licenses:
        if lic.sen == NAMED_BY_TARGET:
            technical = _renamed(lic.technical_contacts, "wang.fang@northwind.example", TARGET)
            lic = replace(lic, technical_contacts=technical)
        elif lic.sen == BILLING_NAMED_LIKE_A_HEADING:
            billing = _renamed(lic.billing_contacts, "finance@huake.example", "Technical Contacts")
            lic = replace(lic, billing_contacts=billing)
        elif lic.sen == NAMED_LIKE_A_SEN:
            lic = replace(lic, name="SEN-1")
        changed.append(lic)
    return replace(data, licenses=tuple(changed))


@pytest.fixture
def sandbox(sandbox_server: SandboxFactory, layout: str) -> SandboxHandle:
    handle = sandbox_server(data=ambiguous_data())
    handle.app.replica_layout = layout
    return handle


async def test_the_connector_reads_each_license_from_its_own_block(live: Live) -> None:
    await live.sign_in(ACTOR)
    session = live.session(ACTOR)

    licenses = {lic.sen: lic for lic in await session.list_licenses()}

    expected, _ = live.sandbox.state.list_for(ACTOR, 0, 1000)
    # A contact named by an address reads two ways in the block as well: not readable, said so.
    assert set(licenses) == {lic.sen for lic in expected} - {NAMED_BY_TARGET}  # none invented
    for want in expected:
        if want.sen in licenses:
            got = licenses[want.sen]
            assert got.technical_contacts == want.technical_contacts, got.sen
            assert got.billing_contacts == want.billing_contacts, got.sen
    assert licenses[NAMED_LIKE_A_SEN].name == "SEN-1"
    assert session.last_warnings == [
        f"{NAMED_BY_TARGET} was not read: a contact's name on the page is an email address "
        f"('{TARGET}'), so the text cannot tell which address is the contact."
    ]


async def test_a_paste_of_the_same_page_flags_them_and_misreads_none(live: Live) -> None:
    await live.sign_in(ACTOR)
    await live.session(ACTOR).list_licenses()  # every license expanded

    pasted = read_paste(await live.driver.text(), account_key=ACTOR)

    assert {u.sen for u in pasted.unreadable} == AMBIGUOUS
    for u in pasted.unreadable:
        assert "was not read" in u.message
    expected = {lic.sen: lic for lic in live.sandbox.state.list_for(ACTOR, 0, 1000)[0]}
    assert {lic.sen for lic in pasted.licenses} == set(expected) - AMBIGUOUS  # no "SEN-1"
    for lic in pasted.licenses:
        assert lic.technical_contacts == expected[lic.sen].technical_contacts, lic.sen
        assert lic.billing_contacts == expected[lic.sen].billing_contacts, lic.sen


async def test_a_contact_named_by_the_target_address_does_not_count_as_the_target(
    live: Live,
) -> None:
    """Where a contact is *named* by the target's address, the connector never takes the step
    as done already: the license is not readable, and nothing is changed."""
    await live.sign_in(ACTOR)
    session = live.session(ACTOR)
    await session.list_licenses()
    before = live.sandbox.state.license(NAMED_BY_TARGET)
    assert not before.is_technical_contact(TARGET)

    with pytest.raises(PageNotUnderstood):
        await session.add_technical_contact(NAMED_BY_TARGET, TARGET)

    assert live.sandbox.state.license(NAMED_BY_TARGET) == before
    assert live.sandbox.state.notifications() == []


async def test_a_step_on_a_license_named_like_a_sen_is_verified_from_its_block(
    live: Live,
) -> None:
    await live.sign_in(ACTOR)
    session = live.session(ACTOR)
    await session.list_licenses()

    added = await session.add_technical_contact(NAMED_LIKE_A_SEN, "zhao.min@huake.example")

    assert added.sen == NAMED_LIKE_A_SEN and added.name == "SEN-1"
    state = live.sandbox.state.license(NAMED_LIKE_A_SEN)
    assert state.is_technical_contact("zhao.min@huake.example")
    assert added.technical_contacts == state.technical_contacts
