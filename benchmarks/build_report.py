"""Build the demo report: per-format render times, the whole `uppsikt build`, and LibreOffice.

Prints a table of medians over --runs runs (default 5). Where `soffice` is installed, also
times LibreOffice converting our DOCX to PDF and prints the ratio to our full build.

    .venv/bin/python benchmarks/build_report.py [--runs 5] [--package examples/malmo-ks-2025]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from uppsikt.documents.build import build_document
from uppsikt.documents.render import FORMATS, render
from uppsikt.importers.package import load_package

ROOT = Path(__file__).resolve().parents[1]


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--package", type=Path, default=ROOT / "examples" / "malmo-ks-2025")
    args = parser.parse_args()

    report = load_package(args.package).report
    document = build_document(report)
    rows: list[tuple[str, float]] = []
    rows.append(
        (
            "load package + build document model",
            median_seconds(lambda: build_document(load_package(args.package).report), args.runs),
        )
    )
    for fmt in FORMATS:
        rows.append((f"render {fmt}", median_seconds(lambda f=fmt: render(document, f), args.runs)))

    uppsikt = shutil.which("uppsikt") or str(Path(sys.executable).parent / "uppsikt")
    with tempfile.TemporaryDirectory() as out:
        command = [uppsikt, "build", str(args.package), "--format", "html,pdf,docx", "--out", out]
        full = median_seconds(
            lambda: subprocess.run(command, check=True, capture_output=True), args.runs
        )
        rows.append(("uppsikt build (html,pdf,docx), whole command", full))
        docx = next(Path(out).glob("*.docx"))
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        libreoffice = None
        if soffice:
            convert = [soffice, "--headless", "--convert-to", "pdf", "--outdir", out, str(docx)]
            libreoffice = median_seconds(
                lambda: subprocess.run(convert, check=True, capture_output=True), args.runs
            )
            rows.append(("LibreOffice DOCX -> PDF (soffice --convert-to pdf)", libreoffice))

    print(f"Demo report: {args.package.name}, median of {args.runs} runs")
    print(f"{'step':<52} {'seconds':>8}")
    for name, seconds in rows:
        print(f"{name:<52} {seconds:>8.3f}")
    if libreoffice:
        ratio = full / libreoffice
        verdict = "goal met" if ratio <= 0.5 else "goal NOT met"
        print(f"uppsikt build / LibreOffice conversion = {ratio:.2f} (goal <= 0.50: {verdict})")
    else:
        print("LibreOffice not installed: apt-get install libreoffice-writer-nogui to compare")
    return 0


if __name__ == "__main__":
    sys.exit(main())
