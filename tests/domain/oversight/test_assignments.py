"""The budget assignments register as a pure function of a period snapshot."""

from __future__ import annotations

from datetime import date

from uppsikt.domain.model import AssignmentStatus, OrganisationKind, PeriodKind
from uppsikt.domain.oversight.assignments import assignment_register, register_table
from uppsikt.domain.oversight.snapshot import AssignmentState, OrganisationRef, PeriodSnapshot

KS = OrganisationRef(1, "ks", "Kommunstyrelsen", OrganisationKind.EXECUTIVE_BOARD)
SBN = OrganisationRef(2, "sbn", "Stadsbyggnadsnämnden", OrganisationKind.BOARD)
TN = OrganisationRef(3, "tn", "Tekniska nämnden", OrganisationKind.BOARD)


def snapshot(today: date) -> PeriodSnapshot:
    assignments = (
        AssignmentState(
            "a",
            "Lokaler",
            "ks",
            ("sbn", "tn"),
            AssignmentStatus.ONGOING,
            "juni 2025",
            date(2025, 6, 30),
        ),
        AssignmentState(
            "b", "Klart", "ks", (), AssignmentStatus.COMPLETED, "juni 2025", date(2025, 6, 30)
        ),
        AssignmentState("c", "Gator", "tn", (), None, "", None),
    )
    return PeriodSnapshot(
        municipality="stad",
        year=2025,
        kind=PeriodKind.ANNUAL_ANALYSIS,
        today=today,
        period_id=1,
        organisations=(KS, SBN, TN),
        goals=(),
        reports={},
        assignments=assignments,
    )


def test_every_assignment_with_its_names_status_and_area() -> None:
    rows = assignment_register(snapshot(date(2025, 3, 1)), {"a": "Jämlik stad"})
    assert [row.assignment.key for row in rows] == ["a", "b", "c"]
    first = rows[0]
    assert (first.area, first.responsible, first.co_responsible) == ("Jämlik stad", KS, (SBN, TN))
    assert [row.status_label for row in rows] == ["Pågår", "Genomfört", "Ej redovisat"]
    assert not any(row.past_due for row in rows)


def test_past_its_report_back_date_and_not_done_is_past_due() -> None:
    rows = assignment_register(snapshot(date(2025, 7, 1)))
    assert [row.past_due for row in rows] == [True, False, False]


def test_scope_and_filter_keep_the_responsible_and_co_responsible() -> None:
    today = date(2025, 3, 1)
    assert [r.assignment.key for r in assignment_register(snapshot(today), visible={"sbn"})] == [
        "a"
    ]
    assert [r.assignment.key for r in assignment_register(snapshot(today), visible={"tn"})] == [
        "a",
        "c",
    ]
    assert [r.assignment.key for r in assignment_register(snapshot(today), organisation="ks")] == [
        "a",
        "b",
    ]
    assert (
        assignment_register(snapshot(today), visible={"sbn"}, organisation="ks")[0].assignment.key
        == "a"
    )


def test_the_table_for_the_downloads() -> None:
    header, rows = register_table(
        assignment_register(snapshot(date(2025, 7, 1)), {"a": "Jämlik stad"})
    )
    assert header[:5] == ["Budgetuppdrag", "Målområde", "Ansvarig", "Medansvariga", "Status"]
    assert rows[0] == [
        "Lokaler",
        "Jämlik stad",
        "Kommunstyrelsen",
        "Stadsbyggnadsnämnden, Tekniska nämnden",
        "Pågår",
        "juni 2025",
        "2025-06-30",
        "ja",
    ]
    assert rows[2][4:] == ["Ej redovisat", "", "", ""]
