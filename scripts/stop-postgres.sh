#!/usr/bin/env bash
# Stop the PostgreSQL that scripts/start-postgres.sh started.
#
#   scripts/stop-postgres.sh            # stop; the data stays for the next start
#   scripts/stop-postgres.sh --purge    # stop and delete the cluster
set -euo pipefail

PG_DIR="${UPPSIKT_PG_DIR:-${TMPDIR:-/tmp}/uppsikt-postgres}"
OS_USER="${UPPSIKT_PG_OS_USER:-postgres}"

say() { echo "stop-postgres: $*" >&2; }

BINDIR="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [[ -z "$BINDIR" ]] && command -v pg_ctl >/dev/null 2>&1; then
    BINDIR="$(dirname "$(command -v pg_ctl)")"
fi

if [[ "$(id -u)" -eq 0 ]]; then
    as_owner() { runuser -u "$OS_USER" -- "$@"; }
else
    as_owner() { "$@"; }
fi

if [[ -n "$BINDIR" && -s "$PG_DIR/PG_VERSION" ]] \
    && as_owner "$BINDIR/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
    as_owner "$BINDIR/pg_ctl" -D "$PG_DIR" -m fast -w stop >/dev/null
    say "stopped"
else
    say "not running"
fi

if [[ "${1:-}" == "--purge" ]]; then
    rm -rf "$PG_DIR"
    say "deleted $PG_DIR"
fi
