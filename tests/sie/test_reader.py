"""Reading: records into the model, voucher semantics, checksum, encodings, consistency."""

from __future__ import annotations

import datetime
import io
import zlib
from decimal import Decimal
from typing import Any

import pytest

from uppsikt.sie import (
    Account,
    Balance,
    Dimension,
    FiscalYear,
    SieError,
    SieFile,
    Summary,
    Transaction,
    Voucher,
    inspect,
    read_all,
)
from uppsikt.sie.encoding import classify_line, detect

from . import HEAD, municipal_bytes, municipal_header, sie_bytes, small_file


def codes(summary: Summary) -> list[str]:
    return [i.code for i in summary.issues]


def vouchers(items: list[Voucher | Balance]) -> list[Voucher]:
    return [i for i in items if isinstance(i, Voucher)]


def test_header_records() -> None:
    data = small_file(
        '#ORGNR "212000-1234"',
        "#KPTYP EUBAS97",
        "#KTYP 1930 T",
        '#UNDERDIM 61 "Delprojekt" 6',
        '#OBJEKT 61 "0102" "Del 2"',
        '#ADRESS "Eva" "Box 1" "123 45 Orten" "012-34"',
        "#TAXAR 2026 ÅRL",  # unknown trailing field, ignored
        "#OMFATTN 20251231",
        "#SRU 1930 7281",
        '#ENHET 4010 "Tim"',
    )
    header, items, summary = read_all(data)
    assert items == []
    assert header.program == "Test" and header.program_version == "1.0"
    assert header.generated == datetime.date(2025, 2, 1)
    assert header.fiscal_years[-1] == FiscalYear(
        -1, datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)
    )
    assert header.accounts["1930"] == Account("1930", "Bank", "T")
    assert header.accounts["3010"].name == "Försäljning"
    assert header.dimensions["61"] == Dimension("61", "Delprojekt", "6")
    assert header.objects[("1", "KS01")] == "Kommunstyrelsen"
    assert header.address == ("Eva", "Box 1", "123 45 Orten", "012-34")
    assert (header.org_number, header.kptyp, header.tax_year) == ("212000-1234", "EUBAS97", 2026)
    assert header.sru == {"1930": ("7281",)} and header.units == {"4010": "Tim"}
    assert header.currency == "SEK"
    assert summary.file_type == "4E"  # #SIETYP 4 without balances or vouchers
    assert summary.errors == []


def test_voucher_and_object_lists() -> None:
    data = small_file(
        '#VER A 1 20250105 "Kaffe" 20250110',
        "{",
        '   #TRANS 4010 {1 "KS01" 6 0001} 100.50 20250104 "Bröd" 2',
        "   #TRANS 1930 {} -100.50",
        "}",
    )
    _, items, summary = read_all(data)
    (v,) = vouchers(items)
    assert (v.series, v.number, v.date, v.text) == ("A", "1", datetime.date(2025, 1, 5), "Kaffe")
    assert v.registered == datetime.date(2025, 1, 10)
    first, second = v.transactions
    assert first == Transaction(
        "4010",
        (("1", "KS01"), ("6", "0001")),
        Decimal("100.50"),
        datetime.date(2025, 1, 4),
        "Bröd",
        Decimal(2),
        "trans",
        0,
    )
    assert second.date is None and second.line == v.line + 3
    assert v.balance == 0
    assert summary.vouchers == 1 and summary.transactions == 2
    assert summary.file_type == "4I"


def test_slow_and_fast_paths_give_the_same_transaction() -> None:
    fast = '#TRANS 4010 {1 "KS01"} 5.00 20250104 "x y"'
    slow = fast + ' "" "Eva"'  # a signature: not on the fast path
    _, items, _ = read_all(
        small_file('#VER A 1 20250105 ""', "{", fast, slow, "#TRANS 1930 {} -10", "}")
    )
    a, b, _ = vouchers(items)[0].transactions
    assert b.signature == "Eva"
    assert a == Transaction(
        b.account, b.objects, b.amount, b.date, b.text, b.quantity, b.kind, 0, ""
    )


def test_rtrans_mirror_and_btrans() -> None:
    data = small_file(
        "#VER A 8 20250110 x",
        "{",
        '#BTRANS 1930 {} -1000 20251007 "" "" "Eva"',
        '#RTRANS 1930 {} -900 20251007 "" "" "Eva"',
        "#TRANS 1930 {} -900 20250110",  # the mirror: other date, same account and amount
        "#TRANS 4010 {} 900",
        "}",
    )
    _, items, summary = read_all(data)
    (v,) = vouchers(items)
    assert [t.kind for t in v.transactions] == ["btrans", "rtrans", "trans"]
    assert [t.kind for t in v.effective()] == ["rtrans", "trans"]
    assert v.balance == 0
    assert summary.label_counts["TRANS"] == 2  # raw lines, mirror included
    assert summary.transactions == 3  # each line once
    assert summary.issues == []


def test_rtrans_without_mirror_is_kept_and_warned() -> None:
    data = small_file("#VER A 1 20250110 x", "{", "#RTRANS 1930 {} -5", "#TRANS 4010 {} 7", "}")
    _, items, summary = read_all(data)
    issue = next(i for i in summary.issues if i.code == "rtrans.no_mirror")
    assert issue.line == len(HEAD) + 3
    assert [t.amount for t in vouchers(items)[0].transactions] == [-5, 7]
    assert summary.unbalanced_vouchers == 1


def test_unbalanced_voucher_names_its_line() -> None:
    data = small_file("#VER B 7 20250110", "{", "#TRANS 1930 {} 10.00", "#TRANS 4010 {} -9.99", "}")
    summary = inspect(data)
    issue = next(i for i in summary.issues if i.code == "voucher.unbalanced")
    assert issue.line == len(HEAD) + 1 and "B 7" in issue.message and "0.01" in issue.message
    assert summary.unbalanced_vouchers == 1


def _plain(line: str) -> bytes:
    """Covered bytes of a HEAD line (no escapes there): fields without quotes or spaces."""
    parts = line.split('"')
    return "".join(p if i % 2 else p.replace(" ", "") for i, p in enumerate(parts)).encode("cp437")


def test_ksumma_vector_with_tabs_quotes_and_escapes() -> None:
    lines = [
        '#VER\tA\t1\t20250101\t"\\"x\\""',
        "{",
        '\t#TRANS\t1930\t{"6"\t"SM-ÄLJ"}\t-5.00\t20250101\t"a b"\t0.00',
        "\t#TRANS\t4010\t{}\t5.00",
        "}",
    ]
    # What 4B §10 covers, spelled out: label and field values, the object list's contents,
    # \" as ", whitespace inside quotes kept; no braces, separators or line ends.
    covered = [
        b'#VERA120250101"x"',
        b"#TRANS19306SM-\x8eLJ-5.0020250101a b0.00",
        b"#TRANS40105.00",
    ]
    crc = 0
    for chunk in [_plain(line) for line in HEAD[1:]] + covered:
        crc = zlib.crc32(chunk, crc)
    data = sie_bytes(HEAD[0], "#KSUMMA", *HEAD[1:], *lines, f"#KSUMMA {crc}")
    summary = inspect(data)
    assert summary.checksum == "ok", summary.issues
    assert inspect(data.replace(b"a b", b"a  b")).checksum == "mismatch"


def test_ksumma_mismatch_is_an_error_but_the_file_reads() -> None:
    data = (
        small_file("#VER A 1 20250101", "{", "#TRANS 1930 {} 0", "}").replace(
            b"#FLAGGA 0\r\n", b"#FLAGGA 0\r\n#KSUMMA\r\n"
        )
        + b"#KSUMMA 12345\r\n"
    )
    _, items, summary = read_all(data)
    assert summary.checksum == "mismatch"
    assert [i.code for i in summary.errors] == ["ksumma.mismatch"]
    assert len(items) == 1


def test_ksumma_opening_without_closing_is_truncated() -> None:
    data = small_file("#IB 0 1930 5").replace(b"#FLAGGA 0\r\n", b"#FLAGGA 0\r\n#KSUMMA\r\n")
    with SieFile(data) as f, pytest.raises(SieError, match="avkortad") as caught:
        list(f.items())
    assert f.summary.checksum == "truncated" and caught.value.line == len(HEAD) + 2
    with pytest.raises(SieError, match="avkortad"):  # found while reading the header
        read_all(small_file().replace(b"#FLAGGA 0\r\n", b"#FLAGGA 0\r\n#KSUMMA\r\n"))


@pytest.mark.parametrize(
    ("encode", "expected", "issue"),
    [
        (lambda s: s.encode("cp437"), "cp437", None),
        (lambda s: s.encode("utf-8"), "utf-8", "encoding.utf8"),
        (lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"), "utf-8", "encoding.bom"),
        (lambda s: s.encode("latin-1"), "latin-1", "encoding.latin1"),
    ],
)
def test_encoding_detection(encode: object, expected: str, issue: str | None) -> None:
    text = "\r\n".join([*HEAD, '#PROSA "Åsa Öberg, Ärla å ä ö é"']) + "\r\n"
    data = encode(text)  # type: ignore[operator]
    header, _, summary = read_all(data)
    assert summary.encoding == expected
    assert header.accounts["3010"].name == "Försäljning"
    assert header.prosa == "Åsa Öberg, Ärla å ä ö é"
    if issue:
        assert issue in codes(summary)
    else:
        assert not any(c.startswith("encoding") for c in codes(summary))


@pytest.mark.parametrize(
    ("prefix", "complete", "expected"),
    [
        (b"#FNAMN Kommunen\r\n", True, ("cp437", False, True)),
        (b"#FNAMN \x8eldre \x94\r\n#PROSA \x86\r\n", True, ("cp437", False, False)),
        ("#FNAMN Äldre ö\n".encode(), True, ("utf-8", False, False)),
        (b"\xef\xbb\xbf#FNAMN x\n", True, ("utf-8", True, False)),
        (b"#FNAMN \xc4ldre \xf6\n", True, ("latin-1", False, False)),
        # two CP437 lines outvote one Latin-1 line
        (b"#A \x94\n#B \x84\n#C \xf6\n", True, ("cp437", False, False)),
        # a cut UTF-8 character at the end of an incomplete prefix is left out
        ("#A ö\n#B ä".encode()[:-1], False, ("utf-8", False, False)),
    ],
)
def test_detect(prefix: bytes, complete: bool, expected: tuple[str, bool, bool]) -> None:
    found = detect(prefix, complete=complete)
    assert (found.encoding, found.bom, found.ascii_only) == expected


def test_classify_line() -> None:
    assert classify_line("Företag".encode("latin-1"), "cp437") == "latin-1"
    assert classify_line("Företag".encode("cp437"), "cp437") == "cp437"
    assert classify_line("Företag".encode(), "cp437") == "utf-8"
    assert classify_line("Företag".encode("cp437"), "utf-8") == "cp437"
    assert classify_line("F\ufffdretag".encode(), "cp437") == "utf-8"


def test_mixed_encoding_decodes_each_line_by_its_bytes() -> None:
    chart = [f'#KONTO {5000 + k} "Lön {k} år"' for k in range(40)]
    data = sie_bytes(*HEAD, *chart) + b'#FNR "C:\\F\xf6retag"\r\n'  # one Latin-1 line
    header, _, summary = read_all(data)
    assert header.company_id == "C:\\Företag"
    assert header.accounts["5001"].name == "Lön 1 år"
    assert summary.encoding == "cp437"  # one line in forty is not "mixed" as a whole
    issue = next(i for i in summary.issues if i.code == "encoding.mixed")
    assert issue.line == len(HEAD) + len(chart) + 1
    # When many lines disagree the file as a whole is "mixed".
    assert inspect(sie_bytes(*HEAD) + b'#FNR "F\xf6retag"\r\n').encoding == "mixed"


def test_encoding_override() -> None:
    data = sie_bytes(*HEAD, encoding="utf-8")
    header, _, summary = read_all(data, encoding="latin-1")
    assert header.accounts["3010"].name == "FÃ¶rsÃ¤ljning"
    assert summary.encoding == "latin-1" and "encoding.override" in codes(summary)
    with pytest.raises(ValueError, match="Okänd teckenkodning"):
        read_all(data, encoding="ebcdic")


def test_amount_findings() -> None:
    data = small_file(
        "#IB 0 1930 1.005",
        "#UB 0 1930 12345678901234567",
        "#IB -1 1930 abc",
        "#VER A 1 20251340",
        "{",
        "#TRANS 1930 {} 5",
        "}",
    )
    _, items, summary = read_all(data)
    assert [(i.code, i.severity, i.line) for i in summary.issues if i.code != "date.invalid"] == [
        ("amount.decimals", "warning", 14),
        ("amount.absurd", "error", 15),
        ("amount.invalid", "error", 16),
    ]
    assert [(i.code, i.line) for i in summary.errors if i.code == "date.invalid"] == [
        ("date.invalid", 17)
    ]
    assert [b.amount for b in items if isinstance(b, Balance)] == [Decimal("1.005")]
    assert summary.vouchers == 0  # the voucher with an impossible date is skipped


def test_undeclared_and_late_declarations() -> None:
    data = small_file(
        "#VER A 1 20250101",
        "{",
        '#TRANS 7777 {1 "X" 25 "Y"} 5',
        "#TRANS 7777 {} -5",
        "#TRANS 8888 {} 0",
        "}",
        '#KONTO 8888 "Sent"',
        "#NYPOST 1",
        "#NYPOST 2",
    )
    header, _, summary = read_all(data)
    found = {(i.code, i.line) for i in summary.issues}
    first = len(HEAD) + 3
    assert ("account.undeclared", first) in found
    assert ("object.undeclared", first) in found
    assert ("dimension.undeclared", first) in found  # 25 is not reserved
    assert not any(c == "account.undeclared" and "8888" in m for c, m in _msgs(summary))
    assert ("order.late", first + 4) in found
    assert ("label.unknown", first + 5) in found
    assert summary.unknown_labels == {"NYPOST": 2}
    assert header.accounts["8888"].name == "Sent"
    assert sum(c == "account.undeclared" for c in codes(summary)) == 1


def _msgs(summary: Summary) -> list[tuple[str, str]]:
    return [(i.code, i.message) for i in summary.issues]


def test_dates_outside_the_fiscal_years() -> None:
    data = small_file("#VER A 1 20230101", "{", "#TRANS 1930 {} 0 20260101", "}")
    found = [(i.code, i.line) for i in inspect(data).issues]
    assert found == [("date.outside_year", len(HEAD) + 1), ("date.outside_year", len(HEAD) + 3)]


def test_balance_consistency_is_reported_not_fixed() -> None:
    data = small_file(
        "#IB 0 1930 100",
        "#UB 0 1930 150",
        "#RES 0 3010 -70",
        "#PSALDO 0 202501 1930 {} 40",
        "#PSALDO 0 202502 1930 {} 20",
        "#PSALDO 0 202501 3010 {} -70",
        "#PSALDO 0 202501 3010 {1 KS01} -70",  # per object: not added to the total
    )
    _, items, summary = read_all(data)
    assert [(i.code, i.line) for i in summary.issues] == [("balance.ib_psaldo_ub", len(HEAD) + 2)]
    assert "160" in summary.issues[0].message and "150" in summary.issues[0].message
    assert sum(b.amount for b in items if isinstance(b, Balance) and b.kind == "UB") == 150


def test_file_types() -> None:
    assert inspect(small_file("#IB 0 1930 5")).file_type == "4E"
    assert inspect(small_file("#VER A 1 20250101", "{", "}")).file_type == "4I"
    two = sie_bytes(*[h.replace("#SIETYP 4", "#SIETYP 2") for h in HEAD])
    assert inspect(two).file_type == "2"


def test_voucher_structure_problems() -> None:
    data = small_file(
        "#TRANS 1930 {} 5",  # outside a voucher
        "#VER A 1 20250101",  # no block
        "#VER A 2 20250101",
        "{",
        "#TRANS 1930 {} 5",
        "#IB 0 1930 5",  # the block is never closed
        "}",
        "#VER A 3 20250101",
        "{",
        "#TRANS 1930 {} 0",
    )
    _, items, summary = read_all(data)
    n = len(HEAD)
    assert [(i.code, i.line) for i in summary.issues] == [
        ("trans.outside_voucher", n + 1),
        ("voucher.no_block", n + 2),
        ("voucher.unclosed", n + 3),
        ("voucher.stray_brace", n + 7),
        ("voucher.truncated", n + 8),
    ]
    assert [v.number for v in vouchers(items)] == ["1"]


def test_header_is_read_when_opening_and_items_stream_once() -> None:
    with SieFile(io.BytesIO(municipal_bytes())) as f:
        assert f.header.fiscal_years[0].start == datetime.date(2025, 1, 1)
        assert set(f.header.dimensions) == {"1", "6", "20", "21", "61"}
        first = next(f.items())
        assert isinstance(first, Balance)
        with pytest.raises(RuntimeError):
            f.scan()


def test_municipal_file() -> None:
    header, items, summary = read_all(municipal_bytes())
    assert summary.issues == [] and summary.checksum == "ok"
    assert header.objects == municipal_header().objects
    assert header.objects[("6", "P12")] == 'Ny förskola "Solen"'
    budget = [b for b in items if isinstance(b, Balance) and b.kind == "PBUDGET"]
    assert len(budget) == 24 and {b.period for b in budget} == {202500 + m for m in range(1, 13)}
    salary = vouchers(items)[0].transactions[0]
    assert salary.objects == (("1", "310"), ("20", "407"), ("6", "P12"), ("21", "1"))
    assert salary.quantity == 160


def test_non_seekable_stream() -> None:
    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self.data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, b: Any) -> int:
            chunk = self.data.read(min(len(b), 1000))
            b[: len(chunk)] = chunk
            return len(chunk)

    data = municipal_bytes()
    pipe: Any = Pipe(data)  # a RawIOBase subclass the stubs do not accept for BufferedReader
    _, items, summary = read_all(io.BufferedReader(pipe))
    assert summary.checksum == "ok" and len(items) == read_all(data)[2].balances + 24
