"""The forecast history chart: an organisation's full-year net cost forecast month by
month against its allocation, and the outcome when the year has one.

Pure: plain values in (kronor, months 1–12), a `Chart` out, the same bytes for the same
values. Amounts are drawn and tabulated in Mkr with one decimal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from uppsikt.documents.charts import ACCENT, FONT, GRID, INK, SECOND, Chart, new_figure, to_svg
from uppsikt.domain.calendar import MONTH_ABBREVIATIONS as MONTHS
from uppsikt.domain.calendar import MONTH_NAMES
from uppsikt.domain.money import Unit, format_amount, format_with_unit, round_to_unit


@dataclass(frozen=True)
class ForecastPoint:
    """A month's newest forecast: full-year net cost and the allocation it is set against."""

    month: int
    net_cost: int
    allocation: int


def _mkr(kronor: int) -> float:
    # Drawing only: the table beside the chart carries the exact rounded figures.
    return float(round_to_unit(kronor, Unit.MKR, 1))


def _alt(name: str, year: int, points: Sequence[ForecastPoint], outcome: int | None) -> str:
    if not points:
        return f"{name} har inga prognoser för {year}."
    first, last = points[0], points[-1]
    deviation = last.allocation - last.net_cost
    state = "underskott" if deviation < 0 else "överskott" if deviation > 0 else "balans"
    text = (
        f"Prognoser för {name} {year}: {len(points)} månader, från "
        f"{format_with_unit(first.net_cost, Unit.MKR, 1)} i {MONTH_NAMES[first.month - 1]} till "
        f"{format_with_unit(last.net_cost, Unit.MKR, 1)} i {MONTH_NAMES[last.month - 1]}, mot "
        f"kommunbidraget {format_with_unit(last.allocation, Unit.MKR, 1)}"
    )
    if state == "balans":
        text += " (i balans)."
    else:
        text += f" ({state} {format_with_unit(abs(deviation), Unit.MKR, 1)})."
    if outcome is not None:
        text += f" Utfallet blev {format_with_unit(outcome, Unit.MKR, 1)}."
    return text


def forecast_history_chart(
    name: str, year: int, points: Sequence[ForecastPoint], outcome: int | None = None
) -> Chart:
    """The chart of `points` (any order; one per month) for organisation `name`."""
    points = sorted(points, key=lambda point: point.month)
    title = f"Prognoshistorik {year}: {name}"
    alt = _alt(name, year, points, outcome)
    header = ("Månad", "Prognos nettokostnad, Mkr", "Kommunbidrag, Mkr", "Avvikelse, Mkr")
    rows = tuple(
        (
            MONTH_NAMES[point.month - 1].capitalize(),
            format_amount(point.net_cost, Unit.MKR, 1),
            format_amount(point.allocation, Unit.MKR, 1),
            format_amount(point.allocation - point.net_cost, Unit.MKR, 1),
        )
        for point in points
    )
    if outcome is not None:
        allocation = points[-1].allocation if points else None
        rows += (
            (
                "Utfall",
                format_amount(outcome, Unit.MKR, 1),
                format_amount(allocation, Unit.MKR, 1) if allocation is not None else "–",
                format_amount(allocation - outcome, Unit.MKR, 1) if allocation is not None else "–",
            ),
        )
    figure = new_figure(6.4, 3.2)
    axes = figure.add_subplot()
    axes.set_xlim(0.5, 12.5)
    axes.set_xticks(range(1, 13), MONTHS, fontfamily=FONT, fontsize=8, color=INK)
    axes.tick_params(axis="y", labelsize=8, colors=INK)
    axes.grid(axis="y", color=GRID, linewidth=0.6)
    axes.set_ylabel("Mkr", fontfamily=FONT, fontsize=8, color=INK)
    for spine in ("top", "right"):
        axes.spines[spine].set_visible(False)
    if points:
        months = [point.month for point in points]
        axes.step(
            months,
            [_mkr(point.allocation) for point in points],
            where="mid",
            color=SECOND,
            linestyle="--",
            linewidth=1.5,
            label="Kommunbidrag",
        )
        axes.plot(
            months,
            [_mkr(point.net_cost) for point in points],
            color=ACCENT,
            marker="o",
            markersize=4,
            linewidth=1.8,
            label="Prognos nettokostnad",
        )
    if outcome is not None:
        axes.plot(
            [12.3],
            [_mkr(outcome)],
            color=INK,
            marker="D",
            markersize=6,
            linestyle="none",
            label="Utfall",
        )
    if points or outcome is not None:
        axes.legend(loc="best", fontsize=8, frameon=False, prop={"family": FONT, "size": 8})
    axes.yaxis.set_major_formatter(
        lambda value, _position: format_amount(round(value * 1_000_000), Unit.MKR, 0)
    )
    figure.tight_layout()
    return Chart(to_svg(figure, title=title, alt=alt), alt, header, rows)
