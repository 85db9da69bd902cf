"""Exact money and the one place where amounts are rounded for presentation.

Amounts are stored as integer kronor. A figure copied from a document that states
only tkr or Mkr keeps its *precision* (the size of its last stated digit, in kronor)
so that checks can tell a rounding slip from a real error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
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


# Between thousands: a space, a no-break space (what `format_number` writes and Excel
# shows), a narrow no-break space or a thin space (what some typesetting writes).
_GROUP_SPACES = ("\u00a0", "\u202f", "\u2009")
_MINUSES = ("-", MINUS, "\u2013")  # hyphen-minus, minus sign, en dash (Word's autocorrect)
_AMOUNT = re.compile(
    r"(?P<integer>[0-9]{1,3}(?: [0-9]{3})+|[0-9]+)(?:(?P<point>[,.])(?P<fraction>[0-9]+))?"
)
_EXAMPLES = (
    '"36 830", "-480 122" eller "1 234,50" (mellanslag mellan tusental, komma före decimaler)'
)
_DECIMALS = {1: "en decimal", 2: "två decimaler", 3: "tre decimaler"}


def parse_amount(text: str, *, decimals: int | None = None) -> Decimal:
    """The exact number in Swedish text: '36 830', '−480 122', '1 234,50', '(1 234)', '1234.50'.

    Thousands may be grouped by spaces (also no-break, narrow and thin); the decimal sign
    is a comma, or a point where it cannot be a thousands separator ('1.234' is refused).
    A minus (-, − or –) or parentheses make it negative. `decimals` caps the decimals.
    Raises ValueError saying in Swedish what was expected.
    """
    cleaned = text.strip()
    for space in _GROUP_SPACES:
        cleaned = cleaned.replace(space, " ")
    negative = cleaned.startswith("(") and cleaned.endswith(")")
    if negative:
        cleaned = cleaned[1:-1].strip()  # accounting style: (1 234) is -1 234
    if cleaned[:1] and cleaned[0] in (*_MINUSES, "+") and not negative:
        negative = cleaned[0] != "+"
        cleaned = cleaned[1:].lstrip()
    match = _AMOUNT.fullmatch(cleaned)
    if match is None:
        shown = f"'{text}' är inget tal" if text.strip() else "texten är tom och är inget tal"
        raise ValueError(f"{shown}; skriv t.ex. {_EXAMPLES}")
    integer, point, fraction = match["integer"], match["point"], match["fraction"] or ""
    if point == "." and len(integer) <= 3 and len(fraction) == 3 and integer[0] != "0":
        raise ValueError(
            f"'{text}' går inte att tolka: punkten kan vara en tusentalsavgränsare; "
            f"skriv {integer}{fraction} eller {integer},{fraction}"
        )
    if decimals is not None and len(fraction) > decimals:
        allowed = _DECIMALS.get(decimals, f"{decimals} decimaler")
        if decimals == 0:
            raise ValueError(f"'{text}' har decimaler; skriv ett helt tal")
        raise ValueError(f"'{text}' har fler än {allowed}")
    digits = integer.replace(" ", "")
    number = Decimal(f"{digits}.{fraction}" if point else digits)
    return -number if negative else number


def parse_decimal(text: str | int | Decimal) -> Decimal:
    """`parse_amount` for text; an int or a Decimal (a YAML number) as it is."""
    if isinstance(text, bool):
        raise ValueError("ett belopp kan inte vara sant/falskt")
    if isinstance(text, int | Decimal):
        return Decimal(text)
    return parse_amount(text)


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
