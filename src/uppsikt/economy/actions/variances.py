"""Explaining variances: the text cell on each budget-area row whose variance needs one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from uppsikt.accounts.access import AnyUser
from uppsikt.audit.actions import record
from uppsikt.audit.codes import AuditCode
from uppsikt.economy.models.figures import ColumnKind, FigureCell, FigureColumn, FigureRow
from uppsikt.reports.models import Report
from uppsikt.goals.actions.follow_ups import InvalidInput, lock_for_edit
from uppsikt.reports.revision import bump_revision
from uppsikt.documents.sanitise import clean_markdown


@dataclass(frozen=True)
class Explanation:
    """The text for one row's explanation column."""

    table: str
    row: str
    column: str
    text: str

    @property
    def place(self) -> str:
        return f"table:{self.table}/row:{self.row}/col:{self.column}"


def explain_variances(
    report_id: int, explanations: Iterable[Explanation], *, actor: AnyUser
) -> int:
    """Save every explanation in one transaction and audit each changed row; returns how
    many changed. WorkflowError when the actor may not edit; InvalidInput (nothing saved)
    when a row or text column does not exist in the stored report."""
    given = [
        Explanation(e.table, e.row, e.column, clean_markdown(e.text).strip()) for e in explanations
    ]
    changed = 0
    with transaction.atomic():
        report = lock_for_edit(actor, report_id)
        targets = [(item, _target(report, item)) for item in given]
        problems = {item.place: problem for item, (_, problem) in targets if problem}
        if problems:
            raise InvalidInput(problems)
        for item, (row, _) in targets:
            assert row is not None
            before = _write(row, item)
            if before is None:
                continue
            changed += 1
            record(
                actor,
                AuditCode.VARIANCE_EXPLAINED,
                report=report,
                place=item.place,
                before={"text": before},
                after={"text": item.text},
            )
        if changed:
            bump_revision(report)
    return changed


def _target(report: Report, item: Explanation) -> tuple[FigureRow | None, str]:
    """The stored row to write to, or a message saying why there is none."""
    row = (
        FigureRow.objects.select_for_update()
        .filter(table__report=report, table__key=item.table, key=item.row)
        .first()
    )
    if row is None:
        return None, _(
            "Raden %(row)s finns inte i rapportens tabell %(table)s; den kommer från "
            "huvudboken. Lägg till raden i tabellen för att kunna förklara den."
        ) % {"row": repr(item.row), "table": repr(item.table)}
    is_text = FigureColumn.objects.filter(
        table_id=row.table_id, key=item.column, kind=ColumnKind.TEXT
    ).exists()
    if not is_text:
        return None, _("Tabellen %(table)s har ingen textkolumn %(column)s.") % {
            "table": repr(item.table),
            "column": repr(item.column),
        }
    return row, ""


def _write(row: FigureRow, item: Explanation) -> str | None:
    """Store the text; the text before, or None when it was already the same."""
    cell = FigureCell.objects.filter(row=row, column_key=item.column).first()
    before = cell.text if cell is not None else ""
    if before == item.text:
        return None
    if cell is not None and cell.kind != ColumnKind.TEXT:
        raise InvalidInput(
            {item.place: _("Cellen %(place)s är ingen text.") % {"place": item.place}}
        )
    if cell is None:
        last = FigureCell.objects.filter(row=row).aggregate(last=Max("position"))["last"]
        FigureCell.objects.create(
            row=row,
            column_key=item.column,
            kind=ColumnKind.TEXT,
            text=item.text,
            position=0 if last is None else last + 1,
        )
    elif item.text:
        cell.text = item.text
        cell.save(update_fields=["text"])
    else:
        # An empty explanation is no cell, as when the package leaves the cell empty.
        cell.delete()
    return before
