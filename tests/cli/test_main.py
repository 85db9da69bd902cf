"""The `uppsikt` command as a user runs it: exit codes, places, files written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from uppsikt.cli import main
from uppsikt.importers.package import load_package

DEMO = Path(__file__).resolve().parents[2] / "examples" / "malmo-ks-2025"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def package(tmp_path: Path) -> Path:
    copy = tmp_path / "paket"
    shutil.copytree(DEMO, copy)
    return copy


def test_check_on_the_demo_passes_and_names_files_and_lines(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", str(DEMO)])
    assert result.exit_code == 0, result.output
    assert "Kontroll: 0 fel" in result.output
    assert "chapters/ekonomi.md:" in result.output  # the prose slips point at their lines


def test_check_fails_with_exit_1_on_an_error_and_points_at_the_row(
    runner: CliRunner, package: Path
) -> None:
    table = package / "tables" / "investments.yaml"
    text = table.read_text(encoding="utf-8")
    assert '"15 629"' in text
    table.write_text(text.replace('"15 629"', '"15 929"'), encoding="utf-8")
    result = runner.invoke(main, ["check", str(package)])
    assert result.exit_code == 1
    line = next(n for n, t in enumerate(text.splitlines(), 1) if '"15 629"' in t)
    assert f"tables/investments.yaml:{line}" in result.output
    assert "Fel" in result.output


def test_check_json_lists_findings_with_locations(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", str(DEMO), "--json"])
    data = json.loads(result.output)
    assert data["summary"]["errors"] == 0
    assert all(":" in item["location"] for item in data["findings"])


def test_threshold_option_changes_the_variance_rule(runner: CliRunner, package: Path) -> None:
    csv = package / "tables" / "budget_areas.csv"
    text = csv.read_text(encoding="utf-8")
    csv.write_text(
        text.replace(',"Budgetteknisk post"', ",").replace(",Budgetteknisk post", ","),
        encoding="utf-8",
    )
    strict = runner.invoke(main, ["check", str(package), "--threshold-tkr", "500"])
    assert "variances.explanation" in strict.output and strict.exit_code == 1
    lenient = runner.invoke(main, ["check", str(package), "--threshold-tkr", "1000"])
    assert "variances.explanation" not in lenient.output


def test_unreadable_input_is_a_message_not_a_traceback(
    runner: CliRunner, tmp_path: Path, package: Path
) -> None:
    missing = runner.invoke(main, ["check", str(tmp_path / "finns-inte")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output
    (package / "goals.yaml").write_text("goal_areas: [\n", encoding="utf-8")
    broken = runner.invoke(main, ["check", str(package)])
    assert broken.exit_code == 2
    assert "goals.yaml:" in broken.output and "Traceback" not in broken.output


def test_build_writes_the_asked_formats(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    result = runner.invoke(main, ["build", str(DEMO), "--format", "pdf,docx", "--out", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["arsanalys-2025-kommunstyrelsen.docx", "arsanalys-2025-kommunstyrelsen.pdf"]
    assert (out / names[1]).read_bytes().startswith(b"%PDF")
    bad = runner.invoke(main, ["build", str(DEMO), "--format", "odt"])
    assert bad.exit_code == 2 and "odt" in bad.output


@pytest.mark.django_db(transaction=True)
def test_import_then_export_gives_the_same_report(runner: CliRunner, tmp_path: Path) -> None:
    imported = runner.invoke(main, ["import", str(DEMO)])
    assert imported.exit_code == 0, imported.output
    assert "malmo/kommunstyrelsen/2025" in imported.output
    listed = runner.invoke(main, ["reports"])
    assert "kommunstyrelsen" in listed.output.lower()
    out = tmp_path / "export"
    exported = runner.invoke(main, ["export", "malmo/kommunstyrelsen/2025", str(out)])
    assert exported.exit_code == 0, exported.output
    assert load_package(out).report == load_package(DEMO).report
    stored_check = runner.invoke(main, ["check", "malmo/kommunstyrelsen/2025"])
    assert stored_check.exit_code == 0 and "Kontroll: 0 fel" in stored_check.output
    unknown = runner.invoke(main, ["check", "malmo/kommunstyrelsen/1999"])
    assert unknown.exit_code == 2 and "ingen lagrad rapport" in unknown.output


@pytest.mark.django_db(transaction=True)
def test_demo_stores_checks_and_writes_three_documents(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(main, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Kontroll: 0 fel" in result.output
    for ext in ("html", "pdf", "docx"):
        path = out / f"arsanalys-2025-kommunstyrelsen.{ext}"
        assert path.exists() and path.stat().st_size > 10_000
        assert str(path) in result.output


@pytest.mark.django_db(transaction=True)
def test_demo_creates_one_user_per_role_and_starts_the_workflow_over(
    runner: CliRunner, tmp_path: Path
) -> None:
    from django.contrib.auth import authenticate as django_authenticate
    from django.test import RequestFactory

    from uppsikt.accounts.access import roles_for
    from uppsikt.domain.workflow import Role, Status
    from uppsikt.reports.actions.workflow import submit_report
    from uppsikt.reports.models import Report, ReportState

    def authenticate(username: str, password: str) -> Any:
        # django-axes needs the request to count failed attempts per address.
        request = RequestFactory().post("/logga-in/")
        return django_authenticate(request, username=username, password=password)

    result = runner.invoke(main, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "uppsikt serve" in result.output
    report = Report.objects.get(  # the real one: the demo city adds a synthetic interim report
        organisation__key="kommunstyrelsen", period__year=2025, period__kind="annual_analysis"
    )
    expected = {
        "skribent": {Role.WRITER},
        "granskare": {Role.REVIEWER},
        "lasare": {Role.READER},
        "admin": {Role.ADMIN},
        "skribent-annan": set(),  # a writer of another board has no role for this one
    }
    for username, roles in expected.items():
        assert f"demo-{username}" in result.output
        user = authenticate(username=username, password=f"demo-{username}")
        assert user is not None, username
        assert roles_for(user, report.organisation) == roles
    assert authenticate(username="skribent", password="fel") is None

    submit_report(report.pk, actor=authenticate(username="skribent", password="demo-skribent"))
    again = runner.invoke(main, ["demo", "--out", str(tmp_path)])
    assert again.exit_code == 0, again.output
    assert not ReportState.objects.filter(report=report).exclude(status=Status.DRAFT).exists()
