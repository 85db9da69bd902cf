"""Each organisation's economy in the demo city, from a generated monthly ledger.

A month's net cost is its share of the budget plus a deviation: a per-mille drift of the
organisation's gross cost that moves from January's value to December's (plus a little
noise). A month's full-year forecast extrapolates the deviation so far over the whole
year; so a drift that grows gives a deficit that grows from forecast to forecast. The
outcome is the sum of the twelve months. All amounts are whole kronor.
"""

from __future__ import annotations

import random

from uppsikt.demo.city.model import INTERIM_MONTH, MonthlyForecast, YearEconomy
from uppsikt.demo.city.profiles import MKR, Profile
from uppsikt.demo.plan import allocate
from uppsikt.domain.money import Amount, Unit, format_with_unit
from uppsikt.domain.tables import Column, FigureTable, Row, RowRole

# The year's budget by month, per mille: less in July, more in December.
SEASON = (80, 80, 85, 85, 85, 80, 60, 75, 85, 90, 90, 105)
FORECAST_MONTHS = range(2, 12)
THOUSAND = 1_000


def _tkr(kronor: int) -> int:
    """Forecasts are made in whole thousands of kronor."""
    return round(kronor, -3)


def _weights() -> list[tuple[int, int]]:
    return list(enumerate(SEASON))


def year_economy(profile: Profile, year: int, rng: random.Random) -> YearEconomy:
    """The organisation's ledger, forecasts and outcome for `year`."""
    allocation = profile.allocation * MKR
    budget = allocate(profile.budget * MKR, _weights())
    gross = allocate(profile.turnover * MKR, _weights())
    start, end = profile.drift[year]
    months: list[int] = []
    deviations: list[int] = []
    for month in range(12):
        noise = 0 if profile.steady else rng.randint(-3, 3)
        per_mille = start + (end - start) * month // 11 + noise
        deviation = gross[month] * per_mille // THOUSAND
        deviations.append(deviation)
        months.append(budget[month] + deviation)
    forecasts = []
    for month in FORECAST_MONTHS:
        so_far = sum(deviations[:month])
        gross_so_far = sum(gross[m] for m in range(month))
        net_cost = _tkr(profile.budget * MKR + so_far * profile.turnover * MKR // gross_so_far)
        comment = forecast_comment(allocation - net_cost, company=profile.allocation == 0)
        forecasts.append(MonthlyForecast(month, net_cost, allocation, comment))
    return YearEconomy(profile.key, year, allocation, tuple(months), tuple(forecasts), sum(months))


def anchored_economy(
    organisation: str,
    year: int,
    *,
    interim_allocation: int,
    interim_net_cost: int,
    allocation: int,
    outcome: int,
) -> YearEconomy:
    """A year whose interim forecast and outcome are given (the executive board's 2025, as
    its real annual analysis states them): the forecasts move in steps toward each."""
    first = interim_allocation - 2 * MKR
    forecasts = []
    for month in FORECAST_MONTHS:
        if month <= INTERIM_MONTH:
            step = (interim_net_cost - first) * (month - 2) // (INTERIM_MONTH - 2)
            net_cost = _tkr(first + step)
            month_allocation = interim_allocation
        else:
            step = (outcome - interim_net_cost) * (month - INTERIM_MONTH) // (12 - INTERIM_MONTH)
            net_cost = _tkr(interim_net_cost + step)
            month_allocation = allocation
        if month == INTERIM_MONTH:
            net_cost = interim_net_cost
        forecasts.append(
            MonthlyForecast(
                month, net_cost, month_allocation, forecast_comment(month_allocation - net_cost)
            )
        )
    months = allocate(outcome, _weights())
    return YearEconomy(
        organisation,
        year,
        allocation,
        tuple(months[m] for m in range(12)),
        tuple(forecasts),
        outcome,
    )


def forecast_comment(deviation: int, *, company: bool = False) -> str:
    """The forecast's short comment, from the size of its deviation (a company without an
    owner contribution: from its result)."""
    amount = format_with_unit(abs(deviation), Unit.MKR, 1)
    if company:
        word = "överskott" if deviation >= 0 else "underskott"
        return f"Helårsprognosen visar ett {word} på {amount} före bokslutsdispositioner."
    if deviation < -20 * MKR:
        return (
            f"Underskott på {amount}. Kostnaderna ökar snabbare än budgeterat; åtgärder tas fram."
        )
    if deviation < 0:
        return f"Underskott på {amount}, främst högre personalkostnader än planerat."
    if deviation > 20 * MKR:
        return f"Överskott på {amount}, bland annat vakanser och senarelagda insatser."
    return f"Prognosen är nära budget (avvikelse {amount})."


# Not `operating_result`: the ledger is the municipality's (the executive board's demo
# ledger) and would overwrite a table of that key in every report of the year.
TABLE_KEY = "operating_summary"


def operating_result(economy: YearEconomy, *, annual: bool, company: bool) -> FigureTable:
    """The report's economy table, in the shape (and of the kind) of the executive board's
    `operating_result`: net cost (negative), allocation and their sum; the interim report
    shows the forecast, the annual analysis the outcome against that forecast."""
    interim = economy.interim
    net = {"forecast": -interim.net_cost}
    allocation = {"forecast": interim.allocation}
    columns = [Column("forecast", "Helårsprognos per augusti" if not annual else "Prognos DR")]
    if annual:
        net["actual"] = -economy.outcome
        allocation["actual"] = economy.allocation
        columns.insert(0, Column("actual", "Utfall"))
        columns.append(Column("change", "Förändring", formula="actual - forecast"))
    result = {key: net[key] + allocation[key] for key in net}
    cells = [net, allocation, result]
    if annual:
        for row in cells:
            row["change"] = row["actual"] - row["forecast"]
    rows = (
        Row("net_cost", "Nettokostnad", _amounts(net)),
        Row("allocation", "Ägartillskott" if company else "Kommunbidrag", _amounts(allocation)),
        Row(
            "result",
            "Resultat" if company else "Resultat (budgetavvikelse)",
            _amounts(result),
            RowRole.TOTAL,
            ("net_cost", "allocation"),
        ),
    )
    return FigureTable(
        TABLE_KEY,
        "Driftbudget",
        Unit.TKR,
        tuple(columns),
        rows,
        label_header="Tkr",
        kind="operating_result",
    )


def _amounts(cells: dict[str, int]) -> dict[str, Amount]:
    return {key: Amount(value) for key, value in cells.items()}
