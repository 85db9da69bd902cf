"""Special oversight: opening a case, its action plan, follow-ups and closing, as actions
and as the pages reviewers work in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from uppsikt.audit.models import AuditEntry
from uppsikt.goals.actions.follow_ups import InvalidInput
from uppsikt.organisations.models import Organisation
from uppsikt.oversight.actions.cases import add_follow_up, close_case, open_case, record_action_plan
from uppsikt.oversight.models import SpecialOversight

ClientAs = Callable[[str], Client]
DECIDED = date(2025, 9, 15)


@pytest.fixture
def ks(users: dict[str, User]) -> Organisation:
    return Organisation.objects.get(key="kommunstyrelsen")


@pytest.fixture
def case(ks: Organisation, users: dict[str, User]) -> SpecialOversight:
    return open_case(
        ks, "Underskott i prognosen.", "STK-2025-1363", DECIDED, actor=users["granskare"]
    )


def post(client: Client, url: str, data: dict[str, Any]) -> Any:
    if "csrftoken" not in client.cookies:
        client.get(reverse("home"))
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def codes() -> list[str]:
    return list(AuditEntry.objects.order_by("id").values_list("action", flat=True))


def test_a_case_is_opened_with_the_action_plan_due_thirty_days_later(
    case: SpecialOversight,
) -> None:
    assert case.action_plan_due == date(2025, 10, 15)
    assert codes()[-1] == "case.opened"


def test_the_municipalitys_rules_set_the_action_plan_days(
    ks: Organisation, users: dict[str, User]
) -> None:
    ks.municipality.oversight_rules = "special_oversight:\n  action_plan_days: 14\n"
    ks.municipality.save()
    opened = open_case(ks, "Skäl.", "STK-2025-1", DECIDED, actor=users["granskare"])
    assert opened.action_plan_due == date(2025, 9, 29)


def test_bad_input_names_each_field_with_an_example(
    ks: Organisation, users: dict[str, User]
) -> None:
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(InvalidInput) as error:
        open_case(ks, " ", "2025/1363", tomorrow, actor=users["granskare"])

    problems = error.value.problems
    assert set(problems) == {"reason", "case_number", "decided_on"}
    assert "STK-2025-1363" in problems["case_number"]
    assert "framtiden" in problems["decided_on"]
    assert not SpecialOversight.objects.exists()


def test_the_steps_of_a_case_each_write_one_audit_row(
    case: SpecialOversight, users: dict[str, User]
) -> None:
    reviewer = users["granskare"]
    record_action_plan(case, "1. Minska inhyrd personal.", date(2025, 10, 10), actor=reviewer)
    entry = add_follow_up(case, date(2025, 11, 20), "Underskottet minskar.", actor=reviewer)
    closed = close_case(
        case, date(2025, 12, 15), "stk-2025-1500", "Budget i balans.", actor=reviewer
    )

    assert entry.month == date(2025, 11, 1)
    assert closed.closing_case_number == "STK-2025-1500"
    assert codes()[-4:] == ["case.opened", "case.action_plan", "case.followed_up", "case.closed"]
    last = AuditEntry.objects.order_by("-id").first()
    assert last is not None and last.before["closed_on"] is None  # type: ignore[index]


def test_closing_requires_a_decision_reference(
    case: SpecialOversight, users: dict[str, User]
) -> None:
    with pytest.raises(InvalidInput) as error:
        close_case(case, date(2025, 12, 15), "", "Klart.", actor=users["granskare"])
    assert "closing_case_number" in error.value.problems
    case.refresh_from_db()
    assert case.closed_on is None


def test_a_closed_case_takes_no_more_follow_ups(
    case: SpecialOversight, users: dict[str, User]
) -> None:
    close_case(case, date(2025, 12, 15), "STK-2025-1500", "Klart.", actor=users["granskare"])
    with pytest.raises(InvalidInput):
        add_follow_up(case, date(2025, 12, 1), "Mer.", actor=users["granskare"])


def test_a_follow_up_before_the_decision_is_refused(
    case: SpecialOversight, users: dict[str, User]
) -> None:
    with pytest.raises(InvalidInput) as error:
        add_follow_up(case, date(2025, 8, 1), "Innan.", actor=users["granskare"])
    assert "före beslutet" in error.value.problems["month"]


# Pages


def test_the_reviewer_opens_a_case_on_the_web(ks: Organisation, client_as: ClientAs) -> None:
    client = client_as("granskare")
    url = reverse("case_new", args=[ks.pk])
    assert client.get(url).status_code == 200

    answer = post(
        client,
        url,
        {
            "reason": "Prognosen visar underskott.",
            "case_number": "STK-2025-1363",
            "decided_on": "2025-09-15",
        },
    )

    case = SpecialOversight.objects.get()
    assert answer.status_code == 302 and answer["Location"] == reverse(
        "case_detail", args=[case.pk]
    )
    detail = client.get(answer["Location"]).content.decode()
    assert "STK-2025-1363" in detail and "15 oktober 2025" in detail


def test_a_bad_case_number_on_the_web_keeps_everything_written(
    ks: Organisation, client_as: ClientAs
) -> None:
    answer = post(
        client_as("granskare"),
        reverse("case_new", args=[ks.pk]),
        {"reason": "Mitt långa skäl.", "case_number": "2025/1363", "decided_on": "15/9"},
    )

    assert answer.status_code == 400
    content = answer.content.decode()
    assert "STK-2025-1363" in content and "åååå-mm-dd" in content
    assert "Mitt långa skäl." in content and "2025/1363" in content
    assert not SpecialOversight.objects.exists()


def test_the_reviewer_works_the_case_page(case: SpecialOversight, client_as: ClientAs) -> None:
    client = client_as("granskare")
    url = reverse("case_detail", args=[case.pk])

    plan = post(
        client, url, {"step": "action_plan", "text": "Åtgärder.", "received_on": "2025-10-01"}
    )
    follow = post(client, url, {"step": "follow_up", "month": "2025-10-31", "body": "Följs."})
    bad = post(
        client,
        url,
        {
            "step": "close",
            "closed_on": "2025-12-01",
            "closing_case_number": "",
            "closing_motivation": "Min motivering",
        },
    )

    assert (plan.status_code, follow.status_code, bad.status_code) == (302, 302, 400)
    assert "Min motivering" in bad.content.decode()
    case.refresh_from_db()
    assert case.action_plan == "Åtgärder." and case.entries.count() == 1
    assert case.closed_on is None


def test_the_organisations_reader_reads_its_case_but_may_not_work_it(
    case: SpecialOversight, client_as: ClientAs
) -> None:
    client = client_as("lasare")
    url = reverse("case_detail", args=[case.pk])
    shown = client.get(url)
    assert shown.status_code == 200
    assert "STK-2025-1363" in shown.content.decode()
    assert 'name="step"' not in shown.content.decode()

    refused = post(client, url, {"step": "follow_up", "month": "2025-10-01", "body": "x"})

    assert refused.status_code == 403
    assert case.entries.count() == 0


def test_only_reviewers_and_admins_open_cases(ks: Organisation, client_as: ClientAs) -> None:
    url = reverse("case_new", args=[ks.pk])
    assert client_as("skribent").get(url).status_code == 404
    assert client_as("lasare").get(url).status_code == 404
    assert client_as("admin").get(url).status_code == 200


def test_another_boards_writer_meets_404_on_the_case(
    case: SpecialOversight, client_as: ClientAs
) -> None:
    answer = client_as("skribent-annan").get(reverse("case_detail", args=[case.pk]))
    assert answer.status_code == 404 and b"Kommunstyrelsen" not in answer.content
