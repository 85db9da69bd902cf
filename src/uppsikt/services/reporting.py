"""The jobs behind the command line, as plain functions: check, build and the demo.

Each takes domain objects or paths and returns results; the CLI only parses arguments and
prints. Nothing here holds a rule of its own.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from uppsikt.documents.build import build_document
from uppsikt.documents.model import Document
from uppsikt.documents.render import FORMATS, renderer
from uppsikt.documents.worker import RenderWorkers, timed_render
from uppsikt.domain.checks import CheckResult, CheckSettings, Finding, run_checks
from uppsikt.domain.model import PeriodKind, Report
from uppsikt.importers.package import Locations, load_package


@dataclass(frozen=True)
class ReportRef:
    """A stored report named as municipality/organisation/year[/kind]."""

    municipality: str
    organisation: str
    year: int
    kind: PeriodKind = PeriodKind.ANNUAL_ANALYSIS

    @classmethod
    def parse(cls, text: str) -> ReportRef:
        parts = text.strip("/").split("/")
        if len(parts) not in (3, 4) or not parts[2].isdigit():
            raise ValueError(
                f"{text!r} är ingen rapportreferens: skriv kommun/organisation/år[/typ], "
                "t.ex. malmo/kommunstyrelsen/2025"
            )
        kind = PeriodKind(parts[3]) if len(parts) == 4 else PeriodKind.ANNUAL_ANALYSIS
        return cls(parts[0], parts[1], int(parts[2]), kind)

    def __str__(self) -> str:
        return f"{self.municipality}/{self.organisation}/{self.year}/{self.kind.value}"


@dataclass(frozen=True)
class LocatedFinding:
    finding: Finding
    location: str  # "tables/income_statement.yaml:14", or the report place for stored reports


def locate(result: CheckResult, locations: Locations | None) -> list[LocatedFinding]:
    """Findings with the file and line of their place when the report came from a package."""
    located = []
    for finding in result.findings:
        where = finding.place
        if locations is not None:
            found = locations.find(finding.place)
            if found is not None:
                where = f"{found.file}:{found.line}"
        located.append(LocatedFinding(finding, where))
    return located


def check_report(
    report: Report,
    *,
    threshold_kr: int | None = None,
    lix_threshold: int | None = None,
    extra: Sequence[Finding] = (),
) -> CheckResult:
    """All rules over a report, with the thresholds given (else the report's settings);
    `extra` findings (e.g. the report's figures against the ledger) are sorted in."""
    settings = CheckSettings.for_report(
        report, explanation_threshold_kr=threshold_kr, lix_threshold=lix_threshold
    )
    result = run_checks(report, settings)
    if not extra:
        return result
    combined = [*extra, *result.findings]
    ordered = sorted(enumerate(combined), key=lambda item: (item[1].severity.rank, item[0]))
    return CheckResult(tuple(finding for _, finding in ordered))


def output_stem(report: Report) -> str:
    """'arsanalys-2025-kommunstyrelsen': file names without spaces or diacritics."""
    text = f"{report.display_title} {report.organisation}"
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def parse_formats(text: str) -> tuple[str, ...]:
    """'html,pdf' -> ('html', 'pdf'); raises ValueError naming the allowed formats."""
    formats = tuple(part.strip().lower() for part in text.split(",") if part.strip())
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown or not formats:
        raise ValueError(
            f"okänt format {', '.join(unknown) or text!r}: välj bland {', '.join(FORMATS)}"
        )
    return formats


@dataclass(frozen=True)
class BuiltFile:
    format: str
    path: Path
    seconds: float


def build_documents(
    report: Report,
    formats: Sequence[str],
    out_dir: Path,
    *,
    marking: str = "",
    workers: RenderWorkers | None = None,
) -> list[BuiltFile]:
    """Render the report in each format into out_dir; each file is written whole or not at all.

    The slow formats go to forked workers (see documents/worker.py) and render in parallel.
    """
    if workers is None:
        with RenderWorkers(formats) as own:
            return build_documents(report, formats, out_dir, marking=marking, workers=own)
    document: Document = build_document(report, marking=marking)
    out_dir.mkdir(parents=True, exist_ok=True)
    pending = {fmt: workers.submit(document, fmt) for fmt in formats}
    results: dict[str, tuple[bytes, float]] = {}
    for fmt in formats:
        if pending[fmt] is None:
            results[fmt] = timed_render(document, fmt)
    for fmt, future in pending.items():
        if future is not None:
            results[fmt] = future.result()
    built = []
    for fmt in formats:
        data, seconds = results[fmt]
        path = out_dir / f"{output_stem(report)}{renderer(fmt).extension}"
        _write_atomically(path, data)
        built.append(BuiltFile(fmt, path, seconds))
    return built


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)  # mkstemp makes 0600; documents are meant to be shared
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_source(source: str) -> tuple[Report, Locations | None]:
    """A package folder, or a stored report reference (municipality/organisation/year)."""
    path = Path(source)
    if path.is_dir():
        loaded = load_package(path)
        return loaded.report, loaded.locations
    from uppsikt.services.storage import load_stored

    return load_stored(ReportRef.parse(source)), None


def with_ledger(report: Report, stored: bool) -> tuple[Report, list[Finding]]:
    """For a stored report whose municipality has ledger data for the year: the report with
    its economy tables from the ledger, and the stated figures compared with the ledger's."""
    if not stored:
        return report, []
    from uppsikt.services.economy import ledger_economy

    economy = ledger_economy(report)
    return (economy.report, economy.findings) if economy else (report, [])
