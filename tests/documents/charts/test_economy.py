"""The economy charts: alt text that names the figures, a data table equal to what is
drawn, accessible SVG, and the same bytes for the same data."""

from __future__ import annotations

import re
from decimal import Decimal
from xml.etree import ElementTree

from uppsikt.documents.charts.economy import (
    DeviationBar,
    HistoryPoint,
    deviation_chart,
    forecast_history_chart,
    sparkline,
)

M = 1_000_000
NS = "{http://www.w3.org/2000/svg}"


def parsed(svg: str) -> ElementTree.Element:
    root = ElementTree.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(f"{NS}title") is not None
    assert root.find(f"{NS}desc") is not None
    return root


def test_the_sparkline_names_each_month_and_draws_one_point_per_forecast() -> None:
    chart = sparkline([(2, -1 * M), (4, -5 * M), (8, -12 * M)], name="Kommunstyrelsen")
    root = parsed(chart.svg)
    assert "Kommunstyrelsen" in chart.alt
    assert "feb −1,0\u00a0Mkr" in chart.alt and "aug −12,0\u00a0Mkr" in chart.alt
    assert root.find(f"{NS}desc").text == chart.alt  # type: ignore[union-attr]
    (line,) = root.iter(f"{NS}polyline")
    assert len(line.get("points", "").split()) == 3
    assert chart.header == ("Månad", "Avvikelse, tkr")
    assert chart.rows == (
        ("februari", "−1\u00a0000"),
        ("april", "−5\u00a0000"),
        ("augusti", "−12\u00a0000"),
    )


def test_the_sparkline_of_the_latest_point_below_zero_lies_below_the_zero_line() -> None:
    root = parsed(sparkline([(2, 3 * M), (8, -3 * M)], name="X").svg)
    zero = float(next(root.iter(f"{NS}line")).get("y1", "0"))
    dot = float(next(root.iter(f"{NS}circle")).get("cy", "0"))
    assert dot > zero  # SVG's y grows downwards


def test_a_sparkline_without_forecasts_says_so() -> None:
    chart = sparkline([], name="VA SYD")
    assert "ingen prognos" in chart.alt and chart.rows == ()
    parsed(chart.svg)


BARS = (
    DeviationBar("Kommunstyrelsen", -12 * M, Decimal("-2.4")),
    DeviationBar("Stadsbyggnadsnämnden", 10_200_000, Decimal("10.2")),
    DeviationBar("VA SYD", -3 * M, None),
)


def test_the_deviation_chart_names_the_figures_and_its_table_is_its_data() -> None:
    chart = deviation_chart(BARS, year=2025)
    parsed(chart.svg)
    for name, figure in (
        ("Kommunstyrelsen", "−12,0"),
        ("Stadsbyggnadsnämnden", "10,2"),
        ("VA SYD", "−3,0"),
    ):
        assert f"{name} {figure}\u00a0Mkr" in chart.alt
    assert "2 med underskott" in chart.alt
    assert chart.rows == (
        ("Kommunstyrelsen", "−12\u00a0000", "−2,4\u00a0%"),
        ("Stadsbyggnadsnämnden", "10\u00a0200", "10,2\u00a0%"),
        ("VA SYD", "−3\u00a0000", "–"),
    )
    # Each organisation is drawn: its name is a tick label of the SVG.
    for bar in BARS:
        assert bar.name in chart.svg


def test_the_history_chart_names_each_forecast_the_allocation_and_the_outcome() -> None:
    points = [HistoryPoint(2, 501 * M, 500 * M), HistoryPoint(8, 512 * M, 500 * M)]
    chart = forecast_history_chart(points, name="Kommunstyrelsen", year=2025, outcome=510 * M)
    parsed(chart.svg)
    assert "februari 501,0\u00a0Mkr" in chart.alt and "augusti 512,0\u00a0Mkr" in chart.alt
    assert "kommunbidrag 500,0\u00a0Mkr" in chart.alt and "utfall 510,0\u00a0Mkr" in chart.alt
    assert chart.rows == (
        ("februari", "501\u00a0000", "500\u00a0000", "−1\u00a0000"),
        ("augusti", "512\u00a0000", "500\u00a0000", "−12\u00a0000"),
        ("Utfall", "510\u00a0000", "500\u00a0000", "−10\u00a0000"),
    )


def test_the_same_data_gives_the_same_bytes() -> None:
    points = [HistoryPoint(2, 501 * M, 500 * M)]
    assert deviation_chart(BARS, year=2025) == deviation_chart(BARS, year=2025)
    first = forecast_history_chart(points, name="X", year=2025, outcome=None)
    assert first == forecast_history_chart(points, name="X", year=2025, outcome=None)
    assert sparkline([(2, 1)], name="X") == sparkline([(2, 1)], name="X")
    assert not re.search(r"<dc:date>", first.svg)
