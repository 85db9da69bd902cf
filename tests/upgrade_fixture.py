"""Loading the upgrade fixtures (tests/data/upgrade/) and checksumming their tables.

A fixture is a whole database made by an older commit. A test loads it into a fresh
database, runs `migrate` with today's code, and compares the tables with the manifest.
`table_checksums` works over a plain DB-API connection (sqlite3 or psycopg) so that it
gives the same answer for both vendors and needs neither Django nor today's models.
"""

from __future__ import annotations

import datetime
import gzip
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

Connection = sqlite3.Connection | psycopg.Connection[Any]

# How a column's values are made the same for both vendors (see `_normalise`).
_KIND_BY_PG_TYPE = {
    "jsonb": "json",
    "json": "json",
    "timestamp with time zone": "datetime",
    "timestamp without time zone": "datetime",
    "date": "date",
    "numeric": "decimal",
    "boolean": "bool",
}
_KIND_BY_SQLITE_TYPE = {
    "datetime": "datetime",
    "date": "date",
    "decimal": "decimal",
    "bool": "bool",
}
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def read_dump(path: Path) -> str:
    """The SQL text of a gzipped dump."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return handle.read()


def load_sqlite_fixture(path: Path, target: Path) -> None:
    """Create the SQLite database `target` (a new file) from the gzipped dump at `path`."""
    if target.exists() and target.stat().st_size:
        raise FileExistsError(f"{target} exists; the fixture loads into a fresh file only")
    connection = sqlite3.connect(target)
    try:
        connection.executescript(read_dump(path))
    finally:
        connection.close()


def load_postgresql_fixture(path: Path, database_url: str, name: str) -> str:
    """Create the database `name` on the server of `database_url`, load the gzipped dump
    at `path` into it in one transaction, and return the new database's URL."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"database name {name!r}: use lower-case letters, digits and _")
    with psycopg.connect(database_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = _with_database(database_url, name)
    with psycopg.connect(url) as connection:
        # No parameters: psycopg sends the whole dump as one simple query.
        connection.execute(read_dump(path).encode("utf-8"))
    return url


def drop_postgresql_database(database_url: str, name: str) -> None:
    """Drop a database made by `load_postgresql_fixture` (no error when it is gone)."""
    with psycopg.connect(database_url, autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def _with_database(database_url: str, name: str) -> str:
    parts = urlsplit(database_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def table_names(connection: Connection) -> list[str]:
    """Every table of the database, sorted; SQLite's own tables are left out."""
    if isinstance(connection, sqlite3.Connection):
        query = (
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
        )
    else:
        query = (
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
            "AND table_schema = current_schema() ORDER BY table_name"
        )
    return [str(row[0]) for row in connection.execute(query).fetchall()]


def row_counts(connection: Connection, tables: Iterable[str]) -> dict[str, int]:
    """The number of rows of each table."""
    counts = {}
    for table in tables:
        row = connection.execute(f"SELECT COUNT(*) FROM {_quoted(table)}").fetchone()
        assert row is not None
        counts[table] = int(row[0])
    return counts


def table_columns(connection: Connection, table: str) -> list[str]:
    """The table's columns in the database's order."""
    return [name for name, _ in _columns(connection, table)]


def table_checksums(
    connection: Connection,
    tables: Iterable[str],
    columns: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, str]:
    """SHA-256 of each table's rows, the same for SQLite and PostgreSQL.

    Rows are sorted by primary key; each row is one line of JSON: a list of the values of
    `columns[table]` (default: every column, in the table's order). Values are made
    vendor-neutral first: datetimes as ISO 8601 in UTC, dates as ISO, decimals without
    trailing zeros, booleans as true/false and JSON columns as their parsed value.
    """
    checksums = {}
    for table in tables:
        kinds = dict(_columns(connection, table))
        wanted = list(columns[table]) if columns and table in columns else list(kinds)
        missing = [name for name in wanted if name not in kinds]
        if missing:
            raise KeyError(f"{table} has no column {', '.join(missing)}")
        keys = _primary_key(connection, table) or wanted
        selected = wanted + [name for name in keys if name not in wanted]
        query = f"SELECT {', '.join(_quoted(name) for name in selected)} FROM {_quoted(table)}"
        lines = []
        for row in connection.execute(query).fetchall():
            by_name = {
                name: _normalise(value, kinds[name])
                for name, value in zip(selected, row, strict=True)
            }
            line = _canonical([by_name[name] for name in wanted])
            lines.append((tuple(_sortable(by_name[name]) for name in keys), line))
        digest = hashlib.sha256()
        for _, line in sorted(lines):
            digest.update(line.encode("utf-8") + b"\n")
        checksums[table] = digest.hexdigest()
    return checksums


def _sortable(value: Any) -> tuple[int, int, str]:
    """Integers in numeric order before everything else in text order."""
    if isinstance(value, int) and not isinstance(value, bool):
        return (0, value, "")
    return (1, 0, _canonical(value))


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(connection: Connection, table: str) -> list[tuple[str, str]]:
    """(name, kind) of each column, in the table's order; kind says how to normalise."""
    if isinstance(connection, sqlite3.Connection):
        found = connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
        if found is None:
            raise KeyError(f"no table {table}")
        create = str(found[0])
        info = connection.execute(f"PRAGMA table_info({_quoted(table)})").fetchall()
        result = []
        for _cid, name, declared, *_rest in info:
            # Django's JSONField is a text column with a JSON_VALID check.
            if f'JSON_VALID("{name}")' in create:
                kind = "json"
            else:
                base = str(declared).lower().split("(")[0].strip()
                kind = _KIND_BY_SQLITE_TYPE.get(base, "plain")
            result.append((str(name), kind))
        return result
    rows = connection.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position",
        (table,),
    ).fetchall()
    if not rows:
        raise KeyError(f"no table {table}")
    return [(str(name), _KIND_BY_PG_TYPE.get(str(kind), "plain")) for name, kind in rows]


def _primary_key(connection: Connection, table: str) -> list[str]:
    if isinstance(connection, sqlite3.Connection):
        info = connection.execute(f"PRAGMA table_info({_quoted(table)})").fetchall()
        ordered = sorted((row[5], row[1]) for row in info if row[5])
        return [str(name) for _, name in ordered]
    rows = connection.execute(
        "SELECT a.attname FROM pg_index i "
        "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
        "WHERE i.indrelid = %s::regclass AND i.indisprimary ORDER BY a.attnum",
        (_quoted(table),),
    ).fetchall()
    return [str(row[0]) for row in rows]


def _normalise(value: Any, kind: str) -> Any:
    """A JSON-ready value that is the same whichever vendor stored it."""
    if value is None:
        return None
    if kind == "json":
        return json.loads(value) if isinstance(value, str | bytes) else value
    if kind == "datetime":
        moment = (
            value
            if isinstance(value, datetime.datetime)
            else datetime.datetime.fromisoformat(str(value))
        )
        # Django keeps naive UTC in SQLite; PostgreSQL gives it in the session's zone.
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)
        return moment.astimezone(datetime.UTC).isoformat()
    if kind == "date":
        return value.isoformat() if isinstance(value, datetime.date) else str(value)
    if kind == "decimal":
        # SQLite gives a decimal column back as int or float; str() keeps what was stored.
        number = value if isinstance(value, Decimal) else Decimal(str(value))
        return format(number.normalize(), "f")
    if kind == "bool" or isinstance(value, bool):
        return bool(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, int | str):
        return value
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)
