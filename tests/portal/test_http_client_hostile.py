"""The client against a hostile portal on 127.0.0.1: bounded answers, listing errors that stay
the account's error, redirects that are never success, addresses that are refused."""

from __future__ import annotations

import tracemalloc
from typing import Any

import pytest

from desktop.portal.errors import (
    BadLicense,
    CredentialsInUrl,
    InvalidPort,
    ListingInconsistent,
    MalformedResponse,
    NotFound,
    PortalError,
    PortalTimeout,
    ResponseTooLarge,
    UnexpectedRedirect,
    UnusableEmail,
)
from desktop.portal.http_client import (
    MAX_BODY_BYTES,
    MAX_LISTING_TOTAL,
    HttpPortal,
    RetryPolicy,
    check_base_url,
)
from desktop.services.session_broker import ListingRefused
from tests.portal.hostile_server import (
    Reply,
    endless,
    hostile_server,
    json_reply,
    license_json,
    page,
)
from tests.portal.reading import read_accounts

NO_RETRY = RetryPolicy(attempts=1)
LN = "li.na@huake.example"
LICENSES = "/api/v1/licenses"


def _start(query: dict[str, list[str]]) -> int:
    return int(query.get("start", ["0"])[0])


async def _list(url: str, **options: Any) -> list[Any]:
    async with HttpPortal(url, retry=NO_RETRY, **options) as portal:
        session = await portal.sign_in(LN, "pw")
        return await session.list_licenses()


# --- 3. bounded answers ------------------------------------------------------------------------


async def test_a_body_announced_as_2_gb_is_refused_before_reading_it() -> None:
    def handler(method: str, path: str, query: dict[str, list[str]]) -> Reply | None:
        if path == LICENSES:
            return Reply(200, b"{}", {"Content-Length": str(2 * 1024**3)})
        return None

    with hostile_server(handler) as server, pytest.raises(ResponseTooLarge):
        await _list(server.url)


async def test_an_endless_chunked_body_is_cut_at_the_cap_with_memory_bounded() -> None:
    def handler(method: str, path: str, query: dict[str, list[str]]) -> Reply | None:
        return Reply(200, stream=endless) if path == LICENSES else None

    with hostile_server(handler) as server:
        tracemalloc.start()
        try:
            with pytest.raises(ResponseTooLarge):
                await _list(server.url)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 4 * MAX_BODY_BYTES  # 16 MB read, then dropped: not gigabytes


async def test_a_body_that_drips_forever_ends_at_the_timeout() -> None:
    def handler(method: str, path: str, query: dict[str, list[str]]) -> Reply | None:
        if path == LICENSES:
            return Reply(200, stream=lambda: endless(b" ", 0.05))
        return None

    with hostile_server(handler) as server, pytest.raises(PortalTimeout):
        await _list(server.url, timeout=0.5)


async def test_a_total_of_a_billion_is_refused_after_one_page() -> None:
    def handler(method: str, path: str, query: dict[str, list[str]]) -> Reply | None:
        if path == LICENSES:
            return page([license_json(_start(query))], _start(query), 10**9)
        return None

    with hostile_server(handler) as server:
        with pytest.raises(ListingInconsistent, match="1,000,000,000"):
            await _list(server.url)
        assert server.requests.count(("GET", LICENSES)) == 1
    assert MAX_LISTING_TOTAL < 10**9


@pytest.mark.parametrize(
    "lie",
    ["short-first-page", "total-changes", "same-license-on-every-page", "too-many-values"],
)
async def test_pages_that_disagree_with_their_total_are_an_error(lie: str) -> None:
    total, limit = 5, 2

    def handler(method: str, path: str, query: dict[str, list[str]]) -> Reply | None:
        if path != LICENSES:
            return None
        start = _start(query)
        count = min(limit, total - start)
        if lie == "short-first-page" and start == 0:
            count = 1
        values = [license_json(start + i) for i in range(count)]
        if lie == "same-license-on-every-page":
            values = [license_json(0)] * count
        if lie == "too-many-values":
            values = [license_json(i) for i in range(count + 3)]
        shown = total + 1 if lie == "total-changes" and start else total
        return page(values, start, shown, limit)

    with hostile_server(handler) as server, pytest.raises(ListingInconsistent):
        await _list(server.url, page_limit=limit)


async def test_an_honest_multi_page_listing_still_reads() -> None:
    def handler(method: str, path: str, query: dict[str, list[str]]) -> Reply | None:
        if path != LICENSES:
            return None
        start = _start(query)
        return page([license_json(start + i) for i in range(min(2, 5 - start))], start, 5, 2)

    with hostile_server(handler) as server:
        assert len(await _list(server.url, page_limit=2)) == 5


# --- 4. listing errors never escape as an ExceptionGroup ----------------------------------------


@pytest.mark.parametrize(
    ("reply", "error"),
    [
        (json_reply({"errorKey": "not-found", "message": "x"}, 404), NotFound),
        (json_reply({"oops": True}, 500), MalformedResponse),
        (Reply(200, b"<html>proxy</html>"), MalformedResponse),
    ],
    ids=["portal-error", "unknown-500", "html"],
)
async def test_an_error_on_page_3_is_the_accounts_portal_error(
    reply: Reply, error: type[PortalError]
) -> None:
    def handler(method: str, path: str, query: dict[str, list[str]]) -> Reply | None:
        if path != LICENSES:
            return None
        start = _start(query)
        if start == 4:
            return reply
        return page([license_json(start + i) for i in range(2)], start, 6, 2)

    with hostile_server(handler) as server:
        with pytest.raises(error) as caught:
            await _list(server.url, page_limit=2)
        assert not isinstance(caught.value, BaseExceptionGroup)
        # read_accounts: the account's error, the others' licenses kept (no exception)
        async with HttpPortal(server.url, retry=NO_RETRY, page_limit=2) as portal:
            result = await read_accounts(portal, [(LN, "pw")])
        got = result.errors[LN]
        # An error about one license on a page of the list: the list was refused.
        refused = isinstance(got, ListingRefused) and isinstance(got.__cause__, error)
        assert isinstance(got, error) or refused
        assert result.licenses == []


@pytest.mark.parametrize("where", [0, 2], ids=["first-page", "second-page"])
@pytest.mark.parametrize(
    "bad",
    [
        "not-an-object",
        {"sen": "SEN-1"},
        {**license_json(99), "technicalContacts": 7},
        {**license_json(99), "supportExpires": "soon"},
        {**license_json(99), "licenseType": "stolen"},
    ],
    ids=["string", "no-product", "contacts-not-a-list", "bad-date", "bad-type"],
)
async def test_one_malformed_license_is_a_bad_license_error(bad: Any, where: int) -> None:
    def handler(method: str, path: str, query: dict[str, list[str]]) -> Reply | None:
        if path != LICENSES:
            return None
        start = _start(query)
        values: list[Any] = [license_json(start), license_json(start + 1)]
        if start == where:
            values[1] = bad
        return page(values, start, 4, 2)

    with hostile_server(handler) as server, pytest.raises(BadLicense):
        await _list(server.url, page_limit=2)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_a_redirect_is_an_error_and_never_followed(status: int) -> None:
    def handler(method: str, path: str, query: dict[str, list[str]]) -> Reply | None:
        if path.startswith(LICENSES):
            return Reply(status, b"", {"Location": "http://127.0.0.1:1/elsewhere"})
        return None

    with hostile_server(handler) as server:
        async with HttpPortal(server.url, retry=NO_RETRY) as portal:
            session = await portal.sign_in(LN, "pw")
            with pytest.raises(UnexpectedRedirect):
                await session.list_licenses()
            # a DELETE answered 302 (no body needed) is not "removed"
            with pytest.raises(UnexpectedRedirect):
                await session.remove_technical_contact("SEN-10000000", "wang.fang@huake.example")
        assert ("GET", "/elsewhere") not in server.requests


# --- 2. an address the portal's paths cannot carry is refused before any request --------------


@pytest.mark.parametrize("email", ["a/b@huake.example", "a?b@huake.example", "a#b@huake.example"])
async def test_an_unusable_address_sends_no_write(email: str) -> None:
    with hostile_server(lambda *_: None) as server:
        async with HttpPortal(server.url, retry=NO_RETRY) as portal:
            session = await portal.sign_in(LN, "pw")
            with pytest.raises(UnusableEmail):
                await session.add_technical_contact("SEN-10000000", email)
            with pytest.raises(UnusableEmail):
                await session.make_primary("SEN-10000000", email)
        assert [r for r in server.requests if r[0] == "POST" and "licenses" in r[1]] == []


# --- 10. addresses ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:99999", "http://127.0.0.1:0", "https://[::1]:70000/api"]
)
def test_a_port_out_of_range_is_a_clear_error(url: str) -> None:
    with pytest.raises(InvalidPort, match="between 1 and 65535"):
        check_base_url(url)


@pytest.mark.parametrize(
    "url",
    ["http://zhang:s3cret@127.0.0.1:8080", "https://s3cret@portal.example", "http://:s3cret@[::1]"],
)
def test_credentials_in_an_address_are_refused_without_repeating_them(url: str) -> None:
    with pytest.raises(CredentialsInUrl) as caught:
        HttpPortal(url)
    assert "s3cret" not in str(caught.value)
