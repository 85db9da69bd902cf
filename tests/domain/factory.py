"""Small hand-built reports for domain tests."""

from __future__ import annotations

from dataclasses import replace

from uppsikt.domain.model import (
    Assessment,
    Chapter,
    CouncilGoal,
    GoalArea,
    GoalFollowUp,
    Municipality,
    Organisation,
    OrganisationKind,
    Period,
    PeriodKind,
    Report,
    Section,
    Term,
    TermOutlook,
)
from uppsikt.domain.money import Amount, Unit, amount_from_stated
from uppsikt.domain.tables import Column, ColumnKind, FigureTable, Row, RowRole


def tkr(text: str) -> object:
    return amount_from_stated(text, Unit.TKR)


def table(
    key: str,
    rows: list[tuple[str, dict[str, str], RowRole, tuple[str, ...]]],
    *,
    columns: tuple[Column, ...] | None = None,
    unit: Unit = Unit.TKR,
    decimals: int = 0,
    kind: str = "generic",
    title: str | None = None,
) -> FigureTable:
    columns = columns or (
        Column("actual", "Utfall"),
        Column("budget", "Budget"),
        Column("variance", "Avvikelse", formula="actual - budget"),
    )
    kinds = {c.key: c.kind for c in columns}
    built = []
    for row_key, cells, role, sum_of in rows:
        values: dict[str, str | Amount] = {}
        for column_key, text in cells.items():
            if kinds[column_key] is ColumnKind.TEXT:
                values[column_key] = text
            else:
                values[column_key] = amount_from_stated(text, unit)
        built.append(Row(row_key, row_key.capitalize(), values, role, sum_of))
    return FigureTable(key, title or key, unit, columns, tuple(built), decimals=decimals, kind=kind)


def report(**changes: object) -> Report:
    municipality = Municipality(
        "exempel",
        "Exempelstad",
        (
            Organisation("ks", "Kommunstyrelsen", OrganisationKind.EXECUTIVE_BOARD),
            Organisation("tn", "Tekniska nämnden", OrganisationKind.BOARD),
        ),
    )
    goals = (
        CouncilGoal("g1", "Barn och unga har goda villkor", "a1", ((2025, ("ks", "tn")),)),
        CouncilGoal("g2", "Staden är klimatneutral", "a2", ((2025, ("ks",)),)),
        CouncilGoal("g3", "Gatorna är trygga", "a2", ((2025, ("tn",)),)),
    )
    follow_ups = (
        GoalFollowUp(
            "g1",
            (Section("Insats", "Vi gjorde mycket."),),
            year_assessment=Assessment.PARTLY_ACHIEVED,
            year_motivation="Delvis klart.",
            term_outlook=TermOutlook.EXPECTED,
            term_motivation="Det går åt rätt håll.",
        ),
        GoalFollowUp(
            "g2",
            (Section("Klimat", "Vi minskade utsläppen."),),
            year_assessment=Assessment.ACHIEVED,
            year_motivation="Klart.",
            term_outlook=TermOutlook.EXPECTED,
            term_motivation="Fortsätter.",
        ),
    )
    base = Report(
        municipality=municipality,
        organisation="ks",
        term=Term(2023, 2026),
        period=Period(2025, PeriodKind.ANNUAL_ANALYSIS),
        goal_areas=(GoalArea("a1", "Uppväxt"), GoalArea("a2", "Grön stad")),
        council_goals=goals,
        goal_follow_ups=follow_ups,
        chapters=(Chapter("sammanfattning", "Sammanfattning"),),
        title="Årsanalys 2025",
    )
    return replace(base, **changes)  # type: ignore[arg-type]
