"""The public sample files against the independent oracle ``reference_counts.tsv``.

Skipped when ``../shared/data/sie-samples`` is absent (it is not part of the repository)."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
from typing import Any

import pytest

from uppsikt.sie import Account, Balance, Header, Voucher, inspect, read_all, write_sie
from uppsikt.sie.checksum import ksumma_of_lines

from . import SAMPLES, samples_or_skip

LABELS = "VER TRANS RTRANS BTRANS KONTO DIM UNDERDIM OBJEKT IB UB RES OIB OUB PSALDO PBUDGET"
ENCODINGS = {"utf-8": "utf-8", "8-bit (cp437 expected)": "cp437"}


def _rows() -> list[Any]:
    table = SAMPLES / "reference_counts.tsv"
    if not table.is_file():
        return [pytest.param(None, id="exempelfiler-saknas")]
    with table.open(encoding="utf-8", newline="") as f:
        return [pytest.param(row, id=row["file"]) for row in csv.DictReader(f, delimiter="\t")]


ROWS = _rows()


@pytest.mark.parametrize("row", ROWS)
def test_counts_match_the_oracle(row: dict[str, str] | None) -> None:
    folder = samples_or_skip()
    assert row is not None
    path = folder / row["file"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == row["sha256"], "filen har ändrats"
    summary = inspect(path)
    counts = {label: summary.label_counts.get(label, 0) for label in LABELS.split()}
    assert counts == {label: int(row[label]) for label in LABELS.split()}
    assert summary.checksum == {"OK": "ok", "none": "none"}[row["ksumma"]]
    assert summary.unbalanced_vouchers == int(row["unbalanced_ver"])
    assert summary.encoding == ENCODINGS[row["encoding"]]
    assert summary.line_ending == row["eol"]
    assert summary.file_type[0] == row["sietyp"]
    assert summary.errors == []


@pytest.mark.parametrize(
    "row", [r for r in ROWS if r.values[0] is None or r.values[0]["ksumma"] == "OK"]
)
def test_stored_checksums_verify_with_the_plain_algorithm(row: dict[str, str] | None) -> None:
    folder = samples_or_skip()
    assert row is not None
    lines = (folder / row["file"]).read_bytes().splitlines()
    marks = [i for i, line in enumerate(lines) if line.strip().startswith(b"#KSUMMA")]
    opening, closing = marks[0], marks[-1]
    stored = int(lines[closing].split()[1])
    assert ksumma_of_lines(lines[opening + 1 : closing]) == stored


def _cp437(value: str) -> str:
    """What survives writing as CP437 (the mangled UTF-8 sample holds U+FFFD)."""
    return value.encode("cp437", "replace").decode("cp437")


def _normalised(obj: Any) -> Any:
    if isinstance(obj, str):
        return _cp437(obj)
    if isinstance(obj, tuple | list):
        return type(obj)(_normalised(x) for x in obj)
    if isinstance(obj, dict):
        return {_normalised(k): _normalised(v) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.replace(
            obj, **{f.name: _normalised(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        )
    return obj


def _declare_used_accounts(header: Header, items: list[Voucher | Balance]) -> None:
    """The writer requires every used account declared; some samples use undeclared ones."""
    for item in items:
        lines = item.transactions if isinstance(item, Voucher) else (item,)
        for line in lines:
            header.accounts.setdefault(line.account, Account(line.account, "", None))


@pytest.mark.parametrize("row", ROWS)
def test_read_write_read(row: dict[str, str] | None) -> None:
    folder = samples_or_skip()
    assert row is not None
    header, items, summary = read_all(folder / row["file"])
    _declare_used_accounts(header, items)
    out = io.BytesIO()
    write_sie(out, header, items, file_type=summary.file_type)
    again, items_again, summary_again = read_all(out.getvalue())
    for part in ("accounts", "dimensions", "objects", "fiscal_years"):
        assert getattr(again, part) == _normalised(getattr(header, part)), part
    assert items_again == _normalised(items)  # compared as data: line numbers are not
    assert summary_again.checksum == "ok"
    assert summary_again.encoding == "cp437" and summary_again.line_ending == "CRLF"
    assert summary_again.errors == []
