"""Domain reports built by hand, to store and load back."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from uppsikt.domain.model import (
    Assessment,
    AssignmentStatus,
    BudgetAssignment,
    Chapter,
    ChapterKind,
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


def tkr(text: str) -> Amount:
    return amount_from_stated(text, Unit.TKR)


def mkr(text: str) -> Amount:
    return amount_from_stated(text, Unit.MKR)


ORGANISATIONS = (
    Organisation(
        "kommunstyrelsen", "Kommunstyrelsen", OrganisationKind.EXECUTIVE_BOARD, "Stadskontoret"
    ),
    Organisation("grundskolenamnden", "Grundskolenämnden", OrganisationKind.BOARD),
    Organisation(
        "tekniska-namnden",
        "Tekniska nämnden",
        OrganisationKind.BOARD,
        "Fastighets- och gatukontoret",
    ),
    Organisation("mkb", "MKB Fastighets AB", OrganisationKind.COMPANY),
)

OPERATING_RESULT = FigureTable(
    key="operating_result",
    title="Resultaträkning",
    unit=Unit.TKR,
    kind="income_statement",
    label_header="Tkr",
    note="Avrundningsdifferenser kan förekomma.",
    columns=(
        Column("actual", "Utfall"),
        Column("budget", "Budget"),
        Column("variance", "Avvikelse", formula="actual - budget"),
        Column("comment", "Kommentar", kind=ColumnKind.TEXT),
    ),
    rows=(
        Row(
            "grants",
            "Bidrag",
            {"actual": tkr("15 416"), "budget": tkr("20 256"), "variance": tkr("-4 840")},
        ),
        Row(
            "other_income", "Övriga intäkter", {"actual": tkr("238 838"), "budget": tkr("228 043")}
        ),
        Row(
            "total_income",
            "Totala intäkter",
            {"actual": tkr("254 254"), "budget": tkr("248 299"), "variance": tkr("5 955")},
            role=RowRole.SUBTOTAL,
            sum_of=("grants", "other_income"),
        ),
        Row("of_which_eu", "varav EU-bidrag", {"actual": tkr("1 200")}, role=RowRole.PART),
        Row(
            "costs",
            "Kostnader",
            {"actual": tkr("-250 000"), "comment": "Lägre personalkostnader än budgeterat."},
        ),
        Row(
            "result",
            "Resultat",
            {"actual": Amount(4_254_321), "comment": ""},
            role=RowRole.TOTAL,
            sum_of=("total_income", "-costs"),
        ),
    ),
)

NET_COST_TREND = FigureTable(
    key="net_cost_trend",
    title="Nettokostnadsutveckling",
    unit=Unit.MKR,
    decimals=1,
    kind="net_cost_trend",
    columns=(
        Column("current", "2025"),
        Column("previous", "2024"),
        Column(
            "change",
            "Förändring, %",
            kind=ColumnKind.PERCENT,
            formula="pct_change(current, previous)",
        ),
        Column("share", "Andel, %", kind=ColumnKind.PERCENT, decimals=2),
    ),
    rows=(
        Row("heading", "Verksamhet", role=RowRole.HEADING),
        Row(
            "net_cost",
            "Nettokostnad",
            {
                "current": mkr("516,9"),
                "previous": mkr("494,7"),
                "change": Decimal("4.5"),
                "share": Decimal("100.00"),
            },
        ),
        Row(
            "grants",
            "Bidrag",
            {"current": mkr("-0,9"), "change": Decimal("-0.90"), "share": Decimal("12")},
        ),
    ),
)


def rich_report() -> Report:
    """A report with every kind of content the store must keep."""
    return Report(
        municipality=Municipality("malmo", "Malmö stad", ORGANISATIONS),
        organisation="kommunstyrelsen",
        term=Term(2023, 2026),
        period=Period(2025, PeriodKind.ANNUAL_ANALYSIS),
        title="Årsanalys 2025 för kommunstyrelsen",
        goal_areas=(
            GoalArea("uppvaxtvillkor", "En stad med goda uppväxtvillkor för barn och unga"),
            GoalArea("klimat", "En grön stad som leder klimatomställningen"),
        ),
        council_goals=(
            CouncilGoal(
                "barn-och-unga",
                "Malmö stad arbetar för att ge barn och unga goda uppväxtvillkor",
                "uppvaxtvillkor",
                directed_to=(
                    (2025, ("kommunstyrelsen", "grundskolenamnden")),
                    (2026, ("grundskolenamnden",)),
                ),
            ),
            CouncilGoal(
                "klimatneutral-2030",
                "Malmö ska vara klimatneutralt 2030",
                "klimat",
                directed_to=((2025, ("tekniska-namnden", "kommunstyrelsen")),),
            ),
            CouncilGoal(
                "gron-stad",
                "Fler gröna ytor",
                "klimat",
                directed_to=((2025, ("tekniska-namnden",)),),
            ),
        ),
        goal_follow_ups=(
            GoalFollowUp(
                goal="barn-och-unga",
                intro="Kommunstyrelsen bidrar genom samordning.",
                contributions=(
                    Section("Bättre beslutsunderlag", "Vi har tagit fram **data** per område."),
                    Section("Uppföljning per skola", "- ett\n- två", level=3),
                ),
                year_assessment=Assessment.PARTLY_ACHIEVED,
                year_motivation="Delvis, eftersom ...",
                term_outlook=TermOutlook.EXPECTED,
                term_motivation="Insatserna väntas ge effekt.",
            ),
            GoalFollowUp(
                goal="klimatneutral-2030",
                contributions=(Section("Klimatfärdplan", "Färdplanen antogs i juni."),),
                year_assessment=Assessment.ACHIEVED,
                term_outlook=TermOutlook.NOT_EXPECTED,
                term_motivation="Utsläppen minskar för långsamt.",
            ),
        ),
        budget_assignments=(
            BudgetAssignment(
                key="kompetensforsorjning",
                title="Kommunstyrelsen ges i uppdrag att utreda kompetensförsörjningen",
                goal_area="uppvaxtvillkor",
                responsible="kommunstyrelsen",
                co_responsible=("tekniska-namnden", "grundskolenamnden"),
                status=AssignmentStatus.COMPLETED,
                report_back="våren 2026",
                report="Utredningen är klar och redovisas i mars.",
            ),
            BudgetAssignment(
                key="laddplatser",
                title="Bygg ut laddplatser",
                goal_area="klimat",
                responsible="tekniska-namnden",
            ),
        ),
        chapters=(
            Chapter(
                "sammanfattning",
                "Sammanfattning",
                intro="Året i korthet.",
                sections=(Section("Viktiga händelser", "{{ generated: assessment_summary }}"),),
            ),
            Chapter("mal", "Mål och budgetuppdrag", kind=ChapterKind.GOALS),
            Chapter(
                "ekonomi",
                "Ekonomi",
                sections=(
                    Section("Resultat", "{{ table: operating_result }}"),
                    Section("Nettokostnad", "{{ table: net_cost_trend }}", level=3),
                    Section("Investeringar", "Inga större avvikelser.", level=4),
                ),
            ),
        ),
        tables=(OPERATING_RESULT, NET_COST_TREND),
        settings={"explanation_threshold_kr": 500_000, "lix_threshold": 50},
    )


def in_other_municipality(report: Report) -> Report:
    """The same keys everywhere, but another municipality with its own names and figures."""
    organisations = tuple(
        replace(o, name=f"{o.name} (Lund)") for o in report.municipality.organisations
    )
    return replace(
        report,
        municipality=Municipality("lund", "Lunds kommun", organisations),
        title="Årsanalys 2025, Lund",
        council_goals=tuple(replace(g, title=f"{g.title} i Lund") for g in report.council_goals),
        tables=(replace(OPERATING_RESULT, rows=OPERATING_RESULT.rows[:2]),),
    )


def large_report(tables: int = 15, rows: int = 25) -> Report:
    """A report with many tables of four amount columns (for query counts)."""
    columns = tuple(
        Column(key, key.title()) for key in ("actual", "budget", "previous", "forecast")
    )
    return replace(
        rich_report(),
        tables=tuple(
            FigureTable(
                key=f"table_{t}",
                title=f"Tabell {t}",
                unit=Unit.TKR,
                columns=columns,
                rows=tuple(
                    Row(
                        f"row_{r}",
                        f"Rad {r}",
                        {c.key: Amount(1000 * (t + r + i), 1000) for i, c in enumerate(columns)},
                    )
                    for r in range(rows)
                ),
            )
            for t in range(tables)
        ),
    )


@pytest.fixture
def report() -> Report:
    return rich_report()
