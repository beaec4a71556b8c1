"""Page text that reads two ways: the reader flags the license as not readable, never guesses.

A contact named by an address, a contact named like a heading ("Technical Contacts"), and a
name that reads like a SEN ("SEN-1") must not make the reader invent a contact, swap the
sections or invent a license. Fictional people, ``.example`` addresses.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.models import Contact, Hosting, License, LicenseType
from desktop.domain.sen import normalize_sen
from desktop.portal import paste_reader as reader
from desktop.portal.paste_reader import UNREADABLE_TEXTS, PasteError, PasteResult, read_paste
from tests.fixtures.paste.paste_text import paste_text
from tests.portal.test_paste_reader_properties import (
    PAGE_WORDS,
    SEPARATORS,
    licenses,
    read_or_refuse,
)

PRODUCT = "Jira Software (Server) 10 Users: Commercial License"
ZHANG = Contact("zhang.wei@huake.example", "Wei Zhang", primary=True)
LI = Contact("li.na@huake.example", "Na Li")
FINANCE = Contact("caiwu@huake.example", "Finance", primary=True)
SEN_TOKEN = re.compile(r"SEN-?[0-9]{1,12}", re.IGNORECASE | re.ASCII)


def page_license(sen: str = "SEN-5", **changes: object) -> License:
    lic = License(
        sen=sen,
        product=PRODUCT,
        organisation="华科示例软件有限公司",
        name="华科示例",
        license_type=LicenseType.COMMERCIAL,
        hosting=Hosting.SERVER,
        support_expires=date(2026, 10, 19),
        license_key="AAABqL3ZOLvAlYxQrjQVd3L",
        technical_contacts=(ZHANG, LI),
        billing_contacts=(FINANCE,),
    )
    return replace(lic, **changes)  # type: ignore[arg-type]


def read(*page: License) -> PasteResult:
    return read_paste(paste_text(page))


def unreadable(result: PasteResult) -> list[tuple[str, str]]:
    return [(u.sen, u.key) for u in result.unreadable]


# --- the three cases of the issue ------------------------------------------------------------


def test_a_contact_named_by_another_address_is_not_a_contact_of_its_own() -> None:
    named = Contact("li.na@huake.example", "zhang.wei@huake.example")  # the name is an address
    other = page_license("SEN-6")
    result = read(page_license(technical_contacts=(Contact(ZHANG.email, None, True), named)), other)
    assert unreadable(result) == [("SEN-5", "name-is-address")]
    assert result.licenses == [replace(other, seen_by=frozenset({"paste:pasted"}))]
    (flagged,) = result.unreadable
    assert flagged.message.startswith("SEN-5 was not read")
    assert "zhang.wei@huake.example" in flagged.message


def test_a_contact_named_by_its_own_address_reads_the_same_either_way() -> None:
    result = read(page_license(technical_contacts=(Contact(ZHANG.email, ZHANG.email, True),)))
    assert result.unreadable == []
    (lic,) = result.licenses
    assert [(c.email, c.primary) for c in lic.technical_contacts] == [(ZHANG.email, True)]


def test_a_billing_contact_named_technical_contacts_swaps_no_sections() -> None:
    billing = (Contact("caiwu@huake.example", "Technical Contacts", primary=True),)
    result = read(page_license(billing_contacts=billing), page_license("SEN-6"))
    assert unreadable(result) == [("SEN-5", "label-as-name")]
    assert [lic.sen for lic in result.licenses] == ["SEN-6"]
    assert "'Technical Contacts'" in result.unreadable[0].message


def test_a_technical_contact_named_billing_contacts_swaps_no_sections() -> None:
    technical = (ZHANG, Contact("li.na@huake.example", "Billing Contacts"))
    result = read(page_license(technical_contacts=technical))
    assert unreadable(result) == [("SEN-5", "label-as-name")]
    assert result.licenses == []


def test_a_license_named_like_a_sen_invents_no_license() -> None:
    result = read(page_license(name="SEN-1"), page_license("SEN-6"))
    assert {lic.sen for lic in result.licenses} | {u.sen for u in result.unreadable} == {
        "SEN-5",
        "SEN-6",
    }
    assert unreadable(result) == [("SEN-5", "sen-as-name")]
    assert result.unreadable[0].reading.name == "SEN-1"  # read as the name, not as a license
    assert result.unreadable[0].reading.technical_contacts == (ZHANG, LI)


def test_a_contact_named_like_a_sen_invents_no_license() -> None:
    technical = (ZHANG, Contact("li.na@huake.example", "SEN-1"))
    result = read(page_license(technical_contacts=technical))
    assert unreadable(result) == [("SEN-5", "sen-as-name")]
    assert result.unreadable[0].reading.technical_contacts == technical


def test_an_unreadable_license_hides_its_key_and_drops_its_warnings() -> None:
    result = read(page_license(name="SEN-1"))
    assert result.warnings == []
    assert "AAABqL3ZOLvAlYxQ" not in repr(result)
    assert all(key in UNREADABLE_TEXTS for _, key in unreadable(result))


def test_a_later_clean_block_of_the_same_license_wins() -> None:
    text = paste_text([page_license(name="SEN-1"), page_license()])
    result = read_paste(text)
    assert result.unreadable == []
    assert [lic.sen for lic in result.licenses] == ["SEN-5"]


# --- never a SEN that is not in the text -------------------------------------------------------


def sens_in(text: str) -> set[str]:
    return {normalize_sen(token) for token in SEN_TOKEN.findall(text)}


@given(
    st.lists(
        st.tuples(st.one_of(st.sampled_from(PAGE_WORDS), st.text(max_size=25)), SEPARATORS),
        max_size=120,
    )
)
def test_random_page_words_never_give_a_sen_that_is_not_in_the_text(
    parts: list[tuple[str, str]],
) -> None:
    text = "".join(word + sep for word, sep in parts)
    result = read_or_refuse(text)
    if result is not None:
        read = {lic.sen for lic in result.licenses} | {u.sen for u in result.unreadable}
        assert read <= sens_in(text)


HOSTILE_NAMES = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "SEN-1",
            "SEN-77",
            "sen-00042",
            "Technical Contacts",
            "Billing Contacts",
            "Name",
            "Organization",
            "License Key",
            "Actions",
            "SEN",
            "zhang.wei@huake.example",
            "li.na@huake.example",
            "caiwu@huake.example",
            "other.person@northwind.example",
            "Wei Zhang",
        ]
    ),
)


@st.composite
def hostile_page(draw: st.DrawFn) -> list[License]:
    """Generated licenses whose names and contact names read like the page's other parts."""
    page = draw(licenses())
    result = []
    for lic in page:

        def rename(contacts: tuple[Contact, ...]) -> tuple[Contact, ...]:
            return tuple(replace(c, name=draw(HOSTILE_NAMES)) for c in contacts)

        name = draw(st.one_of(st.just(lic.name), HOSTILE_NAMES.filter(bool)))
        result.append(
            replace(
                lic,
                name=name,
                technical_contacts=rename(lic.technical_contacts),
                billing_contacts=rename(lic.billing_contacts),
            )
        )
    return result


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_page())
def test_a_hostile_page_is_read_exactly_or_flagged_never_misread(page: list[License]) -> None:
    text = paste_text(page)
    try:
        result = read_paste(text, account_key="paste:属性测试")
    except PasteError:
        return  # nothing read: nothing misread
    shown = {lic.sen: lic for lic in page}
    read = [lic.sen for lic in result.licenses] + [u.sen for u in result.unreadable]
    assert set(read) <= set(shown)  # never a license that is not on the page
    assert len(read) == len(set(read))
    for lic in result.licenses:  # what is read is what the page shows, or it is flagged
        want = shown[lic.sen]
        assert (
            lic.technical_contacts
            == tuple(
                replace(c, name=c.name if c.name != c.email else None)
                for c in want.technical_contacts
            )
            or lic.technical_contacts == want.technical_contacts
        )
        assert (
            lic.billing_contacts
            == tuple(
                replace(c, name=c.name if c.name != c.email else None)
                for c in want.billing_contacts
            )
            or lic.billing_contacts == want.billing_contacts
        )
        assert lic.name == want.name
        assert (lic.product, lic.organisation, lic.license_key) == (
            want.product,
            want.organisation,
            want.license_key,
        )


# --- size and count caps -----------------------------------------------------------------------


def test_more_licenses_than_a_paste_may_hold_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_PASTE_LICENSES", 3)
    text = "SEN\nProduct\n" + "".join(f"SEN-{n}\n{PRODUCT}\n" for n in range(1, 5))
    with pytest.raises(PasteError) as caught:
        read_paste(text)
    assert caught.value.key == "too-many-licenses"
    assert "more than 3 licenses" in str(caught.value)
    assert len(read_paste(text.replace("SEN-4\n", "SEN-3\n")).licenses) == 3  # a repeat


def test_a_long_line_with_an_at_sign_is_no_address_and_costs_nothing() -> None:
    line = "a" * 1_000_000 + "@huake.example"
    text = f"SEN-5\n{PRODUCT}\n华科\n19 Oct 2020\nRequest Support\nTechnical Contacts\n{line}\n"
    result = read_paste(text + "PRIMARY\nAdd\n")
    assert result.licenses[0].technical_contacts == ()
    invalid = [w for w in result.warnings if w.key == "invalid-email"]
    assert invalid and len(invalid[0].message) < 200  # the line is not repeated in full


def test_the_caps_refuse_fifty_megabytes_and_allow_a_large_real_page() -> None:
    assert 13_000_000 < reader.MAX_PASTE_BYTES < 50_000_000
    assert 13_000_000 < reader.MAX_PASTE_CHARS < 50_000_000
