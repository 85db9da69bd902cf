"""The C accelerator (``_scan.c``) gives exactly what the pure-Python reader gives.

Every comparison reads the same input twice, once with the extension and once with
``UPPSIKT_SIE_PURE=1``, and compares the whole summary (counts and their order, checksum,
encoding, unbalanced vouchers, every issue with its line) or the SieError and its line.
The C tests skip where the extension is not built, unless ``UPPSIKT_REQUIRE_SPEEDUPS=1``
(CI), where its absence is a failure.
"""

from __future__ import annotations

import dataclasses
import io
import os
import random
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optional import require
from uppsikt.sie import SieError, inspect, read_all, speedups
from uppsikt.sie.reader import LINE_LIMIT

from . import HEAD, SAMPLES, municipal_bytes, samples_or_skip, sie_bytes, small_file
from .test_fuzz import _SAMPLE_NAMES, _mutated, _sample, _synthetic


@contextmanager
def _pure(on: bool) -> Iterator[None]:
    old = os.environ.get("UPPSIKT_SIE_PURE")
    os.environ["UPPSIKT_SIE_PURE"] = "1" if on else "0"
    try:
        yield
    finally:
        if old is None:
            del os.environ["UPPSIKT_SIE_PURE"]
        else:
            os.environ["UPPSIKT_SIE_PURE"] = old


def _c_or_skip() -> None:
    with _pure(False):
        if os.environ.get("UPPSIKT_REQUIRE_SPEEDUPS") == "1" and not speedups.available():
            pytest.fail("uppsikt.sie._scan is not built")
        require(speedups.available(), "the C accelerator uppsikt.sie._scan")


def _outcome(source: Callable[[], Any], encoding: str | None) -> Any:
    try:
        s = inspect(source(), encoding=encoding)
    except SieError as e:
        return ("SieError", e.message, e.line)
    return dataclasses.asdict(s), list(s.label_counts), list(s.unknown_labels)


def same(data: bytes | Callable[[], Any], encoding: str | None = None) -> Any:
    """inspect() with and without the extension; asserts equality, returns the outcome."""
    source = data if callable(data) else (lambda: data)
    with _pure(False):
        fast = _outcome(source, encoding)
    with _pure(True):
        pure = _outcome(source, encoding)
    assert fast == pure
    return fast


class _Dribble(io.BytesIO):
    """A stream that hands out at most ``n`` bytes per readinto(): every line of a file
    then crosses the C reader's buffer boundaries."""

    def __init__(self, data: bytes, n: int) -> None:
        super().__init__(data)
        self.n = n

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)[: self.n]
        return super().readinto(view)


def test_extension_is_built_where_required() -> None:
    _c_or_skip()
    from uppsikt.sie import _scan

    assert _scan.Lines.__name__ == "Lines"


def test_c_path_does_the_work() -> None:
    """Not a fallback in disguise: the C code reads the simple voucher lines."""
    _c_or_skip()
    seen: list[Any] = []
    real = speedups.scanner

    def spy(lines: Any, state: Any) -> Any:
        seen.append(real(lines, state))
        return seen[-1]

    with _pure(False), pytest.MonkeyPatch.context() as mp:
        mp.setattr(speedups, "scanner", spy)
        summary = inspect(_generated(2000, seed=1))
    assert summary.errors == []
    assert seen[0].n_fast > 1500 and seen[0].closed > 400


# ---- whole files ----------------------------------------------------------------------


def test_sample_files() -> None:
    _c_or_skip()
    folder = samples_or_skip()
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".se", ".si", ".sie"))
    assert files
    for path in files:
        same(path.read_bytes())
        same(lambda path=path: path)  # type: ignore[misc]  # from the file itself


def test_synthetic_files() -> None:
    _c_or_skip()
    same(municipal_bytes())
    same(municipal_bytes(checksum=False))
    same(municipal_bytes().replace(b"\r\n", b"\n"))


def _kronor(ore: int, style: int) -> str:
    """An amount as SIE writes it: two decimals, or fewer when they are zeros (style)."""
    sign, ore = ("-" if ore < 0 else ""), abs(ore)
    if style == 0 and ore % 100 == 0:
        return f"{sign}{ore // 100}"
    if style == 1 and ore % 10 == 0:
        return f"{sign}{ore // 100}.{ore % 100 // 10}"
    return f"{sign}{ore // 100}.{ore % 100:02d}"


def _generated(n: int, seed: int, *, eol: str = "\r\n", unbalanced: float = 0.0) -> bytes:
    """Vouchers of the shapes the fast paths meet, with a few that they must hand back."""
    rng = random.Random(seed)
    lines = [*HEAD, '#OBJEKT 6 "P1" "Projekt"', "#IB 0 1930 100.00", "#UB 0 1930 100"]
    objects = ["{}", "{ }", '{1 "KS01"}', '{1 KS01 6 "P1"}', '{"1" "KS01"}', "{1  KS02   }"]
    for v in range(n // 4):
        amounts = [rng.choice([1, 10, 99, 12345]) * rng.choice([1, 10, 100]) for _ in range(3)]
        if rng.random() < unbalanced:
            amounts.append(-sum(amounts) + rng.choice([1, -7, 100]))
        else:
            amounts.append(-sum(amounts))
        text = rng.choice(["", ' "Lön"', ' "Kaffe \\"bästa\\""', " Hyra", ' "a\tb"'])
        series = rng.choice(["A", '""', "LEV1"])
        lines.append(f"#VER {series} {v + 1} 2025{v % 12 + 1:02d}15{text}")
        lines.append("{")
        for k, ore in enumerate(amounts):
            account = rng.choice(["1930", "3010", "4010", "5010"])
            kr = _kronor(ore, k % 3)
            date = rng.choice(["", " 20250105", ' 20250105 "Rad"', " 20250105 x 2.5"])
            lines.append(f"   #TRANS {account} {rng.choice(objects)} {kr}{date}")
        lines.append("}")
    return sie_bytes(*lines, eol=eol)


@pytest.mark.parametrize("eol", ["\r\n", "\n"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_files(eol: str, seed: int) -> None:
    _c_or_skip()
    data = _generated(3000, seed, eol=eol, unbalanced=0.05)
    outcome = same(data)
    assert outcome[0]["unbalanced_vouchers"] > 0
    same(data[:-1])  # no final line break
    same(data + b"#TRANS 1930 {} 5")  # a last line the patterns must not take


def test_lines_cross_every_buffer_boundary() -> None:
    _c_or_skip()
    data = _generated(400, 7)
    for n in (1, 2, 3, 7, 64):
        same(partial(_Dribble, data, n))
    big = _generated(40_000, 8)  # several buffer fills of 128 KiB
    assert len(big) > 1_000_000
    same(big)


@pytest.mark.parametrize("encoding", [None, "latin-1", "utf-8", "cp437"])
def test_encodings(encoding: str | None) -> None:
    _c_or_skip()
    text = [*HEAD, '#VER A 1 20250101 "Övrigt"', "{", '#TRANS 1930 {} 5 20250101 "Åby"']
    text += ["#TRANS 3010 {} -5", "}"]
    for codec in ("cp437", "utf-8", "latin-1"):
        same(sie_bytes(*text, encoding=codec), encoding)
    mixed = sie_bytes(*text) + sie_bytes(*text[len(HEAD) :], encoding="latin-1")
    same(mixed, encoding)
    same(b"\xef\xbb\xbf" + sie_bytes(*text, encoding="utf-8"), encoding)


@pytest.mark.parametrize("byte", [0x80, 0x9F, 0xA0, 0xC1, 0xC2, 0xC3, 0xF4, 0xF5, 0xF6, 0xF7])
@pytest.mark.parametrize("after", [b"", b"\xa0", b"\x80\x80", b"\x94"])
@pytest.mark.parametrize("base", ["cp437", "utf-8", "latin-1"])
def test_encoding_boundary_bytes(byte: int, after: bytes, base: str) -> None:
    """The bytes at the edges of encoding.quick_check's ranges, in vouchers after a header
    whose many lines settle the base encoding."""
    _c_or_skip()
    odd = bytes([byte]) + after
    body = [b"#VER A 1 20250101 x" + odd, b"{", b"#TRANS 1930 {} 5 20250101 " + odd]
    body += [b"#TRANS 3010 {} -5", b"}"]
    prosa = [f'#PROSA "Övrigt {i}"' for i in range(30)]
    data = sie_bytes(*HEAD, *prosa, encoding=base) + b"".join(x + b"\r\n" for x in body * 3)
    same(data)
    same(data, "latin-1")


def test_line_ends_of_braces_count() -> None:
    """Only the brace lines end differently: the verdict must still be "mixed"."""
    _c_or_skip()
    data = _voucher("#TRANS 1930 {} 5", "#TRANS 3010 {} -5") * 1
    for brace in (b"{", b"}"):
        changed = data.replace(brace + b"\r\n", brace + b"\n")
        assert same(changed)[0]["line_ending"] == "mixed"


# ---- edge cases of the C code -----------------------------------------------------------


def _voucher(*trans: str, ver: str = "#VER A 1 20250101") -> bytes:
    return small_file(ver, "{", *trans, "}")


@pytest.mark.parametrize(
    "trans",
    [
        ("#TRANS 1930 {} 5", "#TRANS 3010 {} -5"),
        ("#TRANS 1930 {} 5.5", "#TRANS 3010 {} -5.50"),
        ("#TRANS 1930 {} -0.01", "#TRANS 3010 {} .01"),
        ("#TRANS 1930 {} 5.", "#TRANS 3010 {} -5"),
        ("#TRANS 1930 {} 1.005", "#TRANS 3010 {} -1.005"),
        ("#TRANS 1930 {} 1.005", "#TRANS 3010 {} 5", "#TRANS 4010 {} -5"),  # öre sum 0
        ("#TRANS 1930 {} +5", "#TRANS 3010 {} -5"),
        ("#TRANS 1930 {} 999999999999999.99", "#TRANS 3010 {} -999999999999999.99"),
        ("#TRANS 1930 {} 9999999999999999", "#TRANS 3010 {} -1"),
        ("#TRANS 1930 {} 000000000000000001", "#TRANS 3010 {} -1"),
        ('#TRANS 1930 {1 "KS01"} 5 20250101 "sa \\"hej\\""', "#TRANS 3010 {} -5"),
        ('#TRANS 1930 {1 "K}S"} 5', '#TRANS 3010 {1 "KS01" 6} -5'),
        ('#TRANS 1930 {1 "KS01} 5', "#TRANS 3010 {} -5"),
        ("#TRANS 1930 {1 KS01 6 P1 7} 5", "#TRANS 3010 { } -5"),
        ("#TRANS 1930 {} 5 20251301", "#TRANS 3010 {} -5 20240101"),
        ("#TRANS 1930 {} 5 2025010", "#TRANS 3010 {} -5 202501011"),
        ("#TRANS 1930 {} 5 20250101 text 1.5", "#TRANS 3010 {} -5 20250101 text 1.5 x"),
        ('#TRANS 1930 {} 5 20250101 te"xt', '#TRANS 3010 {} -5 20250101 ""'),
        ("#TRANS 1930 {} 5\x00", "#TRANS 3010 {\x00} -5 20250101 a\x00b"),
        ("#TRANS 1930 {} 5 \r", "#TRANS\t3010\t{}\t-5\t\t"),
        ("#TRANS 99 {} 5", "#TRANS 3010 {} -5", "#trans 1930 {} 5", "#TRANS 1930 {} -5"),
        ("#RTRANS 1930 {} 5", "#TRANS 1930 {} 5", "#TRANS 3010 {} -5"),
        ("#BTRANS 1930 {} 5", "#TRANS 1930 {} 5", "#TRANS 3010 {} -5"),
        ("#TRANS 1930 {} 5", "{", "#TRANS 3010 {} -5"),
        (),
    ],
)
def test_voucher_lines(trans: tuple[str, ...]) -> None:
    _c_or_skip()
    for eol in ("\r\n", "\n"):
        data = _voucher(*trans).replace(b"\r\n", eol.encode())
        same(data)
        same(data + _voucher(*trans)[len(small_file()) :])  # a second voucher after it


@pytest.mark.parametrize(
    "ver",
    [
        '#VER "" "" 20250101',
        '#VER A 1 20250101 "Text med \\"citat\\"" 20250102',
        "#VER A 1 20250101 Text 20251340",
        "#VER A 1 20260101",
        "#VER A 1 20250101 Text 20250102 sign",
        "#VER # 1 20250101",
        "#VER A 1 2025010",
        "  #VER\tA\t1\t20250101\t",
    ],
)
def test_voucher_headers(ver: str) -> None:
    _c_or_skip()
    trans = ("#TRANS 1930 {} 5", "#TRANS 3010 {} -5")
    same(_voucher(*trans, ver=ver) + _voucher(*trans, ver=ver)[len(small_file()) :])


def test_huge_sums_do_not_wrap() -> None:
    """Each amount fits 64 bits, their sum does not: Python's exact int takes over."""
    _c_or_skip()
    big = "#TRANS 1930 {} 999999999999999.99"
    outcome = same(_voucher(*[big] * 100))
    assert outcome[0]["unbalanced_vouchers"] == 1
    message = next(i for i in outcome[0]["issues"] if i["code"] == "voucher.unbalanced")
    assert "99999999999999999.00" in message["message"]
    same(_voucher(*[big] * 100, *[big.replace(" 9", " -9")] * 100))
    same(_voucher(*[big.replace(" 9", " -9")] * 100))


def test_checksums() -> None:
    _c_or_skip()
    data = municipal_bytes()
    assert same(data)[0]["checksum"] == "ok"
    at = data.index(b"#TRANS")
    for flipped in (data[:at] + b"#TRANS 1931" + data[at + 11 :], data.replace(b"-", b"", 1)):
        assert same(flipped)[0]["checksum"] == "mismatch"
    truncated = data[: data.rindex(b"#KSUMMA")]
    assert same(truncated)[0] == "SieError"
    after = data + sie_bytes("#VER A 99 20250101", "{", "#TRANS 1930 {} 5", "}")
    same(after)


def test_a_10_mb_line() -> None:
    _c_or_skip()
    long = small_file() + b'#PROSA "' + b"x" * 10_000_000 + b'"\r\n#IB 0 1930 5\r\n'
    assert same(long)[0] == "SieError"
    inside = _voucher("#TRANS 1930 {} 5 20250101 " + "x" * (LINE_LIMIT - 40), "#TRANS 3010 {} -5")
    same(inside)
    same(_voucher("#TRANS 1930 {} 5 20250101 " + "x" * (LINE_LIMIT + 10), "#TRANS 3010 {} -5"))


def test_nul_bytes_and_junk() -> None:
    _c_or_skip()
    same(_voucher("#TRANS 1930 {} 5", "#TRANS 3010 {} -5") + b"\x00" * 10 + b"\r\n")
    same(b"#FLAGGA 0\r\n\x00\x00#VER\r\n")


# ---- the line reader itself ----------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=400).map(lambda b: b.replace(b"\x00", b"\n")),
    st.integers(1, 40),
    st.integers(1, 50),
)
def test_lines_are_what_readline_gives(data: bytes, limit: int, n: int) -> None:
    _c_or_skip()
    from uppsikt.sie._scan import Lines

    expected = list(iter(partial(io.BytesIO(data).readline, limit), b""))
    assert list(Lines(_Dribble(data, n), limit)) == expected


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300), st.integers(0, 2**32 - 1))
def test_crc_is_zlibs(data: bytes, crc: int) -> None:
    _c_or_skip()
    from uppsikt.sie import _scan

    assert _scan.crc32(data, crc) == zlib.crc32(data, crc)


# ---- fuzzing: the mutated inputs of test_fuzz.py ---------------------------------------------


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_synthetic_file(data: st.DataObject) -> None:
    _c_or_skip()
    same(data.draw(_mutated(_synthetic())))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_sample_files(data: st.DataObject) -> None:
    _c_or_skip()
    names = [n for n in _SAMPLE_NAMES if (SAMPLES / n).is_file()]
    if not names:
        return
    same(data.draw(_mutated(_sample(data.draw(st.sampled_from(names))))))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_generated_file(data: st.DataObject) -> None:
    _c_or_skip()
    same(data.draw(_mutated(_generated(80, 3, unbalanced=0.1))))


def test_items_are_unchanged_by_the_line_reader() -> None:
    """items() keeps the Python loop but reads its lines through _scan.Lines."""
    _c_or_skip()
    for data in (municipal_bytes(), _generated(400, 5)):
        with _pure(False):
            fast = read_all(data)
        with _pure(True):
            pure = read_all(data)
        assert fast == pure


# ---- balance records and first sightings (_scan_balances.c) -----------------------------


def _balances(*records: str, eol: str = "\r\n") -> bytes:
    """Balance records after a first one (which Python reads, starting the C code), then a
    voucher, all inside a #KSUMMA (its mismatch message shows the CRC computed)."""
    head = (HEAD[0], "#KSUMMA", *HEAD[1:])
    tail = ("#VER A 1 20250101", "{", "#TRANS 1930 {} 5", "#TRANS 3010 {} -5", "}")
    return sie_bytes(*head, "#IB 0 1930 1", *records, *tail, "#KSUMMA 1", eol=eol)


def _hook_calls() -> tuple[dict[str, int], Any]:
    """A counter of the calls of each hook, and a replacement for speedups.hooks."""
    calls = {"objects": 0, "account": 0, "date": 0, "balance": 0}
    real = speedups.hooks

    def counting(state: Any) -> Any:
        def count(name: str, hook: Callable[..., Any]) -> Callable[..., Any]:
            def counted(*args: Any) -> Any:
                calls[name] += 1
                return hook(*args)

            return counted

        hooks: tuple[Callable[..., Any], ...] = real(state)
        return tuple(count(name, hook) for name, hook in zip(calls, hooks, strict=True))

    return calls, counting


def test_c_path_reads_balances_and_new_keys() -> None:
    """The balance records and the first sightings go through the hooks, not back to Python."""
    _c_or_skip()
    calls, counting = _hook_calls()
    records = [f"#PSALDO 0 2025{m:02d} 3010 {{1 KS{m:02d}}} {m}.50" for m in range(1, 13)]
    vouchers = []
    for v in range(2, 30):
        trans = f"#TRANS {v}00 {{1 X{v}}} 5 2025040{v % 9 + 1}"
        vouchers += [f"#VER A {v} 202503{v:02d}", "{", trans, "#TRANS 1930 {} -5", "}"]
    with _pure(False), pytest.MonkeyPatch.context() as mp:
        mp.setattr(speedups, "hooks", counting)
        same(_balances(*records, *vouchers))
    assert calls["balance"] == 12
    assert calls["objects"] >= 28 and calls["account"] >= 28 and calls["date"] >= 28


@pytest.mark.parametrize(
    "record",
    [
        "#IB 0 1930 100.00",
        "#IB -1 1930 100",
        "#IB 0 1930 100.00 5",
        "#IB 0 1930 100.00 x",
        '#IB 0 1930 100.00 "q t"',
        '#IB 0 1930 100.00 ""',
        "#IB 0 1930 100.00 5 6",
        "#IB 0 1930 {} 100",
        '#IB 0 1930 {1 "KS01"} 100',
        "#IB 0 1930",
        "#IB 0",
        "#IB",
        "#IB x 1930 5",
        "#IB 999999999 1930 5",
        "#IB -999999999 1930 5",
        "#IB 1234567890 1930 5",
        '#IB "0" 1930 5',
        '#IB 0 "1930" 5',
        "#IB 0 193O 5",
        "#IB 0 1930 1.005",
        "#IB 0 1930 5,00",
        "#IB 0 1930 +5",
        "#IB 0 1930 -0.00",
        "#IB 0 1930 999999999999999.99",
        "#IB 0 1930 9999999999999999",
        "#IB 0 1930 000000000000000001",
        "#IB 0 1930 5 {}",
        "#IB 0 1930 5\x0b",
        "#IB 0 1930 5 a\x0cb",
        "#IB 0 1930 5 a\\b",
        "#IB0 1930 5",
        "#ib 0 1930 5",
        "  #UB\t0\t1930\t5\t",
        "#UB 0 2440 5",
        "#RES 0 3010 -5 1.5",
        "#RES -1 9999 5",
        "#PSALDO 0 202501 3010 {} 5",
        "#PSALDO 0 202501 3010 {} 5 2.5",
        "#PSALDO 0 202513 3010 {} 5",
        "#PSALDO 0 202500 3010 {} 5",
        "#PSALDO 0 000001 3010 {} 5",
        "#PSALDO 0 20251 3010 {} 5",
        "#PSALDO 0 202501 3010 5",
        "#PSALDO 0 202501 3010 { } 5",
        '#PSALDO 0 202501 3010 {1 "KS01"} 5',
        "#PSALDO 0 202501 3010 {1} 5",
        "#PSALDO 0 202501 3010 {1 KS01 6} 5",
        '#PSALDO 0 202501 3010 {1 "KS01} 5',
        '#PSALDO 0 202501 3010 {1 "K}S"} 5',
        "#PSALDO 0 202501 3010 {1 K\\S} 5",
        '#PSALDO 0 202501 3010 {1 "KS01""6"P1} 5',
        "#PSALDO 0 202501 3010 {1 Å} 5",
        "#PSALDO 0 202501 3010 {9 X} 5",
        "#PSALDO 0 202501 3010 {" + " ".join(f"{d} O{d}" for d in range(20)) + "} 5",
        "#PSALDO 0 202501 3010 {1 KS01}{6 P1} 5",
        "#PSALDO 0 202501 3010 {1 KS01} {6 P1} 5",
        "#PBUDGET 0 202501 3010 {} 5",
        "#PBUDGET 0 202501 3010 {} 5.555",
        "#PBUDGET 0 202501 3010",
        "#OIB 0 1930 {1 KS01} 5",
        "#OIB 0 1930 5",
        "#OUB 0 1930 {} 5",
        "#OUB 0 1930 {1 KS01}",
        "#PSALDO 0 202501 3010 {} 5 \xa0",
        '#PSALDO 0 202501 3010 {} 5 "Övrigt"',
    ],
)
def test_balance_records(record: str) -> None:
    _c_or_skip()
    for eol in ("\r\n", "\n"):
        outcome = same(_balances(record, record, eol=eol))
        assert outcome[0]["checksum"] == "mismatch"
    same(sie_bytes(*HEAD, "#IB 0 1930 1", record) + record.encode("cp437"))  # no last \n


@pytest.mark.parametrize("codec", ["cp437", "utf-8", "latin-1"])
@pytest.mark.parametrize("encoding", [None, "latin-1"])
def test_balance_encodings(codec: str, encoding: str | None) -> None:
    """Non-ASCII balance records in each base encoding, mixed, and with an override."""
    _c_or_skip()
    records = ['#PSALDO 0 202501 3010 {1 "Åby"} 5 "Övrigt"', '#UB 0 1930 5 "é"']
    records += ["#PSALDO 0 202501 3010 {1 KS01} 5 Ö", "#PBUDGET 0 202501 3010 {} 5 ü"]
    prosa = [f'#PROSA "Övrigt {i}"' for i in range(30)]
    data = sie_bytes(*HEAD, *prosa, "#IB 0 1930 1", *records, *records, encoding=codec)
    same(data, encoding)
    other = "utf-8" if codec == "latin-1" else "latin-1"
    same(data + sie_bytes(*records, encoding=other), encoding)


@pytest.mark.parametrize(
    "records",
    [
        # IB + ΣPSALDO ≠ UB, ΣPSALDO ≠ RES, with and without per-object records
        ("#IB 0 1930 100", "#PSALDO 0 202501 1930 {} 30", "#UB 0 1930 150"),
        ("#RES 0 3010 -50", "#PSALDO 0 202501 3010 {} -40", "#PSALDO 0 202501 3010 {1 KS01} -10"),
        ("#RES 0 3010 -50", "#PSALDO 0 202501 3010 {} -40", "#PSALDO 0 202502 3010 {} -9"),
        # the exponents and zeros of the Decimal sums shown in the messages
        ("#IB 0 4010 0.00", "#IB 0 4010 5", "#PSALDO 0 202501 4010 {} 0.0", "#UB 0 4010 3.0"),
        ("#IB 0 1930 -0.00", "#PSALDO 0 202501 1930 {} -0", "#UB 0 1930 0.01"),
        ("#PSALDO -1 202412 1930 {} 7", "#UB -1 1930 8", "#IB -1 1930 0"),
        ("#PSALDO 0 202601 1930 {} 7", "#PSALDO 0 202401 1930 {} 7", "#UB 0 1930 1"),
        # sums far beyond 64 bits of öre stay exact
        ("#PSALDO 0 202501 3010 {} 999999999999999.99",) * 30 + ("#RES 0 3010 1",),
        # a voucher in between, and records between #VER and its {
        ("#VER A 1 20250101", "#IB 0 1930 5", "{", "}", "#UB 0 1930 5"),
        ("#VER A 1 20250101", "{", "#TRANS 1930 {} 5", "#TRANS 3010 {} -5", "}", "#UB 0 1930 5"),
        ("#VER A 1 20250101", "{", "#TRANS 1930 {} 5", "#UB 0 1930 5", "}"),
        ("#KONTO 2440 Skuld", "#UB 0 2440 5", "#IB 0 2450 1", "#OBJEKT 1 KS99 x"),
        ("#PSALDO 0 202501 3010 {1 KS98} 5", "#TRANS 1930 {1 KS98} 5", "#OBJEKT 1 KS98 x"),
    ],
)
def test_balance_sequences(records: tuple[str, ...]) -> None:
    _c_or_skip()
    same(_balances(*records))
    same(sie_bytes(*HEAD, "#IB 0 1930 1", *records))


def test_label_limit_after_the_c_code_started() -> None:
    """Beyond 500 distinct labels a new one counts as "(övriga)": the hook leaves it."""
    _c_or_skip()
    unknown = [f"#X{i} 1" for i in range(500)]
    outcome = same(_balances(*unknown, "#UB 0 1930 5", "#PSALDO 0 202501 1930 {} 5"))
    assert "(övriga)" in outcome[0]["label_counts"]


def test_first_sightings_in_vouchers() -> None:
    """New dates (valid, impossible, outside the years), accounts and object lists on the
    lines the C code reads, once they are no longer the first voucher."""
    _c_or_skip()
    rows = [("20250102", "20250103", "{1 KS01}", "1930")]
    rows += [("20260101", "20250104", "{1 KS02}", "2440"), ("20250230", "", "{}", "1930")]
    rows += [("20250105", "20251340", '{1 "KS01" 7 X}', "9999"), ("2025", "", "{}", "1930")]
    rows += [("20250106", "20240101", "{1 KS01 6}", "1930"), ("20250107", "", "{1 KS01 6}", "1")]
    rows += [("20250108", "19000101", "{1 KS03}", "4010"), ("20250109", "", "{7 Y 7 Y}", "77")]
    body = ["#VER A 0 20250101", "{", "}"]
    for k, (ver_date, trans_date, objs, account) in enumerate(rows):
        reg = f" x {trans_date}" if trans_date else ""
        body += [f"#VER A {k + 1} {ver_date}{reg}", "{"]
        body += [f"#TRANS {account} {objs} 5 {trans_date}".rstrip(), f"#TRANS 3010 {objs} -5", "}"]
    data = small_file(*body)
    same(data)
    same(data * 2)
    for n in (1, 5):
        same(partial(_Dribble, data, n))


def test_object_cache_cleared_while_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader bounds its object-list cache by clearing it; the C memo must forget too,
    or an odd list would lose the warning Python gives on each new reading."""
    _c_or_skip()
    from uppsikt.sie import core

    monkeypatch.setattr(core, "_CACHE_LIMIT", 3)
    rng = random.Random(11)
    body = ["#VER A 0 20250101", "{", "}"]
    for v in range(300):
        objs = rng.choice(["{1 KS01 6}", "{1 KS02}", "{6 P1}", "{1 KS03 6 P2}", "{9 Z}", "{}"])
        body += [f"#VER A {v + 1} 20250101", "{", f"#TRANS 1930 {objs} 5", "#TRANS 3010 {} -5"]
        body += ["}", f"#PSALDO 0 202501 3010 {objs} 5"]
    same(small_file(*body))


def _balance_heavy(n: int, seed: int) -> bytes:
    """Many balance records of every kind and vouchers with many object lists."""
    rng = random.Random(seed)
    lines = [HEAD[0], "#KSUMMA", *HEAD[1:]]
    for a in ("1930", "3010", "4010", "2440"):
        lines += [f"#IB 0 {a} {rng.randint(-999, 999)}.{rng.randint(0, 99):02d}"]
        lines += [f"#UB 0 {a} {rng.randint(-999, 999)}", f"#RES -1 {a} 5.5"]
        for m in range(1, 13):
            objs = rng.choice(["{}", "{1 KS01}", '{1 "KS02"}', "{6 P1 1 KS01}"])
            lines += [f"#PSALDO 0 2025{m:02d} {a} {objs} {rng.randint(-99, 99)}.5 1"]
            lines += [f"#PBUDGET 0 2025{m:02d} {a} {{}} {rng.randint(-99, 99)}"]
            lines += [f"#OIB 0 {a} {objs} 1", f"#OUB -1 {a} {objs} 2.25"]
    for v in range(n):
        objs = f"{{1 KS{rng.randint(1, 20):02d} 6 P{rng.randint(1, 9)}}}"
        date = f"2025{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        lines += [f"#VER A {v + 1} {date}", "{", f"#TRANS 4010 {objs} 7 {date}"]
        lines += ["#TRANS 1930 {} -7", "}"]
    return sie_bytes(*lines, "#KSUMMA 1")


def test_balance_heavy_files() -> None:
    _c_or_skip()
    data = _balance_heavy(300, 4)
    same(data)
    same(data.replace(b"\r\n", b"\n"))
    for n in (1, 3, 64):
        same(partial(_Dribble, data, n))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_balance_file(data: st.DataObject) -> None:
    _c_or_skip()
    same(data.draw(_mutated(_balance_heavy(40, 5))))


def test_configure_checks_the_hooks() -> None:
    _c_or_skip()
    from uppsikt.sie._scan import Lines

    lines = Lines(io.BytesIO(b""), 10)
    for bad in ((), (len, len, len), (len, len, len, 5)):
        with pytest.raises((TypeError, ValueError)):
            lines.configure({}, set(), {}, {}, 0, bad)  # type: ignore[arg-type]
