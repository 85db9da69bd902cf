from decimal import Decimal

import pytest

from uppsikt.domain.money import (
    MINUS,
    NBSP,
    Amount,
    Unit,
    amount_from_stated,
    format_amount,
    format_with_unit,
    parse_decimal,
)


def test_stated_figures_keep_their_precision() -> None:
    assert amount_from_stated("36 830", Unit.TKR) == Amount(36_830_000, 1_000)
    assert amount_from_stated("494,7", Unit.MKR) == Amount(494_700_000, 100_000)
    assert amount_from_stated("-0,9", Unit.MKR) == Amount(-900_000, 100_000)
    assert amount_from_stated(f"{MINUS}4 840", Unit.TKR) == Amount(-4_840_000, 1_000)
    assert amount_from_stated(12, Unit.KR) == Amount(12, 1)


def test_half_step_is_half_the_stated_unit() -> None:
    assert amount_from_stated("1", Unit.TKR).half_step == 500
    assert amount_from_stated("1,0", Unit.MKR).half_step == 50_000
    assert Amount(5).half_step == 0


@pytest.mark.parametrize("bad", ["12a", "1.2.3", "", "--1", "1,2,3"])
def test_non_numbers_are_refused_with_an_example(bad: str) -> None:
    with pytest.raises(ValueError, match="inget tal"):
        parse_decimal(bad)


def test_more_decimals_than_kronor_is_refused() -> None:
    with pytest.raises(ValueError, match="decimaler"):
        amount_from_stated("1,2345", Unit.TKR)


def test_swedish_format_rounds_half_away_from_zero() -> None:
    assert format_amount(36_830_000, Unit.TKR) == f"36{NBSP}830"
    assert format_amount(516_952_000, Unit.MKR, 1) == "517,0"
    assert format_amount(516_949_999, Unit.MKR, 1) == "516,9"
    assert format_amount(-1_036_000, Unit.MKR, 1) == f"{MINUS}1,0"
    assert format_amount(-450, Unit.TKR) == "0"  # rounds to zero: no minus sign
    assert format_amount(-500, Unit.TKR) == f"{MINUS}1"
    assert format_amount(-400, Unit.TKR) == "0"  # no minus on a zero
    assert format_with_unit(3_553_000, Unit.TKR) == f"3{NBSP}553{NBSP}tkr"
    assert format_with_unit(1_234_567_000, Unit.MKR, 1) == f"1{NBSP}234,6{NBSP}Mkr"


def test_parse_accepts_what_documents_write() -> None:
    assert parse_decimal(f"1{NBSP}084") == Decimal(1084)
    assert parse_decimal("2,6") == Decimal("2.6")
    assert parse_decimal(Decimal("3.5")) == Decimal("3.5")
