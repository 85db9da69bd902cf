"""Storing reports: the actions and queries the CLI and the web app call.

- `save_report(report)`: one transaction; upserts the municipality's shared data and
  replaces the report for its organisation and period. Returns the report id, which
  stays the same when a report is saved again.
- `load_report(report_id)`: the domain `Report` back, equal to what was saved.
- `find_report(...)` and `list_reports(...)`: look-ups, always within one municipality.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from uppsikt.domain.model import PeriodKind
from uppsikt.reports.loading import load_report
from uppsikt.reports.models import Report
from uppsikt.reports.saving import save_report
from uppsikt.reports.validation import InvalidReport

__all__ = [
    "InvalidReport",
    "ReportSummary",
    "find_report",
    "list_reports",
    "load_report",
    "save_report",
]


@dataclass(frozen=True)
class ReportSummary:
    """One stored report, as a list shows it."""

    id: int
    municipality: str  # key
    organisation: str  # key
    organisation_name: str
    year: int
    kind: PeriodKind
    title: str  # the display title: the report's own, else "<kind label> <year>"
    updated_at: datetime

    @property
    def ref(self) -> str:
        """The reference the CLI accepts: municipality/organisation/year/kind."""
        return f"{self.municipality}/{self.organisation}/{self.year}/{self.kind.value}"

    def __str__(self) -> str:
        return f"{self.ref}  {self.title}, {self.organisation_name} (id {self.id})"


def find_report(
    municipality_key: str, organisation_key: str, year: int, kind: PeriodKind | str
) -> int | None:
    """The id of the report for that organisation and period, or None."""
    return (
        Report.objects.filter(
            organisation__municipality__key=municipality_key,
            organisation__key=organisation_key,
            period__year=year,
            period__kind=PeriodKind(kind).value,
        )
        .values_list("pk", flat=True)
        .first()
    )


def list_reports(municipality_key: str | None = None) -> list[ReportSummary]:
    """Stored reports of one municipality (or of all, for operators), newest year first."""
    rows = Report.objects.select_related("organisation__municipality", "period").order_by(
        "organisation__municipality__key", "-period__year", "period__kind", "organisation__key"
    )
    if municipality_key is not None:
        rows = rows.filter(organisation__municipality__key=municipality_key)
    return [
        ReportSummary(
            id=row.pk,
            municipality=row.organisation.municipality.key,
            organisation=row.organisation.key,
            organisation_name=row.organisation.name,
            year=row.period.year,
            kind=PeriodKind(row.period.kind),
            title=row.title or f"{PeriodKind(row.period.kind).label} {row.period.year}",
            updated_at=row.updated_at,
        )
        for row in rows
    ]
