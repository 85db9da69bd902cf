"""A database made by the old layout (review/, finance/, ledger/ apps, commit 6d2da64)
upgrades with the ordinary `migrate` step to today's apps with every row kept.

The fixtures (tests/data/upgrade/) were made by that commit's own code and actions. Each
test loads one into a fresh database, runs `python -m django migrate` in a separate
process as an operator would, and compares every table of our apps, under its new name,
with the manifest: the same rows, the same values.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from upgrade_fixture import (
    Connection,
    drop_postgresql_database,
    load_postgresql_fixture,
    load_sqlite_fixture,
    table_checksums,
    table_names,
)

FIXTURES = Path(__file__).parent / "data" / "upgrade"
COMMIT = "6d2da64"
MANIFEST: dict[str, Any] = json.loads((FIXTURES / f"manifest-{COMMIT}.json").read_text("utf-8"))
DATABASE_URL = os.environ.get("DATABASE_URL", "")

# Where the old layout's tables live now: the apps that moved took their tables along.
RENAMED = {
    **{f"finance_{m}": f"economy_{m}" for m in ("figuretable", "figurecolumn", "figurerow")},
    "finance_figurecell": "economy_figurecell",
    **{
        f"ledger_{m}": f"economy_{m}"
        for m in (
            "ledgerfile",
            "ledgeraccount",
            "ledgerdimension",
            "ledgerobject",
            "fact",
            "ledgermapping",
            "accountrange",
            "objectmapping",
        )
    },
    "review_reportstate": "reports_reportstate",
    "review_sectionversion": "reports_sectionversion",
    "review_comment": "oversight_comment",
    **{
        f"reports_{m}": f"goals_{m}"
        for m in ("goalfollowup", "budgetassignment", "coresponsible", "budgetassignmentreport")
    },
}


def _migrate(database_url: str, data_dir: Path) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "UPPSIKT_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "uppsikt.settings",
    }
    done = subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--no-input"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    check = subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert check.returncode == 0, f"migrations left after the upgrade:\n{check.stdout}"
    return done.stdout


def _assert_every_row_kept(connection: Connection, vendor: str) -> None:
    expected = {
        name: entry
        for name, entry in MANIFEST["databases"][vendor]["tables"].items()
        if "checksum" in entry
    }
    now = set(table_names(connection))
    gone = sorted(name for name in RENAMED if name in now)
    assert gone == [], "old tables left behind"
    columns = {RENAMED.get(name, name): entry["columns"] for name, entry in expected.items()}
    missing = sorted(set(columns) - now)
    assert missing == []
    assert table_checksums(connection, columns, columns) == {
        RENAMED.get(name, name): entry["checksum"] for name, entry in expected.items()
    }


def _assert_content_types_follow(connection: Connection) -> None:
    rows = connection.execute("SELECT app_label, model FROM django_content_type").fetchall()
    labels = {str(app) for app, _ in rows}
    assert not labels & {"review", "finance", "ledger"}
    pairs = {(str(app), str(model)) for app, model in rows}
    assert {("economy", "fact"), ("goals", "goalfollowup"), ("oversight", "comment")} <= pairs
    assert ("reports", "sectionversion") in pairs


def _assert_the_app_reads_it(database_url: str, data_dir: Path) -> None:
    env = {**os.environ, "DATABASE_URL": database_url, "UPPSIKT_DATA_DIR": str(data_dir)}
    uppsikt = str(Path(sys.executable).with_name("uppsikt"))
    done = subprocess.run(
        [uppsikt, "check", "malmo/kommunstyrelsen/2025"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    assert "Kontroll:" in done.stdout


def test_a_sqlite_database_of_the_old_layout_upgrades_with_every_row(tmp_path: Path) -> None:
    database = tmp_path / "old.sqlite3"
    load_sqlite_fixture(FIXTURES / f"sqlite-{COMMIT}.sql.gz", database)
    url = f"sqlite:///{database}"
    _migrate(url, tmp_path)
    connection = sqlite3.connect(database)
    try:
        _assert_every_row_kept(connection, "sqlite")
        _assert_content_types_follow(connection)
        status = connection.execute("SELECT status FROM reports_reportstate").fetchall()
        assert status == [("approved",)]
    finally:
        connection.close()
    _assert_the_app_reads_it(url, tmp_path)


@pytest.fixture
def postgresql_copy() -> Iterator[str]:
    if not DATABASE_URL.startswith(("postgres://", "postgresql://")):
        if os.environ.get("UPPSIKT_REQUIRE_POSTGRES"):
            pytest.fail("UPPSIKT_REQUIRE_POSTGRES is set but DATABASE_URL is not PostgreSQL")
        pytest.skip("the PostgreSQL upgrade runs where DATABASE_URL is PostgreSQL")
    name = f"uppsikt_upgrade_{os.getpid()}"
    drop_postgresql_database(DATABASE_URL, name)
    url = load_postgresql_fixture(FIXTURES / f"postgresql-{COMMIT}.sql.gz", DATABASE_URL, name)
    try:
        yield url
    finally:
        drop_postgresql_database(DATABASE_URL, name)


def test_a_postgresql_database_of_the_old_layout_upgrades_with_every_row(
    postgresql_copy: str, tmp_path: Path
) -> None:
    _migrate(postgresql_copy, tmp_path)
    with psycopg.connect(postgresql_copy) as connection:
        _assert_every_row_kept(connection, "postgresql")
        _assert_content_types_follow(connection)
        status = connection.execute("SELECT status FROM reports_reportstate").fetchall()
        assert status == [("approved",)]
        # The audit log stays append-only after its neighbours' tables were renamed.
        with pytest.raises(psycopg.errors.RaiseException):
            connection.execute("UPDATE audit_auditentry SET action = 'x'")
    _assert_the_app_reads_it(postgresql_copy, tmp_path)
