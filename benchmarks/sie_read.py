"""SIE reader throughput and memory against a bare Python loop over the same file.

Generates synthetic Kommun-Bas-shaped SIE 4E files (4 #TRANS lines per voucher, objects
``{1 "KS01" 6 "P12"}``, Swedish texts in CP437, #KSUMMA, monthly #PSALDO and #PBUDGET) with
``uppsikt.sie.write_sie`` into a cache folder (reused when present), then per size prints:

- the bare loop (``for line in f: line.split()`` on the binary file) in lines/s and MB/s,
- ``inspect()`` (what a check of the file costs) with the C accelerator ``uppsikt.sie._scan``
  and in pure Python (``UPPSIKT_SIE_PURE=1``), and ``items()`` (what an import iterates),
- the ratio inspect with C / bare loop (goal: at least 0.5),
- peak RSS of a fresh process doing inspect() and items() (goal: flat across sizes, < 300 MB).

Medians of --runs runs (default 3) for files under 2M lines, one run above.

    .venv/bin/python benchmarks/sie_read.py [--sizes 100k,1m,5m] [--runs 3] [--dir /tmp/x]
        [--no-import]
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import partial
from pathlib import Path

from uppsikt.sie import (
    Account,
    Balance,
    Dimension,
    FiscalYear,
    Header,
    SieFile,
    Transaction,
    Voucher,
    inspect,
    speedups,
    write_sie,
)

SIZES = {"100k": 100_000, "1m": 1_000_000, "5m": 5_000_000}
LINES_PER_VOUCHER = 4
YEAR = 2025


def kommun_header() -> Header:
    """A Kommun-Bas-like chart: balance accounts 1xxx/2xxx, income 3xxx, costs 4xxx–7xxx."""
    h = Header(
        flag=0,
        program="Uppsikt benchmark",
        program_version="1",
        format="PC8",
        generated=datetime.date(YEAR + 1, 2, 1),
        sie_type=4,
        company_name="Exempelkommunen",
        org_number="212000-0000",
        kptyp="EUBAS97",
        omfattn=datetime.date(YEAR, 12, 31),
    )
    h.fiscal_years = {
        0: FiscalYear(0, datetime.date(YEAR, 1, 1), datetime.date(YEAR, 12, 31)),
        -1: FiscalYear(-1, datetime.date(YEAR - 1, 1, 1), datetime.date(YEAR - 1, 12, 31)),
    }
    names = {"1": "Tillgång", "2": "Skuld", "3": "Intäkt", "4": "Personal", "5": "Lokal"}
    names |= {"6": "Köpt tjänst", "7": "Övrig kostnad"}
    for prefix, name in names.items():
        for k in range(30):
            number = f"{prefix}{k * 3:02d}0"
            h.accounts[number] = Account(number, f"{name} {k}", None)
    h.dimensions = {"1": Dimension("1", "Ansvar", None), "6": Dimension("6", "Projekt", None)}
    for k in range(1, 41):
        h.objects[("1", f"KS{k:02d}")] = f"Förvaltning {k}"
    for k in range(1, 100):
        h.objects[("6", f"P{k:02d}")] = f"Projekt {k}"
    return h


def kommun_items(h: Header, n_trans: int) -> Iterator[Voucher | Balance]:
    """Year balances, monthly outcome and budget, then balanced vouchers of four lines."""
    rng = random.Random(42)
    accounts = list(h.accounts)
    costs = [a for a in accounts if a[0] in "4567"]
    for a in accounts:
        if a[0] in "12":
            yield Balance("IB", 0, None, a, (), Decimal(0), None, 0)
            yield Balance("UB", 0, None, a, (), Decimal(0), None, 0)
        else:
            yield Balance("RES", 0, None, a, (), Decimal(0), None, 0)
        for month in range(1, 13):
            yield Balance("PSALDO", 0, YEAR * 100 + month, a, (), Decimal(0), None, 0)
            budget = Decimal(rng.randint(-(10**6), 10**6)).scaleb(-2)
            yield Balance("PBUDGET", 0, YEAR * 100 + month, a, (), budget, None, 0)
    texts = ["Inköp material", "Lön förvaltning", "Hyra lokal Åby", "Konsult byggnämnd"]
    for number in range(1, n_trans // LINES_PER_VOUCHER + 1):
        day = datetime.date(YEAR, 1, 1) + datetime.timedelta(days=number % 365)
        big = Decimal(rng.randint(100, 10**7)).scaleb(-2)
        small = Decimal(rng.randint(100, 10**6)).scaleb(-2)
        objs = (("1", f"KS{rng.randint(1, 40):02d}"), ("6", f"P{rng.randint(1, 99):02d}"))
        label = f"{texts[number % 4]} {number}"
        lines = (
            Transaction(rng.choice(costs), objs, big, day, label, None, "trans", 0),
            Transaction(rng.choice(costs), objs, small, day, label, None, "trans", 0),
            Transaction("2600", (), -small, day, "", None, "trans", 0),
            Transaction("2420", (), -big, day, label, None, "trans", 0),
        )
        yield Voucher("A", str(number), day, label, day, lines, 0)


def ensure_file(folder: Path, label: str, n_trans: int) -> tuple[Path, float]:
    """The benchmark file for a size, generated with write_sie unless already present."""
    path = folder / f"kommun_4e_{label}.se"
    if path.exists():
        return path, 0.0
    started = time.perf_counter()
    h = kommun_header()
    for a in ("2600", "2420"):
        h.accounts.setdefault(a, Account(a, "Leverantörsskulder", None))
    write_sie(path, h, kommun_items(h, n_trans))
    return path, time.perf_counter() - started


def bare_loop(path: Path) -> int:
    n = 0
    with open(path, "rb") as f:
        for line in f:
            line.split()
            n += 1
    return n


def read_items(path: Path) -> int:
    n = 0
    with SieFile(path) as f:
        for _ in f.items():
            n += 1
    return n


@contextmanager
def pure_python() -> Iterator[None]:
    """Switch the C accelerator off (as when it is not built)."""
    os.environ["UPPSIKT_SIE_PURE"] = "1"
    try:
        yield
    finally:
        del os.environ["UPPSIKT_SIE_PURE"]


def seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


_CHILD = """
import sys, resource, subprocess
code = "import sys\\nfrom uppsikt.sie import SieFile, inspect\\n" + sys.argv[2]
subprocess.run([sys.executable, "-c", code, sys.argv[1]], check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_rss_mb(path: Path, statement: str) -> float:
    """Peak RSS of a fresh process running ``statement`` (path in sys.argv[1]), measured by a
    middle process through RUSAGE_CHILDREN so earlier measurements cannot leak into it."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), statement],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.split()[-1]) / 1024  # ru_maxrss is in KiB on Linux


_POSTGRES: list[str] = []


def import_timings(path: Path) -> dict[str, float] | None:
    """Full import (read, aggregate, store) in a fresh process on SQLite and PostgreSQL,
    as `benchmarks/ledger_import.py` measures it (one run each here)."""
    sys.path.insert(0, str(Path(__file__).parent))
    from ledger_import import import_once, start_postgres

    if not _POSTGRES:
        _POSTGRES.append(start_postgres())
    return {
        "sqlite": import_once(path, None)[0],
        "postgresql": import_once(path, _POSTGRES[0])[0],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100k,1m,5m", help="comma list of 100k, 1m, 5m")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "uppsikt-sie")
    parser.add_argument("--no-import", action="store_true", help="skip the full import")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    os.environ.pop("UPPSIKT_SIE_PURE", None)
    if not speedups.available():
        print(
            "the C accelerator is not built: both inspect columns are pure Python", file=sys.stderr
        )
    header = (
        f"{'size':>5} {'MB':>6} {'lines':>9} | {'bare l/s':>10} {'MB/s':>6} | "
        f"{'insp C l/s':>10} {'MB/s':>6} | {'insp py l/s':>11} | {'C/bare':>6} | "
        f"{'items l/s':>10} {'MB/s':>6} | {'RSS insp':>8} {'RSS items':>9}"
    )
    rows = []
    for label in args.sizes.split(","):
        path, generated = ensure_file(args.dir, label, SIZES[label])
        if generated:
            print(f"generated {path} with write_sie in {generated:.1f} s", file=sys.stderr)
        megabytes = path.stat().st_size / 1e6
        runs = args.runs if SIZES[label] < 2_000_000 else 1
        lines = bare_loop(path)
        bare = seconds(partial(bare_loop, path), runs)
        summary = inspect(path)
        assert summary.errors == [], summary.errors
        checked = seconds(partial(inspect, path), runs)
        with pure_python():
            assert inspect(path) == summary  # the C path changes nothing but the time
            checked_py = seconds(partial(inspect, path), runs)
        kept = seconds(partial(read_items, path), runs)
        rss_inspect = peak_rss_mb(path, "inspect(sys.argv[1])")
        rss_items = peak_rss_mb(path, "f = SieFile(sys.argv[1])\nfor _ in f.items(): pass")
        rows.append(
            f"{label:>5} {megabytes:6.1f} {lines:9d} | "
            f"{lines / bare:10.0f} {megabytes / bare:6.1f} | "
            f"{lines / checked:10.0f} {megabytes / checked:6.1f} | {lines / checked_py:11.0f} | "
            f"{bare / checked:6.2f} | "
            f"{lines / kept:10.0f} {megabytes / kept:6.1f} | "
            f"{rss_inspect:7.0f}M {rss_items:8.0f}M"
        )
        timings = None if args.no_import else import_timings(path)
        if timings:
            rows[-1] += " | " + " ".join(f"{k} {v:.1f}s" for k, v in timings.items())
        print(rows[-1], file=sys.stderr)
    baseline = peak_rss_mb(Path(os.devnull), "pass")
    print(header)
    print("\n".join(rows))
    print(f"(RSS of a process that only imports uppsikt.sie: {baseline:.0f}M)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
