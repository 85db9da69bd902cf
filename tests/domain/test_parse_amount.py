"""parse_amount: the one reader of amounts in text, the inverse of format_amount."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uppsikt.domain.money import (
    MINUS,
    NBSP,
    Unit,
    format_amount,
    format_number,
    parse_amount,
    round_to_unit,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("36 830", "36830"),
        (f"36{NBSP}830", "36830"),  # what format_amount writes and Excel shows
        ("36\u202f830", "36830"),  # narrow no-break space
        ("36\u2009830", "36830"),  # thin space
        ("-480 122", "-480122"),
        (f"{MINUS}480 122", "-480122"),
        ("\u2013480 122", "-480122"),  # en dash, as Word's autocorrect makes it
        ("516,9", "516.9"),
        ("1 234,50", "1234.50"),
        ("1234,5", "1234.5"),
        ("1234.50", "1234.50"),  # a point that cannot be a thousands separator
        ("1 234.50", "1234.50"),
        ("0.125", "0.125"),
        ("(1 234)", "-1234"),  # accounting style
        ("+12", "12"),
        ("  7 ", "7"),
        ("1 000 000", "1000000"),
    ],
)
def test_swedish_amounts_are_read_exactly(text: str, expected: str) -> None:
    value = parse_amount(text)

    assert isinstance(value, Decimal)
    assert value == Decimal(expected)
    assert str(value) == expected  # the stated decimals are kept: "1234,50" is not "1234.5"


@pytest.mark.parametrize(
    "text",
    ["", "  ", "12a", "1,2,3", "--1", "12 34", "1 2345", "1,234.50", "(-5)", "1 234,", "١٢٣", "x"],
)
def test_garbage_is_refused_saying_what_is_expected(text: str) -> None:
    with pytest.raises(ValueError, match=r'inget tal; skriv t\.ex\. "36 830"'):
        parse_amount(text)


def test_a_point_that_may_group_thousands_is_refused() -> None:
    with pytest.raises(ValueError, match="tusentalsavgränsare; skriv 1234 eller 1,234"):
        parse_amount("1.234")


def test_decimals_can_be_capped() -> None:
    assert parse_amount("12,34", decimals=2) == Decimal("12.34")
    with pytest.raises(ValueError, match="har fler än två decimaler"):
        parse_amount("12,345", decimals=2)
    with pytest.raises(ValueError, match="skriv ett helt tal"):
        parse_amount("12,3", decimals=0)


_KRONOR = st.integers(min_value=-(10**13), max_value=10**13)
_ORE = st.decimals(
    min_value=-(10**11), max_value=10**11, places=2, allow_nan=False, allow_infinity=False
)


@given(kronor=_KRONOR | _ORE, unit=st.sampled_from(Unit), decimals=st.integers(0, 3))
def test_format_then_parse_gives_the_rounded_amount(
    kronor: int | Decimal, unit: Unit, decimals: int
) -> None:
    text = format_amount(kronor, unit, decimals)

    assert parse_amount(text) == round_to_unit(kronor, unit, decimals)


@given(
    value=st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False),
    space=st.sampled_from([NBSP, " ", "\u202f"]),
    minus=st.sampled_from([MINUS, "-"]),
)
def test_what_people_type_for_a_formatted_number_reads_back(
    value: Decimal, space: str, minus: str
) -> None:
    # The same figure retyped in a spreadsheet: plain spaces, a hyphen for the minus.
    text = format_number(value, 3, plus=True).replace(NBSP, space).replace(MINUS, minus)

    assert parse_amount(text) == value
