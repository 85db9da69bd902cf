"""The goals × organisations matrix of a period, and its CSV and XLSX downloads.

For everyone with a role in the period's municipality; a board's writers and readers see
only their own organisation's column (`oversight.access`)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_GET

from uppsikt.domain.oversight.matrix import Cell, CellState, Matrix, Row
from uppsikt.domain.oversight.matrix_output import matrix_table
from uppsikt.oversight.access import oversight_period
from uppsikt.oversight.caching import cached_part, part_key, reader_page
from uppsikt.oversight.exports import csv_response, xlsx_response
from uppsikt.oversight.pages import download_name, other_periods, period_matrix
from uppsikt.reports.models import Period

# The matrix's own labels (the domain's Swedish strings), made known to the catalogue.
LABELS = (
    gettext_noop("Ej bedömd"),
    gettext_noop("Saknas"),
    gettext_noop("Inte riktat"),
    gettext_noop("Nämnder"),
    gettext_noop("Bolag"),
    gettext_noop("Kommunalförbund"),
)


def cell_url(cell: Cell) -> str:
    """The contribution (the goal's page of the report), the report when the goal is
    directed but not followed up, or "" (no report, or not directed)."""
    if cell.report_id is None:
        return ""
    if cell.followed_up:
        return reverse("goal_edit", args=(cell.report_id, cell.goal))
    return reverse("report", args=(cell.report_id,)) if cell.directed else ""


def _row_html(row: Row, labels: dict[CellState, str]) -> SafeString:
    """A row's cells as HTML, built here rather than in a template loop: the matrix of 60
    organisations × 40 goals has 2 400 cells, and the template engine was most of its time."""
    parts = []
    for cell in row.cells:
        label = labels[cell.state]
        mark = f'<span class="mark" aria-hidden="true">{cell.symbol}</span> {escape(label)}'
        url = cell_url(cell)
        if url:
            name = f"{cell.organisation.name}: {label}"
            if cell.motivation:
                name += f" – {cell.motivation}"
            title = f' title="{escape(cell.motivation)}"' if cell.motivation else ""
            mark = f'<a href="{escape(url)}" aria-label="{escape(name)}"{title}>{mark}</a>'
        parts.append(f'<td class="cell {cell.state.value}">{mark}</td>')
    return mark_safe("".join(parts))


# The rows of the table's foot: (label, symbol, the Counts field).
_TOTALS = (
    (gettext_noop("Riktade"), "", "directed"),
    (CellState.ACHIEVED.label, CellState.ACHIEVED.symbol, "achieved"),
    (CellState.PARTLY_ACHIEVED.label, CellState.PARTLY_ACHIEVED.symbol, "partly_achieved"),
    (CellState.NOT_ACHIEVED.label, CellState.NOT_ACHIEVED.symbol, "not_achieved"),
    (CellState.NOT_ASSESSED.label, CellState.NOT_ASSESSED.symbol, "not_assessed"),
    (CellState.MISSING.label, CellState.MISSING.symbol, "missing"),
)


def _totals(matrix: Matrix) -> list[tuple[str, str, list[int], int]]:
    """Per count: its label, symbol, the value of each column and of the whole matrix."""
    columns = [matrix.column_counts[ref.key] for ref in matrix.organisations]
    totals = []
    for label, symbol, field in _TOTALS:
        values = [getattr(counts, field) for counts in columns]
        totals.append((_(label), symbol, values, sum(values)))
    return totals


@login_required
@require_GET
@reader_page
def oversight_matrix(request: HttpRequest, period_id: int) -> HttpResponse:
    """The matrix: rows council goals by goal area, columns organisations by group."""
    period, scope = oversight_period(request.user, period_id)

    def table() -> str:
        matrix = period_matrix(period, scope)
        labels = {state: _(state.label) for state in CellState}
        areas = [
            (area, [(row, _row_html(row, labels)) for row in area.rows]) for area in matrix.areas
        ]
        return render_to_string(
            "oversight/_matrix_table.html",
            {
                "period": period,
                "matrix": matrix,
                "areas": areas,
                "width": len(matrix.organisations) + 2,
                "totals": _totals(matrix),
            },
        )

    # The table is most of the page's work (2 400 cells at 60 × 40): cached under the
    # database's stamp, so it is rebuilt after any write (`oversight.caching`).
    html = cached_part(part_key("matrix", period.pk, scope), table)
    context = {
        "period": period,
        "scope": scope,
        "table": mark_safe(html),  # rendered by the template engine above, escaped there
        "states": list(CellState),
        "periods": other_periods(period),
        "nav": "oversight_matrix",
    }
    return render(request, "oversight/matrix.html", context)


def _table(request: HttpRequest, period_id: int) -> tuple[Period, list[str], list[list[str]]]:
    period, scope = oversight_period(request.user, period_id)
    header, rows = matrix_table(period_matrix(period, scope))
    return period, header, rows


@login_required
@require_GET
def oversight_matrix_csv(request: HttpRequest, period_id: int) -> HttpResponse:
    """The matrix as CSV: one row per goal, one column per organisation, the state's text."""
    period, header, rows = _table(request, period_id)
    name = download_name(period.municipality.key, period.year, period.kind, "malmatris")
    return csv_response(name, header, rows)


@login_required
@require_GET
def oversight_matrix_xlsx(request: HttpRequest, period_id: int) -> HttpResponse:
    """The matrix as an XLSX workbook (the same table as the CSV)."""
    period, header, rows = _table(request, period_id)
    name = download_name(period.municipality.key, period.year, period.kind, "malmatris")
    return xlsx_response(name, "Målmatris", header, rows)
