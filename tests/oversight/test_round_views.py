"""The round pages: who sees them, the status list, changing a deadline (a stale form
refused with both dates), sending reminders, and opening a round with its form errors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from uppsikt.audit.models import AuditEntry
from uppsikt.oversight.actions.rounds import deadline_token, open_round
from uppsikt.oversight.models import ReportingRound, RoundMember
from uppsikt.reports.models import Report

ClientAs = Callable[[str], Client]


@pytest.fixture
def opened(report_id: int) -> ReportingRound:
    """A round of the demo's period; the executive board's deadline passed yesterday."""
    return open_round(
        "malmo",
        2025,
        "annual_analysis",
        deadline=timezone.localdate() + timedelta(days=7),
        organisations=["kommunstyrelsen", "stadsbyggnadsnamnden"],
        deadlines={"kommunstyrelsen": timezone.localdate() - timedelta(days=1)},
        actor=None,
    )


def _url(opened: ReportingRound) -> str:
    return reverse("oversight_round", args=[opened.period_id])


@pytest.mark.parametrize("name", ["skribent", "skribent-annan", "lasare"])
def test_writers_and_readers_meet_404_on_the_round_pages(
    opened: ReportingRound, client_as: ClientAs, name: str
) -> None:
    client = client_as(name)
    assert client.get(_url(opened)).status_code == 404
    assert client.get(reverse("round_open")).status_code == 404


def test_the_reviewer_sees_every_member_with_status_and_late_marked(
    opened: ReportingRound, client_as: ClientAs
) -> None:
    page = client_as("granskare").get(_url(opened))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Kommunstyrelsen" in text and "Stadsbyggnadsnämnden" in text
    assert "▲ Försenad" in text  # shape and text, not colour alone
    assert text.count("▲ Försenad") == 1
    assert "Skicka påminnelser nu" in text


def test_a_deadline_is_changed_through_the_form(
    opened: ReportingRound, users: dict[str, User]
) -> None:
    member = opened.members.get(organisation__key="stadsbyggnadsnamnden")
    client = Client()
    client.force_login(users["granskare"])
    new = timezone.localdate() + timedelta(days=20)
    answer = client.post(
        _url(opened),
        {
            "do": "deadline",
            "member": member.pk,
            "deadline": new.isoformat(),
            "based_on": deadline_token(member.deadline),
        },
    )
    assert answer.status_code == 302
    member.refresh_from_db()
    assert member.deadline == new
    assert AuditEntry.objects.filter(action="round.deadline_set").count() == 1


def test_a_stale_deadline_form_is_refused_with_both_dates(
    opened: ReportingRound, users: dict[str, User]
) -> None:
    member = opened.members.get(organisation__key="stadsbyggnadsnamnden")
    stale = deadline_token(member.deadline)
    client = Client()
    client.force_login(users["granskare"])
    first = timezone.localdate() + timedelta(days=20)
    second = timezone.localdate() + timedelta(days=30)
    for day, expected in ((first, 302), (second, 409)):
        answer = client.post(
            _url(opened),
            {"do": "deadline", "member": member.pk, "deadline": day.isoformat(), "based_on": stale},
        )
        assert answer.status_code == expected
    text = answer.content.decode()
    assert "Någon annan har sparat" in text
    assert f"{first.day} " in text and f"{second.day} " in text
    member.refresh_from_db()
    assert member.deadline == first


def test_a_deadline_in_the_past_is_refused_with_a_field_message(
    opened: ReportingRound, users: dict[str, User]
) -> None:
    member = opened.members.get(organisation__key="stadsbyggnadsnamnden")
    client = Client()
    client.force_login(users["granskare"])
    answer = client.post(
        _url(opened),
        {
            "do": "deadline",
            "member": member.pk,
            "deadline": "2020-01-01",
            "based_on": deadline_token(member.deadline),
        },
    )
    assert answer.status_code == 400
    assert "Sista dag kan inte ligga i det förflutna." in answer.content.decode()


def test_a_member_of_another_round_is_404(opened: ReportingRound, users: dict[str, User]) -> None:
    other = open_round(
        "malmo",
        2026,
        "interim_report",
        deadline=date(2026, 9, 15),
        organisations=["kommunstyrelsen"],
        actor=None,
    )
    member = RoundMember.objects.get(round=other)
    client = Client()
    client.force_login(users["granskare"])
    answer = client.post(
        _url(opened),
        {
            "do": "deadline",
            "member": member.pk,
            "deadline": "2030-01-01",
            "based_on": deadline_token(member.deadline),
        },
    )
    assert answer.status_code == 404


def test_the_button_sends_the_due_reminders(opened: ReportingRound, users: dict[str, User]) -> None:
    users["skribent"].email = "skribent@malmo.example"
    users["skribent"].save()
    client = Client()
    client.force_login(users["granskare"])
    answer = client.post(_url(opened), {"do": "remind"}, follow=True)
    assert answer.status_code == 200
    assert [m.to for m in mail.outbox] == [["skribent@malmo.example"]]  # late by one day
    assert "1 påminnelser skickade." in answer.content.decode()


def _open_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kommun": "malmo",
        "year": "2026",
        "kind": "interim_report",
        "deadline": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "remind_before": "7, 1",
        "remind_late_every": "3",
        "organisations": ["kommunstyrelsen", "stadsbyggnadsnamnden"],
    }
    data.update(changes)
    return data


def test_the_open_form_lists_every_reporting_organisation_checked(
    report_id: int, client_as: ClientAs
) -> None:
    page = client_as("granskare").get(reverse("round_open"))
    assert page.status_code == 200
    text = page.content.decode()
    assert 'value="kommunstyrelsen"' in text and "checked" in text
    assert "Kommunfullmäktige" not in text  # the council does not report


def test_opening_a_round_through_the_form(report_id: int, users: dict[str, User]) -> None:
    client = Client()
    client.force_login(users["admin"])
    answer = client.post(reverse("round_open"), _open_data())
    assert answer.status_code == 302
    opened = ReportingRound.objects.get()
    assert answer["Location"] == reverse("oversight_round", args=[opened.period_id])
    assert opened.remind_before == [7, 1]
    assert Report.objects.filter(period=opened.period).count() == 2


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"deadline": "2020-01-01"}, "Sista dag kan inte ligga i det förflutna."),
        ({"deadline": "2025-13-01"}, "Ange sista dag som ett datum"),
        ({"kind": "quarterly"}, "Okänd period"),
        ({"organisations": []}, "Välj minst en organisation."),
        ({"remind_before": "sju"}, "Skriv hela dagar"),
        ({"year": "tjugo"}, "Verksamhetsåret ska vara ett årtal"),
    ],
)
def test_bad_input_gets_a_message_naming_the_field(
    report_id: int, users: dict[str, User], changes: dict[str, object], message: str
) -> None:
    client = Client()
    client.force_login(users["granskare"])
    answer = client.post(reverse("round_open"), _open_data(**changes))
    assert answer.status_code == 400
    assert message in answer.content.decode()
    assert not ReportingRound.objects.exists()


def test_a_second_round_is_refused_on_the_form(
    opened: ReportingRound, users: dict[str, User]
) -> None:
    client = Client()
    client.force_login(users["granskare"])
    answer = client.post(reverse("round_open"), _open_data(year="2025", kind="annual_analysis"))
    assert answer.status_code == 400
    assert "Det finns redan en omgång" in answer.content.decode()


def test_a_period_without_a_round_says_so(report_id: int, client_as: ClientAs) -> None:
    period_id = Report.objects.get(pk=report_id).period_id
    page = client_as("granskare").get(reverse("oversight_round", args=[period_id]))
    assert page.status_code == 200
    assert "Ingen omgång är öppnad" in page.content.decode()


def test_the_created_reports_open_and_show_the_carried_note(
    report_id: int, client_as: ClientAs
) -> None:
    created = open_round(
        "malmo",
        2026,
        "interim_report",
        deadline=date(2026, 9, 15),
        organisations=["kommunstyrelsen", "stadsbyggnadsnamnden"],
        actor=None,
    )
    reviewer = client_as("granskare")
    for member in created.members.all():
        page = reviewer.get(reverse("report", args=[member.report_id]))
        assert page.status_code == 200
        document = reviewer.get(reverse("document", args=[member.report_id, "html"]))
        assert document.status_code == 200
        if member.organisation.key == "kommunstyrelsen":
            assert "Förifylld från Årsanalys 2025 – uppdatera texten." in document.content.decode()
