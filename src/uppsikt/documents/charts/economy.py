"""The economy overview's charts: a sparkline of the monthly deviations per row, the
deviation per organisation for the city, and an organisation's forecast history.

Pure: plain values in, a `Chart` out (SVG, alt text naming the figures, the data as a
table). The sparkline is a hand-written SVG polyline: matplotlib takes about 14 ms a
sparkline, which for 60 rows is most of a second, while the polyline takes microseconds
and a few hundred bytes. The two larger charts are drawn with matplotlib and cached by
their data by the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from matplotlib.ticker import FuncFormatter

from uppsikt.documents.charts import ACCENT, FONT, GRID, INK, SECOND, Chart, new_figure, to_svg
from uppsikt.domain.calendar import MONTH_ABBREVIATIONS as MONTHS
from uppsikt.domain.calendar import MONTH_NAMES
from uppsikt.domain.money import NBSP, Unit, format_amount, format_number, format_with_unit


def _mkr(kronor: int) -> str:
    return format_with_unit(kronor, Unit.MKR, 1)


def _tkr(kronor: int) -> str:
    return format_amount(kronor, Unit.TKR)


def _axis_number(value: float, _position: object = None) -> str:
    """A tick label in Swedish (comma, minus sign); whole numbers without decimals."""
    number = Decimal(f"{value:.1f}")
    return format_number(number, 0 if number == number.to_integral_value() else 1)


def _percent(value: Decimal | None) -> str:
    return "–" if value is None else f"{format_number(value, 1)}{NBSP}%"


# --- the sparkline --------------------------------------------------------------------

SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 96, 24, 3
ZERO_LINE = "#6b6b6b"  # 5.3:1 on white: the zero line carries meaning (WCAG 1.4.11)


def sparkline(trend: Sequence[tuple[int, int]], *, name: str) -> Chart:
    """The deviation of each month's forecast as a tiny line, with a zero line; the
    latest point is a dot (a point below the zero line is a deficit)."""
    header = ("Månad", "Avvikelse, tkr")
    rows = tuple((MONTH_NAMES[month - 1], _tkr(deviation)) for month, deviation in trend)
    if trend:
        listed = ", ".join(f"{MONTHS[m - 1]} {_mkr(d)}" for m, d in trend)
        alt = f"Avvikelse enligt varje månads prognos för {name}: {listed}."
    else:
        alt = f"{name} har ingen prognos för året."
    title = f"Prognosernas avvikelse, {name}"
    values = [deviation for _, deviation in trend]
    low, high = min([0, *values]), max([0, *values])
    span = (high - low) or 1
    inner_w, inner_h = SPARK_WIDTH - 2 * SPARK_PAD, SPARK_HEIGHT - 2 * SPARK_PAD

    def x(index: int) -> str:
        share = index / (len(values) - 1) if len(values) > 1 else 0.5
        return f"{SPARK_PAD + share * inner_w:.1f}"

    def y(value: int) -> str:
        return f"{SPARK_PAD + (high - value) / span * inner_h:.1f}"

    parts = [
        f'<svg role="img" focusable="false" class="sparkline" width="{SPARK_WIDTH}" '
        f'height="{SPARK_HEIGHT}" viewBox="0 0 {SPARK_WIDTH} {SPARK_HEIGHT}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title><desc>{escape(alt)}</desc>",
        f'<line x1="{SPARK_PAD}" x2="{SPARK_WIDTH - SPARK_PAD}" y1="{y(0)}" y2="{y(0)}" '
        f'stroke="{ZERO_LINE}" stroke-width="1" stroke-dasharray="2 2"/>',
    ]
    if len(values) > 1:
        points = " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(values))
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{ACCENT}" stroke-width="1.5" '
            'stroke-linejoin="round"/>'
        )
    if values:
        parts.append(
            f'<circle cx="{x(len(values) - 1)}" cy="{y(values[-1])}" r="2.5" fill="{ACCENT}"/>'
        )
    parts.append("</svg>")
    return Chart("".join(parts), alt, header, rows)


# --- deviation per organisation ---------------------------------------------------------


@dataclass(frozen=True)
class DeviationBar:
    name: str
    deviation: int  # kronor, negative = deficit
    percent: Decimal | None


def deviation_chart(bars: Sequence[DeviationBar], *, year: int) -> Chart:
    """Horizontal bars of each organisation's forecast deviation; deficits hatched and to
    the left of zero, surpluses solid and to the right."""
    header = ("Organisation", "Avvikelse, tkr", "Avvikelse, %")
    rows = tuple((bar.name, _tkr(bar.deviation), _percent(bar.percent)) for bar in bars)
    title = f"Avvikelse mot kommunbidraget per organisation {year}"
    deficits = [bar for bar in bars if bar.deviation < 0]
    if bars:
        listed = "; ".join(f"{bar.name} {_mkr(bar.deviation)}" for bar in bars)
        alt = (
            f"{title}, enligt senaste prognos. {len(bars)} organisationer, "
            f"{len(deficits)} med underskott: {listed}."
        )
    else:
        alt = f"{title}: ingen organisation har någon prognos."
    figure = new_figure(7.0, max(1.6, 0.32 * len(bars) + 0.9))
    axes = figure.add_subplot(1, 1, 1)
    ordered = list(reversed(bars))  # the first bar on top
    positions = range(len(ordered))
    values = [float(bar.deviation) / 1_000_000 for bar in ordered]
    bars_drawn = axes.barh(
        list(positions),
        values,
        color=[SECOND if value < 0 else ACCENT for value in values],
        edgecolor=INK,
        linewidth=0.6,
    )
    for patch, value in zip(bars_drawn, values, strict=True):
        if value < 0:
            patch.set_hatch("///")
            patch.set_facecolor("white")
            patch.set_edgecolor(SECOND)
    axes.set_yticks(list(positions), [bar.name for bar in ordered], fontsize=8, family=FONT)
    axes.axvline(0, color=INK, linewidth=0.8)
    axes.set_xlabel("Avvikelse, Mkr (negativ = underskott)", fontsize=8, family=FONT)
    axes.tick_params(axis="x", labelsize=8)
    axes.xaxis.set_major_formatter(FuncFormatter(_axis_number))
    axes.grid(axis="x", color=GRID, linewidth=0.5)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    return Chart(to_svg(figure, title=title, alt=alt), alt, header, rows)


# --- an organisation's forecast history ------------------------------------------------


@dataclass(frozen=True)
class HistoryPoint:
    month: int
    net_cost: int
    allocation: int


def forecast_history_chart(
    points: Sequence[HistoryPoint], *, name: str, year: int, outcome: int | None
) -> Chart:
    """The net cost forecast of each month against the allocation, with the outcome as a
    diamond at the year's end."""
    header = ("Månad", "Prognos nettokostnad, tkr", "Kommunbidrag, tkr", "Avvikelse, tkr")
    rows: tuple[tuple[str, ...], ...] = tuple(
        (
            MONTH_NAMES[point.month - 1],
            _tkr(point.net_cost),
            _tkr(point.allocation),
            _tkr(point.allocation - point.net_cost),
        )
        for point in points
    )
    if outcome is not None:
        allocation = points[-1].allocation if points else None
        rows = (
            *rows,
            (
                "Utfall",
                _tkr(outcome),
                _tkr(allocation) if allocation is not None else "–",
                _tkr(allocation - outcome) if allocation is not None else "–",
            ),
        )
    title = f"Prognoshistorik {year}, {name}"
    if points:
        listed = ", ".join(f"{MONTH_NAMES[p.month - 1]} {_mkr(p.net_cost)}" for p in points)
        alt = (
            f"Prognos för nettokostnaden {year} per månad för {name}: {listed}; "
            f"kommunbidrag {_mkr(points[-1].allocation)}"
        )
    else:
        alt = f"{name} har ingen prognos för {year}"
    alt += f"; utfall {_mkr(outcome)}." if outcome is not None else "."
    figure = new_figure(6.4, 3.0)
    axes = figure.add_subplot(1, 1, 1)
    months = [point.month for point in points]
    axes.plot(
        months,
        [point.net_cost / 1_000_000 for point in points],
        color=ACCENT,
        marker="o",
        linewidth=1.6,
        label="Prognos nettokostnad",
    )
    axes.step(
        months,
        [point.allocation / 1_000_000 for point in points],
        where="mid",
        color=SECOND,
        linestyle="--",
        linewidth=1.4,
        label="Kommunbidrag",
    )
    if outcome is not None:
        axes.plot(
            [12], [outcome / 1_000_000], linestyle="none", marker="D", color=INK, label="Utfall"
        )
    axes.set_xlim(0.5, 12.5)
    axes.set_xticks(list(range(1, 13)), list(MONTHS), fontsize=8, family=FONT)
    axes.set_ylabel("Mkr", fontsize=8, family=FONT)
    axes.tick_params(axis="y", labelsize=8)
    axes.yaxis.set_major_formatter(FuncFormatter(_axis_number))
    axes.grid(axis="y", color=GRID, linewidth=0.5)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.legend(fontsize=8, frameon=False, loc="best")
    figure.tight_layout()
    return Chart(to_svg(figure, title=title, alt=alt), alt, header, rows)
