"""Texts generated from data: the assessment summary and the economy summary.

They replace sentences that authors used to type and re-add by hand, so they can never
disagree with the goals and tables they describe.
"""

from __future__ import annotations

from uppsikt.domain.figures import shown
from uppsikt.domain.model import Assessment, Report, TermOutlook
from uppsikt.domain.money import Amount, Unit, format_with_unit
from uppsikt.domain.tables import FigureTable

_NUMBERS = (
    "noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio",
    "elva", "tolv", "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton",
    "tjugo",
)  # fmt: skip


def number_word(n: int) -> str:
    """Swedish number words up to twenty, digits beyond (as Swedish style guides advise)."""
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]


def assessment_summary(report: Report) -> list[str]:
    """Paragraphs: how many directed goals were achieved, partly, not; naming the exceptions."""
    owner = report.owner.name
    year = report.period.year
    goals = report.directed_goals()
    if not goals:
        return [f"Inga kommunfullmäktigemål är riktade till {owner.lower()} {year}."]
    counts = {level: 0 for level in Assessment}
    missing = []
    by_level: dict[Assessment, list[str]] = {level: [] for level in Assessment}
    outlooks_expected = 0
    for goal in goals:
        follow_up = report.follow_up(goal.key)
        if follow_up is None or follow_up.year_assessment is None:
            missing.append(goal.title)
            continue
        counts[follow_up.year_assessment] += 1
        by_level[follow_up.year_assessment].append(goal.title)
        if follow_up.term_outlook is TermOutlook.EXPECTED:
            outlooks_expected += 1
    total = len(goals)
    parts = [
        f"{number_word(counts[Assessment.ACHIEVED])} av de {number_word(total)} målen har uppnåtts"
    ]
    if counts[Assessment.PARTLY_ACHIEVED]:
        parts.append(f"{number_word(counts[Assessment.PARTLY_ACHIEVED])} delvis har uppnåtts")
    if counts[Assessment.NOT_ACHIEVED]:
        parts.append(f"{number_word(counts[Assessment.NOT_ACHIEVED])} inte har uppnåtts")
    paragraphs = [
        f"Kommunfullmäktige har riktat {number_word(total)} mål till {owner.lower()} för {year}. "
        f"{owner} bedömer att bidragen till {_join(parts)}."
    ]
    for level, phrase in (
        (Assessment.PARTLY_ACHIEVED, "Delvis uppnådda"),
        (Assessment.NOT_ACHIEVED, "Ej uppnådda"),
    ):
        titles = by_level[level]
        if titles:
            paragraphs.append(f"{phrase} är bidragen till {_join([f'”{t}”' for t in titles])}.")
    if missing:
        paragraphs.append(f"Bedömning saknas för {_join([f'”{t}”' for t in missing])}.")
    assessed = total - len(missing)
    if assessed and outlooks_expected == assessed:
        paragraphs.append(
            "Bidragen till samtliga mål förväntas leda till önskad förflyttning mot målen "
            f"under mandatperioden {report.term.label}."
        )
    elif assessed:
        paragraphs.append(
            f"Bidragen till {number_word(outlooks_expected)} av {number_word(assessed)} mål "
            "förväntas leda till önskad förflyttning mot målen under mandatperioden "
            f"{report.term.label}."
        )
    return paragraphs


def _figure(report: Report, table: str, row: str, column: str) -> tuple[int, FigureTable] | None:
    if not report.has_table(table):
        return None
    figure_table = report.table(table)
    if not figure_table.has_row(row):
        return None
    value = shown(figure_table, figure_table.row(row), figure_table.column(column))
    return (value.kronor, figure_table) if isinstance(value, Amount) else None


def _mkr(kronor: int) -> str:
    return format_with_unit(kronor, Unit.MKR, 1)


def economy_summary(report: Report) -> list[str]:
    """Paragraphs: allocation, result and how it splits, investments against budget."""
    paragraphs = []
    allocation = _figure(report, "operating_result", "allocation", "actual") or _figure(
        report, "income_statement", "allocation", "actual"
    )
    result = _figure(report, "operating_result", "result", "actual") or _figure(
        report, "income_statement", "result", "actual"
    )
    sentences = []
    if allocation:
        sentences.append(f"{report.owner.name}s kommunbidrag uppgår till {_mkr(allocation[0])}.")
    if result:
        kind = "ett överskott" if result[0] >= 0 else "ett underskott"
        sentences.append(f"Årets resultat är {kind} på {_mkr(abs(result[0]))}.")
    if sentences:
        paragraphs.append(" ".join(sentences))
    parts = [
        ("styrelsen", _figure(report, "result_causes", "board", "amount")),
        (
            "stadskontorets kommunbidragsfinansierade verksamhet",
            _figure(report, "result_causes", "allocation_funded", "amount"),
        ),
        (
            "stadskontorets solidariskt och intäktsfinansierade verksamhet",
            _figure(report, "result_causes", "charge_funded", "amount"),
        ),
    ]
    present = [(name, figure[0]) for name, figure in parts if figure]
    if present:
        paragraphs.append(
            "Resultatet fördelas på "
            + _join([f"{name} {_mkr(value)}" for name, value in present])
            + "."
        )
    invested = _figure(report, "investments", "total", "actual")
    budget = _figure(report, "investments", "total", "budget")
    if invested and budget:
        paragraphs.append(
            f"Investeringarna uppgick till {_mkr(invested[0])} av en budget på {_mkr(budget[0])}."
        )
    return paragraphs or ["Ekonomiska tabeller saknas i rapporten."]


GENERATORS = {"assessment_summary": assessment_summary, "economy_summary": economy_summary}
