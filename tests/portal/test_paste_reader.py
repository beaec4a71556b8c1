"""The paste reader on page text in the seed's layout (fictional people, ``.example`` addresses)."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.models import Contact, Hosting, License, LicenseType
from desktop.portal.paste_reader import WARNING_TEXTS, PasteError, PasteResult, read_paste
from tests.fixtures.paste.paste_text import CHINESE_MONTHS, ENGLISH_MONTHS, paste_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "paste"
SEED_KEY = (
    "AAABqL3ZOLvAlYxQrjQVd3LBob/0QLYl2YNBwNp5PQODpswawh5lcVgyYQ4YYuQ5F+gYp7o9FT+NC"
    "4PPAIqgnHgPagMas7nIOdXOd6g//1/XyKRPaqOn4XM592IQbs3Oc2P"
)
ZHANG = Contact("zhang.wei@huake.example", "Wei Zhang", primary=True)
LI = Contact("li.na@huake.example", "Na Li", primary=False)


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def keys(result: PasteResult) -> list[tuple[str, str | None, str | None]]:
    return [(w.key, w.sen, w.field) for w in result.warnings]


# --- the seed's exact layout -----------------------------------------------------------------


def test_seed_layout_reads_one_license_with_every_field() -> None:
    result = read_paste(fixture("seed_layout.txt"))
    assert result.licenses == [
        License(
            sen="SEN-20481357",
            product="TestFlow - Test Management for Jira (Server) 10 Users: Commercial License",
            organisation="华科示例软件有限公司",
            name="华科示例软件有限公司",  # the full name from the details, not "华科示例软件有..."
            license_type=LicenseType.COMMERCIAL,
            hosting=Hosting.SERVER,
            support_expires=date(2020, 10, 19),
            license_key=SEED_KEY,
            # The later block wins: it shows Na Li as a (secondary) technical contact.
            technical_contacts=(ZHANG, LI),
            # contact@example.com is the add box's placeholder, not a contact.
            billing_contacts=(Contact("zhang.wei@huake.example", "Wei Zhang", primary=True),),
            seen_by=frozenset({"paste:pasted"}),
        )
    ]
    # The SEN in the dialog's prose ("…primary technical contact on SEN-20481357.") is no row.
    assert keys(result) == [("duplicate-sen", "SEN-20481357", None)]


def test_first_block_alone_the_address_in_the_add_box_is_not_a_contact() -> None:
    text = fixture("seed_layout.txt")
    first = text[: text.index("- 之后设定")]
    assert "li.na@huake.example\n\nAdd" in first
    (lic,) = read_paste(first).licenses
    assert lic.technical_contacts == (ZHANG,)
    assert lic.billing_contacts == (ZHANG,)
    assert lic.license_key == SEED_KEY
    assert read_paste(first).warnings == []


def test_license_key_lines_with_trailing_spaces_are_joined() -> None:
    (lic,) = read_paste(fixture("seed_layout.txt")).licenses
    assert lic.license_key is not None
    assert lic.license_key == "".join(lic.license_key.split())
    assert lic.license_key.startswith("AAABqL3ZOLvAlYxQrjQVd3LBob/")
    assert lic.license_key.endswith("/XyKRPaqOn4XM592IQbs3Oc2P")


def test_account_key_goes_into_seen_by() -> None:
    (lic,) = read_paste(fixture("seed_layout.txt"), account_key="paste:采购部").licenses
    assert lic.seen_by == {"paste:采购部"}


# --- line endings, non-breaking spaces, blank lines, table cells -------------------------------


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda t: t.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda t: t.replace("\n", "\r"), id="old-mac-cr"),
        pytest.param(lambda t: t.replace("\n\n", "\n"), id="no-blank-lines"),
        pytest.param(lambda t: t.replace("\n", "\n\n \n\t\n"), id="more-blank-lines"),
        pytest.param(lambda t: t.replace("\n", "\u00a0\n\u00a0"), id="nbsp-around-lines"),
        pytest.param(lambda t: t.replace("Wei Zhang", "Wei\u00a0Zhang"), id="nbsp-inside"),
        pytest.param(lambda t: t.replace("Wei Zhang", "Wei   Zhang"), id="space-runs"),
        pytest.param(lambda t: "\ufeff" + t.replace("SEN-2", "\u200bSEN-2"), id="bom-zero-width"),
        pytest.param(lambda t: t.replace("\n", "\r\n").replace("  \r\n", "\u00a0\r\n"), id="both"),
    ],
)
def test_whitespace_variants_read_the_same(variant) -> None:  # type: ignore[no-untyped-def]
    original = read_paste(fixture("seed_layout.txt"))
    assert read_paste(variant(fixture("seed_layout.txt"))) == original


def test_summary_row_copied_as_tab_separated_cells() -> None:
    text = (
        "SEN\tProduct\tName\tSupport Expires\tSupport\n"
        "SEN-50000001\tConfluence (Server) 25 Users: Commercial License\t华科示例 Wiki\t"
        "19 Oct 2020\tRequest Support\n"
        "SEN-50000002\tJira Software (Data Center) 50 Users: Academic License\t华科示例大学\t"
        "1 一月 2021\tRequest Support\r\n"
    )
    first, second = read_paste(text).licenses
    assert (first.sen, first.name, first.support_expires) == (
        "SEN-50000001",
        "华科示例 Wiki",
        date(2020, 10, 19),
    )
    assert (second.product, second.license_type, second.hosting) == (
        "Jira Software (Data Center) 50 Users: Academic License",
        LicenseType.ACADEMIC,
        Hosting.DATACENTER,
    )
    assert second.support_expires == date(2021, 1, 1)


# --- several licenses, a collapsed one, page text around them ---------------------------------


def test_several_licenses_with_page_text_around_them() -> None:
    result = read_paste(fixture("several_licenses.txt"))
    assert [lic.sen for lic in result.licenses] == [
        "SEN-30000001",
        "SEN-30000002",
        "SEN-30000003",
        "SEN-30000004",
    ]
    first, collapsed, evaluation, cloud = result.licenses

    assert first.name == "华科示例软件有限公司 Jira 数据中心"
    assert first.organisation == "华科示例软件有限公司"
    assert (first.license_type, first.hosting) == (LicenseType.COMMERCIAL, Hosting.DATACENTER)
    assert first.support_expires == date(2025, 3, 3)
    assert first.license_key == "AAABkQ0ODAoPeNp9kMFOwzAMXm3/9BCFe2TVQpAr1ZHEoTrqaqb8fwLzsOG2=="
    assert first.technical_contacts == (
        ZHANG,
        Contact("wang.fang@huake.example", None, primary=False),  # no name line
    )
    assert first.billing_contacts == (
        Contact("caiwu@huake.example", "Finance Dept", primary=True),
        Contact("demo.buyer@qq.com", "Demo Buyer", primary=False),
    )

    # A summary row alone: what the row shows, nothing invented; its Name column is the
    # licensee as far as the page says, so the organisation too (JSON, CSV and reports).
    assert collapsed == License(
        sen="SEN-30000002",
        product="Confluence (Server) 25 Users: Academic License",
        organisation="华科示例大学",
        name="华科示例大学",
        license_type=LicenseType.ACADEMIC,
        hosting=Hosting.SERVER,
        support_expires=date(2022, 2, 28),
        seen_by=frozenset({"paste:pasted"}),
    )

    assert evaluation.is_evaluation
    assert evaluation.support_expires == date(2023, 12, 31)
    assert evaluation.technical_contacts == (Contact("li.na@huake.example", "Na Li", True),)
    assert evaluation.billing_contacts == ()  # an empty add box, and no billing contact
    assert evaluation.license_key == "AAABqL3ZOLvAlYxQrjQVd3LT+NC"

    assert cloud.hosting is Hosting.CLOUD
    assert cloud.support_expires == date(2024, 9, 9)  # "Sept"
    assert cloud.technical_contacts == (Contact("zhao.min@huake.example", "赵 敏", True),)
    assert cloud.billing_contacts == (Contact("zhao.min@huake.example", "赵 敏", True),)

    # Only the collapsed license is reported, once.
    assert keys(result) == [("details-missing", "SEN-30000002", None)]


def test_lines_that_are_not_data_never_end_up_in_a_field() -> None:
    result = read_paste(fixture("several_licenses.txt") + "\n" + fixture("seed_layout.txt"))
    not_data = ("Make Primary", "Delete", "Renew", "Upgrade", "Archive", "Request Support", "Add")
    for lic in result.licenses:
        texts = [lic.product, lic.organisation, lic.name or "", lic.license_key or ""]
        texts += [c.name or "" for c in (*lic.technical_contacts, *lic.billing_contacts)]
        for text in texts:
            assert not any(word in text for word in not_data), (lic.sen, text)
        emails = {c.email for c in (*lic.technical_contacts, *lic.billing_contacts)}
        assert "contact@example.com" not in emails


# --- dates -----------------------------------------------------------------------------------


def _one_row(expires: str) -> str:
    return f"SEN-1\n\nJira Software (Server) 10 Users: Commercial License\n\n华科\n\n{expires}"


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("style", ["zh", "short", "long"])
def test_month_names_chinese_and_english(month: int, style: str) -> None:
    names = {
        "zh": CHINESE_MONTHS[month - 1],
        "short": ENGLISH_MONTHS[month - 1][:3],
        "long": ENGLISH_MONTHS[month - 1],
    }
    (lic,) = read_paste(_one_row(f"19 {names[style]} 2020")).licenses
    assert lic.support_expires == date(2020, month, 19)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("19十月2020", date(2020, 10, 19)),
        ("5 oct 2020", date(2020, 10, 5)),
        ("19 Oct. 2020", date(2020, 10, 19)),
        ("Oct 19, 2020", date(2020, 10, 19)),
        ("October 19 2020", date(2020, 10, 19)),
        ("2020-10-19", date(2020, 10, 19)),
        ("2020年10月19日", date(2020, 10, 19)),
        ("19 10月 2020", date(2020, 10, 19)),
    ],
)
def test_other_date_forms(cell: str, expected: date) -> None:
    (lic,) = read_paste(_one_row(cell)).licenses
    assert lic.support_expires == expected


@pytest.mark.parametrize(
    "cell", ["30 二月 2021", "32 Oct 2020", "19 Okt 2020", "19 十三月 2020", "soon"]
)
def test_an_unreadable_date_stays_empty_with_a_warning(cell: str) -> None:
    result = read_paste(_one_row(cell))
    assert result.licenses[0].support_expires is None
    assert ("unreadable-date", "SEN-1", "supportExpires") in keys(result)
    assert cell in next(w.message for w in result.warnings if w.key == "unreadable-date")


def test_a_missing_date_is_reported() -> None:
    result = read_paste(
        "SEN-1\nJira Software (Server) 10 Users: Commercial License\nRequest Support"
    )
    assert result.licenses[0].support_expires is None
    assert ("missing-field", "SEN-1", "supportExpires") in keys(result)


# --- names cut short ---------------------------------------------------------------------------


def test_a_cut_name_is_replaced_by_the_full_one_from_the_details() -> None:
    (lic,) = read_paste(fixture("seed_layout.txt")).licenses
    assert lic.name == "华科示例软件有限公司"


def test_a_cut_name_without_details_is_kept_as_shown_and_reported_once() -> None:
    result = read_paste(fixture("problems.txt"))
    lic = result.licenses[1]
    assert lic.name == lic.organisation == "华科示例软件有..."
    # "Only the summary row was pasted; expand it" says it all: not a second "expand it".
    assert [k for k in keys(result) if k[1] == "SEN-40000002" and k[0] != "missing-field"] == [
        ("details-missing", "SEN-40000002", None)
    ]


def test_a_cut_name_in_details_without_a_name_is_reported() -> None:
    text = (
        "SEN-1\nJira Software (Server) 10 Users: Commercial License\nHuake Exam...\n"
        "3 Mar 2030\nRequest Support\nOrganization\nHuake Example Ltd\n"
    )
    result = read_paste(text)
    assert result.licenses[0].name == "Huake Exam..."
    assert result.licenses[0].organisation == "Huake Example Ltd"
    assert ("name-truncated", "SEN-1", "name") in keys(result)


# --- duplicates, SENs in prose, no licenses ---------------------------------------------------


def test_same_sen_twice_is_one_license_and_the_later_block_wins() -> None:
    text = paste_text(
        [
            License("SEN-7", "Jira Software (Server) 10 Users: Commercial License", name="旧"),
            License("SEN-8", "Confluence (Server) 10 Users: Commercial License", name="其他"),
            License("SEN-7", "Jira Software (Data Center) 50 Users: Commercial License", name="新"),
        ],
        expanded=False,
    )
    result = read_paste(text)
    assert [(lic.sen, lic.name) for lic in result.licenses] == [("SEN-8", "其他"), ("SEN-7", "新")]
    assert result.licenses[1].hosting is Hosting.DATACENTER
    assert ("duplicate-sen", "SEN-7", None) in keys(result)


def test_a_sen_in_prose_is_not_a_license_row() -> None:
    text = (
        "You're about to make **li.na@huake.example** the primary technical contact on "
        "SEN-20481357.\n\nSEN-20481357 is the license we talked about.\n\nSEN: SEN-20481357"
    )
    with pytest.raises(PasteError) as caught:
        read_paste(text)
    assert caught.value.key == "no-licenses"


def test_text_with_no_license_gets_a_clear_error() -> None:
    with pytest.raises(PasteError) as caught:
        read_paste(fixture("no_license.txt"))
    assert caught.value.key == "no-licenses"
    message = str(caught.value)
    assert "No license found" in message
    assert "Expected" in message and "My Atlassian licenses page" in message


@pytest.mark.parametrize("text", ["", "   \r\n\u00a0\n\t", "\ufeff"])
def test_empty_text_gets_a_clear_error(text: str) -> None:
    with pytest.raises(PasteError) as caught:
        read_paste(text)
    assert caught.value.key == "empty"
    assert "empty" in str(caught.value)


def test_text_too_large_is_refused_before_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop.portal.paste_reader as reader

    monkeypatch.setattr(reader, "MAX_PASTE_CHARS", 100)
    with pytest.raises(PasteError) as caught:
        read_paste(fixture("seed_layout.txt"))
    assert caught.value.key == "too-large"


def test_not_text_is_refused() -> None:
    with pytest.raises(PasteError) as caught:
        read_paste(fixture("seed_layout.txt").encode())  # type: ignore[arg-type]
    assert caught.value.key == "not-text"


# --- what cannot be read stays empty and is reported -------------------------------------------


def test_unreadable_fields_stay_empty_and_are_reported() -> None:
    result = read_paste(fixture("problems.txt"))
    first = result.licenses[0]
    assert first.sen == "SEN-40000001"  # the row's SEN, not the details' other one
    assert first.product == "Some Helper App"
    assert (first.license_type, first.hosting) == (None, None)
    assert first.support_expires is None  # "31 二月 2021" does not exist
    assert first.organisation == ""
    assert first.license_key is None  # a key with a foreign line in it is not guessed at
    # The invalid address and the name without an address are left out; no primary invented.
    assert first.technical_contacts == (Contact("zhang.wei@huake.example", "Wei Zhang"),)
    assert first.billing_contacts == (
        Contact("caiwu@huake.example", "Finance Dept", primary=True),
        Contact("caiwu2@huake.example", "Second Finance", primary=True),
    )
    assert keys(result) == [
        ("unreadable-date", "SEN-40000001", "supportExpires"),
        ("sen-mismatch", "SEN-40000001", "sen"),
        ("invalid-email", "SEN-40000001", "technicalContacts"),
        ("contact-without-email", "SEN-40000001", "technicalContacts"),
        ("missing-field", "SEN-40000001", "organisation"),
        ("unreadable-license-key", "SEN-40000001", "licenseKey"),
        ("no-primary", "SEN-40000001", "technicalContacts"),
        ("several-primaries", "SEN-40000001", "billingContacts"),
        ("unknown-license-type", "SEN-40000001", "licenseType"),
        ("unknown-hosting", "SEN-40000001", "hosting"),
        ("missing-field", "SEN-40000002", "supportExpires"),
        ("details-missing", "SEN-40000002", None),
    ]
    for warning in result.warnings:
        assert warning.key in WARNING_TEXTS
        assert warning.message.startswith("SEN-4000000")
        assert "%1" not in warning.message and "%2" not in warning.message


@pytest.mark.parametrize(
    "between",
    [["li.na@@huake.example"], ["Orphan Person"], ["Make Primary | Delete"], []],
)
def test_primary_marks_only_the_address_right_before_it(between: list[str]) -> None:
    lines = [
        "SEN-12",
        "Jira Software (Server) 10 Users: Commercial License",
        "华科",
        "19 Oct 2020",
        "Request Support",
        "Technical Contacts",
        "Wei Zhang",
        "zhang.wei@huake.example",
        *between,
        "PRIMARY",
        "Add",
    ]
    result = read_paste("\n".join(lines))
    (contact,) = result.licenses[0].technical_contacts
    assert contact.primary is (not between)
    assert (("no-primary", "SEN-12", "technicalContacts") in keys(result)) is bool(between)


def test_a_sen_label_without_its_value_does_not_swallow_the_next_row() -> None:
    lines = [
        *("SEN-21", "Jira Software (Server) 10 Users: Commercial License", "华科", "19 Oct 2020"),
        *("Request Support", "Name", "华科", "Organization", "华科示例软件有限公司", "SEN"),
        *("SEN-22", "Confluence (Server) 10 Users: Commercial License", "华科 Wiki", "1 一月 2021"),
        "Request Support",
    ]
    result = read_paste("\n".join(lines))
    assert [lic.sen for lic in result.licenses] == ["SEN-21", "SEN-22"]
    assert result.licenses[1].name == "华科 Wiki"
    assert "sen-mismatch" not in {w.key for w in result.warnings}


def test_missing_product_is_reported() -> None:
    result = read_paste("SEN\nProduct\nName\nSupport Expires\nSupport\nSEN-9\nRequest Support")
    (lic,) = result.licenses
    assert lic.product == ""
    assert ("missing-field", "SEN-9", "product") in keys(result)


def test_details_without_key_or_contacts_are_reported() -> None:
    text = "\n".join(
        [
            "SEN-11",
            "Jira Software (Server) 10 Users: Commercial License",
            "华科",
            "19 Oct 2020",
            "Request Support",
            "Name",
            "华科",
            "Organization",
            "华科示例软件有限公司",
            "Actions",
            "Archive",
        ]
    )
    result = read_paste(text)
    assert keys(result) == [
        ("missing-field", "SEN-11", "licenseKey"),
        ("missing-field", "SEN-11", "technicalContacts"),
    ]


def test_the_license_key_is_never_in_a_warning_or_the_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    text = fixture("seed_layout.txt") + fixture("problems.txt")
    result = read_paste(text)
    assert any(lic.license_key for lic in result.licenses)
    pieces = ["AAABqL3ZOLvAlYxQ", "Xm3/9BCFe2TVQpAr1ZHEoTrqa", "AAABkQ0ODAoPeNp9kMFOwzAM"]
    shown = caplog.text + " ".join(w.message for w in result.warnings)
    shown += repr(result)
    assert not any(piece in shown for piece in pieces)
