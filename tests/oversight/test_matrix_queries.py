"""The matrix page and the assignments register use the same number of queries for a
municipality of 7 organisations as for one of 60 (issue 9: scale)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factories import user_with_role
from oversight.city_factory import make_city
from uppsikt.domain.model import PeriodKind
from uppsikt.domain.workflow import Role


def queries(name: str, n_organisations: int, seed: int, role: Role) -> int:
    city = make_city(n_organisations, 12, seed=seed)
    period = city.periods[PeriodKind.ANNUAL_ANALYSIS]
    own = city.organisations[1] if role is Role.WRITER else None
    client = Client()
    client.force_login(user_with_role(role, city.municipality, own))
    client.get(reverse("home"))  # the session is read and warm
    with CaptureQueriesContext(connection) as captured:
        got = client.get(reverse(name, args=[period.pk]))
    assert got.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.REVIEWER, Role.WRITER])
@pytest.mark.parametrize(
    "name", ["oversight_matrix", "oversight_matrix_csv", "oversight_assignments"]
)
def test_the_query_count_does_not_grow_with_the_organisations(name: str, role: Role) -> None:
    assert queries(name, 7, 1, role) == queries(name, 60, 2, role)


@pytest.mark.django_db
def test_the_generated_city_has_every_state_in_its_matrix() -> None:
    from uppsikt.domain.oversight.matrix import CellState
    from uppsikt.oversight.pages import period_matrix

    city = make_city(20, 15, seed=3)
    matrix = period_matrix(city.periods[PeriodKind.ANNUAL_ANALYSIS])
    assert len(matrix.organisations) == 20 and len(matrix.rows) == 15
    states = {cell.state for row in matrix.rows for cell in row.cells}
    assert states == set(CellState)
    assert [group.group.value for group in matrix.columns] == ["boards", "companies", "federations"]
