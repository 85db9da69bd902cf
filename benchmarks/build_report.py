"""Build the demo report: per-format render times, the whole `uppsikt build`, and LibreOffice.

Prints a table of medians over --runs runs (default 5). Where `soffice` is installed, also
times LibreOffice converting our DOCX to PDF and prints the ratio to our full build.

    .venv/bin/python benchmarks/build_report.py [--runs 5] [--package examples/malmo-ks-2025]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from uppsikt.documents.build import build_document
from uppsikt.documents.render import FORMATS
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

    load = median_seconds(lambda: build_document(load_package(args.package).report), args.runs)
    rows: list[tuple[str, float]] = [("in process: load package + build document model", load)]

    uppsikt = shutil.which("uppsikt") or str(Path(sys.executable).parent / "uppsikt")
    full = 0.0
    libreoffice = None
    with tempfile.TemporaryDirectory() as out:
        # As installed for use: Python may cache bytecode (some shells set
        # PYTHONDONTWRITEBYTECODE, which would make every run compile every module again).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

        def build(formats: str) -> float:
            command = [uppsikt, "build", str(args.package), "--format", formats, "--out", out]
            subprocess.run(command, check=True, capture_output=True, env=env)  # warm-up run
            return median_seconds(
                lambda: subprocess.run(command, check=True, capture_output=True, env=env),
                args.runs,
            )

        # Each run is a fresh process, as a user runs it: no warm Typst cache to flatter us.
        for fmt in FORMATS:
            rows.append((f"uppsikt build --format {fmt} (whole command)", build(fmt)))
        full = build(",".join(FORMATS))
        rows.append(("uppsikt build --format html,pdf,docx (whole command)", full))
        docx = next(Path(out).glob("*.docx"))
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice:
            convert = [soffice, "--headless", "--convert-to", "pdf", "--outdir", out, str(docx)]
            subprocess.run(convert, check=True, capture_output=True)  # warm-up run
            libreoffice = median_seconds(
                lambda: subprocess.run(convert, check=True, capture_output=True), args.runs
            )
            rows.append(("LibreOffice DOCX -> PDF (soffice --convert-to pdf)", libreoffice))

    print(f"Demo report: {args.package.name}, median of {args.runs} runs")
    print(f"{'step':<56} {'seconds':>8}")
    for name, seconds in rows:
        print(f"{name:<56} {seconds:>8.3f}")
    if libreoffice:
        ratio = full / libreoffice
        verdict = "goal met" if ratio <= 0.5 else "goal NOT met"
        print(f"uppsikt build / LibreOffice conversion = {ratio:.2f} (goal <= 0.50: {verdict})")
    else:
        print("LibreOffice not installed: apt-get install libreoffice-writer-nogui to compare")
    return 0


if __name__ == "__main__":
    sys.exit(main())
