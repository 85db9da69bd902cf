"""SIE 4 writer (sie.md §14): CP437 bytes, CRLF, ``#FORMAT PC8``, records in the group order
of 4B §5.12, #KSUMMA over what is written.

It streams: the header is written first, then each item as it comes from the iterable, so a
generator of millions of vouchers needs no more memory than one voucher. Every problem that
would make the file non-conforming (an undeclared account, an unbalanced voucher, a balance
record the file type forbids, an amount with more than two decimals) raises ValueError naming
the record. Writing to a path goes through a temporary file, so nothing is half-written; a
stream given by the caller cannot be rolled back.

Normalisations: control characters (tabs included) in texts become spaces, characters outside
CP437 become ``?``. A text with whitespace that ends in a backslash cannot be written
unambiguously in SIE (``\\"`` is an escape); the reader recovers it with a warning.
"""

from __future__ import annotations

import datetime
import os
import re
import zlib
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import BinaryIO

from uppsikt.sie.model import Balance, Header, Objects, Transaction, Voucher

FILE_TYPES = ("1", "2", "3", "4E", "4I")
_CENT = Decimal("0.01")
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_NEEDS_QUOTES = re.compile(rb'[ "{}]')
# Records a file type forbids (4B §6): balance kinds per type; vouchers only in type 4.
_BALANCES_ALLOWED = {
    "1": {"IB", "UB", "RES"},
    "2": {"IB", "UB", "RES", "PSALDO", "PBUDGET"},
    "3": {"IB", "UB", "RES", "OIB", "OUB", "PSALDO", "PBUDGET"},
    "4E": {"IB", "UB", "RES", "OIB", "OUB", "PSALDO", "PBUDGET"},
    "4I": set(),
}
_FLUSH_LINES = 2000

Value = str | Objects | None


def write_sie(
    path_or_stream: str | os.PathLike[str] | BinaryIO,
    header: Header,
    items: Iterable[Voucher | Balance],
    *,
    checksum: bool = True,
    file_type: str = "4E",
) -> None:
    """Write a SIE 4 file of ``file_type`` ("1" "2" "3" "4E" "4I") from a header and items."""
    if file_type not in FILE_TYPES:
        raise ValueError(f"Okänd SIE-typ {file_type!r}; använd en av {', '.join(FILE_TYPES)}.")
    if isinstance(path_or_stream, str | os.PathLike):
        path = Path(path_or_stream)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as stream:
                _Writer(stream, header, file_type, checksum).write(items)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    else:
        _Writer(path_or_stream, header, file_type, checksum).write(items)


def format_amount(amount: Decimal) -> str:
    """An amount as SIE writes it: point, two decimals, leading minus; ValueError if it has
    more than two decimals (rounding money silently is not the writer's business)."""
    try:
        q = amount.quantize(_CENT)
    except InvalidOperation:
        raise ValueError(f"Beloppet {amount} kan inte skrivas.") from None
    if q != amount:
        raise ValueError(f"Beloppet {amount} har fler än två decimaler; avrunda det först.")
    return format(q if q else abs(q), "f")  # no "-0.00"


def _date(d: datetime.date | None) -> str | None:
    return None if d is None else f"{d.year:04d}{d.month:02d}{d.day:02d}"


class _Writer:
    def __init__(self, stream: BinaryIO, header: Header, file_type: str, checksum: bool) -> None:
        self.stream = stream
        self.header = header
        self.file_type = file_type
        self.checksum = checksum
        self.crc_on = False
        self.crc = 0
        self.buffer: list[bytes] = []
        self.fields: dict[str, tuple[bytes, bytes]] = {}  # cache: value -> (written, covered)
        self.object_lists: dict[Objects, tuple[bytes, bytes]] = {}
        self.last_number: dict[str, int] = {}

    # ---- low level ----
    def field(self, value: str) -> tuple[bytes, bytes]:
        """(bytes as written, bytes #KSUMMA covers) of one plain field."""
        cached = self.fields.get(value)
        if cached is not None:
            return cached
        raw = _CONTROL.sub(" ", value).encode("cp437", "replace")
        written = raw
        if not raw or _NEEDS_QUOTES.search(raw) or raw.startswith(b"#"):
            written = b'"' + raw.replace(b'"', b'\\"') + b'"'
        if len(self.fields) < 100_000:  # account numbers, series, repeated texts
            self.fields[value] = (written, raw)
        return written, raw

    def quoted(self, value: str) -> tuple[bytes, bytes]:
        raw = self.field(value)[1]
        return b'"' + raw.replace(b'"', b'\\"') + b'"', raw

    def object_list(self, objects: Objects) -> tuple[bytes, bytes]:
        cached = self.object_lists.get(objects)
        if cached is None:
            # Object ids are always quoted, as in the 4B examples ({1 "456" 7 "47"}): some
            # readers expect it, and an id like 0001 keeps its leading zeros in any tool.
            parts = [(self.field(dim), self.quoted(obj)) for dim, obj in objects]
            written = b"{" + b" ".join(d[0] + b" " + o[0] for d, o in parts) + b"}"
            cached = (written, b"".join(d[1] + o[1] for d, o in parts))
            if len(self.object_lists) < 100_000:
                self.object_lists[objects] = cached
        return cached

    def record(self, label: bytes, values: Sequence[Value]) -> None:
        """One record; empty trailing fields are left out, empty inner ones written as ""."""
        n = len(values)
        while n and not values[n - 1]:
            n -= 1
        written = [label]
        covered = [label]
        for value in values[:n]:
            w, c = (
                self.field(value or "") if not isinstance(value, tuple) else self.object_list(value)
            )
            written.append(w)
            covered.append(c)
        self.line(b" ".join(written))
        if self.crc_on:
            self.crc = zlib.crc32(b"".join(covered), self.crc)

    def line(self, data: bytes) -> None:
        self.buffer.append(data + b"\r\n")
        if len(self.buffer) >= _FLUSH_LINES:
            self.flush()

    def flush(self) -> None:
        self.stream.write(b"".join(self.buffer))
        self.buffer.clear()

    # ---- the file ----
    def write(self, items: Iterable[Voucher | Balance]) -> None:
        h = self.header
        self.record(b"#FLAGGA", [str(h.flag if h.flag is not None else 0)])
        if self.checksum:
            self.line(b"#KSUMMA")
            self.crc_on = True
        self._identification()
        self._chart()
        for item in items:
            if isinstance(item, Voucher):
                self._voucher(item)
            elif isinstance(item, Balance):
                self._balance(item)
            else:
                raise TypeError(f"Kan inte skriva {type(item).__name__} till en SIE-fil.")
        if self.checksum:
            self.crc_on = False
            self.line(b"#KSUMMA " + str(self.crc).encode())
        self.flush()

    def _identification(self) -> None:
        h, t = self.header, self.file_type
        if t != "4I" and 0 not in h.fiscal_years:
            raise ValueError(f"SIE typ {t} kräver räkenskapsår 0 (#RAR 0) i header.fiscal_years.")
        self.record(b"#PROGRAM", [h.program or "Uppsikt", h.program_version or "1"])
        self.record(b"#FORMAT", ["PC8"])
        self.record(b"#GEN", [_date(h.generated or datetime.date.today()), h.generated_by])
        self.record(b"#SIETYP", [t[0]])
        optional: list[tuple[bytes, Value]] = [
            (b"#PROSA", h.prosa),
            (b"#FTYP", h.company_type),
            (b"#FNR", h.company_id),
            (b"#ORGNR", h.org_number),
            (b"#BKOD", h.sni_code if t != "4I" else ""),
        ]
        for label, value in optional:
            if value:
                self.record(label, [value])
        if h.address and any(h.address):
            self.record(b"#ADRESS", [part or "" for part in h.address])
        self.record(b"#FNAMN", [h.company_name or ""])
        for index in sorted(h.fiscal_years, reverse=True):
            year = h.fiscal_years[index]
            self.record(b"#RAR", [str(index), _date(year.start), _date(year.end)])
        if h.tax_year is not None:
            self.record(b"#TAXAR", [str(h.tax_year)])
        if h.omfattn is not None and t not in ("1", "4I"):
            self.record(b"#OMFATTN", [_date(h.omfattn)])
        if h.kptyp:
            self.record(b"#KPTYP", [h.kptyp])
        if h.currency and h.currency != "SEK":
            self.record(b"#VALUTA", [h.currency])

    def _chart(self) -> None:
        h = self.header
        for dim in h.dimensions.values():
            if dim.parent is None:
                self.record(b"#DIM", [dim.number, dim.name])
            else:
                self.record(b"#UNDERDIM", [dim.number, dim.name, dim.parent])
        for (dim_number, obj), name in h.objects.items():
            self.record(b"#OBJEKT", [dim_number, obj, name])
        for account in h.accounts.values():
            self.record(b"#KONTO", [account.number, account.name])
            if account.type:
                self.record(b"#KTYP", [account.number, account.type])
        for number, unit in h.units.items():
            self.record(b"#ENHET", [number, unit])
        for number, codes in h.sru.items():
            for code in codes:
                self.record(b"#SRU", [number, code])

    def _declared(self, account: str, what: str) -> None:
        if account not in self.header.accounts:
            raise ValueError(
                f"Konto {account} används i {what} men finns inte i header.accounts; SIE kräver "
                "att varje konto deklareras med #KONTO."
            )

    def _balance(self, b: Balance) -> None:
        what = f"#{b.kind} (år {b.year}, konto {b.account})"
        if b.kind not in _BALANCES_ALLOWED[self.file_type]:
            raise ValueError(f"{what} är inte tillåten i SIE typ {self.file_type}.")
        self._declared(b.account, what)
        quantity = None if b.quantity is None else format(b.quantity, "f")
        amount = format_amount(b.amount)
        if b.kind in ("IB", "UB", "RES"):
            if b.objects:
                raise ValueError(f"{what} kan inte ha objekt; använd #OIB/#OUB.")
            values: list[Value] = [str(b.year), b.account, amount, quantity]
        elif b.kind in ("OIB", "OUB"):
            values = [str(b.year), b.account, b.objects, amount, quantity]
        else:
            if b.period is None:
                raise ValueError(f"{what} saknar period.")
            values = [str(b.year), str(b.period), b.account, b.objects, amount, quantity]
        self.record(b"#" + b.kind.encode(), values)

    def _voucher(self, v: Voucher) -> None:
        what = f"verifikation {v.series} {v.number} ({_date(v.date)})"
        if not self.file_type.startswith("4"):
            raise ValueError(
                f"SIE typ {self.file_type} får inte innehålla verifikationer ({what})."
            )
        if v.balance != 0:
            raise ValueError(f"{what} balanserar inte: raderna summerar till {v.balance}.")
        if v.number.isascii() and v.number.isdigit():
            last = self.last_number.get(v.series)
            if last is not None and int(v.number) < last:
                raise ValueError(
                    f"{what} kommer efter nummer {last} i serie {v.series}; numrerade "
                    "verifikationer ska stå i stigande ordning per serie."
                )
            self.last_number[v.series] = int(v.number)
        self.record(
            b"#VER",
            [v.series, v.number, _date(v.date), v.text, _date(v.registered), v.signature],
        )
        self.line(b"{")
        for t in v.transactions:
            self._declared(t.account, what)
            values = _trans_values(t)
            if t.kind == "trans":
                self.record(b"#TRANS", values)
            elif t.kind == "rtrans":
                self.record(b"#RTRANS", values)
                self.record(b"#TRANS", values)  # the mirror older readers use (4B §11)
            elif t.kind == "btrans":
                self.record(b"#BTRANS", values)
            else:
                raise ValueError(f"Okänd radtyp {t.kind!r} i {what}.")
        self.line(b"}")


def _trans_values(t: Transaction) -> list[Value]:
    quantity = None if t.quantity is None else format(t.quantity, "f")
    return [
        t.account,
        t.objects,
        format_amount(t.amount),
        _date(t.date),
        t.text,
        quantity,
        t.signature,
    ]
