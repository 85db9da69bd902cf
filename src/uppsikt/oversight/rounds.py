"""The state of a reporting round per organisation, in a fixed number of queries.

Deadline, report status, the day it was first submitted (its first `report.submitted`
audit entry), late or not, days left and the reminders sent; the rules themselves are
in `domain.oversight.rounds.MemberStatus`.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db.models import Min
from django.utils import timezone

from uppsikt.audit.codes import AuditCode
from uppsikt.audit.models import AuditEntry
from uppsikt.domain.model import OrganisationKind
from uppsikt.domain.oversight.model import ReminderKind
from uppsikt.domain.oversight.rounds import MemberStatus, SentReminder
from uppsikt.domain.workflow import Status
from uppsikt.oversight.models import Reminder, ReportingRound, RoundMember
from uppsikt.oversight.snapshots import KIND_ORDER
from uppsikt.reports.models import Period


def period_round(period: Period) -> ReportingRound | None:
    """The period's round, or None when none has been opened."""
    return ReportingRound.objects.filter(period=period).first()


def round_status(period: Period, today: date) -> list[MemberStatus]:
    """Every organisation of the period's round (none without a round), executive board,
    boards, companies, federations, each group by name. Four queries, however many."""
    rows = list(
        RoundMember.objects.filter(round__period=period).values_list(
            "pk",
            "organisation__key",
            "organisation__name",
            "organisation__kind",
            "report_id",
            "deadline",
            "report__state__status",
        )
    )
    report_ids = [row[4] for row in rows if row[4] is not None]
    submitted = dict(
        AuditEntry.objects.filter(report_id__in=report_ids, action=AuditCode.REPORT_SUBMITTED.value)
        .values("report_id")
        .annotate(first=Min("at"))
        .values_list("report_id", "first")
    )
    sent: dict[int, list[SentReminder]] = defaultdict(list)
    for member_id, kind, sent_on in (
        Reminder.objects.filter(member__round__period=period)
        .order_by("member_id", "sent_on", "kind")
        .values_list("member_id", "kind", "sent_on")
    ):
        sent[member_id].append(SentReminder(ReminderKind(kind), sent_on))
    statuses = [
        MemberStatus(
            member_id=member_id,
            key=key,
            name=name,
            kind=kind,
            report_id=report_id,
            deadline=deadline,
            status=Status(status) if status else Status.DRAFT,
            submitted_on=timezone.localdate(submitted[report_id])
            if report_id in submitted
            else None,
            today=today,
            reminders=tuple(sent[member_id]),
        )
        for member_id, key, name, kind, report_id, deadline, status in rows
    ]
    return sorted(
        statuses, key=lambda s: (KIND_ORDER.get(OrganisationKind(s.kind), 9), s.name, s.key)
    )


def status_json(period: Period, statuses: list[MemberStatus]) -> dict[str, object]:
    """The stable JSON of `uppsikt round status --json` (docs/oversight-rounds.md)."""
    return {
        "municipality": period.municipality.key,
        "year": period.year,
        "period": period.kind,
        "organisations": [
            {
                "key": s.key,
                "name": s.name,
                "kind": s.kind,
                "deadline": s.deadline.isoformat(),
                "status": s.status.value,
                "submitted_on": s.submitted_on.isoformat() if s.submitted_on else None,
                "late": s.late,
                "days_left": s.days_left,
                "reminders": [
                    {"kind": r.kind.value, "sent_on": r.sent_on.isoformat()} for r in s.reminders
                ],
            }
            for s in statuses
        ],
    }
