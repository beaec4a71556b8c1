"""Reading through the embedded browser, on both replica layouts: every license, collapsed
ones too, and every key wherever the page keeps it; the page's own text reads like a paste."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.models import License
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
        assert got.license_key == want.license_key, got.sen  # a textarea's value too
        assert got.support_expires == want.support_expires
        assert got.product == want.product
        assert got.organisation == want.organisation
        assert got.seen_by == frozenset({ACCOUNT})
    assert session.last_warnings == []


def _without_keys(licenses: list[License]) -> list[License]:
    return [replace(lic, license_key=None) for lic in licenses]


async def test_live_reading_equals_a_paste_of_the_same_page(live: Live, layout: str) -> None:
    await live.sign_in(ACCOUNT)
    session = live.session(ACCOUNT)
    licenses = await session.list_licenses()

    page_text = await live.driver.text()  # what select-all + copy of this page gives
    pasted = read_paste(page_text, account_key=ACCOUNT)

    if layout == "classic":
        # The key sits in a textarea, whose value a copy of the page's text does not hold;
        # licenses and contacts read the same, and the paste says the keys are missing.
        assert "\t" in page_text  # table cells, tab-separated
        assert _without_keys(pasted.licenses) == _without_keys(licenses)
        assert all(lic.license_key is None for lic in pasted.licenses)
        assert {(w.key, w.field) for w in pasted.warnings} == {("missing-field", "licenseKey")}
        assert all(lic.license_key for lic in licenses)
    else:
        assert pasted.licenses == licenses
        assert pasted.warnings == []
