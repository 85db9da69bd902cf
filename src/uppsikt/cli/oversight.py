"""`uppsikt oversight ...`: the goals × organisations matrix, the signals and the economy
overview of a period, as text, CSV or JSON (the matrix's JSON is documented in
docs/oversight-matrix.md).

Thin: every command builds a snapshot and calls the pure functions over it."""

from __future__ import annotations

import json

import click

from uppsikt.cli.support import UserError


@click.group("oversight")
def oversight_group() -> None:
    """Uppsikt över alla nämnder och bolag: målmatris, signaler, ekonomi."""


_PERIODS = ("interim_report", "annual_analysis")


@oversight_group.command("matrix")
@click.option("--municipality", "-m", required=True, help="Kommunens nyckel, t.ex. malmo.")
@click.option("--year", "-y", type=int, required=True)
@click.option("--period", "-p", type=click.Choice(_PERIODS), required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "csv", "json")),
    default="text",
    show_default=True,
    help="csv ger samma fil som webbens nedladdning.",
)
def matrix_command(municipality: str, year: int, period: str, fmt: str) -> None:
    """Målmatrisen: kommunfullmäktiges mål × organisationer och deras bedömningar."""
    from uppsikt.services.storage import ready

    ready()
    from uppsikt.domain.oversight.matrix_output import matrix_json, matrix_table, matrix_text
    from uppsikt.oversight.exports import csv_text
    from uppsikt.oversight.pages import period_matrix
    from uppsikt.oversight.snapshots import NoSuchPeriod, find_period

    try:
        found = find_period(municipality, year, period)
    except NoSuchPeriod as error:
        raise UserError(str(error)) from error
    matrix = period_matrix(found)
    if fmt == "csv":
        # Byte for byte the web's download (byte order mark and CRLF included).
        click.echo(csv_text(*matrix_table(matrix)).encode("utf-8"), nl=False)
    elif fmt == "json":
        click.echo(json.dumps(matrix_json(matrix), ensure_ascii=False, indent=2))
    else:
        click.echo(matrix_text(matrix, municipality_name=found.municipality.name))


@oversight_group.command("economy")
@click.option("--municipality", "-m", required=True, help="Kommunens nyckel, t.ex. malmo.")
@click.option("--year", "-y", type=int, required=True, help="Verksamhetsåret.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csv", "json"]),
    default="text",
    show_default=True,
    help="text: en tabell i tkr; csv: samma fil som webbens nedladdning; json: se "
    "docs/oversight-economy.md.",
)
def economy_command(municipality: str, year: int, fmt: str) -> None:
    """Ekonomin för alla organisationer ett år: kommunbidrag, senaste prognos, avvikelse,
    utfall och trend, med summor per grupp och för staden."""
    import json
    import sys

    from uppsikt.cli.support import UserError
    from uppsikt.services.storage import ready

    ready()
    from uppsikt.organisations.models import Municipality
    from uppsikt.oversight import economy_overview as overview
    from uppsikt.oversight.exports import csv_response

    found = Municipality.objects.filter(key=municipality).first()
    if found is None:
        raise UserError(f"kommunen {municipality!r} finns inte; ange nyckeln, t.ex. malmo")
    # Forecasts and outcomes belong to the year, so the annual analysis, the interim
    # report and a year without any period give the same figures.
    economy = overview.year_economy(found.pk, found.key, year, None)
    if fmt == "json":
        click.echo(json.dumps(overview.as_json(economy), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        response = csv_response(
            overview.filename(economy), overview.HEADER, overview.table(economy)
        )
        sys.stdout.flush()
        sys.stdout.buffer.write(response.content)  # the bytes of the web's file, BOM and all
        sys.stdout.buffer.flush()
    else:
        click.echo(overview.as_text(economy))
