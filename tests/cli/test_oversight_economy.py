"""`uppsikt oversight economy`: text, the CSV the web downloads, the documented JSON, and a
clean error for an unknown municipality."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from click.testing import CliRunner
from django.test import Client
from django.urls import reverse

from oversight.economy_factory import economy_year
from uppsikt.cli import main
from uppsikt.reports.models import Report


@pytest.fixture
def period_id(report_id: int) -> int:
    economy_year()
    return Report.objects.get(pk=report_id).period_id


def run(*args: str) -> tuple[int, bytes]:
    result = CliRunner().invoke(main, ["oversight", "economy", *args])
    return result.exit_code, result.stdout_bytes


def test_json_is_stable_and_as_documented(period_id: int) -> None:
    code, out = run("-m", "malmo", "-y", "2025", "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    assert (data["municipality"], data["year"]) == ("malmo", 2025)
    assert len(data["organisations"]) == 19
    ks = next(row for row in data["organisations"] if row["key"] == "kommunstyrelsen")
    assert ks == {
        "key": "kommunstyrelsen",
        "name": "Kommunstyrelsen",
        "kind": "executive_board",
        "allocation": 500_000_000,
        "forecast": {
            "month": 8,
            "net_cost": 512_000_000,
            "deviation": -12_000_000,
            "deviation_percent": "-2.4",
        },
        "outcome": {"net_cost": 510_000_000, "deviation": -10_000_000},
        "trend": [
            {"month": 2, "deviation": -1_000_000},
            {"month": 4, "deviation": -5_000_000},
            {"month": 8, "deviation": -12_000_000},
        ],
        "direction": "worsening",
    }
    va = next(row for row in data["organisations"] if row["key"] == "va-syd")
    assert va["forecast"] is None and va["outcome"] is None and va["direction"] is None
    assert set(data["totals"]) == {"boards", "companies", "federations", "city"}
    assert data["totals"]["city"]["deviation"] == -12_000_000 + 10_800_000 - 1_000_000
    assert data["totals"]["companies"]["deviation_percent"] == "-0.5"


def test_csv_is_the_web_download(period_id: int, client_as: Callable[[str], Client]) -> None:
    code, out = run("-m", "malmo", "-y", "2025", "--format", "csv")
    assert code == 0
    web = client_as("granskare").get(reverse("oversight_economy_csv", args=[period_id]))
    assert out == web.content


def test_text_lists_every_organisation_in_tkr(period_id: int) -> None:
    code, out = run("-m", "malmo", "-y", "2025")
    text = out.decode()
    assert code == 0
    assert "Kommunstyrelsen" in text and "−12\u00a0000" in text and "Staden totalt" in text
    assert "Försämras" in text


def test_a_year_without_any_period_still_gives_the_figures(period_id: int) -> None:
    economy_year(year=2026)
    code, out = run("-m", "malmo", "-y", "2026", "--format", "json")
    assert code == 0
    assert json.loads(out)["totals"]["city"]["deviation"] == -2_200_000


def test_an_unknown_municipality_is_a_clean_error(db: None) -> None:
    result = CliRunner().invoke(main, ["oversight", "economy", "-m", "atlantis", "-y", "2025"])
    assert result.exit_code == 2
    assert "atlantis" in result.output and "Traceback" not in result.output
