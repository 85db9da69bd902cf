"""Rule: large budget-area variances carry an explanation."""

from __future__ import annotations

from collections.abc import Iterator

from uppsikt.domain.checks.findings import Finding, Severity
from uppsikt.domain.checks.settings import CheckSettings
from uppsikt.domain.figures import shown
from uppsikt.domain.model import Report
from uppsikt.domain.money import Amount, Unit, format_with_unit
from uppsikt.domain.tables import ColumnKind, RowRole

VARIANCE_COLUMN = "variance"


def check_variance_explanations(report: Report, settings: CheckSettings) -> Iterator[Finding]:
    """In tables of kind `budget_areas`, a variance above the threshold needs a comment."""
    threshold = settings.explanation_threshold_kr
    for table in report.tables:
        if table.kind != "budget_areas" or not any(c.key == VARIANCE_COLUMN for c in table.columns):
            continue
        variance_column = table.column(VARIANCE_COLUMN)
        comment_columns = [c for c in table.columns if c.kind is ColumnKind.TEXT]
        for row in table.rows:
            if row.role in (RowRole.TOTAL, RowRole.SUBTOTAL, RowRole.HEADING):
                continue
            value = shown(table, row, variance_column)
            if not isinstance(value, Amount) or abs(value.kronor) <= threshold:
                continue
            explained = any(
                isinstance(row.stated(c.key), str) and str(row.stated(c.key)).strip()
                for c in comment_columns
            )
            if not explained:
                yield Finding(
                    "variances.explanation",
                    Severity.ERROR,
                    f"Avvikelsen {format_with_unit(value.kronor, Unit.TKR)} är större än "
                    f"{format_with_unit(threshold, Unit.TKR)} och ska förklaras. "
                    "Skriv en kommentar på raden.",
                    f"table:{table.key}/row:{row.key}/col:{VARIANCE_COLUMN}",
                    f"Tabell ”{table.title}”, rad ”{row.label}”",
                )
