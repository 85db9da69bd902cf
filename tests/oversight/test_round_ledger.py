"""A round takes an organisation's economy figures from the ledger where the ledger's
mapping names the organisation; without that, the tables are empty shapes."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from uppsikt.cli import main
from uppsikt.demo.ledger import generate
from uppsikt.domain.tables import Row
from uppsikt.oversight.actions.rounds import open_round
from uppsikt.reports.store import load_report

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "malmo-ks-2025"
MAPPING = ROOT / "examples" / "malmo-ks-2025-ledger" / "mapping.yaml"


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sie") / "ks.se"
    generate(path)
    return path


def _figures(rows: tuple[Row, ...]) -> int:
    return sum(len(row.cells) for row in rows)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("named", [True, False])
def test_the_ledger_fills_the_tables_of_an_organisation_it_names(
    ledger_file: Path, tmp_path: Path, named: bool
) -> None:
    mapping = MAPPING.read_text(encoding="utf-8")
    if named:  # every cost centre is the executive board's
        mapping = re.sub(r"\{dimension:", "{organisation: kommunstyrelsen, dimension:", mapping)
    path = tmp_path / "mapping.yaml"
    path.write_text(mapping, encoding="utf-8")
    runner = CliRunner()
    for args in (
        ["import", str(DEMO)],
        ["ledger", "mapping", "import", str(path), "-m", "malmo"],
        ["ledger", "import", str(ledger_file), "-m", "malmo"],
    ):
        done = runner.invoke(main, args)
        assert done.exit_code == 0, done.output
    opened = open_round(
        "malmo",
        2025,
        "interim_report",
        deadline=date(2025, 9, 15),
        organisations=["kommunstyrelsen"],
        actor=None,
    )
    member = opened.members.get()
    assert member.report_id is not None
    report = load_report(member.report_id)
    figures = {table.key: _figures(table.rows) for table in report.tables}
    if named:
        assert figures.get("income_statement", 0) > 0
    else:
        assert figures == {"operating_result": 0}
