"""SEN normalisation: the forms people type become ``SEN-<digits>``; anything else is refused."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import DomainError, InvalidSen, normalize_sen, sen_digits


@pytest.mark.parametrize(
    "text",
    [
        "SEN-12683313",
        "12683313",
        " sen-12683313 ",
        "Sen-12683313",
        "SEN12683313",
        "\u00a0SEN-12683313\n",
    ],
)
def test_forms_of_one_sen_normalise_alike(text: str) -> None:
    assert normalize_sen(text) == "SEN-12683313"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "SEN-",
        "SEN 12683313",
        "SEN--12683313",
        "SEN-1268a313",
        "ABC-12683313",
        "SEN-1234567890123",  # more than 12 digits
        "SEN-١٢٣٤",  # Arabic-Indic digits are not a SEN
        "SEN-１２３",  # full-width digits neither
        "ſEN-123",  # the long s folds to "s" under Unicode case-folding; not a SEN
        "SEN-12683313.",
        "on SEN-12683313",
    ],
)
def test_anything_else_is_refused_with_a_clear_message(text: str) -> None:
    with pytest.raises(InvalidSen) as caught:
        normalize_sen(text)
    assert caught.value.key == "invalid-sen"
    assert isinstance(caught.value, DomainError)
    assert "expected SEN- followed by digits" in str(caught.value)


def test_sen_digits_are_what_my_atlassian_urls_use() -> None:
    assert sen_digits(" sen-12683313") == "12683313"


@given(st.integers(min_value=0, max_value=10**12 - 1), st.sampled_from(["SEN-", "sen-", "SEN", ""]))
def test_every_number_round_trips(number: int, prefix: str) -> None:
    sen = normalize_sen(f"  {prefix}{number} ")
    assert sen == f"SEN-{number}"
    assert normalize_sen(sen) == sen


@given(st.text(max_size=30))
def test_any_text_is_a_sen_or_an_invalid_sen(text: str) -> None:
    try:
        sen = normalize_sen(text)
    except InvalidSen:
        return
    assert sen.startswith("SEN-")
    assert sen[4:].isascii() and sen[4:].isdigit()
