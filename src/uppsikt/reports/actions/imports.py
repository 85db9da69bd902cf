"""Importing a report package over the stored report: allowed only while it is a draft.

A submitted report is being reviewed and an approved one is locked: an import over either
is refused, and so is one whose shared data (organisations, goals, goal areas, budget
assignments: the latest import states the truth about them) would change another report
that is submitted or approved. A reviewer returns or reopens the report first.
"""

from __future__ import annotations

import hashlib

from django.db import transaction
from django.utils.translation import gettext as _

from uppsikt.accounts.access import AnyUser
from uppsikt.audit.actions import JsonValue, record
from uppsikt.audit.codes import AuditCode
from uppsikt.domain import model as domain
from uppsikt.domain.workflow import ImportRefused, Status
from uppsikt.reports.actions.workflow import locked_state
from uppsikt.reports.models import Report, ReportState
from uppsikt.reports.revision import bump_revision, bump_revisions

LOCKED = (Status.SUBMITTED, Status.APPROVED)


def content_digest(report_id: int) -> str:
    """A digest of the stored report's content: equal digests, equal reports."""
    from uppsikt.reports.store import load_report

    return hashlib.sha256(repr(load_report(report_id)).encode()).hexdigest()


def _name(row: Report) -> str:
    period = row.period
    ref = f"{row.organisation.municipality.key}/{row.organisation.key}/{period.year}/{period.kind}"
    return f"”{row}” ({ref})"


def _how_to_unlock(status: Status) -> str:
    if status is Status.APPROVED:
        return _("En granskare måste först öppna den igen.")
    return _("En granskare måste först skicka tillbaka den till utkast.")


def _refuse_locked(row: Report, status: Status) -> ImportRefused:
    return ImportRefused(
        _("Rapporten %(report)s är %(status)s och kan inte ersättas genom import. %(how)s")
        % {"report": _name(row), "status": _(status.label).lower(), "how": _how_to_unlock(status)}
    )


def _refuse_shared(row: Report, status: Status) -> ImportRefused:
    return ImportRefused(
        _(
            "Importen skulle ändra rapporten %(report)s, som är %(status)s: paketet ändrar "
            "uppgifter som rapporterna delar (organisationer, mål, målområden eller "
            "budgetuppdrag). %(how)s"
        )
        % {"report": _name(row), "status": _(status.label).lower(), "how": _how_to_unlock(status)}
    )


def import_report(report: domain.Report, *, actor: AnyUser | None) -> int:
    """Store `report` over the stored one for its organisation and period (or as a new
    report) and return its id; ImportRefused (nothing written) when that or another report
    it would change is submitted or approved. `actor` None is the system (the CLI)."""
    from uppsikt.reports.store import find_report, save_report

    with transaction.atomic():
        key = report.municipality.key
        existing = find_report(key, report.organisation, report.period.year, report.period.kind)
        before: JsonValue = None
        if existing is not None:
            row = Report.objects.select_related("organisation__municipality", "period").get(
                pk=existing
            )
            state = locked_state(row)
            status = Status(state.status)
            if status in LOCKED:
                raise _refuse_locked(row, status)
            before = {
                "digest": content_digest(existing),
                "revision": state.revision,
                "status": status.value,
            }
        others = _locked_others(key, existing)
        digests = {pk: content_digest(pk) for pk in others}
        report_id = save_report(report)
        for pk, digest in digests.items():
            if content_digest(pk) != digest:
                raise _refuse_shared(others[pk], Status(others[pk].state.status))
        row = Report.objects.select_related("organisation__municipality", "period").get(
            pk=report_id
        )
        bump_revision(row)
        # Shared rows may have changed what other reports of the municipality show.
        bump_revisions(
            Report.objects.filter(organisation__municipality__key=key)
            .exclude(pk=report_id)
            .values_list("pk", flat=True)
        )
        record(
            actor,
            AuditCode.REPORT_IMPORTED,
            report=row,
            before=before,
            after={"digest": content_digest(report_id)},
        )
    return report_id


def _locked_others(municipality_key: str, exclude: int | None) -> dict[int, Report]:
    """The municipality's other reports that are submitted or approved, by id."""
    locked = list(
        ReportState.objects.select_for_update()
        .filter(
            report__organisation__municipality__key=municipality_key,
            status__in=[status.value for status in LOCKED],
        )
        .exclude(report_id=exclude or 0)
        .values_list("report_id", flat=True)
    )
    rows = Report.objects.filter(pk__in=locked).select_related(
        "organisation__municipality", "period", "state"
    )
    return {row.pk: row for row in rows}
