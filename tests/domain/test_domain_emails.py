"""Email rules: validation and normalisation (no DNS), domains, public mail domains."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain import (
    DomainError,
    InvalidEmail,
    email_domain,
    is_public_domain,
    is_valid_email,
    normalize_email,
    public_mail_domains,
    same_company_domain,
)

# The list PORTAL_API.md requires at least.
CONTRACT_PUBLIC_DOMAINS = [
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "yahoo.com",
    "icloud.com",
    "me.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "gmx.com",
    "mail.com",
    "qq.com",
    "foxmail.com",
    "163.com",
    "126.com",
    "yeah.net",
    "sina.com",
    "sina.cn",
    "sohu.com",
    "139.com",
    "aliyun.com",
    "yandex.ru",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zhang.wei@huake.example", "zhang.wei@huake.example"),
        ("  Zhang.Wei@HuaKe.Example  ", "zhang.wei@huake.example"),
        ("\u00a0li.na@huake.example\u00a0", "li.na@huake.example"),
        ("demo.buyer@QQ.com", "demo.buyer@qq.com"),
        ("wang+licenses@huake.example", "wang+licenses@huake.example"),
    ],
)
def test_valid_addresses_are_trimmed_and_lower_cased(text: str, expected: str) -> None:
    assert normalize_email(text) == expected
    assert is_valid_email(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "a@b",
        "a@@b.com",
        "zhang wei@huake.example",
        "zhang.wei@huake example",
        "zhang.wei@",
        "@huake.example",
        "zhang.wei",
        "zhang..wei@huake.example",
        "zhang.wei@huake.example.",
    ],
)
def test_invalid_addresses_are_refused(text: str) -> None:
    with pytest.raises(InvalidEmail) as caught:
        normalize_email(text)
    assert caught.value.key == "invalid-email"
    assert isinstance(caught.value, DomainError)
    assert "email address" in str(caught.value)
    assert not is_valid_email(text)


def test_the_domain_of_an_address_is_lower_case() -> None:
    assert email_domain(" Zhang.Wei@Huake.Example") == "huake.example"
    with pytest.raises(InvalidEmail):
        email_domain("not an address")


def test_public_domains_hold_the_contract_list() -> None:
    domains = public_mail_domains()
    assert set(CONTRACT_PUBLIC_DOMAINS) <= domains
    assert all(d == d.strip().lower() and "#" not in d for d in domains)


@pytest.mark.parametrize(
    "text", ["qq.com", "QQ.COM", "demo.buyer@qq.com", "x@Gmail.com", "163.com"]
)
def test_public_domain_from_a_domain_or_an_address(text: str) -> None:
    assert is_public_domain(text)


@pytest.mark.parametrize("text", ["huake.example", "zhang.wei@huake.example", "mail.huake.example"])
def test_company_domains_are_not_public(text: str) -> None:
    assert not is_public_domain(text)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("zhang.wei@huake.example", "li.na@huake.example", True),
        ("zhang.wei@huake.example", "LI.NA@HUAKE.EXAMPLE", True),
        ("zhang.wei@huake.example", "li.na@other.example", False),
        ("zhang.wei@huake.example", "li.na@mail.huake.example", False),  # a subdomain differs
        ("demo.buyer@qq.com", "demo.seller@qq.com", False),  # public: never the same
        ("demo.buyer@gmail.com", "demo.buyer@gmail.com", False),
        ("zhang.wei@huake.example", "demo.buyer@qq.com", False),
    ],
)
def test_same_company_domain(first: str, second: str, same: bool) -> None:
    assert same_company_domain(first, second) is same
    assert same_company_domain(second, first) is same


def test_same_company_domain_refuses_an_invalid_address() -> None:
    with pytest.raises(InvalidEmail):
        same_company_domain("zhang.wei@huake.example", "a@b")


@settings(max_examples=300)
@given(
    st.one_of(
        st.text(max_size=60),
        st.builds(
            lambda local, domain: f"{local}@{domain}",
            st.text(max_size=20),
            st.text(max_size=30),
        ),
    )
)
def test_any_text_is_an_address_or_an_invalid_email(text: str) -> None:
    try:
        email = normalize_email(text)
    except InvalidEmail as error:
        assert error.key == "invalid-email"
        return
    assert email == email.strip().lower()
    assert email.count("@") == 1
    assert normalize_email(email) == email
