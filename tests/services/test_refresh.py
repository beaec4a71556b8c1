"""RefreshService against the real sandbox on 127.0.0.1: concurrent reads, per-account errors."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.models import Account, AccountKind, License
from desktop.services.passwords import PasswordBook
from desktop.services.paste_store import PasteStore
from desktop.services.refresh import AccountState, RefreshService
from desktop.services.session_broker import SessionBroker
from tests.licenses import make_license


class Recorder:
    """Collects what the service emits."""

    def __init__(self, service: RefreshService) -> None:
        self.failed: dict[str, tuple[str, str]] = {}
        self.loaded: dict[str, int] = {}
        self.licenses: list[License] | None = None
        self.progress: list[tuple[int, int]] = []
        self.finished: list[bool] = []
        service.accountFailed.connect(lambda k, e, m: self.failed.__setitem__(k, (e, m)))
        service.accountLoaded.connect(lambda k, n: self.loaded.__setitem__(k, n))
        service.progressChanged.connect(lambda d, t: self.progress.append((d, t)))
        service.refreshFinished.connect(lambda _c: setattr(self, "licenses", service.licenses))
        service.refreshFinished.connect(self.finished.append)


def portal_account(url: str, email: str) -> Account:
    return Account(AccountKind.PORTAL, email=email, portal=url, label=email)


@pytest.fixture
def passwords() -> PasswordBook:
    return PasswordBook()


@pytest.fixture
def pastes(tmp_path: Path) -> PasteStore:
    return PasteStore(tmp_path / "pastes")


@pytest.fixture
def service(passwords: PasswordBook, pastes: PasteStore):
    svc = RefreshService(SessionBroker(passwords, pastes=pastes))
    yield svc


async def test_reads_every_account_and_reports_a_wrong_password(
    service: RefreshService, sandbox_server, passwords: PasswordBook
) -> None:
    sandbox = sandbox_server(licenses=120, accounts=4, seed=3)
    accounts = [portal_account(sandbox.url, email) for email in sandbox.emails]
    for account in accounts[1:]:
        passwords.remember(account, "demo", keep=False)
    passwords.remember(accounts[0], "wrong", keep=False)
    seen = Recorder(service)
    await service.refresh(accounts)
    bad = accounts[0].key
    assert seen.failed == {bad: ("bad-credentials", seen.failed[bad][1])}
    assert "Wrong email or password" in seen.failed[bad][1]
    assert service.state(bad) is AccountState.NEEDS_PASSWORD
    good = {a.email for a in accounts[1:]}
    assert set(seen.loaded) == good
    expected = {lic.sen for lic in sandbox.data.licenses if any(lic.is_contact(e) for e in good)}
    assert seen.licenses is not None
    assert {lic.sen for lic in seen.licenses} == expected
    for lic in seen.licenses:
        assert lic.seen_by <= good and lic.seen_by
    assert seen.progress[0] == (0, 4) and seen.progress[-1] == (4, 4)
    assert seen.finished == [False]
    await service.aclose()


async def test_accounts_are_read_at_the_same_time(
    service: RefreshService, sandbox_server, passwords: PasswordBook
) -> None:
    """The four sign-ins (300 ms each) are answered at the same time, not one after another:
    the sandbox counts how many requests it was answering at once."""
    sandbox = sandbox_server(licenses=40, accounts=4, latency_ms=300)
    accounts = [portal_account(sandbox.url, email) for email in sandbox.emails]
    for account in accounts:
        passwords.remember(account, "demo", keep=False)
    seen = Recorder(service)
    await service.refresh(accounts)
    assert len(seen.loaded) == 4
    assert sandbox.app.max_in_flight >= 4, "the accounts were not read concurrently"
    await service.aclose()


async def test_missing_password_and_unreachable_portal(
    service: RefreshService, tmp_path, passwords: PasswordBook
) -> None:
    no_password = portal_account("http://127.0.0.1:9", "nobody@huake.example")
    unreachable = portal_account("http://127.0.0.1:9", "zhang.wei@huake.example")
    passwords.remember(unreachable, "demo", keep=False)
    seen = Recorder(service)
    await service.refresh([no_password, unreachable])
    assert seen.failed[no_password.key][0] == "needs-password"
    assert seen.failed[unreachable.key][0] == "unreachable"
    assert "Cannot reach the portal" in seen.failed[unreachable.key][1]
    assert service.state(unreachable.key) is AccountState.FAILED
    assert seen.licenses == []
    await service.aclose()


async def test_a_failed_account_keeps_its_last_good_licenses(
    service: RefreshService, sandbox_server, passwords: PasswordBook
) -> None:
    sandbox = sandbox_server(licenses=30, accounts=2)
    account = portal_account(sandbox.url, sandbox.emails[0])
    passwords.remember(account, "demo", keep=False)
    seen = Recorder(service)
    await service.refresh([account])
    first = seen.licenses
    assert first
    sandbox.stop()
    await service.refresh([account])
    assert account.key in seen.failed
    assert seen.licenses == first
    await service.aclose()


async def test_paste_accounts_are_read_offline(service: RefreshService, pastes: PasteStore) -> None:
    paste = Account(AccountKind.PASTE, label="2023 mailbox")
    pastes.save(paste.key, [make_license(1, seen_by=frozenset({paste.key}))])
    seen = Recorder(service)
    await service.refresh([paste])
    assert seen.loaded == {paste.key: 1}
    assert service.state(paste.key) is AccountState.OFFLINE_PASTE


async def test_cancel_stops_the_refresh(
    service: RefreshService, sandbox_server, passwords: PasswordBook
) -> None:
    sandbox = sandbox_server(licenses=20, accounts=1, latency_ms=500)
    account = portal_account(sandbox.url, sandbox.emails[0])
    passwords.remember(account, "demo", keep=False)
    seen = Recorder(service)
    task = service.start([account])
    await asyncio.sleep(0.1)
    assert service.running
    service.cancel()
    await asyncio.gather(task, return_exceptions=True)
    assert seen.finished == [True]
    assert service.state(account.key) is AccountState.NOT_READ
    await service.aclose()


async def test_a_damaged_saved_paste_is_that_accounts_error_not_an_empty_list(
    service: RefreshService, pastes: PasteStore, tmp_path: Path
) -> None:
    paste = Account(AccountKind.PASTE, label="华科 2024")
    pastes.save(paste.key, [make_license("SEN-10000001")])
    damaged = PasteStore(tmp_path / "pastes")  # the next run: the saved file, damaged
    next(iter((tmp_path / "pastes").glob("*.json"))).write_text('{"licenses": [', "utf-8")
    later = RefreshService(SessionBroker(PasswordBook(), pastes=damaged))
    seen = Recorder(later)
    await later.refresh([paste])
    assert later.state(paste.key) is AccountState.FAILED
    key, message = seen.failed[paste.key]
    assert key == "paste-unreadable" and "Import the text again" in message
    await later.aclose()
    await service.aclose()


async def test_an_unexpected_failure_is_said_on_the_account_never_silence(
    passwords: PasswordBook, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(portal_id: str) -> Any:
        raise RuntimeError("a bug in making the portal")

    account = portal_account("https://portal.example", "li.na@huake.example")
    passwords.remember(account, "pw", keep=False)
    service = RefreshService(SessionBroker(passwords, portal_factory=broken))
    seen = Recorder(service)
    await service.refresh([account])
    key, message = seen.failed[account.key]
    assert key == "read-failed" and "unexpected error" in message and "log file" in message
    assert service.state(account.key) is AccountState.FAILED
    assert "RuntimeError" in caplog.text  # the details are in the log
    await service.aclose()
