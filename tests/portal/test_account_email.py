"""The sign-in window's account address: the first one above the licenses, found in linear time."""

from __future__ import annotations

import pytest

from desktop.portal.my_atlassian.account_email import email_on_page


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My Atlassian\nLi Na Li.Na@Huake.example Log out\nSEN\nProduct", "li.na@huake.example"),
        ("x a.b+c@d-e.f.g y", "a.b+c@d-e.f.g"),
        ("@@a@b.example", "a@b.example"),
        ("a@b.example@c.example", "a@b.example"),
        ("..x@y.example", "..x@y.example"),
        ("foo@bar and later zhang.wei@huake.example", "zhang.wei@huake.example"),
        ("SEN\nzhang.wei@huake.example", ""),  # below the licenses' header: not the account
        ("no address here", ""),
    ],
)
def test_the_first_address_above_the_licenses(text: str, expected: str) -> None:
    assert email_on_page(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a" * 40_000,  # a long run of letters and no "@" at all
        "a" * 20_000 + "@" + "b" * 20_000,  # an "@" with a domain that never gets its dot
        "a." * 20_000,
        "ab@" * 13_333,
    ],
)
def test_long_text_without_an_address_finds_none(text: str) -> None:
    assert email_on_page(text) == ""
    assert email_on_page(text + " li.na@huake.example") == "li.na@huake.example"
