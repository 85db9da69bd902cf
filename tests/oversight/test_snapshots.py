"""The period snapshot: what it reads from the database, in how many queries, and the
report-back dates it finds in the council's texts."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from oversight.city_factory import make_city
from uppsikt.domain.model import OrganisationKind, PeriodKind
from uppsikt.oversight.snapshots import NoSuchPeriod, find_period, period_snapshot, report_back_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Återrapportering senast 2025-06-30.", date(2025, 6, 30)),
        ("Återrapportering senast juni 2025", date(2025, 6, 30)),
        ("Redovisas i Februari 2024 till kommunstyrelsen", date(2024, 2, 29)),
        ("Återrapporteras i december 2025", date(2025, 12, 31)),
        ("Återrapporteras i årsanalysen 2025", date(2025, 12, 31)),
        ("Löpande", None),
        ("senast 2025-02-30", None),  # no such day: no date rather than a wrong one
    ],
)
def test_a_report_back_text_names_its_day(text: str, expected: date | None) -> None:
    assert report_back_date(text) == expected


@pytest.mark.django_db
def test_the_snapshot_holds_the_period_as_plain_values() -> None:
    city = make_city(7, 10)
    period = city.periods[PeriodKind.ANNUAL_ANALYSIS]
    snapshot = period_snapshot(period, today=date(2026, 3, 1))
    assert snapshot.organisations[0].kind is OrganisationKind.EXECUTIVE_BOARD
    assert len(snapshot.organisations) == 7 and len(snapshot.goals) == 10
    assert snapshot.today == date(2026, 3, 1) and snapshot.year == 2025
    # Every follow-up in the database is in the snapshot, under its report's organisation.
    for (kind, key), report in city.reports.items():
        if kind is PeriodKind.ANNUAL_ANALYSIS:
            stored = set(report.goal_follow_ups.values_list("goal__key", flat=True))
            assert set(snapshot.reports[key].goals) == stored
    # The interim report of the same year comes along (for downgrades).
    assert set(snapshot.interim_reports) == set(snapshot.reports)
    assert snapshot.economy and all(e.forecasts for e in snapshot.economy.values())


@pytest.mark.django_db
def test_the_queries_do_not_grow_with_the_organisations() -> None:
    counts = []
    for size, seed in ((7, 1), (60, 2)):
        period = make_city(size, 40, seed=seed).periods[PeriodKind.ANNUAL_ANALYSIS]
        with CaptureQueriesContext(connection) as queries:
            period_snapshot(period)
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_an_unknown_period_is_named_in_the_message() -> None:
    with pytest.raises(NoSuchPeriod, match="ingen period årsanalys 2031"):
        find_period("malmo", 2031, "annual_analysis")
