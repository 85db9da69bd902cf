"""What the oversight pages and the command line share: the matrix and the assignments
register of a period, as far as one user's scope shows them, and their download names."""

from __future__ import annotations

from datetime import date

from uppsikt.domain.model import PeriodKind
from uppsikt.domain.oversight.assignments import RegisterRow, assignment_register
from uppsikt.domain.oversight.matrix import Matrix, goal_matrix
from uppsikt.domain.oversight.snapshot import PeriodSnapshot
from uppsikt.oversight.access import OversightScope
from uppsikt.oversight.snapshots import period_snapshot
from uppsikt.reports.models import Period


def visible_keys(scope: OversightScope | None, snapshot: PeriodSnapshot) -> set[str] | None:
    """The organisation keys the scope shows (None: every one, as on the command line)."""
    if scope is None or scope.whole:
        return None
    return scope.visible_keys({ref.id: ref.key for ref in snapshot.organisations})


def period_matrix(
    period: Period, scope: OversightScope | None = None, *, today: date | None = None
) -> Matrix:
    """The period's goals × organisations matrix with the columns `scope` shows."""
    snapshot = period_snapshot(period, today=today)
    return goal_matrix(snapshot, visible_keys(scope, snapshot))


def assignment_areas(period: Period) -> dict[str, str]:
    """Budget assignment key → its goal area's title, in the term of the period's year."""
    from uppsikt.goals.models import BudgetAssignment

    rows = (
        BudgetAssignment.objects.filter(
            term__municipality_id=period.municipality_id,
            term__start_year__lte=period.year,
            term__end_year__gte=period.year,
        )
        .order_by("term__start_year")
        .values_list("key", "goal_area__title")
    )
    return dict(rows)  # the newest term's title wins, as the snapshot takes the newest term


def period_register(
    period: Period,
    scope: OversightScope | None = None,
    organisation: str | None = None,
    *,
    today: date | None = None,
) -> tuple[PeriodSnapshot, tuple[RegisterRow, ...]]:
    """The snapshot and the budget assignments register as far as `scope` shows it."""
    snapshot = period_snapshot(period, today=today)
    rows = assignment_register(
        snapshot, assignment_areas(period), visible_keys(scope, snapshot), organisation
    )
    return snapshot, rows


def other_periods(period: Period) -> list[Period]:
    """Every period of the municipality, newest first (the page's period picker)."""
    return list(
        Period.objects.filter(municipality_id=period.municipality_id).order_by("-year", "kind")
    )


def download_name(municipality: str, year: int, kind: PeriodKind | str, what: str) -> str:
    """`malmo-2025-arsanalys-malmatris`: ASCII, for Content-Disposition."""
    short = {"interim_report": "delarsrapport", "annual_analysis": "arsanalys"}
    return f"{municipality}-{year}-{short[PeriodKind(kind).value]}-{what}"
