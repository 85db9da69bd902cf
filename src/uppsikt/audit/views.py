"""The audit log of a report, for reviewers and admins: who did what, when, before/after."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from uppsikt.audit.codes import label_of
from uppsikt.audit.models import AuditEntry
from uppsikt.domain.model import Assessment, AssignmentStatus, TermOutlook
from uppsikt.domain.workflow import Action, Status
from uppsikt.reports.access import access_report

PAGE_SIZE = 50
LONGEST_VALUE = 300  # characters of a text shown before and after

FIELD_LABELS = {
    "status": _("Status"),
    "intro": _("Inledning"),
    "year_assessment": _("Bedömning för året"),
    "year_motivation": _("Motivering för året"),
    "term_outlook": _("Förväntad förflyttning"),
    "term_motivation": _("Motivering för mandatperioden"),
    "body": _("Text"),
    "heading": _("Rubrik"),
    "text": _("Text"),
    "comment": _("Kommentar nr"),
    "resolved": _("Besvarad"),
}

_VALUE_LABELS: dict[str, str] = {
    **{item.value: item.label for item in Status},
    **{item.value: item.label for item in Assessment},
    **{item.value: item.label for item in TermOutlook},
    **{item.value: item.label for item in AssignmentStatus},
}


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


def readable(value: object) -> str:
    """A stored value as a person reads it: labels for codes, '–' for nothing."""
    if value is None or value == "":
        return "–"
    if isinstance(value, str):
        text = str(_VALUE_LABELS.get(value, value))
        return text if len(text) <= LONGEST_VALUE else f"{text[:LONGEST_VALUE]}…"
    if isinstance(value, bool):
        return str(_("ja") if value else _("nej"))
    return str(value)


def changes(entry: AuditEntry) -> list[Change]:
    """The entry's before and after, field by field."""
    before, after = entry.before, entry.after
    if not isinstance(before, dict) or not isinstance(after, dict):
        if before is None and after is None:
            return []
        return [Change("", readable(before), readable(after))]
    keys = list(dict.fromkeys([*before, *after]))
    return [
        Change(str(FIELD_LABELS.get(key, key)), readable(before.get(key)), readable(after.get(key)))
        for key in keys
    ]


@login_required
@require_GET
def audit_log(request: HttpRequest, report_id: int) -> HttpResponse:
    """The report's audit entries, newest first, a page at a time."""
    access = access_report(request.user, report_id, need=Action.VIEW_AUDIT)
    entries = AuditEntry.objects.filter(report_id=access.report.pk).order_by("-at", "-id")
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "entry": entry,
            "action": label_of(entry.action),
            "changes": changes(entry),
        }
        for entry in page
    ]
    context = {
        "access": access,
        "report_row": access.report,
        "page": page,
        "rows": rows,
        "nav": "home",
    }
    return render(request, "audit/audit_log.html", context)
