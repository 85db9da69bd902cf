"""The `uppsikt` command: thin wrappers around `uppsikt.services` and the actions.

Commands import what they use when they run: `build` forks its PDF worker before the
heavy imports, so that Typst warms up while they happen (see documents/worker.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from uppsikt.cli.support import Refused, UserError

if TYPE_CHECKING:
    from uppsikt.domain.checks import CheckResult
    from uppsikt.domain.model import Report
    from uppsikt.importers.package import Locations
    from uppsikt.services.reporting import LocatedFinding

# The demo's second board: its writer must not see the executive board's report.
DEMO_OTHER_BOARD = "stadsbyggnadsnamnden"


def _load(source: str) -> tuple[Report, Locations | None]:
    from uppsikt.importers.package import PackageError
    from uppsikt.services.reporting import load_source

    try:
        return load_source(source)
    except PackageError as error:
        raise UserError(f"Paketet {source} kan inte läsas:\n{error}") from error
    except (ValueError, LookupError) as error:
        raise UserError(str(error)) from error


def _print_findings(located: list[LocatedFinding], *, verbose: bool) -> None:
    """Errors and warnings one by one; notes only when verbose; readability as one line."""
    from uppsikt.domain.checks import Severity

    readability = [item for item in located if item.finding.rule == "readability.lix"]
    for item in located:
        finding = item.finding
        if finding.severity is Severity.NOTE and not verbose:
            continue
        if finding.rule == "readability.lix" and not verbose:
            continue
        click.echo(f"{finding.severity.label:<9} {item.location}  [{finding.rule}]")
        click.echo(f"          {finding.where}: {finding.message}")
    if readability and not verbose:
        click.echo(
            f"{Severity.WARNING.label:<9} {len(readability)} avsnitt har LIX över tröskeln "
            "(svår text) [readability.lix]; visa dem med --all eller --lix-scores."
        )


@click.group()
@click.version_option(package_name="uppsikt")
def main() -> None:
    """Uppsikt: uppföljning av mål och ekonomi som data, kontroller och dokument."""


@main.command("check")
@click.argument("source")
@click.option("--threshold-tkr", type=click.IntRange(min=0), help="Förklaringströskel, tkr.")
@click.option("--lix", "lix_threshold", type=click.IntRange(min=1), help="LIX-tröskel.")
@click.option("--json", "as_json", is_flag=True, help="Skriv fynden som JSON.")
@click.option("--all", "verbose", is_flag=True, help="Visa även noteringar.")
@click.option("--lix-scores", is_flag=True, help="Lista LIX för varje avsnitt.")
def check_command(
    source: str,
    threshold_tkr: int | None,
    lix_threshold: int | None,
    as_json: bool,
    verbose: bool,
    lix_scores: bool,
) -> None:
    """Kontrollera ett paket (mapp) eller en lagrad rapport (kommun/organisation/år)."""
    from uppsikt.services.reporting import check_report, locate, with_ledger

    report, locations = _load(source)
    report, ledger_findings = with_ledger(report, stored=locations is None)
    result = check_report(
        report,
        threshold_kr=threshold_tkr * 1000 if threshold_tkr is not None else None,
        lix_threshold=lix_threshold,
        extra=ledger_findings,
    )
    located = locate(result, locations)
    if as_json:
        click.echo(json.dumps(_findings_json(located, result), ensure_ascii=False, indent=2))
    else:
        _print_findings(located, verbose=verbose)
        if lix_scores:
            _print_lix(report)
        click.echo(f"Kontroll: {result.summary()}.")
    if not result.ok:
        sys.exit(1)


def _findings_json(located: list[LocatedFinding], result: CheckResult) -> dict[str, object]:
    from uppsikt.domain.checks import Severity

    return {
        "summary": {
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "notes": result.count(Severity.NOTE),
        },
        "findings": [
            {
                "rule": item.finding.rule,
                "severity": item.finding.severity.value,
                "message": item.finding.message,
                "place": item.finding.place,
                "where": item.finding.where,
                "location": item.location,
            }
            for item in located
        ],
    }


def _print_lix(report: Report) -> None:
    from uppsikt.domain.checks import lix_scores

    click.echo("LIX per avsnitt:")
    for score in lix_scores(report):
        click.echo(f"  {score.score:>3}  {score.where} ({score.words} ord)")


@main.command("build")
@click.argument("source")
@click.option("--format", "formats", default="html,pdf,docx", show_default=True)
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("out"))
@click.option("--draft", is_flag=True, help="Märk dokumenten UTKAST.")
def build_command(source: str, formats: str, out_dir: Path, draft: bool) -> None:
    """Skapa dokument (html, pdf, docx) från ett paket eller en lagrad rapport."""
    from uppsikt.documents.worker import RenderWorkers

    asked = [part.strip().lower() for part in formats.split(",")]
    with RenderWorkers(asked) as workers:  # fork first: renderers load during the imports
        from uppsikt.services.reporting import build_documents, parse_formats, with_ledger

        try:
            chosen = parse_formats(formats)
        except ValueError as error:
            raise UserError(str(error)) from error
        report, locations = _load(source)
        report, _ = with_ledger(report, stored=locations is None)
        marking = "UTKAST" if draft else ""
        for built in build_documents(report, chosen, out_dir, marking=marking, workers=workers):
            click.echo(f"{built.format:<5} {built.path}  ({built.seconds:.2f} s)")


@main.command("import")
@click.argument("package", type=click.Path(path_type=Path))
def import_command(package: Path) -> None:
    """Läs in ett rapportpaket i databasen (allt eller inget)."""
    from uppsikt.importers.package import PackageError, load_package
    from uppsikt.services.reporting import ReportRef
    from uppsikt.services.storage import store

    try:
        report = load_package(package).report
    except PackageError as error:
        raise UserError(f"Paketet {package} kan inte läsas:\n{error}") from error
    from uppsikt.domain.workflow import ImportRefused

    try:
        report_id = store(report)
    except ImportRefused as error:
        raise Refused(f"{error}\nIngenting importerades.") from error
    ref = ReportRef(
        report.municipality.key, report.organisation, report.period.year, report.period.kind
    )
    click.echo(
        f"Importerade {report.display_title}, {report.owner.name} som {ref} (id {report_id})."
    )


@main.command("export")
@click.argument("report_ref")
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option("--overwrite", is_flag=True, help="Skriv över en befintlig mapp.")
def export_command(report_ref: str, out_dir: Path, overwrite: bool) -> None:
    """Skriv en lagrad rapport (kommun/organisation/år) som paket."""
    from uppsikt.importers.package import PackageError, export_package

    report, _ = _load(report_ref)
    try:
        written = export_package(
            report,
            out_dir,
            overwrite=overwrite,
            on_warning=lambda problem: click.echo(f"Varning: {problem}", err=True),
        )
    except PackageError as error:
        raise UserError(str(error)) from error
    click.echo(f"Skrev {len(written)} filer till {out_dir}.")


@main.command("reports")
def reports_command() -> None:
    """Lista lagrade rapporter."""
    from uppsikt.services.storage import ready

    ready()
    from uppsikt.reports.store import list_reports

    for summary in list_reports(None):
        click.echo(str(summary))


@main.command("demo")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("out"))
def demo_command(out_dir: Path) -> None:
    """Läs in demorapporten (Malmö KS 2025) och dess syntetiska huvudbok, kontrollera och
    skapa dokumenten."""
    from uppsikt.domain.workflow import ImportRefused
    from uppsikt.economy.errors import LedgerError
    from uppsikt.importers.package import PackageError
    from uppsikt.services.demo import DEMO_PACKAGE, load_demo
    from uppsikt.services.reporting import build_documents, check_report, locate
    from uppsikt.settings import DATA_DIR

    try:
        demo = load_demo(Path(DATA_DIR))
    except (PackageError, LedgerError) as error:
        raise UserError(f"Demodata kan inte läsas in:\n{error}") from error
    except ImportRefused as error:
        raise Refused(f"Demorapporten kan inte läsas in igen:\n{error}") from error
    report = demo.report
    click.echo(
        f"Demorapporten är inläst i databasen som {report.municipality.key}/"
        f"{report.organisation}/{report.period.year}."
    )
    click.echo("Syntetisk huvudbok, budget och prognos inlästa: " + "; ".join(demo.ledger_summary))
    click.echo(f"Demostaden (syntetiskt exempel) är inläst: {demo.city.summary}.")
    result = check_report(report, extra=demo.ledger_findings)
    _print_findings(locate(result, demo.locations), verbose=False)
    click.echo(f"Kontroll: {result.summary()} (se alla med 'uppsikt check {DEMO_PACKAGE} --all').")
    for built in build_documents(report, ("html", "pdf", "docx"), out_dir):
        click.echo(f"Skapade {built.path}")
    _demo_users(report)


def _demo_users(report: Report) -> None:
    """Demo users for the web app, and how to start it."""
    from uppsikt.accounts.actions import create_demo_users

    key = report.municipality.key
    logins = create_demo_users(key, report.organisation, DEMO_OTHER_BOARD, actor=None)
    click.echo("\nDemoanvändare (lösenorden är offentliga, bara för demo):")
    for login in logins:
        where = login.organisation or "hela kommunen"
        click.echo(f"  {login.username:<15} {login.password:<20} {login.role.label}, {where}")
    click.echo(
        "\nStarta webbgränssnittet med 'uppsikt serve' och öppna http://127.0.0.1:8000/ "
        "– logga in som någon av användarna ovan."
    )


def _register_subcommands() -> None:
    from uppsikt.cli.ledger import ledger_group, sie_group
    from uppsikt.cli.oversight import oversight_group
    from uppsikt.cli.round import round_group
    from uppsikt.cli.web import serve_command

    main.add_command(sie_group)
    main.add_command(ledger_group)
    main.add_command(serve_command)
    main.add_command(round_group)
    main.add_command(oversight_group)


_register_subcommands()
