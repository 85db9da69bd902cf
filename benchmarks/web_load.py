"""The web application under load: the production server (`uppsikt serve`: gunicorn, sync
workers, on loopback) with PostgreSQL and the demo report (with its synthetic ledger).

Two phases of --seconds each (after a short warm-up that is not counted):

1. report: 50 readers (logged-in sessions) GET the report's HTML document page
   (`/rapporter/<id>/dokument.html`), while 10 writers (each logged in as its own writer
   of Kommunstyrelsen, each on its own section so that no conflict is intended) loop
   GET section_edit -> POST a changed text with the current base_version.
2. static: the same page, saved before the server started as a static file that the same
   gunicorn serves through WhiteNoise, GET by the same 50 readers, with the same 10
   writers at work. Same server, same worker count, same bytes, same background load: the
   difference is what Django does for the page (session, access check, cache lookup
   under the report's stamp, and rebuilding the page after every save).

Every save moves the report's revision and so invalidates every worker's cached page:
with writers saving back to back, most report requests rebuild it.

Prints per phase: requests, req/s, errors, conflicts (409, counted apart), p50/p95/p99/max
latency, then the p95 ratio report/static (goal <= 5x) and the error count (goal 0).

    .venv/bin/python benchmarks/web_load.py [--seconds 60] [--workers 5]
        [--readers 50] [--writers 10] [--writer-pause 0]
        [--database-url postgresql://...]   # default: a throw-away cluster, removed after

The load generator is one asyncio loop with raw HTTP/1.1 (gunicorn's sync workers close
the connection after each response): about a tenth of a millisecond of CPU per request,
so on a small machine it leaves the cores to the server. Its CPU share is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import defaultdict
from collections.abc import Awaitable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
STATIC_NAME = "bench/report.html"
WARM_UP_SECONDS = 5.0
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
BASE_VERSION = re.compile(rb'name="base_version" value="(\d+)"')


# -- setting up ---------------------------------------------------------------------------


def start_postgres(pg_dir: Path) -> str:
    env = {**os.environ, "UPPSIKT_PG_DIR": str(pg_dir), "UPPSIKT_PG_PORT": "54360"}
    output = subprocess.run(
        ["bash", str(ROOT / "scripts" / "start-postgres.sh")],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    return output.strip().removeprefix("DATABASE_URL=")


def stop_postgres(pg_dir: Path) -> None:
    env = {**os.environ, "UPPSIKT_PG_DIR": str(pg_dir)}
    subprocess.run(
        ["bash", str(ROOT / "scripts" / "stop-postgres.sh"), "--purge"],
        check=False,
        capture_output=True,
        env=env,
    )


@dataclass(frozen=True)
class Setup:
    report_id: int
    readers: list[tuple[str, str]]  # (username, password)
    writers: list[tuple[str, str, str, str]]  # (username, password, place, heading)
    bodies: dict[str, str]  # place -> the original text
    page_bytes: int


def prepare(data_dir: Path, writers: int) -> Setup:
    """Store the demo (report, ledger, users), a writer per section, and the static copy."""
    from uppsikt.django_setup import setup_django

    setup_django()
    from django.contrib.auth import get_user_model
    from django.db import connections
    from django.test import Client

    from uppsikt.accounts.actions import create_demo_users, grant_role
    from uppsikt.domain.workflow import Role
    from uppsikt.organisations.models import Organisation
    from uppsikt.reports.actions.demo import reset_workflow
    from uppsikt.reports.places import section_places
    from uppsikt.reports.store import find_report
    from uppsikt.services.demo import load_demo

    demo = load_demo(data_dir)
    report = demo.report
    report_id = find_report(
        report.municipality.key, report.organisation, report.period.year, report.period.kind
    )
    assert report_id is not None
    reset_workflow(report_id, actor=None)
    create_demo_users(
        report.municipality.key, report.organisation, "stadsbyggnadsnamnden", actor=None
    )
    board = Organisation.objects.get(
        municipality__key=report.municipality.key, key=report.organisation
    )
    places = [item for item in section_places(report) if "{{" not in item.body][:writers]
    if len(places) < writers:
        raise SystemExit(f"the demo has only {len(places)} plain sections for the writers")
    users = get_user_model()
    writer_logins = []
    for number, item in enumerate(places, start=1):
        username = f"skribent-{number}"
        user, _ = users.objects.get_or_create(username=username)
        user.set_password(f"demo-{username}")
        user.save()
        grant_role(user, board.municipality, Role.WRITER, board, actor=None)
        writer_logins.append((username, f"demo-{username}", item.place, item.heading))

    # The page exactly as the server sends it, saved where WhiteNoise finds it at start.
    client = Client()
    client.force_login(users.objects.get(username="lasare"))
    response = client.get(f"/rapporter/{report_id}/dokument.html", HTTP_HOST="localhost")
    assert response.status_code == 200, response.status_code
    static = data_dir / "static" / STATIC_NAME
    static.parent.mkdir(parents=True, exist_ok=True)
    static.write_bytes(response.content)
    connections.close_all()
    return Setup(
        report_id=report_id,
        readers=[("lasare", "demo-lasare"), ("granskare", "demo-granskare")],
        writers=writer_logins,
        bodies={item.place: item.body for item in places},
        page_bytes=len(response.content),
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    # `uppsikt serve`, run by this interpreter.
    command = [sys.executable, "-c", "from uppsikt.cli import main; main()", "serve"]
    command += ["--host", HOST, "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, env=env, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped with status {server.returncode}")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start within 120 s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


# -- a minimal HTTP/1.1 client ----------------------------------------------------------


@dataclass
class Session:
    port: int
    cookies: dict[str, str] = field(default_factory=dict)

    async def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        reader, writer = await asyncio.open_connection(HOST, self.port)
        try:
            lines = [f"{method} {path} HTTP/1.1", f"Host: localhost:{self.port}"]
            lines.append("Connection: close")
            if self.cookies:
                lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
            body = b""
            if form is not None:
                body = urllib.parse.urlencode(form).encode()
                lines.append("Content-Type: application/x-www-form-urlencoded")
                lines.append(f"Content-Length: {len(body)}")
                lines.append(f"Referer: http://localhost:{self.port}{path}")
            writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
            await writer.drain()
            data = await reader.read()
        finally:
            writer.close()
        head, _, content = data.partition(b"\r\n\r\n")
        head_lines = head.split(b"\r\n")
        status = int(head_lines[0].split()[1])
        for line in head_lines[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"set-cookie":
                pair = value.decode("latin-1").strip().split(";", 1)[0]
                key, _, cookie = pair.partition("=")
                self.cookies[key] = cookie
        return status, content

    async def log_in(self, username: str, password: str) -> None:
        _, page = await self.request("GET", "/logga-in/")
        token = TOKEN.search(page)
        assert token, "no CSRF token on the login page"
        form = {"csrfmiddlewaretoken": token.group(1).decode(), "username": username}
        status, _ = await self.request("POST", "/logga-in/", {**form, "password": password})
        if status != 302:
            raise SystemExit(f"login as {username} failed with status {status}")


# -- the load ------------------------------------------------------------------------------


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    conflicts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: dict[str, str] = field(default_factory=dict)

    def error(self, kind: str, what: str) -> None:
        self.errors[kind] += 1
        self.samples.setdefault(kind, what)


async def timed(
    tally: Tally, kind: str, counted: bool, call: Awaitable[tuple[int, bytes]]
) -> tuple[int, bytes] | None:
    started = time.perf_counter()
    try:
        status, body = await call
    except (OSError, ValueError, IndexError) as error:
        if counted:
            tally.error(kind, repr(error))
        return None
    if counted:
        tally.latencies[kind].append(time.perf_counter() - started)
    return status, body


async def reader_loop(session: Session, path: str, kind: str, tally: Tally, clock: Clock) -> None:
    while not clock.done():
        counted = clock.counting()
        result = await timed(tally, kind, counted, session.request("GET", path))
        if result and result[0] != 200 and counted:
            tally.error(kind, f"status {result[0]}")


async def writer_loop(
    session: Session,
    report_id: int,
    place: str,
    heading: str,
    body: str,
    pause: float,
    tally: Tally,
    clock: Clock,
) -> None:
    edit = f"/rapporter/{report_id}/texter/{place}/"
    number = 0
    while not clock.done():
        counted = clock.counting()
        result = await timed(tally, "edit page", counted, session.request("GET", edit))
        if result is None or result[0] != 200:
            if result and counted:
                tally.error("edit page", f"status {result[0]}")
            continue
        token, version = TOKEN.search(result[1]), BASE_VERSION.search(result[1])
        if not (token and version):
            if counted:
                tally.error("edit page", "no form on the page")
            continue
        number += 1
        form = {
            "csrfmiddlewaretoken": token.group(1).decode(),
            "heading": heading,
            "body": f"{body}\n\nUppdatering {number} under lasttestet.",
            "base_version": version.group(1).decode(),
        }
        counted = clock.counting()
        saved = await timed(tally, "save", counted, session.request("POST", edit, form))
        if saved and counted:
            if saved[0] == 409:
                tally.conflicts["save"] += 1
            elif saved[0] != 302:
                tally.error("save", f"status {saved[0]}")
        if pause:
            await asyncio.sleep(pause)


@dataclass
class Clock:
    start: float
    warm_up: float
    seconds: float

    def counting(self) -> bool:
        now = time.monotonic()
        return self.start + self.warm_up <= now < self.start + self.warm_up + self.seconds

    def done(self) -> bool:
        return time.monotonic() >= self.start + self.warm_up + self.seconds


async def run_phase(
    port: int,
    setup: Setup,
    path: str,
    kind: str,
    args: argparse.Namespace,
    reader_sessions: list[Session],
    writer_sessions: list[Session],
) -> tuple[Tally, float]:
    tally = Tally()
    clock = Clock(time.monotonic(), WARM_UP_SECONDS, args.seconds)
    cpu = time.process_time()
    tasks = [reader_loop(s, path, kind, tally, clock) for s in reader_sessions]
    for session, (_, _, place, heading) in zip(writer_sessions, setup.writers, strict=True):
        tasks.append(
            writer_loop(
                session,
                setup.report_id,
                place,
                heading,
                setup.bodies[place],
                args.writer_pause,
                tally,
                clock,
            )
        )
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - clock.start
    return tally, (time.process_time() - cpu) / elapsed


async def load(port: int, setup: Setup, args: argparse.Namespace) -> None:
    readers = [Session(port) for _ in range(args.readers)]
    writers = [Session(port) for _ in range(args.writers)]
    for number, session in enumerate(readers):
        await session.log_in(*setup.readers[number % len(setup.readers)])
    for session, (username, password, _, _) in zip(writers, setup.writers, strict=True):
        await session.log_in(username, password)
    report_path = f"/rapporter/{setup.report_id}/dokument.html"
    static_path = f"/static/{STATIC_NAME}"
    status, body = await readers[0].request("GET", static_path)
    assert status == 200 and len(body) == setup.page_bytes, (status, len(body))

    print(
        f"\n{args.readers} readers, {args.writers} writers, {args.workers} gunicorn workers, "
        f"{os.cpu_count()} cores; {args.seconds:g} s per phase after {WARM_UP_SECONDS:g} s "
        f"warm-up; page {setup.page_bytes / 1024:.0f} KiB"
    )
    results = {}
    for phase, path, kind in (
        ("report", report_path, "report page"),
        ("static", static_path, "static file"),
    ):
        tally, cpu_share = await run_phase(port, setup, path, kind, args, readers, writers)
        results[phase] = tally
        print(f"phase {phase}: load generator used {cpu_share:.0%} of one core")
    print_table(results, args.seconds)


# -- the table -------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def print_table(results: dict[str, Tally], seconds: float) -> None:
    header = (
        f"{'phase':<7} {'requests':<12} {'count':>7} {'req/s':>7} {'errors':>6} "
        f"{'409':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}"
    )
    print("\n" + header + "\n" + "-" * len(header))
    p95: dict[str, float] = {}
    errors = 0
    for phase, tally in results.items():
        for kind in ("report page", "static file", "edit page", "save"):
            values = tally.latencies.get(kind, [])
            errors += tally.errors.get(kind, 0)
            if not values and not tally.errors.get(kind):
                continue
            row = [percentile(values, q) * 1000 for q in (0.5, 0.95, 0.99)] if values else [0] * 3
            if kind in ("report page", "static file") and values:
                p95[kind] = percentile(values, 0.95)
            print(
                f"{phase:<7} {kind:<12} {len(values):>7} {len(values) / seconds:>7.1f} "
                f"{tally.errors.get(kind, 0):>6} {tally.conflicts.get(kind, 0):>5} "
                f"{row[0]:>8.1f} {row[1]:>8.1f} {row[2]:>8.1f} "
                f"{(max(values) * 1000 if values else 0):>8.1f}"
            )
        for kind, sample in tally.samples.items():
            print(f"        first {kind} error: {sample}")
    if "report page" in p95 and "static file" in p95:
        ratio = p95["report page"] / p95["static file"]
        verdict = "meets" if ratio <= 5 else "misses"
        print(f"\np95 report page / p95 static file: {ratio:.1f}x ({verdict} the goal of <= 5x)")
    print(f"errors: {errors} ({'meets' if errors == 0 else 'misses'} the goal of 0)")
    medians = {
        phase: statistics.median(tally.latencies["save"]) * 1000
        for phase, tally in results.items()
        if tally.latencies.get("save")
    }
    if medians:
        print("median save: " + ", ".join(f"{k} {v:.0f} ms" for k, v in medians.items()))


# -- main ------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="measured seconds per phase")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--writers", type=int, default=10)
    parser.add_argument("--writer-pause", type=float, default=0.0, help="seconds between saves")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="uppsikt-web-load-") as temp:
        temp_dir = Path(temp)
        pg_dir = temp_dir / "postgres"
        own_postgres = not args.database_url
        if own_postgres:
            pg_dir.mkdir(mode=0o777)
            os.chmod(temp_dir, 0o755)  # as root the cluster runs as `postgres`
            args.database_url = start_postgres(pg_dir)
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
            setup = prepare(data_dir, args.writers)
            print(f"demo stored in {time.perf_counter() - started:.1f} s ({args.database_url})")
            port = free_port()
            server = start_server(env, port, args.workers)
            asyncio.run(load(port, setup, args))
        finally:
            if server is not None:
                stop_server(server)
            if own_postgres:
                stop_postgres(pg_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
