"""`uppsikt ledger forecasts` after `uppsikt ledger import` brought the forecast file in."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from forecast_files import FORECAST_CSV, forecast_mapping
from uppsikt.cli import main
from uppsikt.economy.mapping_store import save_mapping
from uppsikt.organisations.models import Organisation

DEMO = Path(__file__).resolve().parents[2] / "examples" / "malmo-ks-2025"


@pytest.mark.django_db(transaction=True)
def test_a_forecast_file_becomes_monthly_forecasts_per_organisation(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(DEMO)]).exit_code == 0
    Organisation.objects.get_or_create(
        municipality=Organisation.objects.get(key="kommunstyrelsen").municipality,
        key="stadsbyggnadsnamnden",
        defaults={"name": "Stadsbyggnadsnämnden", "kind": "board"},
    )
    save_mapping("malmo", forecast_mapping(), actor=None)
    file = tmp_path / "prognos.csv"
    file.write_text(FORECAST_CSV, encoding="utf-8")
    assert runner.invoke(main, ["ledger", "import", str(file), "-m", "malmo"]).exit_code == 0
    command = ["ledger", "forecasts", "-m", "malmo", "-y", "2025", "--month", "8"]

    done = runner.invoke(main, [*command, "--version", "2025-08"])
    unknown = runner.invoke(main, [*command, "--version", "2025-09"])

    assert done.exit_code == 0, done.output
    assert "kommunstyrelsen: prognos 1\u00a0190\u00a0000 kr" in done.output
    assert "2 nya prognoser för 2025-08" in done.output
    assert unknown.exit_code == 2 and "uppsikt ledger import" in unknown.output
    assert "Traceback" not in unknown.output
