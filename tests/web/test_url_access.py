"""Every address of the app needs a login and hides other organisations' reports.

The addresses are read from the URL configuration itself, so a new view without an entry
in `SAMPLES` fails here until someone says how to reach it; then it gets both tests for
free: an anonymous visitor is sent to the login page (and an anonymous POST stores
nothing), and the writer of another board (`skribent-annan`) meets a 404 on everything
of Kommunstyrelsen's report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from uppsikt.audit.models import AuditEntry
from uppsikt.oversight.models import Comment, SpecialOversight
from uppsikt.reports.models import Report
from uppsikt.reports.places import section_places
from uppsikt.reports.store import load_report

ClientAs = Callable[[str], Client]

# Addresses outside the app's own pages: Django's admin (its own login), sign-in and
# language switching (open to everyone on purpose).
OPEN = {"login", "logout", "set_language"}

# How to reach each named address with the demo report's data: a function of the stored
# report to the URL's keyword arguments. `None` for the report means the address is not
# about one report (the home page, a period).
SAMPLES: dict[str, Callable[[Report], dict[str, Any]]] = {
    "home": lambda report: {},
    "report": lambda report: {"report_id": report.pk},
    "document": lambda report: {"report_id": report.pk, "fmt": "html"},
    "section_edit": lambda report: {"report_id": report.pk, "place": _place(report)},
    "section_preview": lambda report: {"report_id": report.pk, "place": _place(report)},
    "section_history": lambda report: {"report_id": report.pk, "place": _place(report)},
    "compare_periods": lambda report: {"report_id": report.pk},
    "report_action": lambda report: {"report_id": report.pk, "action": "submit"},
    "goal_edit": lambda report: {"report_id": report.pk, "goal_key": "klimatneutral-2030"},
    "assignment_edit": lambda report: {
        "report_id": report.pk,
        "assignment_key": report.budget_assignment_reports.select_related("assignment")
        .first()
        .assignment.key,  # type: ignore[union-attr]
    },
    "variances": lambda report: {"report_id": report.pk},
    "comments": lambda report: {"report_id": report.pk, "place": _place(report)},
    "report_comments": lambda report: {"report_id": report.pk},
    "comment_resolve": lambda report: {"report_id": report.pk, "comment_id": _comment(report)},
    "checks_panel": lambda report: {"report_id": report.pk},
    "audit_log": lambda report: {"report_id": report.pk},
    "period_overview": lambda report: {"period_id": report.period_id},
    "oversight_matrix": lambda report: {"period_id": report.period_id},
    "oversight_matrix_csv": lambda report: {"period_id": report.period_id},
    "oversight_matrix_xlsx": lambda report: {"period_id": report.period_id},
    "oversight_assignments": lambda report: {"period_id": report.period_id},
    "oversight_assignments_csv": lambda report: {"period_id": report.period_id},
    "oversight_assignments_xlsx": lambda report: {"period_id": report.period_id},
    "oversight_economy": lambda report: {"period_id": report.period_id},
    "oversight_economy_csv": lambda report: {"period_id": report.period_id},
    "oversight_economy_xlsx": lambda report: {"period_id": report.period_id},
    "oversight_organisation": lambda report: {
        "period_id": report.period_id,
        "organisation_id": report.organisation_id,
    },
    "oversight_round": lambda report: {"period_id": report.period_id},
    "round_open": lambda report: {},
    "forecast_entry": lambda report: {
        "organisation_id": report.organisation_id,
        "year": report.period.year,
    },
    "case_new": lambda report: {"organisation_id": report.organisation_id},
    "case_detail": lambda report: {"case_id": _case(report)},
    "company_review": lambda report: {
        "organisation_id": report.organisation_id,
        "year": report.period.year,
    },
}

# Addresses about the whole municipality rather than one report: another board's writer
# is refused by role (403), not by organisation.
MUNICIPALITY_WIDE = {"home", "period_overview"}
# Oversight pages of a period: for every role in the municipality, showing a board's
# writer only its own organisation (tests/oversight/test_matrix_page.py and
# test_assignments_page.py check that the rest is hidden).
MUNICIPALITY_WIDE |= {
    "oversight_matrix",
    "oversight_matrix_csv",
    "oversight_matrix_xlsx",
    "oversight_assignments",
    "oversight_assignments_csv",
    "oversight_assignments_xlsx",
    # the economy overview shows another board's writer its own row only (tests in
    # tests/oversight/test_economy_views.py)
    "oversight_economy",
    "oversight_economy_csv",
    "oversight_economy_xlsx",
}


def _place(report: Report) -> str:
    return section_places(load_report(report.pk))[0].place


def _case(report: Report) -> int:
    case, _ = SpecialOversight.objects.get_or_create(
        organisation=report.organisation,
        case_number="STK-2025-1363",
        defaults={
            "reason": "Underskott",
            "decided_on": date(2025, 9, 1),
            "action_plan_due": date(2025, 10, 1),
        },
    )
    return case.pk


def _comment(report: Report) -> int:
    comment, _ = Comment.objects.get_or_create(report=report, place="", body="Fråga")
    return comment.pk


def _names(patterns: list[URLPattern | URLResolver], prefix: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern).startswith(("admin/", "i18n/")):
                continue
            yield from _names(pattern.url_patterns)
        elif pattern.name:
            yield pattern.name


def app_url_names() -> set[str]:
    return set(_names(get_resolver().url_patterns)) - OPEN


def test_every_address_has_a_sample_so_it_gets_the_access_tests() -> None:
    assert app_url_names() == set(SAMPLES)


def _url(name: str, report: Report) -> str:
    return reverse(name, kwargs=SAMPLES[name](report))


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_address_needs_a_login(name: str, report_id: int, client: Client) -> None:
    url = _url(name, Report.objects.get(pk=report_id))
    entries = AuditEntry.objects.count()
    got = client.get(url)
    if got.status_code != 405:  # POST-only steps answer GET with 405 to everyone
        assert got.status_code == 302, url
        assert got["Location"].startswith(reverse("login")), url
    posted = client.post(url, {"body": "text", "heading": "Rubrik", "reason": "x"})
    assert posted.status_code in (302, 401, 403, 405), url
    if posted.status_code == 302:
        assert posted["Location"].startswith(reverse("login")), url
    assert AuditEntry.objects.count() == entries, f"an anonymous POST to {url} wrote"


@pytest.mark.parametrize("name", sorted(set(SAMPLES) - MUNICIPALITY_WIDE))
def test_another_boards_writer_meets_404_on_this_report(
    name: str, report_id: int, users: dict[str, User]
) -> None:
    url = _url(name, Report.objects.get(pk=report_id))
    other = Client()  # without CSRF checks: the refusal must come from the access rules
    other.force_login(users["skribent-annan"])
    got = other.get(url)
    assert got.status_code in (404, 405), url
    if got.status_code == 405:
        got = other.post(url, {"reason": "x"})
        assert got.status_code == 404, url
    assert b"Kommunstyrelsen" not in got.content, url


def test_another_boards_writer_sees_no_period_overview_and_a_home_without_this_report(
    report_id: int, client_as: ClientAs, users: dict[str, User]
) -> None:
    report = Report.objects.get(pk=report_id)
    other = client_as("skribent-annan")
    assert other.get(_url("period_overview", report)).status_code in (403, 404)
    home = other.get(reverse("home"))
    assert home.status_code == 200
    assert reverse("report", args=[report_id]).encode() not in home.content
