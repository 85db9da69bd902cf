"""Open a reporting round for 60 organisations: the seconds and queries it takes.

Stores the demo report, adds organisations up to 60 and directs each council goal to ten
of them for the year, then opens the interim report round (no previous reports: the
standard outline) and the annual analysis round (every report pre-filled from its
interim report). Runs on a fresh SQLite database in a temporary data directory.

    .venv/bin/python benchmarks/round_open.py [--organisations 60]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--organisations", type=int, default=60)
    args = parser.parse_args()
    os.environ["UPPSIKT_DATA_DIR"] = tempfile.mkdtemp(prefix="uppsikt-bench-")
    from uppsikt.services.storage import ready

    ready()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from uppsikt.goals.models import CouncilGoal, GoalAssignment
    from uppsikt.importers.package import load_package
    from uppsikt.organisations.models import Organisation
    from uppsikt.oversight.actions.rounds import open_round
    from uppsikt.oversight.snapshots import reporting_organisations
    from uppsikt.reports.store import save_report

    save_report(load_package(ROOT / "examples" / "malmo-ks-2025").report)
    municipality = Organisation.objects.get(key="kommunstyrelsen").municipality
    for n in range(args.organisations - len(reporting_organisations(municipality))):
        Organisation.objects.create(
            municipality=municipality, key=f"namnd-{n:02d}", name=f"Nämnd {n:02d}", kind="board"
        )
    refs = reporting_organisations(municipality)
    GoalAssignment.objects.filter(year=2025).delete()
    GoalAssignment.objects.bulk_create(
        GoalAssignment(
            goal=goal, organisation_id=refs[(g + k) % len(refs)].id, year=2025, position=k
        )
        for g, goal in enumerate(CouncilGoal.objects.all())
        for k in range(10)
    )
    print(f"{'round':<40} {'organisations':>13} {'seconds':>8} {'queries':>8}")
    for kind, label in (("interim_report", "interim 2025 (no previous)"),
                        ("annual_analysis", "annual 2025 (from the interim)")):  # fmt: skip
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            opened = open_round("malmo", 2025, kind, deadline=date(2026, 2, 15), actor=None)
            seconds = time.perf_counter() - started
        print(f"{label:<40} {opened.members.count():>13} {seconds:>8.2f} {len(queries):>8}")


if __name__ == "__main__":
    main()
