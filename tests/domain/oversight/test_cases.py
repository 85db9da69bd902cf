"""Decision references and the action plan's default deadline (pure)."""

from __future__ import annotations

from datetime import date

import pytest

from uppsikt.domain.oversight.cases import (
    action_plan_due,
    first_of_month,
    is_case_number,
    normalise_case_number,
)


@pytest.mark.parametrize("text", ["STK-2025-1363", "KS-2024-1", " stk-2025-1363 ", "ÄN-2026-12345"])
def test_a_series_a_year_and_a_number_is_a_case_number(text: str) -> None:
    assert is_case_number(text)


@pytest.mark.parametrize(
    "text",
    ["", "2025-1363", "STK 2025/1363", "STK-25-1363", "STK-2025-", "STK-0999-1", "STK-2025-1363-2"],
)
def test_anything_else_is_not(text: str) -> None:
    assert not is_case_number(text)


def test_case_numbers_are_stored_in_upper_case() -> None:
    assert normalise_case_number(" stk-2025-1363") == "STK-2025-1363"


def test_the_action_plan_is_due_thirty_days_after_the_decision_by_default() -> None:
    assert action_plan_due(date(2025, 9, 15)) == date(2025, 10, 15)
    assert action_plan_due(date(2025, 12, 20), 14) == date(2026, 1, 3)


def test_a_follow_up_is_about_a_month() -> None:
    assert first_of_month(date(2025, 10, 31)) == date(2025, 10, 1)
