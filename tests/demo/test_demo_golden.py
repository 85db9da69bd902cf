"""Golden file: every finding `uppsikt check` reports on the demo, reviewed by eye.

The seed's own slips are listed in tests/data/demo-check.golden.txt; a change to a rule or
to the demo that changes what is reported shows up here as a diff. To accept a reviewed
change: UPPSIKT_UPDATE_GOLDEN=1 pytest tests/demo/test_demo_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

from uppsikt.domain.checks import CheckResult
from uppsikt.importers.package import LoadedPackage

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "demo-check.golden.txt"


def _lines(checked: CheckResult, loaded: LoadedPackage) -> str:
    lines = []
    for finding in checked.findings:
        location = loaded.locations.find(finding.place)
        where = f"{location.file}:{location.line}" if location else finding.place
        message = finding.message.replace("\u00a0", " ").replace("\u2212", "-")
        lines.append(f"{finding.severity.value:<7} {finding.rule:<24} {where}\n    {message}")
    return "\n".join(lines) + "\n"


def test_demo_findings_match_the_reviewed_golden_file(
    checked: CheckResult, loaded: LoadedPackage
) -> None:
    actual = _lines(checked, loaded)
    if os.environ.get("UPPSIKT_UPDATE_GOLDEN"):
        GOLDEN.write_text(actual, encoding="utf-8")
    assert actual == GOLDEN.read_text(encoding="utf-8")
