"""Reading through the embedded browser: every license, collapsed ones too, like a paste."""

from __future__ import annotations

from desktop.portal.paste_reader import read_paste
from tests.live.conftest import Live

ACCOUNT = "li.na@huake.example"


async def test_reads_every_license_including_collapsed_ones(live: Live) -> None:
    await live.sign_in(ACCOUNT)
    session = live.session(ACCOUNT)

    licenses = await session.list_licenses()

    expected, _ = live.sandbox.state.list_for(ACCOUNT, 0, 1000)
    assert [lic.sen for lic in licenses] == [lic.sen for lic in expected]
    assert len(licenses) > 10
    for got, want in zip(licenses, expected, strict=True):
        assert got.technical_contacts == want.technical_contacts, got.sen
        assert got.billing_contacts == want.billing_contacts, got.sen
        assert got.license_key == want.license_key, got.sen
        assert got.support_expires == want.support_expires
        assert got.product == want.product
        assert got.organisation == want.organisation
        assert got.seen_by == frozenset({ACCOUNT})
    assert session.last_warnings == []


async def test_live_reading_equals_a_paste_of_the_same_page(live: Live) -> None:
    await live.sign_in(ACCOUNT)
    session = live.session(ACCOUNT)
    licenses = await session.list_licenses()

    page_text = await live.driver.text()  # what select-all + copy of this page gives
    pasted = read_paste(page_text, account_key=ACCOUNT)

    assert pasted.licenses == licenses
    assert pasted.warnings == []
