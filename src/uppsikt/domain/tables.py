"""Figure tables: the economy's tables as stated figures plus the arithmetic that binds them.

A cell holds what the source *states* (or nothing). Arithmetic is declared, not typed:
a row may be the sum of other rows (`sum_of`, with '-key' to subtract) and a column may
be a formula over other columns ('actual - budget', 'pct_change(current, previous)').
What a document shows is the stated figure when there is one, else the computed one;
`uppsikt check` compares the two and tells rounding from error (see docs/figures.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from uppsikt.domain.money import Amount, Unit

Cell = Amount | Decimal | str


class ColumnKind(StrEnum):
    TEXT = "text"
    AMOUNT = "amount"
    PERCENT = "percent"

    @property
    def label(self) -> str:
        return {"text": "Text", "amount": "Belopp", "percent": "Procent"}[self.value]


class RowRole(StrEnum):
    ITEM = "item"
    PART = "part"  # a "varav" line: shown indented, not part of the table's sums
    SUBTOTAL = "subtotal"
    TOTAL = "total"
    HEADING = "heading"

    @property
    def label(self) -> str:
        return {
            "item": "Post",
            "part": "Varav",
            "subtotal": "Delsumma",
            "total": "Summa",
            "heading": "Rubrik",
        }[self.value]


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: ColumnKind = ColumnKind.AMOUNT
    formula: str | None = None
    decimals: int | None = None  # None: the table's decimals (percent columns: 1)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    cells: Mapping[str, Cell] = field(default_factory=dict)
    role: RowRole = RowRole.ITEM
    sum_of: tuple[str, ...] = ()

    def stated(self, column: str) -> Cell | None:
        return self.cells.get(column)


@dataclass(frozen=True)
class FigureTable:
    key: str
    title: str
    unit: Unit
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    decimals: int = 0
    label_header: str = ""
    kind: str = "generic"
    note: str = ""

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(f"tabellen {self.key} har ingen kolumn {key!r}")

    def row(self, key: str) -> Row:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(f"tabellen {self.key} har ingen rad {key!r}")

    def has_column(self, key: str) -> bool:
        return any(column.key == key for column in self.columns)

    def has_row(self, key: str) -> bool:
        return any(row.key == key for row in self.rows)

    def decimals_for(self, column: Column) -> int:
        if column.decimals is not None:
            return column.decimals
        return 1 if column.kind is ColumnKind.PERCENT else self.decimals

    @property
    def amount_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.kind is ColumnKind.AMOUNT)


_PCT = re.compile(r"^pct_change\(\s*(\w+)\s*,\s*(\w+)\s*\)$")
_TERM = re.compile(r"([+-]?)\s*(\w+)")


@dataclass(frozen=True)
class Formula:
    """A parsed column formula: a signed sum of columns, or a percent change."""

    terms: tuple[tuple[int, str], ...] = ()
    pct: tuple[str, str] | None = None

    @property
    def operands(self) -> tuple[str, ...]:
        return self.pct if self.pct else tuple(key for _, key in self.terms)


def parse_formula(text: str) -> Formula:
    """'actual - budget' or 'pct_change(current, previous)'; raises ValueError otherwise."""
    text = text.strip()
    match = _PCT.match(text)
    if match:
        return Formula(pct=(match.group(1), match.group(2)))
    compact = text.replace(" ", "")
    if not compact or not re.fullmatch(r"[+-]?\w+([+-]\w+)*", compact):
        raise ValueError(
            f"formeln {text!r} går inte att tolka: skriv t.ex. 'actual - budget' "
            "eller 'pct_change(current, previous)'"
        )
    terms = tuple((-1 if sign == "-" else 1, key) for sign, key in _TERM.findall(compact))
    return Formula(terms=terms)


def parse_sum_term(term: str) -> tuple[int, str]:
    """'-finance_costs' -> (-1, 'finance_costs')."""
    term = term.strip()
    if term.startswith("-"):
        return -1, term[1:].strip()
    return 1, term.lstrip("+").strip()
