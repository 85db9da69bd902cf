#!/usr/bin/env bash
# Set up, then run the whole test suite: lint and types, the tests on SQLite, and the
# tests again on a local PostgreSQL server (started here; set DATABASE_URL to use yours).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# In CI the SIE reader's C accelerator must have been built (tests/sie/test_speedups.py).
if [ -n "${CI:-}" ]; then export UPPSIKT_REQUIRE_SPEEDUPS=${UPPSIKT_REQUIRE_SPEEDUPS:-1}; fi

echo "== ruff and mypy"
.venv/bin/ruff check src tests benchmarks
.venv/bin/ruff format --check src tests benchmarks
.venv/bin/mypy src tests

echo "== tests on SQLite (with coverage: 94.2 % of lines and branches on 2026-12-03; the floor is 93)"
COVERAGE_FLOOR=${COVERAGE_FLOOR:-93}
env -u DATABASE_URL .venv/bin/pytest -q --cov --cov-report= --cov-fail-under="$COVERAGE_FLOOR" "$@"
.venv/bin/coverage report --format=total | sed 's/^/coverage (lines and branches, %): /'

echo "== tests on PostgreSQL"
if [ -z "${DATABASE_URL:-}" ]; then
  DATABASE_URL=$(bash scripts/start-postgres.sh | sed -n 's/^DATABASE_URL=//p')
  trap 'bash scripts/stop-postgres.sh >/dev/null 2>&1 || true' EXIT
fi
UPPSIKT_REQUIRE_POSTGRES=1 DATABASE_URL="$DATABASE_URL" .venv/bin/pytest -q "$@"
