"""Parsing of field values: amounts, dates, periods and small integers (4B §5.9–5.11)."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

#: More integer digits than this is not an amount any ledger holds (10^15 kronor is a
#: thousand times the Swedish state budget); such a field is a broken line, not money.
MAX_INTEGER_DIGITS = 15

_AMOUNT = re.compile(rb"(-?)([0-9]+)(?:\.([0-9]+))?")
_DATE = re.compile(rb"[0-9]{8}")
_PERIOD = re.compile(rb"[0-9]{6}")
_INT = re.compile(rb"-?[0-9]{1,9}")


class FieldError(ValueError):
    """A field value that makes its record unusable. ``code`` is the stable issue code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _show(value: bytes) -> str:
    text = value.decode("latin-1")
    return text if len(text) <= 40 else text[:37] + "..."


def parse_amount(value: bytes, what: str = "beloppet") -> tuple[Decimal, bool]:
    """An amount as Decimal, and whether it has more than two decimals (allowed, but 4B says
    at most two). Raises FieldError for anything that is not a plain decimal number."""
    m = _AMOUNT.fullmatch(value)
    if m is None:
        raise FieldError(
            "amount.invalid",
            f"{what} {_show(value)!r} är inget belopp. Skriv det med punkt som decimaltecken, "
            "minustecken först och utan tusentalsavgränsare, t.ex. -1234.50.",
        )
    if len(m.group(2).lstrip(b"0")) > MAX_INTEGER_DIGITS:
        raise FieldError(
            "amount.absurd",
            f"{what} {_show(value)!r} har fler än {MAX_INTEGER_DIGITS} siffror före "
            "decimaltecknet och kan inte vara ett verkligt belopp. Kontrollera exporten.",
        )
    decimals = m.group(3)
    return Decimal(value.decode("ascii")), decimals is not None and len(decimals) > 2


def parse_date(value: bytes, what: str = "datumet") -> datetime.date:
    """A YYYYMMDD date; FieldError if it is malformed or does not exist (20251340)."""
    if _DATE.fullmatch(value):
        try:
            return datetime.date(int(value[:4]), int(value[4:6]), int(value[6:]))
        except ValueError:
            pass
    raise FieldError(
        "date.invalid",
        f"{what} {_show(value)!r} är inget giltigt datum. Skriv datum som ÅÅÅÅMMDD, "
        "t.ex. 20250131.",
    )


def parse_optional_date(value: bytes, what: str = "datumet") -> datetime.date | None:
    """Like parse_date, but an empty field means no date."""
    return parse_date(value, what) if value else None


def parse_period(value: bytes) -> int:
    """A YYYYMM period as an int; FieldError unless the month is 01–12."""
    if _PERIOD.fullmatch(value) and 1 <= int(value[4:]) <= 12 and int(value[:4]) > 0:
        return int(value)
    raise FieldError(
        "period.invalid",
        f"perioden {_show(value)!r} är ogiltig. Skriv perioder som ÅÅÅÅMM, t.ex. 202501.",
    )


def parse_int(value: bytes, what: str) -> int:
    """A small signed integer (årsnr, #SIETYP, #FLAGGA)."""
    if _INT.fullmatch(value):
        return int(value)
    raise FieldError("number.invalid", f"{what} {_show(value)!r} är inget heltal.")


def parse_quantity(value: bytes) -> Decimal | None:
    """An optional quantity: None when empty; FieldError when present but not a number."""
    if not value:
        return None
    amount, _ = parse_amount(value, "kvantiteten")
    return amount
