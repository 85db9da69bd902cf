"""Explaining variances: the text cell on each budget-area row whose variance needs one.

The form carries a version token per row. A row whose text the writer left as it was is
not written (so two writers may explain different rows at once); a row the writer
changed is refused when someone else changed it since the form was opened.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from uppsikt.accounts.access import AnyUser
from uppsikt.audit.actions import JsonValue, record
from uppsikt.audit.codes import AuditCode
from uppsikt.documents.sanitise import clean_markdown
from uppsikt.domain.limits import TextKind, is_too_long
from uppsikt.domain.tables import ColumnKind
from uppsikt.domain.versions import StaleEdit, version_token
from uppsikt.economy.models.figures import FigureCell, FigureColumn, FigureRow
from uppsikt.goals.actions.follow_ups import InvalidInput, lock_for_edit
from uppsikt.reports.models import Report
from uppsikt.reports.revision import bump_revision
from uppsikt.reports.text_limits import limit_text


@dataclass(frozen=True)
class Explanation:
    """The text for one row's explanation column."""

    table: str
    row: str
    column: str
    text: str
    # The token of the text the form showed (`explanation_token`); None: no check.
    based_on: str | None = None

    @property
    def place(self) -> str:
        return f"table:{self.table}/row:{self.row}/col:{self.column}"


def explanation_token(text: str) -> str:
    """The version token of one row's explanation, for the form's `based_on`."""
    return version_token({"text": text})


def explain_variances(
    report_id: int, explanations: Iterable[Explanation], *, actor: AnyUser
) -> int:
    """Save every explanation in one transaction with one audit row; returns how
    many changed. WorkflowError when the actor may not edit; InvalidInput (nothing saved)
    when a row or text column does not exist in the stored report or a text is too long;
    StaleEdit (nothing saved; `stored` maps every given place to its stored text) when a
    row the writer changed was changed by someone else since `based_on`."""
    given = [
        Explanation(e.table, e.row, e.column, clean_markdown(e.text).strip(), e.based_on)
        for e in explanations
    ]
    too_long = {
        item.place: _("Korta förklaringen på raden %(row)s till högst %(limit)s tecken.")
        % {"row": repr(item.row), "limit": limit_text(TextKind.VARIANCE_EXPLANATION)}
        for item in given
        if is_too_long(TextKind.VARIANCE_EXPLANATION, item.text)
    }
    if too_long:
        raise InvalidInput(too_long)
    with transaction.atomic():
        report = lock_for_edit(actor, report_id)
        targets = [(item, _target(report, item)) for item in given]
        problems = {item.place: problem for item, (_, problem) in targets if problem}
        if problems:
            raise InvalidInput(problems)
        stored = {item.place: _stored_text(row, item) for item, (row, _) in targets}
        stale = [item.place for item in given if _is_stale(item, stored[item.place])]
        if stale:
            raise StaleEdit(stored, stale)
        before: dict[str, JsonValue] = {}
        after: dict[str, JsonValue] = {}
        for item, (row, _) in targets:
            assert row is not None
            if item.based_on is not None and explanation_token(item.text) == item.based_on:
                continue  # left as the writer found it: someone else's newer text stays
            was = _write(row, item)
            if was is None:
                continue
            before[item.place], after[item.place] = was, item.text
        changed = len(after)
        if changed:
            bump_revision(report)
            # One save is one action: one row, keyed by the place of every text it changed.
            record(
                actor,
                AuditCode.VARIANCE_EXPLAINED,
                report=report,
                place=next(iter(after)) if changed == 1 else "",
                before=before,
                after=after,
            )
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


def _stored_text(row: FigureRow | None, item: Explanation) -> str:
    cell = FigureCell.objects.filter(row=row, column_key=item.column).first()
    return cell.text if cell is not None else ""


def _is_stale(item: Explanation, stored: str) -> bool:
    """Whether the writer changed a text that someone else changed after `based_on`."""
    if item.based_on is None or stored == item.text:
        return False
    changed_by_writer = explanation_token(item.text) != item.based_on
    return changed_by_writer and explanation_token(stored) != item.based_on


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
