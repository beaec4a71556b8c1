"""Property-based tests: random, mutated and generated pastes.

Whatever it is given, the reader returns licenses or raises its own :class:`PasteError`;
what it returns is always well formed; and a page it wrote itself reads back exactly.
"""

from __future__ import annotations

import re
import string
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.emails import normalize_email
from desktop.domain.models import Contact, License
from desktop.domain.product import hosting_from_product, license_type_from_product
from desktop.portal.paste_reader import WARNING_TEXTS, PasteError, PasteResult, read_paste
from tests.fixtures.paste.paste_text import cut_name, paste_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "paste"
FIXTURE_TEXTS = {
    name: (FIXTURES / name).read_text(encoding="utf-8")
    for name in ("seed_layout.txt", "several_licenses.txt", "problems.txt", "no_license.txt")
}
FIXTURE_LINES = sorted({line for text in FIXTURE_TEXTS.values() for line in text.splitlines()})
ACCOUNT = "paste:属性测试"
KEY_RE = re.compile(r"[A-Za-z0-9+/=]+")
SEN_RE = re.compile(r"SEN-[0-9]{1,12}")

# The page's own words, so random pastes hit the reader's every branch.
PAGE_WORDS = [
    "SEN",
    "Product",
    "Name",
    "Support Expires",
    "Support",
    "Request Support",
    "Organization",
    "License Key",
    "Technical Contacts",
    "Billing Contacts",
    "PRIMARY",
    "Make Primary | Delete",
    "Add",
    "Actions",
    "Archive",
    "Renew | Upgrade | Download |",
    "SEN-1",
    "sen-00042",
    "SEN-999999999999",
    "19 十月 2020",
    "31 二月 2021",
    "19 Oct 2020",
    "Oct 19, 2020",
    "2020-10-19",
    "zhang.wei@huake.example",
    "li.na@@huake.example",
    "@",
    "contact@example.com",
    "Jira Software (Server) 10 Users: Commercial License",
    "AAABqL3ZOLvAlYxQrjQVd3L  ",
    "华科示例软件有...",
    "...",
    "\u00a0",
    "\ufeff",
]
SEPARATORS = st.sampled_from(["\n", "\r\n", "\n\n", "\r", "\t", "\u2028", "\x0c", " "])


def check_well_formed(result: PasteResult, account_key: str = ACCOUNT) -> None:
    """What the reader returns is always a clean, valid reading."""
    assert result.licenses or result.unreadable
    sens = [lic.sen for lic in result.licenses]
    assert len(sens) == len(set(sens))
    for lic in result.licenses:
        assert SEN_RE.fullmatch(lic.sen)
        assert lic.seen_by == {account_key}
        for text in (lic.product, lic.organisation, lic.name or ""):
            assert text == " ".join(text.split())
        assert lic.name is None or lic.name
        assert lic.license_key is None or KEY_RE.fullmatch(lic.license_key)
        for contacts in (lic.technical_contacts, lic.billing_contacts):
            emails = [c.email for c in contacts]
            assert len(emails) == len(set(emails))
            for contact in contacts:
                assert normalize_email(contact.email) == contact.email
                assert contact.name is None or contact.name == " ".join(contact.name.split())
    for warning in result.warnings:
        assert warning.key in WARNING_TEXTS
        assert warning.sen in sens
        assert warning.message


def read_or_refuse(text: str) -> PasteResult | None:
    try:
        result = read_paste(text, account_key=ACCOUNT)
    except PasteError as error:
        assert error.key in {"no-licenses", "empty", "too-large", "not-text"}
        assert str(error)
        return None
    check_well_formed(result)
    return result


# --- random pastes -------------------------------------------------------------------------------


@given(st.text(max_size=400))
def test_any_text_gives_licenses_or_a_paste_error(text: str) -> None:
    read_or_refuse(text)


@given(
    st.lists(
        st.tuples(st.one_of(st.sampled_from(PAGE_WORDS), st.text(max_size=25)), SEPARATORS),
        max_size=120,
    )
)
def test_page_words_in_any_order_give_licenses_or_a_paste_error(
    parts: list[tuple[str, str]],
) -> None:
    read_or_refuse("".join(word + sep for word, sep in parts))


# --- mutated pastes ------------------------------------------------------------------------------


@st.composite
def mutated_paste(draw: st.DrawFn) -> str:
    lines = FIXTURE_TEXTS[draw(st.sampled_from(sorted(FIXTURE_TEXTS)))].split("\n")
    for _ in range(draw(st.integers(0, 12))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["drop", "repeat", "swap", "insert", "cut", "garble"]))
        if operation == "drop":
            del lines[at]
        elif operation == "repeat":
            lines.insert(at, lines[at])
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif operation == "insert":
            new = draw(st.one_of(st.sampled_from(PAGE_WORDS + FIXTURE_LINES), st.text(max_size=30)))
            lines.insert(at, new)
        elif operation == "cut":
            lines = lines[:at] if draw(st.booleans()) else lines[at:]
        else:
            line = lines[at]
            pos = draw(st.integers(0, len(line)))
            lines[at] = line[:pos] + draw(st.text(max_size=3)) + line[pos + 1 :]
    return draw(SEPARATORS).join(lines)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_paste())
def test_mutated_pastes_give_licenses_or_a_paste_error(text: str) -> None:
    read_or_refuse(text)


@given(st.sampled_from(["seed_layout.txt", "several_licenses.txt", "problems.txt"]), st.data())
def test_whitespace_never_changes_the_reading(name: str, data: st.DataObject) -> None:
    text = FIXTURE_TEXTS[name]
    ending = data.draw(st.sampled_from(["\n", "\r\n", "\r"]))
    padding = data.draw(st.sampled_from(["", " ", "\u00a0", "\t", "\u3000", " \u00a0 "]))
    blank = data.draw(st.sampled_from(["", ending, ending + padding + ending]))
    lines = [padding + line + padding for line in text.split("\n")]
    assert read_paste((ending + blank).join(lines)) == read_paste(text)


# --- generated pages read back exactly --------------------------------------------------------

PRODUCTS = [
    "Jira Software (Server) 10 Users: Commercial License",
    "Confluence (Data Center) 500 Users: Academic License",
    "Jira Service Management (Cloud) Standard: Commercial License",
    "Tempo Timesheets for Jira (Data Center) 250 Users: Evaluation License",
    "Bitbucket (Server) 10 Users: Open Source License",
    "Structure for Jira (Server) 25 Users: Starter License",
]
NOT_A_NAME = {
    word.lower()
    for word in [
        *PAGE_WORDS,
        *("Organisation", "Licence Key", "Make Primary", "Delete", "Renew", "Upgrade"),
        *("Download", "View Developer License"),
    ]
}
WORD_CHARS = "华科示例软件有限公司技术采购部北京上海" + string.ascii_letters
TEXT = (
    st.text(alphabet=WORD_CHARS + " ", min_size=1, max_size=40)
    .map(lambda s: " ".join(s.split()))
    .filter(lambda s: bool(s) and s.lower() not in NOT_A_NAME)
)
LOCAL_PART = st.from_regex(r"[a-z][a-z0-9]{0,10}(\.[a-z0-9]{1,8})?", fullmatch=True)


@st.composite
def contact_lists(draw: st.DrawFn, *, min_size: int) -> tuple[Contact, ...]:
    locals_ = draw(st.lists(LOCAL_PART, min_size=min_size, max_size=4, unique=True))
    primary = draw(st.integers(0, max(len(locals_) - 1, 0)))
    return tuple(
        Contact(
            email=f"{local}@huake.example",
            name=draw(st.one_of(st.none(), TEXT)),
            primary=(index == primary),
        )
        for index, local in enumerate(locals_)
    )


@st.composite
def licenses(draw: st.DrawFn) -> list[License]:
    numbers = draw(st.lists(st.integers(1, 10**12 - 1), min_size=1, max_size=6, unique=True))
    result = []
    for number in numbers:
        product = draw(st.sampled_from(PRODUCTS))
        result.append(
            License(
                sen=f"SEN-{number}",
                product=product,
                organisation=draw(TEXT),
                name=draw(TEXT),
                license_type=license_type_from_product(product),
                hosting=hosting_from_product(product),
                support_expires=draw(st.dates(min_value=date(1000, 1, 1))),
                license_key=draw(st.from_regex(r"AAAB[A-Za-z0-9+/]{1,300}={0,2}", fullmatch=True)),
                technical_contacts=draw(contact_lists(min_size=1)),
                billing_contacts=draw(contact_lists(min_size=0)),
                seen_by=frozenset({ACCOUNT}),
            )
        )
    return result


@settings(max_examples=150)
@given(licenses(), st.sampled_from(["zh", "short", "long"]))
def test_a_generated_page_reads_back_exactly(page: list[License], date_style: str) -> None:
    result = read_paste(paste_text(page, date_style=date_style), account_key=ACCOUNT)
    assert result.licenses == page
    assert result.warnings == []


@settings(max_examples=100)
@given(licenses(), st.sampled_from(["zh", "short", "long"]))
def test_collapsed_rows_read_back_what_the_row_shows(page: list[License], date_style: str) -> None:
    result = read_paste(paste_text(page, expanded=False, date_style=date_style))
    assert [lic.sen for lic in result.licenses] == [lic.sen for lic in page]
    for read, shown in zip(result.licenses, page, strict=True):
        assert (read.product, read.support_expires) == (shown.product, shown.support_expires)
        assert read.name == cut_name(shown.name or "")
        assert (read.license_key, read.technical_contacts) == (None, ())
        assert read.organisation == (read.name or "")  # the Name column, as the table shows it
        # One warning for the row, whether or not its name is cut short.
        assert [w.key for w in result.warnings if w.sen == read.sen] == ["details-missing"]
