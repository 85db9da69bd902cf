"""Exact money and the one place where amounts are rounded for presentation.

Amounts are stored as integer kronor. A figure copied from a document that states
only tkr or Mkr keeps its *precision* (the size of its last stated digit, in kronor)
so that checks can tell a rounding slip from a real error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum

NBSP = "\u00a0"
MINUS = "\u2212"


class Unit(Enum):
    """A display unit for amounts; storage is always kronor."""

    KR = ("kr", 1)
    TKR = ("tkr", 1_000)
    MKR = ("mkr", 1_000_000)

    def __init__(self, code: str, factor: int) -> None:
        self.code = code
        self.factor = factor

    @property
    def label(self) -> str:
        """Column-header spelling: Kr, Tkr, Mkr."""
        return self.code.capitalize()

    @property
    def short(self) -> str:
        """Spelling in running text and messages: kr, tkr, Mkr."""
        return {"kr": "kr", "tkr": "tkr", "mkr": "Mkr"}[self.code]

    @classmethod
    def from_code(cls, code: str) -> Unit:
        for unit in cls:
            if unit.code == code.strip().lower():
                return unit
        raise ValueError(f"okänd enhet {code!r}: använd kr, tkr eller mkr")


@dataclass(frozen=True, order=True)
class Amount:
    """An amount in kronor, with the precision it was stated at (1 = exact)."""

    kronor: int
    precision: int = 1

    def __add__(self, other: Amount) -> Amount:
        return Amount(self.kronor + other.kronor, max(self.precision, other.precision))

    def __sub__(self, other: Amount) -> Amount:
        return Amount(self.kronor - other.kronor, max(self.precision, other.precision))

    def __neg__(self) -> Amount:
        return Amount(-self.kronor, self.precision)

    @property
    def half_step(self) -> Decimal:
        """The largest rounding error the stated figure can hide."""
        return Decimal(self.precision) / 2 if self.precision > 1 else Decimal(0)


_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def parse_decimal(text: str | int | Decimal) -> Decimal:
    """Parse '−4 840', '494,7', '1 084' or an int/Decimal into a Decimal."""
    if isinstance(text, bool):
        raise ValueError("ett belopp kan inte vara sant/falskt")
    if isinstance(text, int | Decimal):
        return Decimal(text)
    cleaned = (
        text.strip()
        .replace(MINUS, "-")
        .replace("\u2013", "-")
        .replace(NBSP, "")
        .replace("\u202f", "")
        .replace(" ", "")
    )
    if not _NUMBER.match(cleaned):
        raise ValueError(f"{text!r} är inget tal; skriv t.ex. '36 830' eller '-4,1'")
    try:
        return Decimal(cleaned.replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex
        raise ValueError(f"{text!r} är inget tal") from exc


def amount_from_stated(text: str | int | Decimal, unit: Unit) -> Amount:
    """An amount as a document states it in `unit`; keeps the stated precision."""
    value = parse_decimal(text)
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    kronor = value * unit.factor
    if kronor != kronor.to_integral_value():
        raise ValueError(f"{text!r} {unit.label} har fler decimaler än hela kronor")
    precision = max(1, unit.factor // 10**decimals)
    return Amount(int(kronor), precision)


def round_to_unit(kronor: int | Decimal, unit: Unit, decimals: int = 0) -> Decimal:
    """Round kronor to `unit` with `decimals`, half away from zero (as Excel and Word do)."""
    quantum = Decimal(1).scaleb(-decimals)
    value = Decimal(kronor) / unit.factor
    sign = -1 if value < 0 else 1
    return sign * abs(value).quantize(quantum, rounding=ROUND_HALF_UP)


def format_number(value: Decimal | int, decimals: int = 0, *, plus: bool = False) -> str:
    """Swedish number format: no-break space between thousands, comma, minus sign before."""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = abs(Decimal(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    integer, _, fraction = f"{rounded:f}".partition(".")
    groups: list[str] = []
    while integer:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    text = NBSP.join(groups) or "0"
    if fraction:
        text += "," + fraction
    if Decimal(value) < 0 and rounded != 0:
        return MINUS + text
    if plus and rounded != 0:
        return "+" + text
    return text


def format_amount(kronor: int | Decimal, unit: Unit, decimals: int = 0) -> str:
    """The one presentation function for money: '36 830' (tkr), '516,9' (Mkr, 1 decimal)."""
    return format_number(round_to_unit(kronor, unit, decimals), decimals)


def format_with_unit(kronor: int | Decimal, unit: Unit, decimals: int = 0) -> str:
    """'516,9 Mkr', '3 553 tkr': for prose."""
    return f"{format_amount(kronor, unit, decimals)}{NBSP}{unit.short}"
