"""Full import time of generated SIE 4E files (read, aggregate, store) on SQLite and PostgreSQL.

Each import runs in a fresh process (`uppsikt ledger import`) against a fresh database, so
the figures are what a user sees; peak RSS is that process's. Files come from the demo
generator (`python -m uppsikt.demo FILE --transactions N`) and are reused between runs.

    .venv/bin/python benchmarks/ledger_import.py [--sizes 100000,1000000] [--runs 3]
        [--postgres postgresql://...]   # default: start one with scripts/start-postgres.sh
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CACHE = Path(tempfile.gettempdir()) / "uppsikt-bench"


def ledger(size: int) -> Path:
    path = CACHE / f"ks-{size}.se"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "uppsikt.demo", str(path), "--transactions", str(size)],
            check=True,
        )
    return path


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def import_once(path: Path, database_url: str | None) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as data:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["UPPSIKT_DATA_DIR"] = data
        env.pop("DATABASE_URL", None)
        if database_url:
            env["DATABASE_URL"] = database_url
            _reset_postgres(env)
        subprocess.run(
            [str(BIN / "uppsikt"), "import", str(ROOT / "examples" / "malmo-ks-2025")],
            check=True,
            capture_output=True,
            env=env,
        )
        command = [str(BIN / "uppsikt"), "ledger", "import", str(path), "-m", "malmo"]
        return run(command, env)


def _reset_postgres(env: dict[str, str]) -> None:
    script = (
        "from uppsikt.services.storage import ready; ready(); "
        "from django.core.management import call_command; "
        "call_command('flush', interactive=False, verbosity=0)"
    )
    subprocess.run([sys.executable, "-c", script], check=True, env=env)


def start_postgres() -> str:
    """Start (or reuse) the local throw-away server; returns its DATABASE_URL."""
    output = subprocess.run(
        ["bash", str(ROOT / "scripts" / "start-postgres.sh")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return output.strip().removeprefix("DATABASE_URL=")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postgres", default=None, help="DATABASE_URL of a PostgreSQL server")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    postgres = args.postgres
    if not postgres and not args.no_postgres:
        postgres = start_postgres()
    print(f"{'#TRANS':>10} {'MB':>7} {'database':<10} {'seconds':>8} {'peak RSS MB':>12}")
    for size in sizes:
        path = ledger(size)
        megabytes = path.stat().st_size / 1e6
        targets = [("SQLite", None)] + ([("PostgreSQL", postgres)] if postgres else [])
        for name, url in targets:
            runs = [import_once(path, url) for _ in range(args.runs)]
            seconds = statistics.median(s for s, _ in runs)
            peak = max(m for _, m in runs)
            print(f"{size:>10} {megabytes:>7.1f} {name:<10} {seconds:>8.2f} {peak:>12.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
