"""E-mail reminders of a reporting round to the writers of reports still in draft.

`send_reminders` goes through the period's round and, for each organisation whose report
is a draft and has a reminder due today (`domain.oversight.rounds.reminder_due`), calls
`send_reminder`. `send_reminder` is the action: one e-mail to the organisation's writers
(users with a writer role there and an e-mail address), one `Reminder` row and one
`round.reminder_sent` audit row, in one transaction. A reminder of the same kind is sent
at most once a day: sending again the same day sends nothing new. So `send_reminders`
writes one audit row per reminder it sends (none when none is due), the documented
exception to one row per action.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse

from uppsikt.accounts.access import AnyUser
from uppsikt.accounts.models import Membership
from uppsikt.audit.actions import record
from uppsikt.audit.codes import AuditCode
from uppsikt.domain.calendar import MONTH_NAMES as _MONTHS
from uppsikt.domain.model import PeriodKind
from uppsikt.domain.oversight.model import ReminderKind
from uppsikt.domain.oversight.rounds import reminder_due
from uppsikt.domain.workflow import Role, Status
from uppsikt.oversight.models import Reminder, RoundMember
from uppsikt.reports.models import Period, ReportState


def swedish_date(day: date) -> str:
    """'15 februari 2026'."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class SentMail:
    """A reminder that went out (or, with no recipients, could not)."""

    organisation: str  # key
    kind: ReminderKind
    recipients: tuple[str, ...]


def writers_emails(organisation_id: int) -> list[str]:
    """The e-mail addresses of the organisation's writers, sorted, without blanks."""
    return sorted(
        {
            email.strip()
            for email in Membership.objects.filter(
                organisation_id=organisation_id, role=Role.WRITER.value
            ).values_list("user__email", flat=True)
            if email and email.strip()
        }
    )


def _message(member: RoundMember, kind: ReminderKind, today: date) -> tuple[str, str]:
    period = member.round.period
    report = f"{PeriodKind(period.kind).label} {period.year}"
    name = member.organisation.name
    deadline = swedish_date(member.deadline)
    base: str = getattr(settings, "UPPSIKT_BASE_URL", "http://localhost:8000")
    link = base.rstrip("/") + (
        reverse("report", args=[member.report_id]) if member.report_id else reverse("home")
    )
    if kind is ReminderKind.BEFORE:
        days = (member.deadline - today).days
        when = "i dag" if days == 0 else "i morgon" if days == 1 else f"om {days} dagar"
        subject = f"Påminnelse: {report} för {name} ska vara klarmarkerad senast {deadline}"
        opening = f"{report} för {name} ska vara klarmarkerad senast {deadline}, {when}."
    else:
        subject = f"Försenad: {report} för {name} skulle vara klarmarkerad {deadline}"
        opening = (
            f"{report} för {name} skulle ha varit klarmarkerad senast {deadline} och är "
            "fortfarande ett utkast."
        )
    body = (
        f"Hej!\n\n{opening}\n\n"
        f"Öppna rapporten, skriv klart och klarmarkera den här:\n{link}\n\n"
        "Det här är ett automatiskt meddelande från Uppsikt. Du får det eftersom du är "
        f"skribent för {name}.\n"
    )
    return subject, body


def send_reminder(
    member_id: int, kind: ReminderKind, today: date, *, actor: AnyUser | None
) -> SentMail | None:
    """E-mail the member's writers a reminder of `kind`, once per day; None when it was
    already sent today or nobody has an address (then nothing is written)."""
    with transaction.atomic():
        member = (
            RoundMember.objects.select_for_update()
            .select_related("organisation", "round__period")
            .get(pk=member_id)
        )
        if Reminder.objects.filter(member=member, kind=kind.value, sent_on=today).exists():
            return None
        recipients = writers_emails(member.organisation_id)
        if not recipients:
            return None
        subject, body = _message(member, kind, today)
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to=recipients).send()
        Reminder.objects.create(
            member=member, kind=kind.value, sent_on=today, recipients=recipients
        )
        record(
            actor,
            AuditCode.ROUND_REMINDER_SENT,
            municipality_id=member.organisation.municipality_id,
            report=member.report,
            place=f"period:{member.round.period_id}/organisation:{member.organisation.key}",
            after={
                "kind": kind.value,
                "sent_on": today.isoformat(),
                "deadline": member.deadline.isoformat(),
                "recipients": list(recipients),
            },
        )
    return SentMail(member.organisation.key, kind, tuple(recipients))


@dataclass(frozen=True)
class Due:
    member_id: int
    organisation: str
    kind: ReminderKind


def due_reminders(period: Period, today: date) -> list[Due]:
    """The reminders due today for the period's round (none without a round)."""
    members = list(
        RoundMember.objects.filter(round__period=period)
        .select_related("organisation", "round")
        .order_by("organisation__name")
    )
    states = dict(
        ReportState.objects.filter(
            report_id__in=[m.report_id for m in members if m.report_id]
        ).values_list("report_id", "status")
    )
    due = []
    for member in members:
        state = states.get(member.report_id) if member.report_id else None
        if state is not None and Status(state) is not Status.DRAFT:
            continue
        kind = reminder_due(
            member.deadline, today, member.round.remind_before, member.round.remind_late_every
        )
        if kind is not None:
            due.append(Due(member.pk, member.organisation.key, kind))
    return due


def send_reminders(period: Period, *, today: date, actor: AnyUser | None) -> list[SentMail]:
    """Send every reminder due today; one audit row per reminder sent (see the module)."""
    sent = []
    for due in due_reminders(period, today):
        mail = send_reminder(due.member_id, due.kind, today, actor=actor)
        if mail is not None:
            sent.append(mail)
    return sent
