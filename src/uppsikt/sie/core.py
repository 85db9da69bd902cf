"""State of one reading pass, and what the reading loop delegates to it: encodings, accounts,
objects and dates, header and balance records, #KSUMMA and the final summary. Voucher records
are handled in ``vouchers``."""

from __future__ import annotations

import datetime
import sys
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from uppsikt.sie import encoding as enc
from uppsikt.sie.checks import BalanceChecks, in_years
from uppsikt.sie.errors import IssueLog, SieError
from uppsikt.sie.fields import FieldError, parse_date
from uppsikt.sie.finish import finish_summary
from uppsikt.sie.lexer import Field, tokenize
from uppsikt.sie.model import Balance, Header, Objects, Summary, Voucher
from uppsikt.sie.records import (
    CHART_LABELS,
    HeaderBuilder,
    MissingField,
    objects_of,
    parse_balance,
    text,
)

#: Longest line accepted; longer ones are not SIE records (and are never read whole).
LINE_LIMIT = 100_000
#: Caches keyed by object-list spelling are cleared beyond this size to bound memory.
_CACHE_LIMIT = 50_000
_MAX_LABELS = 500  # distinct labels counted by name; a junk file must not grow the dict forever

Item = Voucher | Balance


@dataclass(slots=True)
class OpenVoucher:
    series: str
    number: str
    date: datetime.date
    text: str
    registered: datetime.date | None
    signature: str
    line: int
    skip: bool = False  # the #VER was unusable: its lines are read past


def _show(raw: bytes) -> str:
    line = raw.decode("latin-1").strip()
    return line if len(line) <= 60 else line[:57] + "..."


class ReaderState:
    """Everything the loop shares with the handlers, plus the handlers themselves."""

    def __init__(self, prefix: bytes, complete: bool, encoding: str | None, name: str) -> None:
        self.override = enc.normalize(encoding) if encoding else None
        self.detection = enc.detect(prefix, complete=complete)
        self.base = self.override or self.detection.encoding
        self.quick = enc.quick_check(self.base, self.override is not None)
        self.plain_lines = 0  # non-ASCII lines that passed the quick check: counted for base
        self.header = Header()
        self.log = IssueLog()
        self.builder = HeaderBuilder(self.header, self.log)
        self.checks = BalanceChecks()
        self.summary = Summary(name=name)
        self.keep = False
        self.items_started = False
        self.counts: dict[str, int] = {}
        self.unknown: dict[str, int] = {}
        self.objcache: dict[bytes, tuple[Objects, bytes]] = {}
        self.objcache_t: dict[tuple[bytes, ...], tuple[Objects, bytes]] = {}
        self.good_dates: dict[bytes, datetime.date] = {}  # valid and inside a #RAR year
        self.any_dates: dict[bytes, datetime.date] = {}  # valid (registration dates)
        self.seen_accounts: set[bytes] = set()
        self.account_names: dict[bytes, str] = {}
        self.undeclared_accounts: dict[bytes, int] = {}  # first line of use
        self.undeclared_objects: dict[tuple[str, str], int] = {}
        self.codec_votes: dict[str, int] = {}
        self.codec_first: dict[str, int] = {}
        self.replacement_line: int | None = None
        self.crc_on = False
        self.crc = 0
        self.ksumma_done = False
        self.ksumma_line: int | None = None
        self.checksum = "none"
        self.vouchers = 0
        self.unbalanced = 0
        self.balances = 0
        self._warned: set[str] = set()
        self._decoders: dict[str, Callable[[bytes], str]] = {}

    # ---- encoding ----
    def line_codec(self, raw: bytes, line: int) -> str:
        """The codec for a non-ASCII line; counts it for the file's verdict."""
        if self.override:
            return self.override
        if self.quick(raw) is None:
            self.plain_lines += 1
            return self.base
        codec = enc.classify_line(raw, self.base)
        self.codec_votes[codec] = self.codec_votes.get(codec, 0) + 1
        self.codec_first.setdefault(codec, line)
        if codec == enc.UTF8 and self.replacement_line is None and b"\xef\xbf\xbd" in raw:
            self.replacement_line = line
        return codec

    def decoder(self, codec: str) -> Callable[[bytes], str]:
        d = self._decoders.get(codec)
        if d is None:
            d = self._decoders[codec] = enc.decoder(codec)
        return d

    # ---- small findings ----
    def once(self, key: str) -> bool:
        if key in self._warned:
            return False
        self._warned.add(key)
        return True

    def label_of(self, fields: list[Field], line: int) -> str | None:
        first = fields[0] if fields else b""
        if not isinstance(first, bytes) or first[:1] != b"#" or len(first) < 2:
            shown = _show(first if isinstance(first, bytes) else b"{")
            self.log.warning(
                "line.not_record",
                line,
                f"Raden börjar inte med en SIE-etikett (t.ex. #TRANS) utan med {shown!r}; "
                "den har hoppats över.",
            )
            return None
        label = first[1:].upper().decode("ascii", "replace")
        if label not in self.counts and len(self.counts) >= _MAX_LABELS:
            return "(övriga)"
        return label

    def syntax_problem(self, problem: str, line: int) -> None:
        self.log.warning(
            "lexer.syntax", line, f"Raden har {problem}; den har tolkats till radens slut."
        )

    def stray_brace(self, brace: bytes, line: int) -> None:
        self.log.warning(
            "voucher.stray_brace",
            line,
            f"Klammern {brace.decode()!r} hör inte till någon #VER och har hoppats över.",
        )

    def unknown_label(self, label: str, line: int) -> None:
        if label not in self.unknown:
            self.log.info(
                "label.unknown",
                line,
                f"Posten #{label} ingår inte i SIE 4B och har hoppats över (första gången "
                f"på rad {line}).",
            )
        self.unknown[label] = self.unknown.get(label, 0) + 1

    def after_ksumma(self, line: int) -> None:
        if self.once("ksumma.after_end"):
            self.log.warning(
                "ksumma.after_end",
                line,
                "Posten står efter den avslutande #KSUMMA och omfattas inte av kontrollsumman.",
            )

    # ---- accounts, objects, dates ----
    def use_account(self, number: bytes, line: int) -> None:
        self.seen_accounts.add(number)
        if number not in self.builder.account_bytes:
            self.undeclared_accounts.setdefault(number, line)

    def account_name(self, number: bytes) -> str:
        name = sys.intern(number.decode("latin-1"))
        self.account_names[number] = name
        return name

    def objects_inner(self, inner: bytes, raw: bytes, line: int) -> tuple[Objects, bytes] | None:
        """Objects of a fast-path #TRANS from the text between its braces; None when the
        quotes in it do not pair up (a brace inside quotes), which only tokenize() gets right."""
        if inner.count(b'"') % 2:
            return None
        codec = self.base if inner.isascii() else enc.classify_line(raw, self.base)
        items = tokenize(b"{" + inner + b"}").fields[0]
        assert isinstance(items, tuple)  # the text starts with a brace
        return self.objects_split(inner, items, codec, line)

    def objects_split(
        self, inner: bytes, items: tuple[bytes, ...], codec: str, line: int
    ) -> tuple[Objects, bytes]:
        """Objects of a #TRANS list ``inner`` already split into ``items``, now cached."""
        if len(self.objcache) > _CACHE_LIMIT:
            self.objcache.clear()
        result = self.objcache[inner] = self.objects_tuple(items, codec, line)
        return result

    def objects_tuple(
        self, items: tuple[bytes, ...], codec: str, line: int
    ) -> tuple[Objects, bytes]:
        result = self.objcache_t.get(items)
        if result is None:
            result = objects_of(items, self.decoder(codec), self.log, line)
            for pair in result[0]:
                if pair not in self.header.objects:
                    self.undeclared_objects.setdefault(pair, line)
            if len(self.objcache_t) > _CACHE_LIMIT:
                self.objcache_t.clear()
            self.objcache_t[items] = result
        return result

    def trans_date(self, value: bytes, line: int) -> datetime.date | None:
        """A #TRANS date off the fast path's cache: None (and an error) when impossible."""
        try:
            date = parse_date(value, "transaktionsdatumet")
        except FieldError as e:
            self.log.error(e.code, line, e.message + " Raden har hoppats över.")
            return None
        if in_years(date, self.header.fiscal_years):
            self.good_dates[value] = date
        else:
            self.outside_years("Transaktionsdatumet", date, line)
        return date

    def learn_date(self, value: bytes, in_year: bool) -> bool:
        """Cache ``value`` if it is a valid date (inside the #RAR years when ``in_year``) and
        say whether it was. Nothing else: any other date is left to the Python path."""
        try:
            date = parse_date(value)
        except FieldError:
            return False
        if not in_year:
            self.any_dates[value] = date
            return True
        if not in_years(date, self.header.fiscal_years):
            return False
        self.good_dates[value] = date
        return True

    def outside_years(self, what: str, date: datetime.date, line: int) -> None:
        self.log.warning(
            "date.outside_year",
            line,
            f"{what} {date:%Y%m%d} ligger utanför räkenskapsåren i #RAR. Kontrollera datumet.",
        )

    # ---- amounts ----
    def many_decimals(self, line: int) -> None:
        self.log.warning(
            "amount.decimals",
            line,
            "Beloppet har fler än två decimaler, vilket SIE inte tillåter. Det har lästs in "
            "exakt; kontrollera avrundningen i exporten.",
        )

    # ---- other records ----
    def balance(self, label: str, fields: list[Field], codec: str, line: int) -> Balance | None:
        def objects(items: tuple[bytes, ...]) -> Objects:
            return self.objects_tuple(items, codec, line)[0]

        def account(number: bytes) -> str:
            self.use_account(number, line)
            return self.account_names.get(number) or self.account_name(number)

        try:
            balance, many = parse_balance(label, fields, line, objects, account)
        except FieldError as e:
            severity = "warning" if isinstance(e, MissingField) else "error"
            self.log.add(severity, e.code, line, e.message + " Posten har hoppats över.")
            return None
        if many:
            self.many_decimals(line)
        self.balances += 1
        self.checks.add(balance, self.header)
        return balance

    def simple_balance(
        self,
        label: str,
        year: int,
        period: int | None,
        number: bytes,
        items: tuple[bytes, ...] | None,
        amount: bytes,
        line: int,
    ) -> bool:
        """A balance record whose fields parse_balance takes without a finding, split by the
        C accelerator: what the reading loop and balance() do with it. False, having done
        nothing, when the label would be counted as "(övriga)"."""
        counts = self.counts
        n = counts.get(label)
        if n is None:
            if len(counts) >= _MAX_LABELS:
                return False
            n = 0
        counts[label] = n + 1
        objects = self.objects_tuple(items, self.base, line)[0] if items is not None else ()
        self.use_account(number, line)
        account = self.account_names.get(number) or self.account_name(number)
        self.balances += 1
        value = Decimal(amount.decode("ascii"))
        self.checks.add_amount(
            label, year, period, account, bool(objects), value, line, self.header
        )
        return True

    def header_record(self, label: str, fields: list[Field], codec: str, line: int) -> None:
        if self.items_started and self.once("order.late"):
            group = "kontoplan" if label in CHART_LABELS else "identifikation"
            self.log.warning(
                "order.late",
                line,
                f"#{label} ({group}) står efter saldo- eller verifikationsposter; SIE kräver "
                "ordningen flagga, identifikation, kontoplan, saldon och verifikationer. "
                "Posten har lästs in ändå.",
            )
        try:
            self.builder.handle(label, fields, line, self.decoder(codec))
        except FieldError as e:
            severity = "warning" if isinstance(e, MissingField) else "error"
            self.log.add(severity, e.code, line, e.message)

    def ksumma(self, fields: list[Field], line: int) -> None:
        value = text(fields, 1)
        if not value:
            if self.crc_on or self.ksumma_done:
                self.log.warning("ksumma.repeated", line, "Extra inledande #KSUMMA ignoreras.")
                return
            self.crc_on, self.crc, self.ksumma_line, self.checksum = True, 0, line, "open"
            return
        self.ksumma_done = True
        if not self.crc_on:
            self.checksum = "mismatch"
            self.log.error(
                "ksumma.no_opening",
                line,
                "Avslutande #KSUMMA utan inledande #KSUMMA efter #FLAGGA; kontrollsumman kan "
                "inte kontrolleras.",
            )
            return
        self.crc_on = False
        if value.isdigit() and int(value) == self.crc:
            self.checksum = "ok"
            return
        self.checksum = "mismatch"
        self.log.error(
            "ksumma.mismatch",
            line,
            f"Kontrollsumman stämmer inte: filen anger {value.decode('latin-1')!r}, beräknad "
            f"är {self.crc}. Filen har ändrats efter exporten eller skadats; exportera på nytt.",
        )

    def finish(
        self, lines: int, n_tx: int, n_fast: int, n_plain: int, n_crlf: int, n_lf: int
    ) -> None:
        """Complete the summary; SieError for a file truncated inside its checksum."""
        if n_fast:
            self.counts["TRANS"] = self.counts.get("TRANS", 0) + n_fast
        self.plain_lines += n_plain
        finish_summary(self, n_tx, n_crlf, n_lf)
        if self.checksum == "open":
            self.summary.checksum = "truncated"
            raise SieError(
                f"Filen har en inledande #KSUMMA (rad {self.ksumma_line}) men ingen avslutande. "
                "Den är avkortad och har inte lästs in; exportera eller ladda ner den på nytt.",
                lines,
            )
        if not self.counts:
            raise SieError("Filen innehåller inga SIE-poster (rader som börjar med #).", lines)
