"""`uppsikt import` over a stored report: refused while it is submitted or approved, and
otherwise one audited action whose new content the web shows at once."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from uppsikt.audit.models import AuditEntry
from uppsikt.cli import main
from uppsikt.domain.workflow import ImportRefused
from uppsikt.importers.package import load_package
from uppsikt.reports.actions.imports import content_digest, import_report
from uppsikt.reports.actions.workflow import approve_report, submit_report
from uppsikt.reports.store import load_report, save_report

DEMO = Path(__file__).resolve().parents[2] / "examples" / "malmo-ks-2025"
GOAL = "Malmö stad arbetar för att ge barn och unga goda uppväxtvillkor"
RENAMED = "Malmö stad ger alla barn och unga goda uppväxtvillkor"


@pytest.fixture
def changed_package(tmp_path: Path) -> Path:
    """The demo package with a new title and one council goal renamed."""
    copy = tmp_path / "paket"
    shutil.copytree(DEMO, copy)
    report_yaml = copy / "report.yaml"
    text = report_yaml.read_text(encoding="utf-8")
    report_yaml.write_text(
        text.replace("title: Årsanalys 2025\n", "title: Årsanalys 2025 reviderad\n"),
        encoding="utf-8",
    )
    goals = copy / "goals.yaml"
    goals.write_text(goals.read_text(encoding="utf-8").replace(GOAL, RENAMED), encoding="utf-8")
    return copy


def page(client: Client, report_id: int) -> str:
    response = client.get(reverse("report", args=[report_id]))
    assert response.status_code == 200
    return str(response.content.decode())


def test_import_over_an_approved_report_is_refused_and_changes_nothing(
    users: dict[str, User], report_id: int, changed_package: Path
) -> None:
    submit_report(report_id, actor=users["skribent"])
    approve_report(report_id, actor=users["granskare"])
    before = load_report(report_id)
    entries = AuditEntry.objects.count()

    result = CliRunner().invoke(main, ["import", str(changed_package)])

    assert result.exit_code == 1, result.output
    assert "Årsanalys 2025" in result.output and "malmo/kommunstyrelsen/2025" in result.output
    assert "godkänd" in result.output and "granskare måste först öppna den igen" in result.output
    assert "Traceback" not in result.output
    assert load_report(report_id) == before
    assert AuditEntry.objects.count() == entries


def test_import_over_a_submitted_report_says_it_must_be_returned(
    users: dict[str, User], report_id: int
) -> None:
    submit_report(report_id, actor=users["skribent"])
    with pytest.raises(ImportRefused, match=r"klarmarkerad.*skicka tillbaka"):
        import_report(load_package(DEMO).report, actor=None)


def test_import_over_a_draft_is_one_audited_action_the_page_shows_at_once(
    client_as: Callable[[str], Client], report_id: int, changed_package: Path
) -> None:
    reader = client_as("lasare")
    assert "Årsanalys 2025 reviderad" not in page(reader, report_id)  # now cached
    digest = content_digest(report_id)

    result = CliRunner().invoke(main, ["import", str(changed_package)])

    assert result.exit_code == 0, result.output
    entry = AuditEntry.objects.get(action="report.imported")
    assert entry.report_id == report_id and entry.user_id is None
    assert isinstance(entry.before, dict) and entry.before["digest"] == digest
    assert entry.after == {"digest": content_digest(report_id)} != {"digest": digest}
    assert load_report(report_id).title == "Årsanalys 2025 reviderad"
    shown = page(reader, report_id)
    assert "Årsanalys 2025 reviderad" in shown and RENAMED in shown


def test_a_new_report_is_imported_with_one_audit_entry(db: None) -> None:
    report_id = import_report(load_package(DEMO).report, actor=None)
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.report_id, entry.before) == ("report.imported", report_id, None)


@pytest.fixture
def other_id(report_id: int) -> int:
    """A second report in the municipality that lists the same council goals."""
    demo = load_package(DEMO).report
    return save_report(replace(demo, organisation="stadsbyggnadsnamnden"))


def test_another_reports_page_shows_shared_data_an_import_changed(
    client_as: Callable[[str], Client], other_id: int, changed_package: Path
) -> None:
    admin = client_as("admin")
    assert GOAL in page(admin, other_id)  # now cached

    assert CliRunner().invoke(main, ["import", str(changed_package)]).exit_code == 0

    shown = page(admin, other_id)
    assert RENAMED in shown and GOAL not in shown


def test_an_import_that_would_change_another_approved_report_is_refused(
    users: dict[str, User], report_id: int, other_id: int, changed_package: Path
) -> None:
    submit_report(other_id, actor=users["skribent-annan"])
    approve_report(other_id, actor=users["granskare"])
    before = load_report(other_id)

    result = CliRunner().invoke(main, ["import", str(changed_package)])

    assert result.exit_code == 1, result.output
    assert "delar" in result.output and "malmo/stadsbyggnadsnamnden/2025" in result.output
    assert load_report(other_id) == before
    assert load_report(report_id).title == "Årsanalys 2025"
    assert not AuditEntry.objects.filter(action="report.imported").exists()
