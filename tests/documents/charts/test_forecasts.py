"""The forecast history chart: alt text, its data as the table, the same bytes each time."""

from __future__ import annotations

from uppsikt.documents.charts.forecasts import ForecastPoint, forecast_history_chart

POINTS = [
    ForecastPoint(8, 520_300_000, 510_000_000),
    ForecastPoint(3, 500_000_000, 510_000_000),
]


def test_the_alt_text_says_what_the_chart_shows() -> None:
    chart = forecast_history_chart("Kommunstyrelsen", 2025, POINTS, 515_000_000)

    assert chart.alt == (
        "Prognoser för Kommunstyrelsen 2025: 2 månader, från 500,0\u00a0Mkr i mars till "
        "520,3\u00a0Mkr i augusti, mot kommunbidraget 510,0\u00a0Mkr (underskott 10,3\u00a0Mkr). "
        "Utfallet blev 515,0\u00a0Mkr."
    )
    assert "<desc>" + chart.alt + "</desc>" in chart.svg
    assert 'role="img"' in chart.svg
    assert "<title>Prognoshistorik 2025: Kommunstyrelsen</title>" in chart.svg


def test_the_table_holds_the_charts_data_month_by_month_and_the_outcome() -> None:
    chart = forecast_history_chart("Kommunstyrelsen", 2025, POINTS, 515_000_000)

    assert chart.header == (
        "Månad",
        "Prognos nettokostnad, Mkr",
        "Kommunbidrag, Mkr",
        "Avvikelse, Mkr",
    )
    assert chart.rows == (
        ("Mars", "500,0", "510,0", "10,0"),
        ("Augusti", "520,3", "510,0", "\u221210,3"),
        ("Utfall", "515,0", "510,0", "\u22125,0"),
    )


def test_the_same_values_give_the_same_svg() -> None:
    first = forecast_history_chart("Kommunstyrelsen", 2025, POINTS)
    again = forecast_history_chart("Kommunstyrelsen", 2025, list(reversed(POINTS)))
    assert first.svg == again.svg


def test_a_year_without_forecasts_says_so() -> None:
    chart = forecast_history_chart("Kommunstyrelsen", 2025, [])
    assert chart.alt == "Kommunstyrelsen har inga prognoser för 2025."
    assert chart.rows == ()
