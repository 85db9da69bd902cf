"""Rules of special oversight and the company review that need no database: the shape of
a decision reference (ärendenummer) and the action plan's default deadline."""

from __future__ import annotations

import re
from datetime import date, timedelta

CASE_NUMBER_EXAMPLE = "STK-2025-1363"
DEFAULT_ACTION_PLAN_DAYS = 30
# Letters (the registry's series), the year, the running number: STK-2025-1363.
_CASE_NUMBER = re.compile(r"[A-ZÅÄÖ]{1,10}-(?P<year>[0-9]{4})-[0-9]{1,7}")


def normalise_case_number(text: str) -> str:
    """The reference as stored: trimmed, upper case (`stk-2025-1363` → `STK-2025-1363`)."""
    return text.strip().upper()


def is_case_number(text: str) -> bool:
    """Whether `text` (normalised) is a decision reference like STK-2025-1363."""
    match = _CASE_NUMBER.fullmatch(normalise_case_number(text))
    return match is not None and 1900 <= int(match["year"]) <= 2200


def action_plan_due(decided_on: date, days: int = DEFAULT_ACTION_PLAN_DAYS) -> date:
    """When the action plan is due: `days` after the decision."""
    return decided_on + timedelta(days=days)


def first_of_month(day: date) -> date:
    """The month a follow-up is about, as its first day."""
    return day.replace(day=1)
