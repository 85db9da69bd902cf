"""Forecasts: versions kept, stale saves refused, the import from a forecast file, and
the forecast page as each role meets it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from forecast_files import (
    KS_ALLOCATION,
    KS_FORECAST,
    SBN_ALLOCATION,
    SBN_FORECAST,
    import_forecast_file,
)
from uppsikt.audit.models import AuditEntry
from uppsikt.domain.versions import StaleEdit
from uppsikt.economy.actions.forecasts import (
    forecast_token,
    import_forecasts,
    newest_forecast,
    record_forecast,
    record_outcome,
)
from uppsikt.economy.errors import LedgerError
from uppsikt.economy.models.forecasts import Forecast, Outcome
from uppsikt.goals.actions.follow_ups import InvalidInput
from uppsikt.organisations.models import Organisation

ClientAs = Callable[[str], Client]


@pytest.fixture
def ks(users: dict[str, User]) -> Organisation:
    return Organisation.objects.get(key="kommunstyrelsen")


def page(organisation: Organisation, year: int = 2025) -> str:
    return reverse("forecast_entry", args=[organisation.pk, year])


def post(client: Client, url: str, data: dict[str, Any]) -> Any:
    if "csrftoken" not in client.cookies:
        client.get(reverse("home"))
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


# Actions


def test_every_save_is_a_new_version_and_the_newest_is_the_forecast(
    ks: Organisation, users: dict[str, User]
) -> None:
    writer = users["skribent"]
    first = record_forecast(ks, 2025, 3, 500_000, 510_000, "Mars.", actor=writer)
    second = record_forecast(
        ks,
        2025,
        3,
        520_000,
        510_000,
        "Fler placeringar.",
        actor=writer,
        expected_version=forecast_token(first),
    )

    assert Forecast.objects.filter(organisation=ks, year=2025, month=3).count() == 2
    assert newest_forecast(ks.pk, 2025, 3) == second
    entries = AuditEntry.objects.filter(action="forecast.recorded").order_by("id")
    assert [entry.before for entry in entries] == [
        None,
        {"net_cost": 500_000, "allocation": 510_000, "comment": "Mars."},
    ]
    assert entries[1].after == {
        "forecast": second.pk,
        "net_cost": 520_000,
        "allocation": 510_000,
        "comment": "Fler placeringar.",
    }


def test_a_save_based_on_an_older_version_is_refused_with_the_newest(
    ks: Organisation, users: dict[str, User]
) -> None:
    seen = forecast_token(None)  # the form was opened before anyone saved March
    record_forecast(ks, 2025, 3, 500_000, 510_000, "", actor=users["skribent"])

    with pytest.raises(StaleEdit) as stale:
        record_forecast(
            ks, 2025, 3, 600_000, 510_000, "", actor=users["granskare"], expected_version=seen
        )

    assert stale.value.stored == {"net_cost": 500_000, "allocation": 510_000, "comment": ""}
    assert Forecast.objects.count() == 1
    assert AuditEntry.objects.filter(action="forecast.recorded").count() == 1


def test_bad_input_names_the_field_and_saves_nothing(
    ks: Organisation, users: dict[str, User]
) -> None:
    with pytest.raises(InvalidInput) as error:
        record_forecast(ks, 2025, 13, 10**16, 0, "x" * 1001, actor=users["skribent"])

    assert set(error.value.problems) == {"month", "net_cost", "comment"}
    assert "Kommentar" in error.value.problems["comment"]
    assert not Forecast.objects.exists()


def test_the_outcome_is_stored_once_per_year_with_what_it_was_before(
    ks: Organisation, users: dict[str, User]
) -> None:
    record_outcome(ks, 2025, 510_000, 505_000, actor=users["granskare"])
    record_outcome(ks, 2025, 510_000, 507_000, actor=users["granskare"])

    assert Outcome.objects.get(organisation=ks, year=2025).net_cost == 507_000
    last = AuditEntry.objects.filter(action="outcome.recorded").order_by("-id").first()
    assert last is not None and last.before == {"allocation": 510_000, "net_cost": 505_000}


# Import from the budget/forecast file format


def test_a_forecast_file_gives_one_forecast_per_organisation(
    ks: Organisation, users: dict[str, User], tmp_path: Path
) -> None:
    import_forecast_file(tmp_path)
    entries = AuditEntry.objects.count()

    result = import_forecasts("malmo", 2025, 8, "2025-08", actor=None)

    got = {
        row.organisation.key: (row.net_cost, row.allocation, row.source) for row in result.created
    }
    assert got == {
        "kommunstyrelsen": (KS_FORECAST, KS_ALLOCATION, "file"),
        "stadsbyggnadsnamnden": (SBN_FORECAST, SBN_ALLOCATION, "file"),
    }
    assert AuditEntry.objects.count() == entries + 1
    entry = AuditEntry.objects.get(action="forecast.imported")
    assert entry.after["version"] == "2025-08"  # type: ignore[index]


def test_importing_the_same_forecast_again_adds_no_versions(
    ks: Organisation, users: dict[str, User], tmp_path: Path
) -> None:
    import_forecast_file(tmp_path)
    import_forecasts("malmo", 2025, 8, "2025-08", actor=None)

    again = import_forecasts("malmo", 2025, 8, "2025-08", actor=None)

    assert again.created == ()
    assert set(again.unchanged) == {"kommunstyrelsen", "stadsbyggnadsnamnden"}
    assert Forecast.objects.count() == 2


def test_without_a_budget_the_allocation_comes_from_the_latest_earlier_forecast(
    ks: Organisation, users: dict[str, User], tmp_path: Path
) -> None:
    text = "year,month,account,cost_centre,project,phase,version,amount\n"
    text += "2025,0,5010,KS01,,forecast,2025-08,700000\n"
    import_forecast_file(tmp_path, text)
    record_forecast(ks, 2025, 5, 650_000, 690_000, "", actor=users["skribent"])

    result = import_forecasts("malmo", 2025, 8, "2025-08", actor=None)

    assert [(row.net_cost, row.allocation) for row in result.created] == [(700_000, 690_000)]


def test_an_unknown_version_is_refused_with_what_to_do(users: dict[str, User]) -> None:
    with pytest.raises(LedgerError, match="uppsikt ledger import"):
        import_forecasts("malmo", 2025, 8, "2025-08", actor=None)
    assert not Forecast.objects.exists()


def test_an_organisation_without_any_allocation_stops_the_whole_import(
    ks: Organisation, users: dict[str, User], tmp_path: Path
) -> None:
    text = "year,month,account,cost_centre,project,phase,version,amount\n"
    text += "2025,0,5010,KS01,,forecast,2025-08,700000\n"
    text += "2025,0,5010,SBN1,,original_budget,,1\n2025,0,5010,SBN1,,forecast,2025-08,2\n"
    import_forecast_file(tmp_path, text)

    with pytest.raises(LedgerError, match="kommunstyrelsen"):
        import_forecasts("malmo", 2025, 8, "2025-08", actor=None)
    assert not Forecast.objects.exists()


# The page


def test_the_organisations_writer_enters_a_forecast_in_swedish_amounts(
    ks: Organisation, client_as: ClientAs
) -> None:
    client = client_as("skribent")
    shown = client.get(page(ks) + "?manad=8")
    assert shown.status_code == 200
    token = shown.context["form"].initial["based_on"]

    saved = post(
        client,
        page(ks) + "?manad=8",
        {
            "month": "8",
            "net_cost": "36 830 000",
            "allocation": "36\u00a0500\u00a0000",
            "comment": "Högre kostnader för placeringar.",
            "based_on": token,
        },
    )

    assert saved.status_code == 302
    row = Forecast.objects.get()
    assert (row.month, row.net_cost, row.allocation, row.author.username) == (  # type: ignore[union-attr]
        8,
        36_830_000,
        36_500_000,
        "skribent",
    )
    again = client.get(saved["Location"])
    content = again.content.decode()
    assert "Prognoshistorik" in content and 'role="img"' in content
    assert "36\u00a0830\u00a0000" in content  # the version history, in kronor


def test_an_amount_that_is_no_amount_names_the_field_and_keeps_the_text(
    ks: Organisation, client_as: ClientAs
) -> None:
    client = client_as("skribent")
    token = client.get(page(ks)).context["form"].initial["based_on"]

    answer = post(
        client,
        page(ks),
        {
            "month": "8",
            "net_cost": "516,9 Mkr",
            "allocation": "500",
            "comment": "Min text",
            "based_on": token,
        },
    )

    assert answer.status_code == 400
    content = answer.content.decode()
    assert "Prognos för nettokostnad" in content and "är inget tal" in content
    assert "516,9 Mkr" in content and "Min text" in content
    assert not Forecast.objects.exists()


def test_a_stale_save_gets_409_with_both_versions(
    ks: Organisation, client_as: ClientAs, users: dict[str, User]
) -> None:
    client = client_as("skribent")
    token = client.get(page(ks) + "?manad=8").context["form"].initial["based_on"]
    record_forecast(ks, 2025, 8, 1_000_000, 900_000, "Granskarens", actor=users["granskare"])

    answer = post(
        client,
        page(ks) + "?manad=8",
        {
            "month": "8",
            "net_cost": "2 000 000",
            "allocation": "900 000",
            "comment": "Min",
            "based_on": token,
        },
    )

    assert answer.status_code == 409
    content = answer.content.decode()
    assert "Någon annan har sparat" in content
    assert "1\u00a0000\u00a0000" in content and "2\u00a0000\u00a0000" in content
    assert Forecast.objects.count() == 1


def test_another_boards_writer_meets_404(ks: Organisation, client_as: ClientAs) -> None:
    answer = client_as("skribent-annan").get(page(ks))
    assert answer.status_code == 404
    assert b"Kommunstyrelsen" not in answer.content


def test_the_reader_reads_but_may_not_post(
    ks: Organisation, client_as: ClientAs, users: dict[str, User]
) -> None:
    record_forecast(ks, 2025, 3, 500_000, 510_000, "", actor=users["skribent"])
    client = client_as("lasare")
    shown = client.get(page(ks))
    assert shown.status_code == 200 and shown.context["form"] is None
    assert "Du kan läsa prognoserna" in shown.content.decode()

    refused = post(
        client, page(ks), {"month": "3", "net_cost": "1", "allocation": "1", "based_on": "x"}
    )

    assert refused.status_code == 403
    assert "kräver rollen skribent" in refused.content.decode()
    assert Forecast.objects.count() == 1


def test_the_page_shows_the_accuracy_once_the_year_has_an_outcome(
    ks: Organisation, client_as: ClientAs, users: dict[str, User]
) -> None:
    record_forecast(ks, 2025, 8, 1_020_000, 1_000_000, "", actor=users["skribent"])
    record_outcome(ks, 2025, 1_000_000, 1_000_000, actor=users["granskare"])

    content = client_as("granskare").get(page(ks)).content.decode()

    assert "Prognossäkerhet" in content
    assert "20\u00a0000" in content and "+2,0\u00a0%" in content
    assert "delårsrapport" in content


def test_a_year_beyond_the_calendar_is_404(ks: Organisation, client_as: ClientAs) -> None:
    assert client_as("granskare").get(page(ks, 40000)).status_code == 404
