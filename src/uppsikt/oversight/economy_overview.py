"""The economy overview of a municipality's year as the web, the downloads and the command
line share it: which rows a user sees, the table of the downloads and the JSON.

The overview is per year (forecasts and outcomes belong to a year, not to a period), so
the interim report and the annual analysis of a year show the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from uppsikt.domain.money import Unit, format_amount, format_number
from uppsikt.domain.oversight.economy import (
    EconomyRow,
    EconomyTotal,
    economy_overview,
    economy_totals,
    percent_text,
)
from uppsikt.oversight.access import OversightScope
from uppsikt.oversight.exports import Cell
from uppsikt.oversight.snapshots import economy_snapshots, reporting_organisations


@dataclass(frozen=True)
class YearEconomy:
    municipality: str
    year: int
    rows: tuple[EconomyRow, ...]
    totals: tuple[EconomyTotal, ...]  # empty for someone who sees only their own rows


def year_economy(
    municipality_id: int, municipality_key: str, year: int, scope: OversightScope | None
) -> YearEconomy:
    """The rows `scope` sees (None: every row, as the command line does), in three
    queries whatever the number of organisations; totals only for the whole municipality."""
    organisations = [
        ref
        for ref in reporting_organisations(municipality_id)
        if scope is None or scope.sees(ref.id)
    ]
    economy = economy_snapshots({ref.id: ref.key for ref in organisations}, year)
    rows = economy_overview(economy, organisations)
    whole = scope is None or scope.whole
    return YearEconomy(municipality_key, year, rows, economy_totals(rows) if whole else ())


# --- the downloads' table -------------------------------------------------------------

HEADER = (
    "Organisation",
    "Nyckel",
    "Slag",
    "Kommunbidrag, kr",
    "Prognosmånad",
    "Prognos nettokostnad, kr",
    "Avvikelse, kr",
    "Avvikelse, %",
    "Utfall nettokostnad, kr",
    "Avvikelse utfall, kr",
    "Trend",
    "Kommunbidrag, tkr",
    "Prognos nettokostnad, tkr",
    "Avvikelse, tkr",
    "Utfall nettokostnad, tkr",
    "Avvikelse utfall, tkr",
)


def _one_decimal(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) + 0


def _tkr(kronor: int | None) -> str:
    return "" if kronor is None else format_amount(kronor, Unit.TKR)


def table(economy: YearEconomy) -> list[tuple[Cell, ...]]:
    """One line per organisation, then the totals: raw kronor (numbers), then the same
    amounts formatted in tkr as the page shows them."""
    lines: list[tuple[Cell, ...]] = []
    for row in economy.rows:
        lines.append(
            (
                row.organisation.name,
                row.organisation.key,
                row.organisation.kind.label,
                row.allocation,
                row.forecast_month,
                row.forecast_net_cost,
                row.forecast_deviation,
                _one_decimal(row.forecast_percent),
                row.outcome_net_cost,
                row.outcome_deviation,
                row.direction.label if row.direction else "",
                _tkr(row.allocation),
                _tkr(row.forecast_net_cost),
                _tkr(row.forecast_deviation),
                _tkr(row.outcome_net_cost),
                _tkr(row.outcome_deviation),
            )
        )
    for total in economy.totals:
        lines.append(
            (
                total.label,
                "",
                "Summa",
                total.allocation,
                None,
                total.forecast_net_cost,
                total.forecast_deviation,
                _one_decimal(total.forecast_percent),
                total.outcome_net_cost,
                total.outcome_deviation,
                "",
                _tkr(total.allocation),
                _tkr(total.forecast_net_cost),
                _tkr(total.forecast_deviation),
                _tkr(total.outcome_net_cost),
                _tkr(total.outcome_deviation),
            )
        )
    return lines


def filename(economy: YearEconomy) -> str:
    """The downloads' name, without the extension (the exporter adds it)."""
    return f"ekonomi-{economy.municipality}-{economy.year}"


# --- JSON (docs/oversight-economy.md) ----------------------------------------------------


def _row_json(row: EconomyRow) -> dict[str, Any]:
    return {
        "key": row.organisation.key,
        "name": row.organisation.name,
        "kind": row.organisation.kind.value,
        "allocation": row.allocation,
        "forecast": None
        if row.forecast_month is None
        else {
            "month": row.forecast_month,
            "net_cost": row.forecast_net_cost,
            "deviation": row.forecast_deviation,
            "deviation_percent": percent_text(row.forecast_percent),
        },
        "outcome": None
        if row.outcome_net_cost is None
        else {"net_cost": row.outcome_net_cost, "deviation": row.outcome_deviation},
        "trend": [{"month": point.month, "deviation": point.deviation} for point in row.trend],
        "direction": row.direction.value if row.direction else None,
    }


def _total_json(total: EconomyTotal) -> dict[str, Any]:
    return {
        "organisations": total.organisations,
        "allocation": total.allocation,
        "forecast_net_cost": total.forecast_net_cost,
        "deviation": total.forecast_deviation,
        "deviation_percent": percent_text(total.forecast_percent),
        "outcome_net_cost": total.outcome_net_cost,
        "outcome_deviation": total.outcome_deviation,
    }


def as_json(economy: YearEconomy) -> dict[str, Any]:
    return {
        "municipality": economy.municipality,
        "year": economy.year,
        "organisations": [_row_json(row) for row in economy.rows],
        "totals": {
            (total.group.value if total.group else "city"): _total_json(total)
            for total in economy.totals
        },
    }


# --- text --------------------------------------------------------------------------------


def as_text(economy: YearEconomy) -> str:
    """A fixed-width table for a terminal, amounts in tkr."""
    head = ("Organisation", "Bidrag tkr", "Mån", "Prognos tkr", "Avv. tkr", "Avv. %", "Utfall tkr")
    lines = [head]
    for row in economy.rows:
        lines.append(
            (
                row.organisation.name,
                _tkr(row.allocation),
                str(row.forecast_month or ""),
                _tkr(row.forecast_net_cost),
                _tkr(row.forecast_deviation),
                "" if row.forecast_percent is None else format_number(row.forecast_percent, 1),
                _tkr(row.outcome_net_cost),
                *((f"{row.direction.symbol} {row.direction.label}",) if row.direction else ()),
            )
        )
    for total in economy.totals:
        lines.append(
            (
                total.label,
                _tkr(total.allocation),
                "",
                _tkr(total.forecast_net_cost),
                _tkr(total.forecast_deviation),
                "" if total.forecast_percent is None else format_number(total.forecast_percent, 1),
                _tkr(total.outcome_net_cost),
            )
        )
    widths = [max(len(line[i]) for line in lines if i < len(line)) for i in range(len(head))]
    out = [f"Ekonomi {economy.municipality} {economy.year}"]
    for line in lines:
        cells = [
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
            for i, cell in enumerate(line[: len(head)])
        ]
        out.append("  ".join([*cells, *line[len(head) :]]).rstrip())
    return "\n".join(out)
