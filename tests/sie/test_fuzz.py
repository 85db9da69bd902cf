"""Fuzzing: mutated files give a Summary or a SieError, never another exception."""

from __future__ import annotations

import functools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uppsikt.sie import SieError, Summary, inspect, read_all

from . import SAMPLES, municipal_bytes, small_file

_SAMPLE_NAMES = [
    "sie4e_visma_compact_ksumma.se",
    "sie4e_bl_administration_BL0001_rtrans_btrans.SE",
    "sie4e_exempelfil_underdim_MANGLED_utf8.SE",
    "sie3_visma_adm2000_OVNINGSB3_budget.SE",
    "sie4i_exempelbolaget_small.si",
]
_INSERTS = [b'"', b"{", b"}", b"\\", b'\\"', b"\r", b"\n", b"#", b" ", b"\t", b"\x00", b"\xc3"]
_INSERTS += [b"#TRANS 1930 {} 5\n", b"#VER A 1 20250101\n", b"#KSUMMA\n", b"#RTRANS 1 {} 5\n"]


@functools.cache
def _synthetic() -> bytes:
    return municipal_bytes() + small_file(
        '#VER A 9 20250101 "x"', "{", "#RTRANS 1930 {} 5", "#TRANS 1930 {} 5", "}"
    )


@functools.cache
def _sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


@st.composite
def _mutated(draw: st.DrawFn, base: bytes) -> bytes:
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "delete", "duplicate", "truncate", "insert"]))
        start = data.rfind(b"\n", 0, at) + 1
        end = data.find(b"\n", at) + 1 or len(data)
        if op == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "delete":
            del data[start:end]
        elif op == "duplicate":
            data[start:start] = data[start:end] * draw(st.integers(1, 3))
        elif op == "truncate":
            del data[at:]
        else:
            data[at:at] = draw(st.sampled_from(_INSERTS))
    return bytes(data)


def _check(data: bytes) -> None:
    for read in (inspect, lambda d: read_all(d)[2]):
        try:
            summary = read(data)
        except SieError as e:
            assert e.message
            continue
        assert isinstance(summary, Summary)
        assert summary.transactions >= 0 and summary.vouchers >= summary.unbalanced_vouchers
        for issue in summary.issues:
            assert issue.severity in ("error", "warning", "info") and issue.message


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_synthetic_file(data: st.DataObject) -> None:
    _check(data.draw(_mutated(_synthetic())))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_sample_files(data: st.DataObject) -> None:
    names = [n for n in _SAMPLE_NAMES if (SAMPLES / n).is_file()]
    if not names:
        return  # the samples are not in users' clones; the synthetic test still runs
    _check(data.draw(_mutated(_sample(data.draw(st.sampled_from(names))))))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data: bytes) -> None:
    _check(data)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "#FLAGGA 0",
                "#KSUMMA",
                "#KSUMMA 1",
                "#SIETYP 4",
                "#RAR 0 20250101 20251231",
                '#KONTO 1930 "Bank"',
                "#KTYP 1930 X",
                "#DIM 1",
                "#UNDERDIM 2 x",
                "#OBJEKT 1",
                "#VER A 1 20250101",
                "#VER",
                "{",
                "}",
                "#TRANS 1930 {} 5",
                "#TRANS 1930 {1 A} x",
                "#RTRANS 1930 {} 5",
                "#BTRANS 1930 {} 5",
                "#TRANS",
                "#IB 0 1930 5",
                "#IB",
                "#PSALDO 0 202501 1930 {} 5",
                "#PSALDO 0 2025 1930 {}",
                "#OIB 0 1930 5",
                '#ADRESS "a',
                "#GEN 20250101",
                "#FORMAT UTF8",
                "x",
                "",
                "#",
                "#TRANS 1 {",
            ]
        ),
        max_size=30,
    )
)
def test_random_record_sequences(lines: list[str]) -> None:
    _check(("\r\n".join(["#FLAGGA 0", *lines]) + "\r\n").encode("cp437"))
