"""`uppsikt round open/status/remind` as a user runs them (in-process, CliRunner)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from django.core import mail

from uppsikt.cli import main
from uppsikt.oversight.models import Reminder, ReportingRound

PERIOD = ["-m", "malmo", "-y", "2025", "-p", "annual_analysis"]


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["round", *args])
    return result.exit_code, result.output


def test_open_then_status_as_json(report_id: int) -> None:
    code, output = _run(
        "open", *PERIOD, "--deadline", "2026-02-15", "-o", "kommunstyrelsen",
        "-o", "stadsbyggnadsnamnden", "--remind-before", "10,2",
    )  # fmt: skip
    assert code == 0, output
    assert "2 organisationer" in output
    assert ReportingRound.objects.get().remind_before == [10, 2]
    code, output = _run("status", *PERIOD, "--json", "--today", "2026-02-17")
    assert code == 0, output
    data = json.loads(output)
    assert set(data) == {"municipality", "year", "period", "organisations"}
    assert (data["municipality"], data["year"], data["period"]) == (
        "malmo",
        2025,
        "annual_analysis",
    )
    first = data["organisations"][0]
    assert first == {
        "key": "kommunstyrelsen",
        "name": "Kommunstyrelsen",
        "kind": "executive_board",
        "deadline": "2026-02-15",
        "status": "draft",
        "submitted_on": None,
        "late": True,
        "days_left": -2,
        "reminders": [],
    }


def test_status_as_a_table(report_id: int) -> None:
    _run("open", *PERIOD, "--deadline", "2026-02-15")
    code, output = _run("status", *PERIOD, "--today", "2026-02-10")
    assert code == 0, output
    lines = output.splitlines()
    assert lines[0].split()[:2] == ["Organisation", "Status"]
    assert any(line.startswith("Kommunstyrelsen") and " 5 " in line for line in lines)


def test_a_second_open_is_refused_with_a_message(report_id: int) -> None:
    _run("open", *PERIOD, "--deadline", "2026-02-15")
    code, output = _run("open", *PERIOD, "--deadline", "2026-02-15")
    assert code == 1
    assert "redan en omgång" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--deadline", "2025-13-01"], "ogiltigt datum '2025-13-01'"),
        (["--deadline", "2026-02-15", "--remind-before", "sju"], "ogiltiga påminnelsedagar"),
        (["--deadline", "2026-02-15", "-o", "okand"], "'okand'"),
    ],
)
def test_bad_input_gets_a_clean_error(report_id: int, args: list[str], message: str) -> None:
    code, output = _run("open", *PERIOD, *args)
    assert code in (1, 2)
    assert message in output
    assert "Traceback" not in output


def test_an_unknown_municipality_is_a_clean_error(report_id: int) -> None:
    code, output = _run("status", "-m", "ingenstans", "-y", "2025", "-p", "annual_analysis")
    assert code == 2
    assert "kommunen 'ingenstans' finns inte" in output
    code, output = _run("open", "-m", "ingenstans", "-y", "2025", "-p", "annual_analysis",
                        "--deadline", "2026-02-15")  # fmt: skip
    assert code == 1 and "finns inte" in output


def test_remind_sends_what_is_due(report_id: int, users: dict[str, object]) -> None:
    writer = users["skribent"]
    writer.email = "skribent@malmo.example"  # type: ignore[attr-defined]
    writer.save()  # type: ignore[attr-defined]
    _run("open", *PERIOD, "--deadline", "2026-02-15", "-o", "kommunstyrelsen")
    code, output = _run("remind", *PERIOD, "--today", "2026-02-08")
    assert code == 0, output
    assert "1 påminnelser skickade." in output
    assert [m.to for m in mail.outbox] == [["skribent@malmo.example"]]
    assert Reminder.objects.count() == 1
