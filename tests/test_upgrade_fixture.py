"""The upgrade fixtures load into fresh databases with every row the manifest promises.

An upgrade test starts from these databases; if one loaded short (or the checksums could
not tell a changed row), that test would prove nothing.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import psycopg
import pytest

from upgrade_fixture import (
    Connection,
    drop_postgresql_database,
    load_postgresql_fixture,
    load_sqlite_fixture,
    row_counts,
    table_checksums,
    table_names,
)

FIXTURES = Path(__file__).parent / "data" / "upgrade"
COMMIT = "6d2da64"
MANIFEST: dict[str, Any] = json.loads((FIXTURES / f"manifest-{COMMIT}.json").read_text("utf-8"))
DATABASE_URL = os.environ.get("DATABASE_URL", "")


def tables_of(vendor: str) -> dict[str, Any]:
    tables: dict[str, Any] = MANIFEST["databases"][vendor]["tables"]
    return tables


def assert_as_manifest_says(connection: Connection, vendor: str) -> None:
    expected = tables_of(vendor)
    names = table_names(connection)
    assert names == sorted(expected)
    assert row_counts(connection, names) == {
        name: entry["rows"] for name, entry in expected.items()
    }
    columns = {name: entry["columns"] for name, entry in expected.items() if "checksum" in entry}
    assert table_checksums(connection, columns, columns) == {
        name: expected[name]["checksum"] for name in columns
    }


def test_every_table_of_our_apps_has_rows_and_both_databases_the_same() -> None:
    for vendor in ("sqlite", "postgresql"):
        ours = {name: entry for name, entry in tables_of(vendor).items() if "checksum" in entry}
        assert len(ours) >= 34
        assert not [name for name, entry in ours.items() if entry["rows"] == 0]
    sqlite_tables, postgresql_tables = tables_of("sqlite"), tables_of("postgresql")
    assert {n: e for n, e in sqlite_tables.items() if "checksum" in e} == {
        n: e for n, e in postgresql_tables.items() if "checksum" in e
    }


def test_sqlite_fixture_loads_as_the_manifest_says(tmp_path: Path) -> None:
    target = tmp_path / "fixture.sqlite3"
    load_sqlite_fixture(FIXTURES / f"sqlite-{COMMIT}.sql.gz", target)
    with sqlite3.connect(target) as connection:
        assert_as_manifest_says(connection, "sqlite")


def test_sqlite_fixture_loads_into_a_fresh_file_only(tmp_path: Path) -> None:
    target = tmp_path / "used.sqlite3"
    target.write_bytes(b"not empty")
    with pytest.raises(FileExistsError):
        load_sqlite_fixture(FIXTURES / f"sqlite-{COMMIT}.sql.gz", target)


def test_checksums_tell_a_changed_row(tmp_path: Path) -> None:
    target = tmp_path / "fixture.sqlite3"
    load_sqlite_fixture(FIXTURES / f"sqlite-{COMMIT}.sql.gz", target)
    expected = tables_of("sqlite")
    with sqlite3.connect(target) as connection:
        connection.execute("UPDATE review_comment SET body = body || '.' WHERE id = 1")
        connection.execute("DELETE FROM ledger_fact WHERE id = (SELECT MAX(id) FROM ledger_fact)")
        tables = ["review_comment", "ledger_fact", "reports_section"]
        columns = {name: expected[name]["columns"] for name in tables}
        got = table_checksums(connection, tables, columns)
    assert got["review_comment"] != expected["review_comment"]["checksum"]
    assert got["ledger_fact"] != expected["ledger_fact"]["checksum"]
    assert got["reports_section"] == expected["reports_section"]["checksum"]


@pytest.mark.skipif(
    not DATABASE_URL.startswith(("postgres://", "postgresql://")),
    reason="needs a PostgreSQL server in DATABASE_URL",
)
def test_postgresql_fixture_loads_as_the_manifest_says() -> None:
    name = f"upgrade_fixture_{os.getpid()}"
    drop_postgresql_database(DATABASE_URL, name)
    try:
        url = load_postgresql_fixture(FIXTURES / f"postgresql-{COMMIT}.sql.gz", DATABASE_URL, name)
        assert url.rsplit("/", 1)[1] == name
        with psycopg.connect(url) as connection:
            assert_as_manifest_says(connection, "postgresql")
    finally:
        drop_postgresql_database(DATABASE_URL, name)
