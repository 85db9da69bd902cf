"""`uppsikt demo`, step by step: the report package, its synthetic ledger, the checks.

Every step is an ordinary action (store a report, import a mapping, a SIE file, a budget
file); the demo only chains them on the bundled example data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from uppsikt.domain.checks import Finding
from uppsikt.domain.model import Report
from uppsikt.importers.package import Locations, load_package
from uppsikt.services.demo_city import CityStored

EXAMPLES = Path(
    os.environ.get("UPPSIKT_EXAMPLES", Path(__file__).resolve().parents[3] / "examples")
)
DEMO_PACKAGE = EXAMPLES / "malmo-ks-2025"
DEMO_LEDGER = EXAMPLES / "malmo-ks-2025-ledger"


@dataclass(frozen=True)
class DemoReport:
    report: Report  # economy tables from the synthetic ledger
    locations: Locations
    ledger_findings: list[Finding]
    ledger_file: Path
    ledger_summary: list[str]
    city: CityStored


def load_demo(data_dir: Path) -> DemoReport:
    """Store the demo report, then the demo city (every reporting organisation's synthetic
    reports for 2024 and 2025, economy, rounds, statuses), generate and import the demo
    report's synthetic ledger, budget and forecast, and return the report with its economy
    tables built from the ledger."""
    from uppsikt.services.storage import ready

    ready()
    from uppsikt.demo.ledger import generate
    from uppsikt.economy.budget_files import import_budget_file
    from uppsikt.economy.mapping_store import save_mapping
    from uppsikt.economy.sie_import import import_sie_file
    from uppsikt.importers.ledger_mapping import load_mapping
    from uppsikt.services.demo_city import store_with_city
    from uppsikt.services.economy import ledger_economy
    from uppsikt.services.reporting import ReportRef
    from uppsikt.services.storage import load_stored

    loaded = load_package(DEMO_PACKAGE)
    report = loaded.report
    city = store_with_city(report)  # a fresh demo starts over with drafts
    key = report.municipality.key
    save_mapping(key, load_mapping(DEMO_LEDGER / "mapping.yaml"), actor=None)
    data_dir.mkdir(parents=True, exist_ok=True)
    ledger_file = data_dir / "demo-kommunstyrelsen-2024-2025.se"
    generate(ledger_file)  # deterministic: the same bytes every time
    summary = []
    result = import_sie_file(key, ledger_file, replace=True)
    summary.append(f"{ledger_file.name}: {result.counts.get('vouchers', 0)} verifikationer")
    for name in ("budget-2025.csv", "forecast-dr-2025.csv"):
        imported = import_budget_file(key, DEMO_LEDGER / name, replace=True)
        summary.append(f"{name}: {imported.counts.get('rows', 0)} rader")
    ref = ReportRef(key, report.organisation, report.period.year, report.period.kind)
    stored = load_stored(ref)
    economy = ledger_economy(stored)
    if economy is None:  # pragma: no cover - the import above just wrote the facts
        raise RuntimeError("demons huvudbok saknas efter importen")
    return DemoReport(
        economy.report, loaded.locations, economy.findings, ledger_file, summary, city
    )
