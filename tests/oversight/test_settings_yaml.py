"""The action plan days from the municipality's oversight rules, read tolerantly."""

from __future__ import annotations

import pytest

from uppsikt.oversight.settings_yaml import action_plan_days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("", 30),
        ("action_plan_days: 45\n", 45),
        ("special_oversight:\n  action_plan_days: 14\n", 14),
        ("action_plan_days: nej\n", 30),
        ("action_plan_days: 0\n", 30),
        ("action_plan_days: true\n", 30),
        ("- a list\n", 30),
        ("{ not: yaml", 30),
    ],
)
def test_action_plan_days(text: str, days: int) -> None:
    assert action_plan_days(text) == days
