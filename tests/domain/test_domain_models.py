"""License, Contact and Account: support status, contacts, keys, and no secret in a repr."""

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from desktop.domain import Account, AccountKind, Contact, License, LicenseType, SupportStatus
from tests.licenses import make_license as make_one

PRIMARY = Contact("zhang.wei@huake.example", "Zhang Wei", primary=True)
SECONDARY = Contact("li.na@huake.example", None)
BILLING = Contact("caiwu@huake.example", "Finance", primary=True)


BASE = replace(
    make_one(
        10000001,
        product="Jira Software (Server) 10 Users: Commercial License",
        organisation="华科示例有限公司",
        expires=date(2020, 10, 19),
        key="AAABjA0ODAoPeNqFkcFKw0A",
        seen_by={"zhang.wei@huake.example"},
    ),
    name="华科示例有限公司 Jira",
    technical_contacts=(PRIMARY, SECONDARY),
    billing_contacts=(BILLING,),
)


def make_license(**changes: Any) -> License:
    """The shared test license with some of its fields changed."""
    return replace(BASE, **changes)


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2020, 10, 18), SupportStatus.ACTIVE),
        (date(2020, 10, 19), SupportStatus.ACTIVE),  # active through the expiry day
        (date(2020, 10, 20), SupportStatus.EXPIRED),
        (date(2026, 1, 1), SupportStatus.EXPIRED),
    ],
)
def test_support_status_on_a_given_day(today: date, status: SupportStatus) -> None:
    assert make_license().support_status(today) is status


def test_support_status_unknown_without_an_expiry_date() -> None:
    assert make_license(support_expires=None).support_status(date(2020, 1, 1)) is (
        SupportStatus.UNKNOWN
    )


def test_primary_contacts_and_contact_checks() -> None:
    lic = make_license()
    assert lic.primary_technical_contact == PRIMARY
    assert lic.primary_billing_contact == BILLING
    assert lic.is_technical_contact("LI.NA@huake.example")
    assert lic.technical_contact("li.na@huake.example") == SECONDARY
    assert not lic.is_technical_contact("caiwu@huake.example")
    assert lic.is_contact("caiwu@huake.example")  # billing contacts may change contacts too
    assert not lic.is_contact("stranger@other.example")
    assert lic.is_primary_technical("Zhang.Wei@huake.example")
    assert not lic.is_primary_technical("li.na@huake.example")


def test_no_primary_when_there_are_no_contacts() -> None:
    lic = make_license(technical_contacts=(), billing_contacts=())
    assert lic.primary_technical_contact is None
    assert lic.primary_billing_contact is None
    assert not lic.is_primary_technical("zhang.wei@huake.example")


def test_display_name_falls_back_to_the_organisation() -> None:
    assert make_license().display_name == "华科示例有限公司 Jira"
    assert make_license(name=None).display_name == "华科示例有限公司"


def test_evaluation() -> None:
    assert make_license(license_type=LicenseType.EVALUATION).is_evaluation
    assert not make_license().is_evaluation
    assert not make_license(license_type=None).is_evaluation


def test_the_license_key_never_shows_in_repr_or_str() -> None:
    lic = make_license()
    assert "AAABjA0ODAoPeNqFkcFKw0A" not in repr(lic)
    assert "AAABjA0ODAoPeNqFkcFKw0A" not in str(lic)
    assert "SEN-10000001" in repr(lic)


def test_licenses_are_frozen_values() -> None:
    lic = make_license()
    with pytest.raises(AttributeError):
        lic.sen = "SEN-2"  # type: ignore[misc]
    assert lic == make_license()
    assert hash(lic) == hash(make_license())


def test_account_keys() -> None:
    paste = Account(AccountKind.PASTE, label="采购部")
    demo = Account(AccountKind.DEMO, email="zhang.wei@huake.example", portal="demo")
    portal = Account(AccountKind.PORTAL, email="li.na@huake.example", portal="http://127.0.0.1:1")
    assert paste.key == "paste:采购部"
    assert paste.read_only
    assert demo.key == "zhang.wei@huake.example"
    assert not demo.read_only
    assert portal.key == "li.na@huake.example"
    assert not portal.read_only
