"""Broken input: a clear Swedish message with a line number, never another exception."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from uppsikt.sie import SieError, inspect, read_all
from uppsikt.sie.reader import LINE_LIMIT

from . import HEAD, municipal_bytes, sie_bytes, small_file


def test_truncated_mid_voucher() -> None:
    data = municipal_bytes(checksum=False)
    cut = data[: data.rindex(b"#TRANS") + 12]  # inside the last voucher, mid-line
    _, items, summary = read_all(cut)
    (issue,) = summary.errors
    assert issue.code == "voucher.truncated"
    ver_line = cut[: cut.rindex(b"#VER")].count(b"\n") + 1
    assert issue.line == ver_line and f"rad {ver_line}" in issue.message
    assert len(items) == len(read_all(data)[1]) - 1  # the broken voucher is left out


def test_truncated_checksummed_file() -> None:
    data = municipal_bytes()
    with pytest.raises(SieError, match="avkortad") as caught:
        read_all(data[: len(data) // 2])
    assert caught.value.line is not None


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"", "tom", None),
        (b"  \r\n\r\n\t", "tom", None),
        (b"\x00\x01\x02PK\x03\x04" + os.urandom(2000), "binära data", 1),
        (b"#FLAGGA 0\r\n#PROGRAM x\r\n\x00\x00\x00\x00", "binära data", 3),
        (
            b"\r\n<!DOCTYPE html>\r\n<html><head><title>404 Not Found</title></head>"
            b"<body><h1>Not Found</h1></body></html>\r\n",
            "HTML-sida",
            2,
        ),
        (b"<html><body>#FLAGGA</body></html>", "HTML-sida", 1),
        (b'<?xml version="1.0"?><Sie xmlns="http://www.sie.se/sie5">', "SIE 5", 1),
        ("#FLAGGA 0\r\n".encode("utf-16"), "UTF-16", 1),
        (b"Kontonummer;Namn\r\n1930;Bank\r\n", "inga SIE-poster", 1),
    ],
)
def test_not_sie_at_all(data: bytes, message: str, line: int | None) -> None:
    with pytest.raises(SieError, match=message) as caught:
        inspect(data)
    assert caught.value.line == line


def test_not_sie_saved_as_se_file(tmp_path: Path) -> None:
    page = tmp_path / "export.se"
    page.write_bytes(b"<!doctype html><html><body>Fel 500</body></html>")
    with pytest.raises(SieError, match="HTML") as caught:
        read_all(page)
    assert str(caught.value).startswith("rad 1: ")


def test_a_10_mb_line_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "lang.se"
    head = small_file()
    path.write_bytes(head + b'#PROSA "' + b"x" * 10_000_000 + b'"\r\n#IB 0 1930 5\r\n')
    tracemalloc.start()
    try:
        with pytest.raises(SieError, match="längre än") as caught:
            inspect(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert caught.value.line == len(HEAD) + 1
    assert peak < 4 * LINE_LIMIT + 3_000_000  # buffers and one bounded line, not 10 MB


def test_wrong_and_mixed_encodings_are_warnings() -> None:
    text = [*HEAD, '#VER A 1 20250101 "Övrigt"', "{", "#TRANS 1930 {} 0", "}"]
    as_utf8 = sie_bytes(*text, encoding="utf-8")
    _, items, summary = read_all(as_utf8)
    assert summary.errors == [] and summary.encoding == "utf-8"
    issue = next(i for i in summary.issues if i.code == "encoding.utf8")
    assert issue.line == 3  # the #FORMAT PC8 line
    assert items[0].text == "Övrigt"  # type: ignore[union-attr]
    mixed = sie_bytes(*text) + "#PROSA Fö\r\n".encode()
    summary = inspect(mixed)
    assert summary.encoding == "mixed"
    assert any(i.code == "encoding.mixed" and i.line == len(text) + 1 for i in summary.issues)


def test_absurd_amounts_and_impossible_dates() -> None:
    data = small_file(
        "#VER A 1 20250101",
        "{",
        "#TRANS 1930 {} 1000000000000000000000",
        "#TRANS 1930 {} 5 20250230",
        "#TRANS 1930 {} 1e5",
        "#TRANS 1930 {} 0",
        "}",
        "#PSALDO 0 202513 1930 {} 5",
        "#RAR 1 20251340 20261231",
        "#GEN 2025-01-01",
    )
    _, items, summary = read_all(data)
    n = len(HEAD)
    assert [(i.code, i.line) for i in summary.errors] == [
        ("amount.absurd", n + 3),
        ("date.invalid", n + 4),
        ("amount.invalid", n + 5),
        ("period.invalid", n + 8),
        ("date.invalid", n + 9),
        ("date.invalid", n + 10),
    ]
    assert all("rad" not in i.message or str(i.line) in i.message for i in summary.issues)
    assert [len(v.transactions) for v in items] == [1]  # type: ignore[union-attr]


def test_messages_are_swedish_and_located() -> None:
    data = small_file("#TRANS 1930 {} 5", "#VER A 1 20250101", "{", "#TRANS 1930 {} 5", "}")
    summary = inspect(data)
    assert summary.issues
    for issue in summary.issues:
        assert issue.line is not None
        assert any(w in issue.message for w in ("inte", "har", "är")), issue.message
