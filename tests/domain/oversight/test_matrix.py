"""The goals × organisations matrix as a pure function of a period snapshot."""

from __future__ import annotations

from datetime import date

from uppsikt.domain.model import Assessment, OrganisationKind, PeriodKind, TermOutlook
from uppsikt.domain.oversight.matrix import (
    CellState,
    ColumnGroup,
    Counts,
    goal_matrix,
    short_text,
)
from uppsikt.domain.oversight.matrix_output import matrix_json, matrix_table, matrix_text
from uppsikt.domain.oversight.snapshot import (
    GoalRef,
    GoalState,
    OrganisationRef,
    PeriodSnapshot,
    ReportSnapshot,
)
from uppsikt.domain.workflow import Status

KS = OrganisationRef(1, "ks", "Kommunstyrelsen", OrganisationKind.EXECUTIVE_BOARD)
ANAMND = OrganisationRef(2, "a", "Arbetsmarknadsnämnden", OrganisationKind.BOARD)
GSN = OrganisationRef(3, "gsn", "Grundskolenämnden", OrganisationKind.BOARD)
BOLAG = OrganisationRef(4, "bolag", "Hamnbolaget AB", OrganisationKind.COMPANY)
VA = OrganisationRef(5, "va", "VA Syd", OrganisationKind.FEDERATION)


def snapshot() -> PeriodSnapshot:
    # Organisations as the snapshot gives them: by kind, then by name.
    goals = (
        GoalRef(
            "skola", "Alla elever klarar skolan", "barn", "Barn och unga", frozenset({"gsn", "ks"})
        ),
        GoalRef("lek", "Fler lekplatser", "barn", "Barn och unga", frozenset({"gsn"})),
        GoalRef(
            "klimat", "Klimatneutral 2030", "gron", "Grön stad", frozenset({"ks", "bolag", "va"})
        ),
    )
    reports = {
        "ks": ReportSnapshot(
            10,
            "ks",
            Status.SUBMITTED,
            {
                "skola": GoalState(
                    "skola", Assessment.ACHIEVED, "**Bra** år.", TermOutlook.EXPECTED
                ),
                "klimat": GoalState("klimat", None, "", None),
            },
        ),
        "gsn": ReportSnapshot(
            11,
            "gsn",
            Status.DRAFT,
            {"skola": GoalState("skola", Assessment.PARTLY_ACHIEVED, "Läsningen ökar.", None)},
        ),
        "bolag": ReportSnapshot(12, "bolag", Status.DRAFT, {}),
    }
    return PeriodSnapshot(
        municipality="stad",
        year=2025,
        kind=PeriodKind.ANNUAL_ANALYSIS,
        today=date(2026, 2, 1),
        period_id=7,
        organisations=(KS, ANAMND, GSN, BOLAG, VA),
        goals=goals,
        reports=reports,
    )


def cell(matrix: object, goal: str, organisation: str) -> CellState:
    from uppsikt.domain.oversight.matrix import Matrix

    assert isinstance(matrix, Matrix)
    row = next(row for row in matrix.rows if row.goal.key == goal)
    return next(c.state for c in row.cells if c.organisation.key == organisation)


def test_each_cell_has_its_state_including_the_states_of_their_own() -> None:
    matrix = goal_matrix(snapshot())
    assert cell(matrix, "skola", "ks") is CellState.ACHIEVED
    assert cell(matrix, "skola", "gsn") is CellState.PARTLY_ACHIEVED
    assert cell(matrix, "klimat", "ks") is CellState.NOT_ASSESSED  # followed up, not assessed
    assert cell(matrix, "klimat", "bolag") is CellState.MISSING  # a report, no follow-up
    assert cell(matrix, "klimat", "va") is CellState.MISSING  # no report at all
    assert cell(matrix, "lek", "gsn") is CellState.MISSING
    assert cell(matrix, "skola", "a") is CellState.NOT_DIRECTED
    assert cell(matrix, "lek", "ks") is CellState.NOT_DIRECTED


def test_a_cell_carries_what_the_page_links_to() -> None:
    matrix = goal_matrix(snapshot())
    first = matrix.rows[0].cells[0]
    assert (first.organisation.key, first.goal, first.report_id, first.followed_up) == (
        "ks",
        "skola",
        10,
        True,
    )
    assert first.motivation == "Bra år."
    assert first.term_outlook is TermOutlook.EXPECTED
    missing = matrix.rows[2].cells[-1]
    assert (missing.organisation.key, missing.report_id, missing.followed_up) == ("va", None, False)


def test_rows_are_grouped_by_goal_area_and_columns_by_kind() -> None:
    matrix = goal_matrix(snapshot())
    assert [(area.key, [row.goal.key for row in area.rows]) for area in matrix.areas] == [
        ("barn", ["skola", "lek"]),
        ("gron", ["klimat"]),
    ]
    assert [
        (group.group, [ref.key for ref in group.organisations]) for group in matrix.columns
    ] == [
        (ColumnGroup.BOARDS, ["ks", "a", "gsn"]),
        (ColumnGroup.COMPANIES, ["bolag"]),
        (ColumnGroup.FEDERATIONS, ["va"]),
    ]
    assert [group.group.label for group in matrix.columns] == [
        "Nämnder",
        "Bolag",
        "Kommunalförbund",
    ]


def test_the_executive_board_comes_first_among_the_boards_whatever_its_name() -> None:
    base = snapshot()
    zeta = OrganisationRef(1, "ks", "Ö-styrelsen", OrganisationKind.EXECUTIVE_BOARD)
    from dataclasses import replace

    matrix = goal_matrix(replace(base, organisations=(ANAMND, GSN, zeta, BOLAG, VA)))
    assert [ref.key for ref in matrix.columns[0].organisations] == ["ks", "a", "gsn"]


def test_row_and_column_counts() -> None:
    matrix = goal_matrix(snapshot())
    skola, lek, klimat = matrix.rows
    assert skola.counts == Counts(directed=2, achieved=1, partly_achieved=1)
    assert lek.counts == Counts(directed=1, missing=1)
    assert klimat.counts == Counts(directed=3, not_assessed=1, missing=2)
    assert matrix.column_counts["ks"] == Counts(directed=2, achieved=1, not_assessed=1)
    assert matrix.column_counts["a"] == Counts()
    assert matrix.column_counts["gsn"] == Counts(directed=2, partly_achieved=1, missing=1)


def test_only_the_visible_columns_and_their_counts() -> None:
    matrix = goal_matrix(snapshot(), visible={"gsn"})
    assert [ref.key for ref in matrix.organisations] == ["gsn"]
    assert [group.group for group in matrix.columns] == [ColumnGroup.BOARDS]
    assert matrix.rows[0].counts == Counts(directed=1, partly_achieved=1)
    assert set(matrix.column_counts) == {"gsn"}
    assert goal_matrix(snapshot(), visible=set()).organisations == ()


def test_every_state_has_its_own_symbol_and_text() -> None:
    assert len({state.symbol for state in CellState}) == len(CellState)
    assert len({state.label for state in CellState}) == len(CellState)
    for assessment in Assessment:
        state = CellState.of(assessment)
        assert (state.label, state.symbol) == (assessment.label, assessment.symbol)


def test_a_long_motivation_is_cut_at_a_word() -> None:
    text = "Ord " * 100
    short = short_text(text, 30)
    assert len(short) <= 30 and short.endswith("…") and "  " not in short
    assert short_text("# Rubrik\n\nKort.") == "Rubrik Kort."


def test_the_table_json_and_text_outputs() -> None:
    matrix = goal_matrix(snapshot())
    header, rows = matrix_table(matrix)
    assert header == [
        "Målområde",
        "Mål",
        "Kommunstyrelsen",
        "Arbetsmarknadsnämnden",
        "Grundskolenämnden",
        "Hamnbolaget AB",
        "VA Syd",
    ]
    assert rows[0] == [
        "Barn och unga",
        "Alla elever klarar skolan",
        "Uppnåtts",
        "Inte riktat",
        "Delvis uppnåtts",
        "Inte riktat",
        "Inte riktat",
    ]
    data = matrix_json(matrix)
    assert (data["municipality"], data["year"], data["period"]) == ("stad", 2025, "annual_analysis")
    assert data["organisations"][0] == {
        "key": "ks",
        "name": "Kommunstyrelsen",
        "kind": "executive_board",
    }
    assert data["goal_areas"][1]["goals"][0]["cells"]["va"] == {
        "state": "missing",
        "label": "Saknas",
        "symbol": "!",
        "report_id": None,
    }
    text = matrix_text(matrix, municipality_name="Stad")
    assert "Stad: årsanalys 2025" in text
    assert "\n  ● – ◐ – –  Alla elever klarar skolan (riktat 2: " in text
    assert "! Saknas" in text and "– Inte riktat" in text
