"""`uppsikt oversight matrix`: text, CSV (byte for byte the web's download) and JSON, and
clean errors for an unknown municipality or period."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from click.testing import CliRunner
from django.test import Client
from django.urls import reverse

from uppsikt.cli import main
from uppsikt.reports.models import Report

ClientAs = Callable[[str], Client]
ARGS = ["oversight", "matrix", "-m", "malmo", "-y", "2025", "-p", "annual_analysis"]


def run(*extra: str) -> tuple[int, bytes]:
    result = CliRunner().invoke(main, [*ARGS, *extra])
    return result.exit_code, result.stdout_bytes


def test_the_csv_is_the_webs_download(client_as: ClientAs, report_id: int) -> None:
    period = Report.objects.get(pk=report_id).period_id
    web = client_as("granskare").get(reverse("oversight_matrix_csv", args=[period])).content
    code, out = run("--format", "csv")
    assert code == 0
    assert out == web


def test_the_json_has_the_documented_shape(report_id: int) -> None:
    code, out = run("--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"municipality", "year", "period", "organisations", "goal_areas"}
    assert (data["municipality"], data["year"], data["period"]) == (
        "malmo",
        2025,
        "annual_analysis",
    )
    assert data["organisations"][0] == {
        "key": "kommunstyrelsen",
        "name": "Kommunstyrelsen",
        "kind": "executive_board",
    }
    goal = data["goal_areas"][0]["goals"][0]
    assert set(goal) == {"key", "title", "cells"}
    ks = goal["cells"]["kommunstyrelsen"]
    assert set(ks) == {"state", "label", "symbol", "report_id"} and ks["report_id"] == report_id
    assert goal["cells"]["va-syd"] == {
        "state": "not_directed",
        "label": "Inte riktat",
        "symbol": "–",
        "report_id": None,
    }


def test_the_text_lists_the_organisations_and_the_legend(report_id: int) -> None:
    code, out = run()
    text = out.decode()
    assert code == 0
    assert text.startswith("Malmö stad: årsanalys 2025, mål × organisationer")
    assert " 1 Kommunstyrelsen" in text and "Kommunalförbund" in text
    assert "Teckenförklaring: ● Uppnåtts" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-m", "lund", "-y", "2025", "-p", "annual_analysis"], "lund har ingen period"),
        (["-m", "malmo", "-y", "2019", "-p", "interim_report"], "delårsrapport 2019"),
    ],
)
def test_an_unknown_municipality_or_period_is_a_clean_error(
    report_id: int, args: list[str], message: str
) -> None:
    result = CliRunner().invoke(main, ["oversight", "matrix", *args])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_an_unknown_period_kind_is_refused_by_the_option(report_id: int) -> None:
    result = CliRunner().invoke(main, [*ARGS[:-1], "quarter"])
    assert result.exit_code == 2 and "annual_analysis" in result.output
