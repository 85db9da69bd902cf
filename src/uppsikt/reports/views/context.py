"""What every edit page of a report gets in its template context."""

from __future__ import annotations

from uppsikt.domain.workflow import Action
from uppsikt.reports.access import ReportAccess


def edit_context(access: ReportAccess, **extra: object) -> dict[str, object]:
    """The report, whether the user may edit it, and the navigation mark."""
    return {
        "access": access,
        "report_row": access.report,
        "editable": access.can(Action.EDIT),
        "nav": "home",
        **extra,
    }
