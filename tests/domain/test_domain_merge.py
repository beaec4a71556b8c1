"""Merging: the same SEN seen from several accounts is one license that remembers them all."""

from dataclasses import replace
from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import Contact, License, merge_licenses
from tests.licenses import make_license

ZHANG = Contact("zhang.wei@huake.example", "Zhang Wei", primary=True)
LI = Contact("li.na@huake.example", "Li Na", primary=True)


def lic(sen: str, account: str, **changes: Any) -> License:
    base = make_license(
        sen,
        primary=ZHANG.email,
        product="Confluence (Server) 25 Users: Commercial License",
        organisation="华科示例有限公司",
        billing=(),
        key=None,
        seen_by={account},
    )
    return replace(base, **changes)


def test_same_sen_from_two_accounts_is_one_license() -> None:
    merged = merge_licenses(
        [
            lic("SEN-2", "zhang.wei@huake.example"),
            lic("SEN-2", "li.na@huake.example"),
            lic("SEN-1", "li.na@huake.example"),
        ]
    )
    assert [m.sen for m in merged] == ["SEN-1", "SEN-2"]
    assert merged[1].seen_by == {"zhang.wei@huake.example", "li.na@huake.example"}
    assert merged[0].seen_by == {"li.na@huake.example"}


def test_ordered_by_the_number_not_the_text() -> None:
    merged = merge_licenses([lic(s, "a@huake.example") for s in ("SEN-100", "SEN-9", "SEN-10")])
    assert [m.sen for m in merged] == ["SEN-9", "SEN-10", "SEN-100"]


def test_the_later_reading_wins_but_an_empty_field_keeps_the_earlier_value() -> None:
    earlier = lic(
        "SEN-7",
        "paste:采购部",
        name="华科 Jira",
        license_key="AAABjA0ODAoPeNqFkcFKw0A",
        support_expires=date(2020, 10, 19),
    )
    later = lic(
        "SEN-7",
        "li.na@huake.example",
        name=None,
        license_key=None,
        support_expires=date(2021, 10, 19),
        technical_contacts=(LI,),
    )
    (merged,) = merge_licenses([earlier, later])
    assert merged.name == "华科 Jira"
    assert merged.license_key == "AAABjA0ODAoPeNqFkcFKw0A"
    assert merged.support_expires == date(2021, 10, 19)
    assert merged.technical_contacts == (LI,)
    assert merged.seen_by == {"paste:采购部", "li.na@huake.example"}


def test_nothing_to_merge() -> None:
    assert merge_licenses([]) == []


@given(
    st.lists(
        st.tuples(st.integers(1, 30), st.sampled_from(["a@x.example", "b@x.example", "paste:p"])),
        max_size=40,
    )
)
def test_one_license_per_sen_remembering_every_account(readings: list[tuple[int, str]]) -> None:
    merged = merge_licenses([lic(f"SEN-{n}", account) for n, account in readings])
    assert [m.sen for m in merged] == [f"SEN-{n}" for n in sorted({n for n, _ in readings})]
    for m in merged:
        number = int(m.sen[4:])
        assert m.seen_by == {account for n, account in readings if n == number}
