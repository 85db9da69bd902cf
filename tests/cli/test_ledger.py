"""`uppsikt sie inspect` and `uppsikt ledger ...` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from uppsikt.cli import main
from uppsikt.demo.ledger import generate

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "malmo-ks-2025"
DEMO_LEDGER = ROOT / "examples" / "malmo-ks-2025-ledger"


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sie") / "ks.se"
    generate(path)
    return path


def test_inspect_reports_type_encoding_checksum_and_counts(ledger_file: Path) -> None:
    result = CliRunner().invoke(main, ["sie", "inspect", str(ledger_file), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["file_type"] == "4E"
    assert data["encoding"] == "cp437"
    assert data["checksum"] == "ok"
    assert data["unbalanced_vouchers"] == 0
    assert data["label_counts"]["VER"] == data["vouchers"] > 1000


def test_inspect_refuses_what_is_not_sie_with_a_message(tmp_path: Path) -> None:
    page = tmp_path / "export.se"
    page.write_text("<!DOCTYPE html><html><body>404 Not Found</body></html>\n")
    result = CliRunner().invoke(main, ["sie", "inspect", str(page)])
    assert result.exit_code == 2
    assert "export.se" in result.output and "Traceback" not in result.output


@pytest.mark.django_db(transaction=True)
def test_import_show_refuse_again_and_replace(ledger_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(DEMO)]).exit_code == 0
    mapped = runner.invoke(
        main, ["ledger", "mapping", "import", str(DEMO_LEDGER / "mapping.yaml"), "-m", "malmo"]
    )
    assert mapped.exit_code == 0, mapped.output
    imported = runner.invoke(main, ["ledger", "import", str(ledger_file), "-m", "malmo"])
    assert imported.exit_code == 0, imported.output
    assert "2024, 2025" in imported.output and "Saknar mappning" not in imported.output
    again = runner.invoke(main, ["ledger", "import", str(ledger_file), "-m", "malmo"])
    assert again.exit_code == 2 and "Traceback" not in again.output
    replaced = runner.invoke(
        main, ["ledger", "import", str(ledger_file), "-m", "malmo", "--replace"]
    )
    assert replaced.exit_code == 0, replaced.output
    budget = runner.invoke(
        main, ["ledger", "import", str(DEMO_LEDGER / "budget-2025.csv"), "-m", "malmo"]
    )
    assert budget.exit_code == 0, budget.output
    shown = runner.invoke(main, ["ledger", "show", "-m", "malmo", "-y", "2025"])
    assert shown.exit_code == 0, shown.output
    assert "Juridik" in shown.output and "Lönekostnader" in shown.output
    flagged = [line for line in shown.output.splitlines() if line.endswith(" *")]
    assert flagged  # variances over 500 tkr are marked as needing an explanation
    lenient = runner.invoke(
        main, ["ledger", "show", "-m", "malmo", "-y", "2025", "--threshold-tkr", "1000000"]
    )
    assert not [line for line in lenient.output.splitlines() if line.endswith(" *")]
    exported = tmp_path / "budget.xlsx"
    out = runner.invoke(
        main, ["ledger", "export-budget", str(exported), "-m", "malmo", "-y", "2025"]
    )
    assert out.exit_code == 0 and exported.stat().st_size > 0
    # The stored report's economy now comes from the ledger, and its stated figures agree.
    checked = runner.invoke(main, ["check", "malmo/kommunstyrelsen/2025", "--json"])
    findings = json.loads(checked.output)["findings"]
    ledger = [f for f in findings if f["rule"] == "ledger.stated_figure"]
    assert all(f["severity"] == "note" for f in ledger)


@pytest.mark.django_db(transaction=True)
def test_import_for_an_unknown_municipality_is_refused(ledger_file: Path) -> None:
    result = CliRunner().invoke(main, ["ledger", "import", str(ledger_file), "-m", "ingenstans"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
