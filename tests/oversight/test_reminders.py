"""Reminders: to the writers of drafts, before the deadline and when late, at most once a
day per kind, each sent reminder audited."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail

from factories import user_with_role
from uppsikt.audit.models import AuditEntry
from uppsikt.domain.workflow import Role
from uppsikt.oversight.actions.reminders import send_reminders
from uppsikt.oversight.actions.rounds import open_round
from uppsikt.oversight.models import Reminder, ReportingRound
from uppsikt.reports.actions.workflow import submit_report

DEADLINE = date(2026, 2, 15)


@pytest.fixture(autouse=True)
def _locmem(settings: object) -> None:
    setattr(settings, "EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")  # noqa: B010


@pytest.fixture
def opened(users: dict[str, User]) -> ReportingRound:
    """The annual analysis 2025 of the executive board and Stadsbyggnadsnämnden in a round;
    both boards' writers have an e-mail address, the reviewer and the reader too."""
    for name in ("skribent", "skribent-annan", "granskare", "lasare"):
        users[name].email = f"{name}@malmo.example"
        users[name].save()
    return open_round(
        "malmo",
        2025,
        "annual_analysis",
        deadline=DEADLINE,
        organisations=["kommunstyrelsen", "stadsbyggnadsnamnden"],
        actor=None,
    )


def _sent_to() -> list[list[str]]:
    return sorted(message.to for message in mail.outbox)


def test_writers_are_reminded_seven_days_before(opened: ReportingRound) -> None:
    before = AuditEntry.objects.count()
    sent = send_reminders(opened.period, today=DEADLINE - timedelta(days=7), actor=None)
    assert len(sent) == 2
    assert _sent_to() == [["skribent-annan@malmo.example"], ["skribent@malmo.example"]]
    assert AuditEntry.objects.count() == before + 2  # one per reminder sent
    assert set(AuditEntry.objects.values_list("action", flat=True).order_by("-id")[:2]) == {
        "round.reminder_sent"
    }
    ks = next(m for m in mail.outbox if m.to == ["skribent@malmo.example"])
    assert "Årsanalys 2025" in ks.subject and "15 februari 2026" in ks.subject
    assert "Kommunstyrelsen" in ks.body and "/rapporter/" in ks.body


def test_nothing_is_due_on_other_days_before(opened: ReportingRound) -> None:
    assert send_reminders(opened.period, today=DEADLINE - timedelta(days=5), actor=None) == []
    assert mail.outbox == []


def test_sending_twice_the_same_day_sends_nothing_new(opened: ReportingRound) -> None:
    day = DEADLINE - timedelta(days=1)
    send_reminders(opened.period, today=day, actor=None)
    entries = AuditEntry.objects.count()
    assert send_reminders(opened.period, today=day, actor=None) == []
    assert len(mail.outbox) == 2
    assert AuditEntry.objects.count() == entries
    assert Reminder.objects.count() == 2


def test_a_submitted_report_gets_no_reminder(
    opened: ReportingRound, users: dict[str, User]
) -> None:
    member = opened.members.get(organisation__key="kommunstyrelsen")
    assert member.report_id is not None
    submit_report(member.report_id, actor=users["skribent"])
    sent = send_reminders(opened.period, today=DEADLINE + timedelta(days=1), actor=None)
    assert [m.organisation for m in sent] == ["stadsbyggnadsnamnden"]
    assert _sent_to() == [["skribent-annan@malmo.example"]]
    assert "Försenad" in mail.outbox[0].subject


def test_late_reminders_come_every_third_day(opened: ReportingRound) -> None:
    days = []
    for late in range(1, 9):
        if send_reminders(opened.period, today=DEADLINE + timedelta(days=late), actor=None):
            days.append(late)
    assert days == [1, 4, 7]
    assert set(Reminder.objects.values_list("kind", flat=True)) == {"late"}


def test_only_writers_with_an_address_are_mailed(
    opened: ReportingRound, users: dict[str, User]
) -> None:
    users["skribent-annan"].email = ""
    users["skribent-annan"].save()
    other = opened.members.get(organisation__key="kommunstyrelsen").organisation
    user_with_role(Role.WRITER, organisation=other, email="andra@malmo.example")
    user_with_role(Role.READER, organisation=other, email="lasaren@malmo.example")
    sent = send_reminders(opened.period, today=DEADLINE - timedelta(days=7), actor=None)
    assert [m.organisation for m in sent] == ["kommunstyrelsen"]
    assert _sent_to() == [["andra@malmo.example", "skribent@malmo.example"]]
