"""`uppsikt sie ...` and `uppsikt ledger ...`: thin wrappers around `uppsikt.sie` and the
ledger app's actions. Heavy imports happen inside the commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from uppsikt.cli.support import UserError

if TYPE_CHECKING:
    from uppsikt.economy.storing import ImportResult


@click.group("sie")
def sie_group() -> None:
    """Läs SIE-filer (typ 1–4, 4E och 4I)."""


@sie_group.command("inspect")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Skriv resultatet som JSON.")
@click.option("--encoding", help="Tvinga teckenkodning (cp437, utf-8, latin-1).")
def inspect_command(file: Path, as_json: bool, encoding: str | None) -> None:
    """Läs en SIE-fil utan att spara något och visa vad den innehåller.

    Slutstatus 0 när filen går att läsa (fynden listas), 2 när den inte går att läsa."""
    from uppsikt.sie import SieError, inspect
    from uppsikt.sie.inspect import format_summary, summary_as_dict

    if not file.is_file():
        raise UserError(f"{file}: filen finns inte")
    try:
        summary = inspect(file, encoding=encoding)
    except SieError as error:
        where = f"{file}:{error.line}" if error.line else str(file)
        raise UserError(f"{where}: {error.message}") from error
    if as_json:
        click.echo(json.dumps(summary_as_dict(summary), ensure_ascii=False, indent=2))
    else:
        click.echo(format_summary(summary))
    # Readable is success, whatever the findings say; an unreadable file exits 2 above.


@click.group("ledger")
def ledger_group() -> None:
    """Huvudbok, budget och prognos: import, mappning och uppföljning."""


def _ready() -> None:
    from uppsikt.services.storage import ready

    ready()


_MUNICIPALITY = click.option(
    "--municipality", "-m", required=True, help="Kommunens nyckel, t.ex. malmo."
)


@ledger_group.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_MUNICIPALITY
@click.option("--replace", is_flag=True, help="Ersätt en fil som redan är inläst.")
@click.option("--encoding", help="Tvinga teckenkodning för SIE-filer.")
def import_command(
    files: tuple[Path, ...], municipality: str, replace: bool, encoding: str | None
) -> None:
    """Läs in SIE-filer (.se, .si) och budget-/prognosfiler (.csv, .xlsx), var och en allt
    eller inget."""
    _ready()
    from uppsikt.economy.budget_files import import_budget_file
    from uppsikt.economy.errors import LedgerError
    from uppsikt.economy.sie_import import import_sie_file
    from uppsikt.importers.registry import UnknownFile, detect

    for file in files:
        try:
            kind = detect(file, among=("sie", "budget_file")).name
        except UnknownFile as error:
            raise UserError(str(error)) from error
        try:
            if kind == "budget_file":
                result = import_budget_file(municipality, file, replace=replace)
            else:
                with click.progressbar(
                    length=file.stat().st_size, label=f"Läser {file.name}", file=sys.stderr
                ) as bar:
                    done = [0]

                    def progress(read: int, total: int, done: list[int] = done) -> None:
                        bar.update(read - done[0])
                        done[0] = read

                    result = import_sie_file(
                        municipality, file, replace=replace, progress=progress, encoding=encoding
                    )
        except LedgerError as error:
            raise UserError(str(error)) from error
        _print_import(result)


def _print_import(result: ImportResult) -> None:
    counts = ", ".join(f"{k} {v}" for k, v in sorted(result.counts.items()))
    years = ", ".join(str(year) for year in result.years)
    click.echo(f"{result.file_name}: {result.facts_written} belopp lagrade för {years} ({counts})")
    if result.superseded:
        click.echo(f"  Ersatte {result.superseded} belopp från tidigare inlästa filer.")
    warnings = [w for w in result.warnings if w.severity != "info"]
    for warning in warnings[:10]:
        line = f"rad {warning.line}: " if warning.line else ""
        click.echo(f"  Varning {line}{warning.message}")
    if len(warnings) > 10:
        click.echo(f"  … och {len(warnings) - 10} varningar till.")
    for gap in result.gaps:
        click.echo(f"  Saknar mappning: {gap}")


@ledger_group.command("show")
@_MUNICIPALITY
@click.option("--year", "-y", type=int, required=True)
@click.option("--forecast", "forecast_version", help="Prognosversion, t.ex. 'DR 2025'.")
@click.option(
    "--threshold-tkr",
    type=click.IntRange(min=0),
    default=500,
    show_default=True,
    help="Avvikelser över detta ska förklaras (markeras med *).",
)
def show_command(
    municipality: str, year: int, forecast_version: str | None, threshold_tkr: int
) -> None:
    """Budget mot utfall per ansvar och rad, i tkr; * markerar avvikelser som ska förklaras."""
    _ready()
    from uppsikt.domain.money import Unit, format_amount
    from uppsikt.economy.errors import LedgerError
    from uppsikt.economy.mapping_store import load_mapping
    from uppsikt.economy.queries import budget_vs_actual

    try:
        rows = budget_vs_actual(
            municipality, year, load_mapping(municipality), forecast_version=forecast_version
        )
    except LedgerError as error:
        raise UserError(str(error)) from error
    if not rows:
        raise UserError(f"inga belopp för {municipality} {year}; läs in en fil med 'ledger import'")

    def tkr(value: Any) -> str:
        return "" if value is None else format_amount(value, Unit.TKR).replace("\u00a0", " ")

    header = f"{'Ansvar':<34} {'Rad':<26} {'Budget':>10} {'Utfall':>10} {'Avvikelse':>10}"
    has_forecast = any(row.forecast is not None for row in rows)
    click.echo(header + (f" {'Prognos':>10}" if has_forecast else ""))
    for row in rows:
        centre = f"{row.cost_centre} {row.cost_centre_name}".strip()[:34]
        line = (
            f"{centre:<34} {row.line_label[:26]:<26} {tkr(row.budget):>10} "
            f"{tkr(row.actual):>10} {tkr(row.variance):>10}"
        )
        flag = " *" if abs(row.variance) > threshold_tkr * 1000 else ""
        click.echo(line + (f" {tkr(row.forecast):>10}" if has_forecast else "") + flag)


@ledger_group.command("files")
@_MUNICIPALITY
def files_command(municipality: str) -> None:
    """Lista inlästa filer."""
    _ready()
    from uppsikt.economy.queries import imported_files

    for item in imported_files(municipality):
        years = ", ".join(str(year) for year in item.years)
        click.echo(
            f"{item.imported_at:%Y-%m-%d %H:%M}  {item.kind:<11} {item.file_name}  "
            f"år {years}, {item.facts} belopp, sha256 {item.sha256[:12]}…"
        )


@ledger_group.command("mapping")
@click.argument("action", type=click.Choice(["import", "export"]))
@click.argument("file", type=click.Path(path_type=Path))
@_MUNICIPALITY
def mapping_command(action: str, file: Path, municipality: str) -> None:
    """Läs in eller skriv ut kommunens mappning (konton och objekt till rader och enheter)."""
    _ready()
    from uppsikt.economy import mapping_store
    from uppsikt.economy.errors import LedgerError
    from uppsikt.importers.ledger_mapping import MappingError, dump_mapping, load_mapping

    try:
        if action == "import":
            mapping_store.save_mapping(municipality, load_mapping(file), actor=None)
            click.echo(f"Mappningen i {file} är sparad för {municipality}.")
        else:
            dump_mapping(mapping_store.load_mapping(municipality), file)
            click.echo(f"Skrev {file}.")
    except (MappingError, LedgerError) as error:
        raise UserError(str(error)) from error


@ledger_group.command("export-budget")
@click.argument("file", type=click.Path(path_type=Path))
@_MUNICIPALITY
@click.option("--year", "-y", type=int, required=True)
def export_budget_command(file: Path, municipality: str, year: int) -> None:
    """Skriv årets budget och prognoser i importmallens format (.csv eller .xlsx)."""
    _ready()
    from uppsikt.economy.budget_files import export_budget_file
    from uppsikt.economy.errors import LedgerError

    try:
        if file.suffix.lower() == ".xlsx":
            result = export_budget_file(municipality, file, year=year, fmt="xlsx")
        else:
            result = export_budget_file(municipality, file, year=year, fmt="csv")
    except LedgerError as error:
        raise UserError(str(error)) from error
    click.echo(f"Skrev {result.rows} rader till {file}.")


@ledger_group.command("forecasts")
@_MUNICIPALITY
@click.option("--year", "-y", type=int, required=True)
@click.option("--month", type=click.IntRange(1, 12), required=True, help="Prognosmånad, 1–12.")
@click.option("--version", "version", required=True, help="Prognosversion, t.ex. '2025-08'.")
def forecasts_command(municipality: str, year: int, month: int, version: str) -> None:
    """Gör en inläst prognosfil till månadsprognoser per organisation (en version var).

    Läs först in filen med `uppsikt ledger import`; mappningen anger vilken organisation
    varje kostnadsställe hör till."""
    _ready()
    from uppsikt.domain.money import format_number
    from uppsikt.economy.actions.forecasts import import_forecasts
    from uppsikt.economy.errors import LedgerError

    try:
        result = import_forecasts(municipality, year, month, version, actor=None)
    except LedgerError as error:
        raise UserError(str(error)) from error
    for row in result.created:
        deviation = row.allocation - row.net_cost
        click.echo(
            f"{row.organisation.key}: prognos {format_number(row.net_cost)} kr mot "
            f"kommunbidrag {format_number(row.allocation)} kr "
            f"(avvikelse {format_number(deviation, plus=True)} kr)"
        )
    for key in result.unchanged:
        click.echo(f"{key}: oförändrad, ingen ny version")
    click.echo(f"{len(result.created)} nya prognoser för {year}-{month:02d} (version {version}).")
