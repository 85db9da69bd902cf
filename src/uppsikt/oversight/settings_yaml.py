"""The few settings of the municipality's oversight rules (YAML) that special oversight
needs, read tolerantly: a missing, malformed or out-of-range value gives the default.

The full rule parsing (signals) lives elsewhere; this only reads `action_plan_days`, at
the top level or under `special_oversight:`.
"""

from __future__ import annotations

from typing import Any

import yaml

from uppsikt.domain.oversight.cases import DEFAULT_ACTION_PLAN_DAYS

MAX_ACTION_PLAN_DAYS = 366


def _rules(text: str) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(text or "")
    except yaml.YAMLError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def action_plan_days(rules_yaml: str) -> int:
    """Days from a decision on special oversight to the action plan's deadline."""
    rules = _rules(rules_yaml)
    nested = rules.get("special_oversight")
    value = rules.get("action_plan_days")
    if value is None and isinstance(nested, dict):
        value = nested.get("action_plan_days")
    if isinstance(value, bool) or not isinstance(value, int):
        return DEFAULT_ACTION_PLAN_DAYS
    return value if 1 <= value <= MAX_ACTION_PLAN_DAYS else DEFAULT_ACTION_PLAN_DAYS
