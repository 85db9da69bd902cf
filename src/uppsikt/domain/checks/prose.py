"""Rule: amounts written in the prose of the summary and economy chapters agree with the tables.

A chapter is checked when it embeds tables or the generated economy summary. Each amount
in its text ("36,8 Mkr", "3 553 tkr", "2,6 %") is looked for among the chapter's own
tables first, then among all tables: stated and computed cells, differences between a
row's columns and sums of adjacent rows (prose often adds two lines together).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from uppsikt.domain.checks.findings import Finding, Severity
from uppsikt.domain.figures import shown
from uppsikt.domain.model import Chapter, Report
from uppsikt.domain.money import Amount, Unit, format_number, parse_decimal, round_to_unit
from uppsikt.domain.tables import ColumnKind, FigureTable, RowRole
from uppsikt.domain.text import directives, plain_text

_AMOUNT = re.compile(
    r"(?<![\w,])([+\-−]?\s?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|[+\-−]?\d+(?:,\d+)?)"
    r"\s?(Mkr|mkr|miljoner kronor|tkr|Tkr|%|procent)(?!\w)"
)


@dataclass(frozen=True)
class ProseAmount:
    text: str
    value: Decimal  # as written, in its unit
    unit: Unit | None  # None for percent
    decimals: int


def amounts_in(text: str) -> list[ProseAmount]:
    """Amounts with a unit in a text, as written."""
    found = []
    for match in _AMOUNT.finditer(text):
        number, unit_text = match.group(1), match.group(2).lower()
        value = parse_decimal(number.replace(" ", "").replace("\u00a0", ""))
        decimals = len(number.split(",")[1]) if "," in number else 0
        unit = (
            None
            if unit_text in ("%", "procent")
            else (Unit.TKR if unit_text == "tkr" else Unit.MKR)
        )
        found.append(ProseAmount(match.group(0), value, unit, decimals))
    return found


@dataclass(frozen=True)
class Pool:
    amounts: frozenset[int]  # absolute kronor
    percents: frozenset[Decimal]


def _pool(tables: list[FigureTable]) -> Pool:
    amounts: set[int] = set()
    percents: set[Decimal] = set()
    for table in tables:
        columns: dict[tuple[str, bool], list[int]] = {}
        for row in table.rows:
            # Labels sometimes carry amounts too ("hyresbidrag 3 900 tkr").
            for found in amounts_in(row.label):
                if found.unit is not None:
                    amounts.add(int(abs(found.value) * found.unit.factor))
            row_amounts = []
            for column in table.columns:
                value = shown(table, row, column)
                if isinstance(value, Amount):
                    row_amounts.append(value.kronor)
                    if row.role is not RowRole.HEADING:
                        # "varav" lines form their own run, so main lines stay adjacent.
                        run = (column.key, row.role is RowRole.PART)
                        columns.setdefault(run, []).append(value.kronor)
                elif isinstance(value, Decimal) and column.kind is ColumnKind.PERCENT:
                    percents.add(abs(value))
            amounts.update(abs(a) for a in row_amounts)
            amounts.update(abs(a - b) for a in row_amounts for b in row_amounts)
        for values in columns.values():
            for start in range(len(values)):
                running = 0
                for kronor in values[start : start + 3]:
                    running += kronor
                    amounts.add(abs(running))
    return Pool(frozenset(amounts), frozenset(percents))


def _matches(amount: ProseAmount, pool: Pool) -> tuple[bool, Decimal | None]:
    """(exact at the written precision, nearest candidate in the amount's unit)."""
    target = abs(amount.value)
    if amount.unit is None:
        candidates = [round(p, amount.decimals) for p in pool.percents]
    else:
        candidates = [round_to_unit(k, amount.unit, amount.decimals) for k in pool.amounts]
    if target in candidates:
        return True, target
    if not candidates:
        return False, None
    nearest = min(candidates, key=lambda c: abs(c - target))
    return False, nearest


def _checked_chapters(report: Report) -> list[Chapter]:
    checked = []
    for chapter in report.chapters:
        found = [d for s in chapter.sections for d in directives(s.body)]
        found += directives(chapter.intro)
        if any(kind == "table" or key == "economy_summary" for kind, key in found):
            checked.append(chapter)
    return checked


def _chapter_tables(report: Report, chapter: Chapter) -> list[FigureTable]:
    keys = [key for s in chapter.sections for kind, key in directives(s.body) if kind == "table"]
    return [report.table(key) for key in keys if report.has_table(key)]


def _unit_text(amount: ProseAmount, value: Decimal) -> str:
    suffix = "%" if amount.unit is None else ("tkr" if amount.unit is Unit.TKR else "Mkr")
    return f"{format_number(value, amount.decimals)}\u00a0{suffix}"


def check_prose_amounts(report: Report) -> Iterator[Finding]:
    everything = _pool(list(report.tables))
    for chapter in _checked_chapters(report):
        own = _pool(_chapter_tables(report, chapter))
        texts = [(f"chapter:{chapter.key}", chapter.title, chapter.intro)]
        texts += [
            (f"chapter:{chapter.key}/section:{i}", f"{chapter.title} – {s.heading}", s.body)
            for i, s in enumerate(chapter.sections)
        ]
        for place, where, body in texts:
            for amount in amounts_in(plain_text(body)):
                finding = _judge(amount, own, everything, place, where)
                if finding:
                    yield finding


def _judge(
    amount: ProseAmount, own: Pool, everything: Pool, place: str, where: str
) -> Finding | None:
    """Exact in the chapter's tables; else one step off there (a slip); else exact anywhere;
    else one step off anywhere; else unverifiable."""
    exact_own, near_own = _matches(amount, own)
    if exact_own:
        return None
    if near_own is not None and _is_near(amount, near_own):
        return _differs(amount, near_own, place, where)
    exact_all, near_all = _matches(amount, everything)
    if exact_all:
        return None
    if near_all is not None and _is_near(amount, near_all):
        return _differs(amount, near_all, place, where)
    return Finding(
        "prose.amounts",
        Severity.NOTE,
        f"Beloppet {amount.text} i texten finns inte i någon tabell och kan inte kontrolleras.",
        place,
        where,
    )


def _is_near(amount: ProseAmount, candidate: Decimal) -> bool:
    """One step of the written precision away: 8,5 Mkr written for 8,6 Mkr."""
    step = Decimal(1).scaleb(-amount.decimals)
    return abs(candidate - abs(amount.value)) <= step


def _differs(amount: ProseAmount, nearest: Decimal, place: str, where: str) -> Finding:
    return Finding(
        "prose.amounts",
        Severity.WARNING,
        f"Texten anger {amount.text}, men närmaste belopp i tabellerna avrundas till "
        f"{_unit_text(amount, nearest)}. Rätta texten eller tabellen.",
        place,
        where,
    )
