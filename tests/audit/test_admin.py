"""Admin-site writes are audited, show on the report page at once, and may not change an
approved report."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.admin import site as admin_site
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from uppsikt.audit.models import AuditEntry
from uppsikt.economy.models.ledger import AccountRange, LedgerMapping
from uppsikt.goals.models import CouncilGoal
from uppsikt.organisations.models import Municipality, Organisation
from uppsikt.reports.actions.workflow import approve_report, reopen_report, submit_report
from uppsikt.reports.models import Period, Report
from uppsikt.reports.reading import ledger_stamp

GOAL_KEY = "barn-och-unga"
RENAMED = "Malmö stad ger alla barn och unga goda uppväxtvillkor"


@pytest.fixture
def admin_client(users: dict[str, User]) -> Client:
    client = Client()
    client.force_login(users["admin"])
    return client


def change_url(obj: Any) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def form_data(client: Client, url: str) -> dict[str, Any]:
    """What the admin's change form posts back as it stands, inlines included."""
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["adminform"].form
    data: dict[str, Any] = {"_save": "Spara"}
    for name in form.fields:
        value = form[name].value()
        data[name] = "" if value is None else value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = value
        for each in formset.forms:
            for name in each.fields:
                value = each[name].value()
                data[each.add_prefix(name)] = "" if value is None else value
    return data


def page(client: Client, report_id: int) -> str:
    response = client.get(reverse("report", args=[report_id]))
    assert response.status_code == 200
    return str(response.content.decode())


def approve(users: dict[str, User], report_id: int) -> None:
    submit_report(report_id, actor=users["skribent"])
    approve_report(report_id, actor=users["granskare"])


def test_renaming_a_council_goal_is_audited_and_shown_at_once(
    admin_client: Client, report_id: int
) -> None:
    goal = CouncilGoal.objects.get(key=GOAL_KEY)
    old_title = goal.title
    assert RENAMED not in page(admin_client, report_id)  # the page is now cached
    data = form_data(admin_client, change_url(goal)) | {"title": RENAMED}

    response = admin_client.post(change_url(goal), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action__startswith="admin.")
    assert entry.action == "admin.changed" and entry.username == "admin"
    assert entry.report_id == report_id and entry.place == f"admin:goals.councilgoal:{goal.pk}"
    assert entry.before == {"object": old_title, "title": old_title}
    assert entry.after == {"object": RENAMED, "title": RENAMED}
    shown = page(admin_client, report_id)
    assert RENAMED in shown and old_title not in shown


def test_renaming_a_goal_of_an_approved_report_is_refused(
    admin_client: Client, users: dict[str, User], report_id: int
) -> None:
    approve(users, report_id)
    goal = CouncilGoal.objects.get(key=GOAL_KEY)
    entries = AuditEntry.objects.filter(action__startswith="admin.").count()
    data = form_data(admin_client, change_url(goal)) | {"title": RENAMED}

    response = admin_client.post(change_url(goal), data)

    assert response.status_code == 200
    text = response.content.decode()
    assert "godkända rapporter" in text and "öppna rapporten igen" in text
    assert CouncilGoal.objects.get(pk=goal.pk).title != RENAMED
    assert AuditEntry.objects.filter(action__startswith="admin.").count() == entries

    reopen_report(report_id, "Målet har fått ny lydelse.", actor=users["granskare"])
    assert admin_client.post(change_url(goal), data).status_code == 302
    assert CouncilGoal.objects.get(pk=goal.pk).title == RENAMED


def test_directing_a_goal_of_an_approved_report_anew_is_refused(
    admin_client: Client, users: dict[str, User], report_id: int
) -> None:
    approve(users, report_id)
    goal = CouncilGoal.objects.get(key=GOAL_KEY)
    other = Organisation.objects.get(key="stadsbyggnadsnamnden")
    data = form_data(admin_client, change_url(goal))
    prefix = "assignments"
    new = int(data[f"{prefix}-INITIAL_FORMS"])  # the first extra form
    data |= {
        f"{prefix}-{new}-year": 2025,
        f"{prefix}-{new}-organisation": other.pk,
        f"{prefix}-{new}-position": 9,
        f"{prefix}-{new}-goal": goal.pk,
    }

    response = admin_client.post(change_url(goal), data)

    assert response.status_code == 200 and "godkända rapporter" in response.content.decode()
    assert not goal.assignments.filter(organisation=other).exists()


def test_directing_a_goal_of_a_draft_writes_one_entry_with_the_new_row(
    admin_client: Client, report_id: int
) -> None:
    goal = CouncilGoal.objects.get(key=GOAL_KEY)
    other = Organisation.objects.get(key="stadsbyggnadsnamnden")
    data = form_data(admin_client, change_url(goal))
    new = int(data["assignments-INITIAL_FORMS"])
    data |= {
        f"assignments-{new}-year": 2026,
        f"assignments-{new}-organisation": other.pk,
        f"assignments-{new}-position": 9,
        f"assignments-{new}-goal": goal.pk,
    }

    assert admin_client.post(change_url(goal), data).status_code == 302

    entry = AuditEntry.objects.get(action__startswith="admin.")
    assert isinstance(entry.after, dict)
    (row,) = entry.after["goalassignment"]
    assert row["year"] == 2026 and row["organisation"] == other.pk


def test_a_period_deadline_is_no_report_content_and_may_change_when_approved(
    admin_client: Client, users: dict[str, User], report_id: int
) -> None:
    approve(users, report_id)
    period = Report.objects.get(pk=report_id).period
    data = form_data(admin_client, change_url(period)) | {"deadline": "2026-02-27"}

    assert admin_client.post(change_url(period), data).status_code == 302

    assert str(Period.objects.get(pk=period.pk).deadline) == "2026-02-27"
    entry = AuditEntry.objects.get(action="admin.changed")
    assert entry.after == {"object": str(period), "deadline": "2026-02-27"}


def test_renaming_an_organisation_shows_on_its_report_at_once(
    admin_client: Client, report_id: int
) -> None:
    organisation = Organisation.objects.get(key="kommunstyrelsen")
    page(admin_client, report_id)
    data = form_data(admin_client, change_url(organisation)) | {"name": "Stadsstyrelsen"}

    assert admin_client.post(change_url(organisation), data).status_code == 302

    assert "Stadsstyrelsen" in page(admin_client, report_id)
    assert AuditEntry.objects.filter(action="admin.changed").count() == 1


def test_an_organisation_of_an_approved_report_cannot_be_deleted(
    admin_client: Client, users: dict[str, User], report_id: int
) -> None:
    approve(users, report_id)
    organisation = Organisation.objects.get(key="kommunstyrelsen")
    url = reverse("admin:organisations_organisation_delete", args=[organisation.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_editing_a_mapping_rule_is_audited_and_moves_the_ledger_stamp(
    admin_client: Client, report_id: int
) -> None:
    malmo = Municipality.objects.get(key="malmo")
    LedgerMapping.objects.create(municipality=malmo)
    rule = AccountRange.objects.create(
        municipality=malmo, first="3000", last="3999", line="other_income", position=0
    )
    stamp = ledger_stamp(malmo.pk)
    data = form_data(admin_client, change_url(rule)) | {"last": "3499"}

    assert admin_client.post(change_url(rule), data).status_code == 302

    assert ledger_stamp(malmo.pk) != stamp
    entry = AuditEntry.objects.get(action__startswith="admin.")
    assert (entry.action, entry.municipality_id) == ("admin.changed", malmo.pk)
    assert entry.before == {"object": "3000–3999: other_income", "last": "3999"}


def test_deleting_a_mapping_rule_is_audited(admin_client: Client, report_id: int) -> None:
    malmo = Municipality.objects.get(key="malmo")
    LedgerMapping.objects.create(municipality=malmo)
    rule = AccountRange.objects.create(
        municipality=malmo, first="3000", last="3999", line="other_income", position=0
    )
    url = reverse("admin:economy_accountrange_delete", args=[rule.pk])
    stamp = ledger_stamp(malmo.pk)

    assert admin_client.post(url, {"post": "yes"}).status_code == 302

    entry = AuditEntry.objects.get(action__startswith="admin.")
    assert entry.action == "admin.deleted" and isinstance(entry.before, dict)
    assert entry.before["first"] == "3000"
    assert ledger_stamp(malmo.pk) != stamp


def test_two_admins_saving_the_same_goal_do_not_overwrite_each_other(
    admin_client: Client, users: dict[str, User], report_id: int
) -> None:
    """The second save, based on the page as it was before the first, is refused with
    its input kept; the first stays stored and only it is audited."""
    goal = CouncilGoal.objects.get(key=GOAL_KEY)
    other = Client()
    other.force_login(users["admin"])  # the same person in a second tab does the same
    first = form_data(admin_client, change_url(goal)) | {"title": RENAMED}
    second = form_data(other, change_url(goal)) | {"title": "Ett annat namn på målet"}
    entries = AuditEntry.objects.count()
    assert admin_client.post(change_url(goal), first).status_code == 302
    refused = other.post(change_url(goal), second)
    assert refused.status_code == 200
    text = refused.content.decode()
    assert "Någon annan har sparat ändringar här" in text
    assert "Ett annat namn på målet" in text  # the second person's input is still there
    goal.refresh_from_db()
    assert goal.title == RENAMED
    assert AuditEntry.objects.count() == entries + 1
    again = form_data(other, change_url(goal)) | {"title": "Ett annat namn på målet"}
    assert other.post(change_url(goal), again).status_code == 302  # after a reload: saved
    goal.refresh_from_db()
    assert goal.title == "Ett annat namn på målet"


def test_a_change_to_an_inline_row_moves_the_version(admin_client: Client, report_id: int) -> None:
    from uppsikt.goals.admin import CouncilGoalAdmin

    goal = CouncilGoal.objects.get(key=GOAL_KEY)
    admin = CouncilGoalAdmin(CouncilGoal, admin_site)
    before = admin.version_of(goal)
    direction = goal.assignments.first()
    assert direction is not None
    direction.position += 1
    direction.save()
    assert admin.version_of(goal) != before
