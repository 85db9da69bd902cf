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
from uppsikt.domain.markdown import directives, plain_text
from uppsikt.domain.model import Chapter, Report
from uppsikt.domain.money import Amount, Unit, format_number, parse_amount, round_to_unit
from uppsikt.domain.tables import ColumnKind, FigureTable, RowRole

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
        value = parse_amount(number)
        decimals = len(number.split(",")[1]) if "," in number else 0
        unit = (
            None
            if unit_text in ("%", "procent")
            else (Unit.TKR if unit_text == "tkr" else Unit.MKR)
        )
        found.append(ProseAmount(match.group(0), value, unit, decimals))
    return found


STATED, DIFFERENCE, SUM = 0, 1, 2  # how a candidate figure was found


@dataclass(frozen=True)
class Pool:
    """Candidate figures (signed kronor or percent) with where each comes from."""

    amounts: dict[int, tuple[str, int]]  # kronor -> (origin, STATED / DIFFERENCE / SUM)
    percents: dict[Decimal, tuple[str, int]]


def _pool(tables: list[FigureTable], *, derived: bool = True) -> Pool:
    amounts: dict[int, tuple[str, int]] = {}
    percents: dict[Decimal, tuple[str, int]] = {}
    for table in tables:
        title = f"”{table.title}”"
        runs: dict[tuple[str, bool], list[tuple[int, str]]] = {}
        for row in table.rows:
            # Labels sometimes carry amounts too ("hyresbidrag 3 900 tkr").
            for found in amounts_in(row.label):
                if found.unit is not None:
                    kronor = int(found.value * found.unit.factor)
                    amounts.setdefault(kronor, (f"{title}, raden {row.label}", STATED))
            cells: list[tuple[int, str]] = []
            for column in table.columns:
                value = shown(table, row, column)
                if isinstance(value, Amount):
                    cells.append((value.kronor, column.label))
                    amounts.setdefault(
                        value.kronor, (f"{title}, {row.label}, {column.label}", STATED)
                    )
                    if row.role is not RowRole.HEADING:
                        # "varav" lines form their own run, so main lines stay adjacent.
                        run = (column.label, row.role is RowRole.PART)
                        runs.setdefault(run, []).append((value.kronor, row.label))
                elif isinstance(value, Decimal) and column.kind is ColumnKind.PERCENT:
                    percents.setdefault(value, (f"{title}, {row.label}, {column.label}", STATED))
            for a, a_label in cells if derived else []:
                for b, b_label in cells:
                    if a_label != b_label:
                        origin = f"{title}, {row.label}: {a_label} − {b_label}"
                        amounts.setdefault(a - b, (origin, DIFFERENCE))
        for (column_label, _), values in runs.items() if derived else []:
            # Prose often adds two or three adjacent lines together.
            for start in range(len(values)):
                for length in (2, 3):
                    chunk = values[start : start + length]
                    if len(chunk) == length:
                        labels = " + ".join(label for _, label in chunk)
                        total = sum(kronor for kronor, _ in chunk)
                        amounts.setdefault(total, (f"{title}, {column_label}: {labels}", SUM))
    return Pool(amounts, percents)


Candidate = tuple[Decimal, str, int]  # rounded value, origin, kind


def _candidates(amount: ProseAmount, pool: Pool) -> dict[Decimal, tuple[str, int]]:
    """Pool figures rounded as the text rounds; signed when the text writes a sign.
    A stated figure wins over a derived one that rounds to the same value."""
    signed = amount.text.lstrip()[:1] in "+-−"
    if amount.unit is None:
        items = [(round(p, amount.decimals), o) for p, o in pool.percents.items()]
    else:
        unit = amount.unit
        items = [(round_to_unit(k, unit, amount.decimals), o) for k, o in pool.amounts.items()]
    rounded: dict[Decimal, tuple[str, int]] = {}
    for value, origin in sorted(items, key=lambda item: item[1][1]):
        if not signed or (value < 0) == (amount.value < 0):
            rounded.setdefault(abs(value), origin)
    return rounded


def _matches(amount: ProseAmount, pools: list[Pool]) -> tuple[bool, Candidate | None]:
    """(exact at the written precision in any pool, the nearest candidate). Among equally
    near ones: sums of lines last (they match by chance most), then the nearer pool."""
    target = abs(amount.value)
    best: tuple[tuple[Decimal, bool, int, int], Candidate] | None = None
    for index, pool in enumerate(pools):
        for value, (origin, kind) in _candidates(amount, pool).items():
            if value == target:
                return True, (value, origin, kind)
            key = (abs(value - target), kind == SUM, index, kind)
            if best is None or key < best[0]:
                best = (key, (value, origin, kind))
    return False, best[1] if best else None


def _checked_chapters(report: Report) -> list[Chapter]:
    checked = []
    for chapter in report.chapters:
        found = [d for s in chapter.sections for d in directives(s.body)]
        found += directives(chapter.intro)
        if any(d.kind == "table" or d.key == "economy_summary" for d in found):
            checked.append(chapter)
    return checked


def _tables(report: Report, bodies: list[str]) -> list[FigureTable]:
    keys = [d.key for body in bodies for d in directives(body) if d.kind == "table"]
    return [report.table(key) for key in keys if report.has_table(key)]


def _unit_text(amount: ProseAmount, value: Decimal) -> str:
    suffix = "%" if amount.unit is None else ("tkr" if amount.unit is Unit.TKR else "Mkr")
    return f"{format_number(value, amount.decimals)}\u00a0{suffix}"


def _section_groups(chapter: Chapter) -> list[list[int]]:
    """Indexes of sections grouped under their level-2 section (a subsection belongs to it)."""
    groups: list[list[int]] = []
    for index, section in enumerate(chapter.sections):
        if section.level <= 2 or not groups:
            groups.append([])
        groups[-1].append(index)
    return groups


def check_prose_amounts(report: Report) -> Iterator[Finding]:
    """Look for each amount near its text first: the section's tables, the chapter's, then
    any table's stated figures (derived sums there would match too much by chance)."""
    everything = _pool(list(report.tables), derived=False)
    for chapter in _checked_chapters(report):
        bodies = [s.body for s in chapter.sections]
        chapter_pool = _pool(_tables(report, [chapter.intro, *bodies]))
        intro_place = f"chapter:{chapter.key}"
        yield from _check_text(
            chapter.intro, [chapter_pool, everything], intro_place, chapter.title
        )
        for group in _section_groups(chapter):
            group_pool = _pool(_tables(report, [bodies[i] for i in group]))
            for index in group:
                section = chapter.sections[index]
                yield from _check_text(
                    section.body,
                    [group_pool, chapter_pool, everything],
                    f"chapter:{chapter.key}/section:{index}",
                    f"{chapter.title} – {section.heading}",
                )


def _check_text(body: str, pools: list[Pool], place: str, where: str) -> Iterator[Finding]:
    for amount in amounts_in(plain_text(body)):
        finding = _judge(amount, pools, place, where)
        if finding:
            yield finding


def _judge(amount: ProseAmount, pools: list[Pool], place: str, where: str) -> Finding | None:
    """Exact in the text's own tables (section or chapter): fine; one step off there: a slip,
    named with the figure it most likely means. Else the same against every table's stated
    figures. Else unverifiable: a note."""
    *local, everything = pools
    for group in (local, [everything]):
        exact, nearest = _matches(amount, group)
        if exact:
            return None
        if nearest is not None and _is_near(amount, nearest[0]):
            return _differs(amount, nearest, place, where)
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


def _differs(amount: ProseAmount, nearest: Candidate, place: str, where: str) -> Finding:
    value, origin, _ = nearest
    return Finding(
        "prose.amounts",
        Severity.WARNING,
        f"Texten anger {amount.text}, men tabellerna har {_unit_text(amount, value)} "
        f"({origin}). Rätta texten eller tabellen.",
        place,
        where,
    )
