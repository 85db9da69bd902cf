"""Make an upgrade fixture: a database made by this commit's code, dumped as SQL.

    .venv/bin/python tests/data/upgrade/make_fixture.py --sqlite /tmp/fixture.sqlite3
    DATABASE_URL=postgresql://... .venv/bin/python tests/data/upgrade/make_fixture.py

Against a fresh database (a new SQLite file, or an empty PostgreSQL database) it runs
`migrate`, loads the demo as `uppsikt demo` does (report, synthetic ledger, budget,
forecast, mapping, demo users), then goes through today's actions so that every table of
our apps has rows: section edits, comments, an assessment, a budget assignment report, a
variance explanation, a deadline and a membership set in the admin site, and the workflow
submit → return → submit → approve. It then writes `<vendor>-<commit>.sql.gz` and its
section of `manifest-<commit>.json` into --out (default: this folder).

The clock is fixed (every call of `django.utils.timezone.now` moves it 10 ms on from
2026-02-02 08:00 UTC), so that two runs give the same rows; only password hashes (random
salts) and PostgreSQL's dump header differ between runs.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from upgrade_fixture import (  # noqa: E402  # after the path is set
    Connection,
    row_counts,
    table_checksums,
    table_columns,
    table_names,
)

START = datetime.datetime(2026, 2, 2, 8, 0, tzinfo=datetime.UTC)
TICK = datetime.timedelta(milliseconds=10)
# Tables of our apps (the rest are Django's and django-axes'): these get checksums.
OUR_APPS = ("organisations", "goals", "reports", "finance", "ledger", "accounts", "audit", "review")
META_COMMAND = re.compile(r"\\(restrict|unrestrict) [A-Za-z0-9]+")
SECRET_KEY = "upgrade-fixture-not-secret-" + "x" * 30


class FixedClock:
    """A clock that starts at START and moves TICK on at every reading."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> datetime.datetime:
        self.calls += 1
        return START + self.calls * TICK


def fix_the_clock() -> None:
    """Replace Django's `timezone.now` before anything imports it by name."""
    from django.utils import timezone

    timezone.now = FixedClock()


def our_table(name: str) -> bool:
    return name.split("_", 1)[0] in OUR_APPS


def source_commit() -> str:
    """The last commit that changed the code or the example data the fixture is made of."""
    found = subprocess.run(
        ["git", "log", "-1", "--format=%h", "--abbrev=7", "--", "src", "examples"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return found.stdout.strip()


def populate(data_dir: Path) -> None:
    """Migrate, load the demo and take every kind of action once or more."""
    from uppsikt.django_setup import migrate, setup_django

    setup_django()
    migrate()
    from django.db import connection

    ours = [name for name in connection.introspection.table_names() if our_table(name)]
    with connection.cursor() as cursor:
        for name in ours:
            cursor.execute(f'SELECT 1 FROM "{name}" LIMIT 1')
            if cursor.fetchone() is not None:
                raise SystemExit(f"{name} already has rows: give a fresh database")

    from uppsikt.accounts.actions import create_demo_users
    from uppsikt.cli import DEMO_OTHER_BOARD
    from uppsikt.demo.load import load_demo
    from uppsikt.reports.store import find_report
    from uppsikt.review.actions.demo import reset_review

    demo = load_demo(data_dir)
    report = demo.report
    key, organisation = report.municipality.key, report.organisation
    report_id = find_report(key, organisation, report.period.year, report.period.kind)
    assert report_id is not None
    # As `uppsikt demo` does after loading (cli._demo_users).
    reset_review(report_id)
    create_demo_users(key, organisation, DEMO_OTHER_BOARD)
    take_actions(report_id, DEMO_OTHER_BOARD)


def take_actions(report_id: int, other_board: str) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from uppsikt.domain.model import Assessment, AssignmentStatus, TermOutlook
    from uppsikt.reports.models import GoalFollowUp, Report, Section
    from uppsikt.review.actions.assignments import report_assignment
    from uppsikt.review.actions.comments import add_comment, resolve_comment
    from uppsikt.review.actions.goals import AssessmentInput, record_assessment
    from uppsikt.review.actions.sections import latest_version, save_section
    from uppsikt.review.actions.variances import Explanation, explain_variances
    from uppsikt.review.actions.workflow import approve_report, return_report, submit_report
    from uppsikt.review.places import section_row

    users = {user.username: user for user in get_user_model().objects.all()}
    writer, reviewer, admin = users["skribent"], users["granskare"], users["admin"]
    report = Report.objects.select_related("organisation__municipality", "period").get(pk=report_id)

    def edit(place: str, heading: str, body: str) -> None:
        row = section_row(report_id, place)
        assert isinstance(row, Section)
        base = latest_version(report_id, place, row).number
        save_section(writer, report_id, place, heading=heading, body=body, base_version=base)

    summary = "chapter:sammanfattning/section:0"
    edit(summary, "Ekonomi", "Nämnden redovisar ett överskott mot budget.\n\nSe avsnitt 3.")
    goal = GoalFollowUp.objects.filter(report=report).order_by("position", "id").first()
    assert goal is not None
    goal_key = goal.goal.key
    edit(f"follow_up:{goal_key}/section:0", "Insatser under året", "Nämnden har *bland annat*:")
    record_assessment(
        writer,
        report_id,
        goal_key,
        AssessmentInput(
            year_assessment=Assessment.PARTLY_ACHIEVED,
            year_motivation="Två av tre indikatorer har gått åt rätt håll.",
            term_outlook=TermOutlook.EXPECTED,
            term_motivation="Insatserna fortsätter under mandatperioden.",
            intro="Målet följs upp med tre indikatorer.",
        ),
    )
    report_assignment(
        writer,
        report_id,
        "klimatinvesteringsplan",
        AssignmentStatus.COMPLETED,
        "Planen antogs av kommunstyrelsen i november.",
    )
    explain_variances(
        writer,
        report_id,
        [Explanation("budget_areas", "juridik", "comment", "Vakanser under våren.")],
    )
    question = add_comment(reviewer, report_id, summary, "Vilket avsnitt avses med avsnitt 3?")
    add_comment(writer, report_id, "", "Rapporten är klar för granskning efter mina ändringar.")
    edit(summary, "Ekonomi", "Nämnden redovisar ett överskott mot budget.\n\nSe avsnittet Ekonomi.")
    resolve_comment(writer, report_id, question.pk)

    submit_report(writer, report_id)
    return_report(reviewer, report_id, "Motivera bedömningen av målet med siffror.")
    record_assessment(
        writer,
        report_id,
        goal_key,
        AssessmentInput(
            year_assessment=Assessment.PARTLY_ACHIEVED,
            year_motivation="Två av tre indikatorer har gått åt rätt håll (62 och 71 procent).",
            term_outlook=TermOutlook.EXPECTED,
            term_motivation="Insatserna fortsätter under mandatperioden.",
            intro="Målet följs upp med tre indikatorer.",
        ),
    )
    submit_report(writer, report_id)
    approve_report(reviewer, report_id)

    # The deadline and one more role, as an admin sets them today: in the admin site.
    client = Client(HTTP_HOST="localhost")
    client.force_login(admin)
    period = report.period
    answer = client.post(
        f"/admin/reports/period/{period.pk}/change/",
        {
            "municipality": period.municipality_id,
            "year": period.year,
            "kind": period.kind,
            "deadline": "2026-02-27",
            "_save": "Spara",
        },
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    municipality = report.organisation.municipality
    other = municipality.organisations.get(key=other_board)
    answer = client.post(
        "/admin/accounts/membership/add/",
        {
            "user": users["lasare"].pk,
            "municipality": municipality.pk,
            "organisation": other.pk,
            "role": "reader",
            "_save": "Spara",
        },
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    # No logout: the session stays, as a signed-in admin's would across an upgrade.


def raw_connection(database_url: str) -> Connection:
    """A DB-API connection to the database (sqlite3 or psycopg)."""
    if database_url.startswith("sqlite:///"):
        return sqlite3.connect(database_url.removeprefix("sqlite:///"))
    import psycopg

    return psycopg.connect(database_url)


def gzipped(lines: Iterator[str], path: Path) -> None:
    """Write the lines gzipped, with no name or time in the header (same bytes each run)."""
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as packed,
        io.TextIOWrapper(packed, encoding="utf-8", newline="\n") as text,
    ):
        for line in lines:
            text.write(line + "\n")


def pg_dump_binary() -> str:
    """pg_dump of the newest installed server version (Debian keeps it out of PATH)."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_dump"), key=lambda p: int(p.parts[-3])
    )
    if versions:
        return str(versions[-1])
    found = shutil.which("pg_dump")
    if found is None:
        raise SystemExit("pg_dump not found; install PostgreSQL's client programs")
    return found


def dump(database_url: str, path: Path) -> None:
    if database_url.startswith("sqlite:///"):
        connection = sqlite3.connect(database_url.removeprefix("sqlite:///"))
        try:
            gzipped(connection.iterdump(), path)
        finally:
            connection.close()
        return
    done = subprocess.run(
        [
            pg_dump_binary(),
            "--no-owner",
            "--no-privileges",
            "--inserts",
            "--encoding=UTF8",
            f"--dbname={database_url}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    # pg_dump 13.22/14.19/15.14/16.10/17.6 and later wrap the dump in psql meta-commands
    # (\restrict KEY ... \unrestrict KEY) that a driver cannot run. Only those lines go:
    # a line of a multi-line text value may start with a backslash too.
    lines = (line for line in done.stdout.splitlines() if not META_COMMAND.fullmatch(line))
    gzipped(lines, path)


def manifest_section(database_url: str) -> dict[str, Any]:
    """Row counts of every table; columns and checksums of our apps' tables."""
    connection = raw_connection(database_url)
    try:
        names = table_names(connection)
        counts = row_counts(connection, names)
        ours = [name for name in names if our_table(name)]
        checksums = table_checksums(connection, ours)
        tables: dict[str, Any] = {}
        for name in names:
            entry: dict[str, Any] = {"rows": counts[name]}
            if name in checksums:
                entry["columns"] = table_columns(connection, name)
                entry["checksum"] = checksums[name]
            tables[name] = entry
        return tables
    finally:
        connection.close()


def write_manifest(path: Path, commit: str, vendor: str, tables: dict[str, Any]) -> None:
    """Put this vendor's section into the manifest, keeping the other vendor's."""
    manifest: dict[str, Any] = json.loads(path.read_text("utf-8")) if path.exists() else {}
    manifest["commit"] = commit
    manifest["checksum"] = (
        "sha256 over the rows sorted by primary key, one line of JSON per row: the values of "
        "'columns' in that order (tests/upgrade_fixture.py: table_checksums)"
    )
    manifest["notes"] = [
        f"rows: every table; columns and checksum: the tables of our apps ({', '.join(OUR_APPS)}).",
        "The clock was fixed, so our apps' rows are the same in every run and in both "
        "databases. Not checksummed because they differ between runs: auth_user.password "
        "(random salts), django_session (random key), axes_accesslog.session_hash.",
    ]
    manifest.setdefault("databases", {})[vendor] = {"tables": tables}
    manifest["databases"] = dict(sorted(manifest["databases"].items()))
    path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sqlite", type=Path, help="make a new SQLite file here instead")
    parser.add_argument("--out", type=Path, default=HERE, help="where the fixture goes")
    parser.add_argument("--commit", default="", help="name the fixture (default: git log)")
    options = parser.parse_args()
    if options.sqlite:
        if options.sqlite.exists():
            raise SystemExit(f"{options.sqlite} exists: give a new file")
        database_url = f"sqlite:///{options.sqlite.resolve()}"
    else:
        database_url = os.environ.get("DATABASE_URL", "").strip()
        if not database_url:
            raise SystemExit("set DATABASE_URL or give --sqlite FILE")
    vendor = "sqlite" if database_url.startswith("sqlite:") else "postgresql"
    commit = options.commit or source_commit()

    with tempfile.TemporaryDirectory(prefix="uppsikt-fixture-") as data_dir:
        os.environ["DATABASE_URL"] = database_url
        os.environ["UPPSIKT_DATA_DIR"] = data_dir
        os.environ["UPPSIKT_SECRET_KEY"] = SECRET_KEY
        os.environ["DJANGO_SETTINGS_MODULE"] = "uppsikt.settings"
        fix_the_clock()
        populate(Path(data_dir))
        from django.db import connections

        connections.close_all()

    options.out.mkdir(parents=True, exist_ok=True)
    dump_path = options.out / f"{vendor}-{commit}.sql.gz"
    dump(database_url, dump_path)
    tables = manifest_section(database_url)
    write_manifest(options.out / f"manifest-{commit}.json", commit, vendor, tables)
    print(f"{dump_path} ({dump_path.stat().st_size} bytes)")
    for name, entry in tables.items():
        print(f"  {name:<36} {entry['rows']:>6}")


if __name__ == "__main__":
    main()
