#!/usr/bin/env bash
# Start a throwaway PostgreSQL for development and tests, and print its DATABASE_URL.
#
#   export "$(scripts/start-postgres.sh)"      # then: .venv/bin/pytest
#
# Idempotent: a second run finds the cluster running and prints the same URL. The
# cluster lives in $UPPSIKT_PG_DIR (default ${TMPDIR:-/tmp}/uppsikt-postgres), listens
# on 127.0.0.1 only, on $UPPSIKT_PG_PORT (default 54329) or the next free port, and
# trades durability for speed (fsync off): never keep real data in it.
# PostgreSQL refuses to run as root, so as root the server runs as $UPPSIKT_PG_OS_USER
# (default postgres); as anyone else it runs as that user. Only the URL goes to stdout.
set -euo pipefail

PG_DIR="${UPPSIKT_PG_DIR:-${TMPDIR:-/tmp}/uppsikt-postgres}"
PORT="${UPPSIKT_PG_PORT:-54329}"
OS_USER="${UPPSIKT_PG_OS_USER:-postgres}"
DB=uppsikt
ROLE=uppsikt
PASSWORD=uppsikt

say() { echo "start-postgres: $*" >&2; }

find_bindir() {
    # Debian keeps the server binaries out of PATH, one folder per major version.
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$dir" && -x "$dir/pg_ctl" ]]; then
        echo "$dir"
    elif command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v pg_ctl)"
    fi
}

BINDIR="$(find_bindir)"
if [[ -z "$BINDIR" ]]; then
    if [[ "$(id -u)" -ne 0 ]]; then
        say "pg_ctl not found; install PostgreSQL (Debian: apt-get install postgresql)"
        exit 1
    fi
    say "installing PostgreSQL"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    BINDIR="$(find_bindir)"
    [[ -n "$BINDIR" ]] || { say "pg_ctl still not found after installing"; exit 1; }
fi

# Run a command as the user that owns the cluster.
if [[ "$(id -u)" -eq 0 ]]; then
    id "$OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home "$OS_USER"
    as_owner() { runuser -u "$OS_USER" -- "$@"; }
else
    OS_USER="$(id -un)"
    as_owner() { "$@"; }
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [[ ! -s "$PG_DIR/PG_VERSION" ]]; then
    say "creating a cluster in $PG_DIR"
    mkdir -p "$PG_DIR"
    chown "$OS_USER" "$PG_DIR"
    chmod 700 "$PG_DIR"
    # Local (socket) connections need no password: the socket lives in $PG_DIR, which
    # only the owner can enter. TCP connections need the password.
    as_owner "$BINDIR/initdb" -D "$PG_DIR" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >/dev/null
fi

if as_owner "$BINDIR/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
    PORT="$(sed -n 4p "$PG_DIR/postmaster.pid")"
    say "already running on port $PORT"
else
    for _ in $(seq 1 50); do
        port_in_use "$PORT" || break
        PORT=$((PORT + 1))
    done
    if port_in_use "$PORT"; then
        say "no free port found near ${UPPSIKT_PG_PORT:-54329}"
        exit 1
    fi
    say "starting on 127.0.0.1:$PORT"
    as_owner "$BINDIR/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$PG_DIR \
            -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
        || { say "the server did not start; see $PG_DIR/server.log"; tail -n 20 "$PG_DIR/server.log" >&2; exit 1; }
fi

psql_admin() {
    as_owner "$BINDIR/psql" -h "$PG_DIR" -p "$PORT" -U postgres -d postgres \
        -v ON_ERROR_STOP=1 -qtA "$@"
}

# CREATEDB: the test runner creates (and drops) its own test database.
if [[ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]]; then
    psql_admin -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
fi
if [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]]; then
    psql_admin -c "CREATE DATABASE $DB OWNER $ROLE"
fi

echo "DATABASE_URL=postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"
