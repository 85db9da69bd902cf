"""The oversight at a city's scale: a generated municipality of 60 organisations × 40
council goals × both periods of 2025 (the tests' `tests/oversight/city_factory.py`),
on PostgreSQL.

Measures, in one run:

1. the goals × organisations matrix page (`/uppsikt/<period>/mal/`, as a reviewer) under
   50 concurrent readers, against the same page saved as a static file and served by the
   same server (`uppsikt serve`: gunicorn + WhiteNoise): p50/p95/p99, and the p95 ratio
   (goal <= 2x);
2. evaluating every signal rule of the annual analysis over its snapshot (median of 20;
   goal <= 200 ms), and building that snapshot from the database;
3. opening a reporting round for all 60 organisations (2026 interim report, each report
   pre-filled from its 2025 annual analysis), rolled back after each run (median of 3;
   goal <= 5 s);
4. the queries of the matrix page at 7 and at 60 organisations (goal: the same number).

    .venv/bin/python benchmarks/oversight.py [--seconds 20] [--workers 5] [--readers 50]
        [--database-url postgresql://...]   # default: a throw-away cluster, removed after
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import web_load

STATIC_NAME = "bench/matrix.html"
PASSWORD = "bench-granskare"


def median_ms(run: Callable[[], object], times: int) -> float:
    durations = []
    for _ in range(times):
        started = time.perf_counter()
        run()
        durations.append(time.perf_counter() - started)
    return statistics.median(durations) * 1000


def prepare(data_dir: Path) -> dict[str, object]:
    """The two cities, the reviewer, the static copy and the in-process measurements."""
    from uppsikt.django_setup import setup_django

    setup_django()
    from django.contrib.auth import get_user_model
    from django.core.cache import cache, caches
    from django.db import connection, connections, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from uppsikt.accounts.actions import grant_role
    from uppsikt.domain.model import PeriodKind
    from uppsikt.domain.workflow import Role
    from uppsikt.oversight.actions.rounds import open_round
    from uppsikt.services.storage import ready

    ready()
    from oversight.city_factory import make_city  # tests/oversight: needs Django set up

    small = make_city(7, 40, seed=7)
    city = make_city(60, 40, seed=60)
    small_url, city_url = (
        f"/uppsikt/{each.periods[PeriodKind.ANNUAL_ANALYSIS].pk}/mal/" for each in (small, city)
    )
    user, _ = get_user_model().objects.get_or_create(username="granskare")
    user.set_password(PASSWORD)
    user.save()
    for each in (small, city):
        grant_role(user, each.municipality, Role.REVIEWER, None, actor=None)
    client = Client()
    client.force_login(user)
    figures: dict[str, object] = {}

    # 4. queries of the matrix page at 7 and 60 organisations (cold: nothing cached)
    for label, url in (("7", small_url), ("60", city_url)):
        cache.clear()
        caches["pages"].clear()
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url, HTTP_HOST="localhost")
        assert page.status_code == 200, page.status_code
        figures[f"queries {label}"] = len(queries)

    # 2. signals over the snapshot
    figures.update(measure_signals(city.periods[PeriodKind.ANNUAL_ANALYSIS]))

    # 3. opening a round for 60 organisations, rolled back after each run
    class Rollback(Exception):
        pass

    def open_once() -> None:
        try:
            with transaction.atomic():
                open_round(
                    city.municipality.key,
                    2026,
                    "interim_report",
                    deadline=date(2026, 9, 15),
                    actor=None,
                )
                raise Rollback
        except Rollback:
            pass

    figures["open round ms"] = median_ms(open_once, 3)

    # 1. the page as the server sends it, saved where WhiteNoise finds it at start
    cache.clear()
    caches["pages"].clear()
    page = client.get(city_url, HTTP_HOST="localhost")
    assert page.status_code == 200, page.status_code
    static = data_dir / "static" / STATIC_NAME
    static.parent.mkdir(parents=True, exist_ok=True)
    static.write_bytes(page.content)
    figures["page bytes"] = len(page.content)
    figures["matrix path"] = city_url
    connections.close_all()
    return figures


def measure_signals(period: object) -> dict[str, float]:
    from uppsikt.domain.oversight.signals import evaluate
    from uppsikt.oversight.rules import rules_for
    from uppsikt.oversight.snapshots import period_snapshot
    from uppsikt.reports.models import Period

    assert isinstance(period, Period)
    snapshot = period_snapshot(period)
    rules = rules_for(period.municipality)
    found = evaluate(rules, snapshot)
    return {
        "snapshot ms": median_ms(lambda: period_snapshot(period), 5),
        "signals ms": median_ms(lambda: evaluate(rules, snapshot), 20),
        "signals": float(len(found)),
    }


async def load(port: int, path: str, page_bytes: int, args: argparse.Namespace) -> None:
    readers = [web_load.Session(port) for _ in range(args.readers)]
    for session in readers:
        await session.log_in("granskare", PASSWORD)
    static_path = f"/static/{STATIC_NAME}"
    status, body = await readers[0].request("GET", static_path)
    assert status == 200 and len(body) == page_bytes, (status, len(body))
    results: dict[str, web_load.Tally] = {}
    for phase, target in (("matrix", path), ("static", static_path)):
        tally = web_load.Tally()
        clock = web_load.Clock(time.monotonic(), web_load.WARM_UP_SECONDS, args.seconds)
        await asyncio.gather(
            *(web_load.reader_loop(s, target, phase, tally, clock) for s in readers)
        )
        results[phase] = tally
    print(
        f"\n{args.readers} readers, {args.workers} gunicorn workers, {os.cpu_count()} cores, "
        f"{args.seconds:g} s per phase after {web_load.WARM_UP_SECONDS:g} s warm-up; "
        f"page {page_bytes / 1024:.0f} KiB"
    )
    header = f"{'phase':<8} {'count':>7} {'req/s':>7} {'errors':>6}"
    header += f" {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
    print(header + "\n" + "-" * len(header))
    p95 = {}
    for phase, tally in results.items():
        values = tally.latencies.get(phase, [])
        cells = [web_load.percentile(values, q) * 1000 for q in (0.5, 0.95, 0.99)]
        p95[phase] = cells[1]
        print(
            f"{phase:<8} {len(values):>7} {len(values) / args.seconds:>7.1f} "
            f"{tally.errors.get(phase, 0):>6} {cells[0]:>8.1f} {cells[1]:>8.1f} {cells[2]:>8.1f}"
        )
        for kind, sample in tally.samples.items():
            print(f"         first {kind} error: {sample}")
    ratio = p95["matrix"] / p95["static"]
    verdict = "meets" if ratio <= 2 else "misses"
    print(f"\np95 matrix page / p95 static file: {ratio:.2f}x ({verdict} the goal of <= 2x)")


def print_figures(figures: dict[str, object]) -> None:
    rows = (
        (
            "evaluate all signals (median of 20)",
            f"{figures['signals ms']:.1f} ms",
            "<= 200 ms",
            float(str(figures["signals ms"])) <= 200,
        ),
        ("build the period snapshot (median of 5)", f"{figures['snapshot ms']:.1f} ms", "", None),
        (
            "open a round for 60 organisations (median of 3)",
            f"{figures['open round ms']:.0f} ms",
            "<= 5 000 ms",
            float(str(figures["open round ms"])) <= 5000,
        ),
        (
            "matrix page queries at 7 / 60 organisations",
            f"{figures['queries 7']} / {figures['queries 60']}",
            "equal",
            figures["queries 7"] == figures["queries 60"],
        ),
    )
    print(f"\n{'measure':<50} {'value':>12}  {'goal':<12} verdict")
    print("-" * 86)
    for name, value, goal, met in rows:
        verdict = "" if met is None else ("meets" if met else "misses")
        print(f"{name:<50} {value:>12}  {goal:<12} {verdict}")
    print(f"signals raised: {int(float(str(figures['signals'])))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="measured seconds per phase")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="uppsikt-oversight-") as temp:
        temp_dir = Path(temp)
        pg_dir = temp_dir / "postgres"
        own_postgres = not args.database_url
        if own_postgres:
            pg_dir.mkdir(mode=0o777)
            os.chmod(temp_dir, 0o755)  # as root the cluster runs as `postgres`
            args.database_url = web_load.start_postgres(pg_dir)
        data_dir = temp_dir / "data"
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("UPPSIKT_")},
            "DATABASE_URL": args.database_url,
            "UPPSIKT_DATA_DIR": str(data_dir),
        }
        env.pop("DEBUG", None)
        os.environ.update(env)
        server = None
        try:
            started = time.perf_counter()
            figures = prepare(data_dir)
            print(f"cities generated and measured in {time.perf_counter() - started:.1f} s")
            print_figures(figures)
            port = web_load.free_port()
            server = web_load.start_server(env, port, args.workers)
            asyncio.run(
                load(port, str(figures["matrix path"]), int(str(figures["page bytes"])), args)
            )
        finally:
            if server is not None:
                web_load.stop_server(server)
            if own_postgres:
                web_load.stop_postgres(pg_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
