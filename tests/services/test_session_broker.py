"""The session broker: every kind of account opened and read through one place, on the real
in-process demo sandbox and on the sandbox on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.models import Account, AccountKind, License
from desktop.portal.demo_accounts import DEMO_PEOPLE
from desktop.portal.errors import BadCredentials
from desktop.portal.protocol import PortalSession
from desktop.services.account_store import demo_accounts
from desktop.services.passwords import PasswordBook
from desktop.services.paste_store import PasteStore
from desktop.services.session_broker import (
    KIND_TRAITS,
    AccountState,
    LiveSignInNeeded,
    MissingPassword,
    SessionBroker,
    SignInWay,
    display_name,
    failed_state,
    traits,
)
from tests.licenses import make_license

LIVE = Account(AccountKind.MY_ATLASSIAN, email="li.na@huake.example", portal="https://x.example")
PASTE = Account(AccountKind.PASTE, label="2023 mailbox")


class FakeLive:
    """A live My Atlassian account as LiveAccounts hands it out (no browser here)."""

    def __init__(self, session: PortalSession | None, licenses: list[License]) -> None:
        self._session = session
        self._licenses = licenses

    def session(self, key: str) -> PortalSession | None:
        return self._session if key == LIVE.key else None

    async def read(self, account: Account) -> list[License]:
        return self._licenses if account.key == LIVE.key else []


def test_every_kind_is_described_once() -> None:
    assert set(KIND_TRAITS) == set(AccountKind)
    assert traits(AccountKind.DEMO).built_in and not traits(AccountKind.PORTAL).built_in
    assert traits(PASTE).sign_in is SignInWay.NONE and display_name(PASTE) == "2023 mailbox"
    assert traits(LIVE).signs_out and display_name(LIVE) == LIVE.email
    assert failed_state(LIVE, "unauthenticated") is AccountState.SIGN_IN_AGAIN
    assert failed_state(PASTE, "bad-credentials") is AccountState.NEEDS_PASSWORD


async def test_reads_the_demo_a_paste_and_a_live_account_and_keeps_the_others_on_failure(
    tmp_path: Path,
) -> None:
    pastes = PasteStore(tmp_path / "pastes")
    pastes.save(PASTE.key, [make_license(1, seen_by=frozenset({PASTE.key}))])
    live = FakeLive(None, [make_license(2, seen_by=frozenset({LIVE.key}))])
    broker = SessionBroker(PasswordBook(), pastes=pastes, live=live)
    nobody = Account(AccountKind.PORTAL, email="nobody@huake.example", portal="demo")
    try:
        readings = await broker.read_all([*demo_accounts(), PASTE, LIVE, nobody])
    finally:
        await broker.aclose()
    assert set(readings.by_account) == {p.email for p in DEMO_PEOPLE} | {PASTE.key, LIVE.key}
    assert isinstance(readings.errors[nobody.key], MissingPassword)  # no password: not signed in
    sens = {lic.sen for lic in readings.licenses}
    assert {"SEN-1", "SEN-2"} <= sens and len(sens) == len(readings.licenses)  # merged by SEN
    assert not readings.complete


async def test_open_all_gives_a_session_to_each_account_that_can_act(sandbox_server) -> None:
    sandbox = sandbox_server(licenses=30, accounts=3)
    first, second, third = (
        Account(AccountKind.PORTAL, email=e, portal=sandbox.url) for e in sandbox.emails
    )
    passwords = PasswordBook()
    passwords.remember(first, "demo", keep=False)
    passwords.remember(second, "wrong", keep=False)
    broker = SessionBroker(passwords, live=FakeLive(None, []))
    try:
        opened = await broker.open_all([first, second, third, PASTE, LIVE])
        assert list(opened.sessions) == [first.email]
        assert isinstance(opened.errors[second.key], BadCredentials)
        assert isinstance(opened.errors[third.key], MissingPassword)
        assert isinstance(opened.errors[LIVE.key], LiveSignInNeeded)
        assert PASTE.key not in opened.errors  # a paste never signs in
        expected = {lic.sen for lic in sandbox.data.licenses if lic.is_contact(first.email)}
        assert {lic.sen for lic in opened.licenses} == expected
        await opened.close()
        assert broker.portal(sandbox.url) is broker.portal(sandbox.url)  # one per address
    finally:
        await broker.aclose()


async def test_a_live_account_acts_through_its_page_session() -> None:
    from desktop.portal.http_client import demo_portal

    async with demo_portal() as portal:
        session = await portal.sign_in(LIVE.email, "demo")
        broker = SessionBroker(live=FakeLive(session, []))
        assert await broker.open(LIVE) is session
        opened = await broker.open_all([LIVE])
        assert opened.sessions == {LIVE.email: session}
    with pytest.raises(LiveSignInNeeded):
        await SessionBroker().open(LIVE)
    with pytest.raises(ValueError):
        await SessionBroker().open(PASTE)
