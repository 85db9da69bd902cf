"""The demo's side files: mapping.yaml, the budget CSV and the forecast CSV.

`write_examples` regenerates `examples/malmo-ks-2025-ledger/`; a test checks that the
committed files equal what these functions produce, so they never drift from the SIE file.
Both CSV files follow the budget import template of `uppsikt.economy.budget_files`:
amounts in kronor, debit positive as in SIE (costs positive, income negative).
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from uppsikt.demo import targets as t
from uppsikt.demo.chart import CC_BY_ID, COST_CENTRES, mapping_yaml
from uppsikt.demo.plan import ORE_PER_TKR, account_profile, allocate, cc_lines

COLUMNS = ("year", "month", "account", "cost_centre", "project", "phase", "version", "amount")
FORECAST_VERSION = "DR 2025"
BUDGET_FILE = "budget-2025.csv"
FORECAST_FILE = "forecast-dr-2025.csv"
MAPPING_FILE = "mapping.yaml"


def _amount(ore: int) -> str:
    """Kronor with '.' decimals; whole kronor without decimals."""
    if ore % 100 == 0:
        return str(ore // 100)
    return f"{Decimal(ore).scaleb(-2):f}"


def _csv(rows: list[tuple[str | int, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


def budget_csv(budget: dict[int, dict[tuple[str, str, str], int]], year: int = 2025) -> str:
    """The original budget per month, account, cost centre and project (= the #PBUDGET)."""
    rows: list[tuple[str | int, ...]] = []
    for month in range(1, 13):
        for (cc, project, account), ore in sorted(budget[month].items()):
            rows.append((year, month, account, cc, project, "original_budget", "", _amount(ore)))
    return _csv(rows)


def forecast_lines() -> dict[tuple[str, str], int]:
    """The DR 2025 full-year forecast per (cost centre, line), report sign, öre.

    Outcome per cost centre and line plus the changes of `targets.FORECAST_CHANGES`,
    which make each part's forecast net exactly `targets.FORECAST_NET`.
    """
    tkr = ORE_PER_TKR
    out: dict[tuple[str, str], int] = {}
    for (cc, _, line), ore in cc_lines("actual").items():
        out[(cc, line)] = out.get((cc, line), 0) + ore
    actual = dict(out)
    for cc, line, change in t.FORECAST_CHANGES:
        if cc == "*staff":  # spread over allocation-funded cost centres by their salaries
            weights = [(c, -v) for (c, ln), v in actual.items() if ln == line and c[:2] == "SK"]
            for c, value in allocate(change * tkr, sorted(weights), 100).items():
                out[(c, line)] += value
        else:
            out[(cc, line)] = out.get((cc, line), 0) + change * tkr
    for part, net in t.FORECAST_NET.items():
        got = sum(v for (cc, _), v in out.items() if CC_BY_ID[cc].financing.value == part)
        if got != net * tkr:
            raise ValueError(f"forecast {part}: {got / tkr} tkr, not {net}")
    return out


def forecast_csv(year: int = 2025) -> str:
    """The forecast rows: year level (month 0), one account per cost centre and line."""
    rows: list[tuple[str | int, ...]] = []
    lines = forecast_lines()
    for cc in COST_CENTRES:
        for (c, line), ore in lines.items():
            if c != cc.id or not ore:
                continue
            profile = account_profile(cc.id, "", line)
            account = "3510" if line == "grants" else max(sorted(profile), key=profile.__getitem__)
            rows.append((year, 0, account, cc.id, "", "forecast", FORECAST_VERSION, _amount(-ore)))
    return _csv(rows)


def write_examples(folder: Path, budget: dict[int, dict[tuple[str, str, str], int]]) -> None:
    """Write mapping.yaml, the budget and the forecast CSV into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MAPPING_FILE).write_text(mapping_yaml(), encoding="utf-8")
    (folder / BUDGET_FILE).write_text(budget_csv(budget), encoding="utf-8")
    (folder / FORECAST_FILE).write_text(forecast_csv(), encoding="utf-8")
