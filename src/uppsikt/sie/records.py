"""Record handlers: identification and chart records into the Header, balance records into
Balance objects (sie.md §4). Voucher records are handled in the reader's loop."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from decimal import Decimal

from uppsikt.sie.errors import IssueLog
from uppsikt.sie.fields import (
    FieldError,
    parse_amount,
    parse_date,
    parse_int,
    parse_optional_date,
    parse_period,
    parse_quantity,
)
from uppsikt.sie.lexer import Field
from uppsikt.sie.model import Account, Balance, Dimension, FiscalYear, Header, Objects

Decode = Callable[[bytes], str]

CHART_LABELS = frozenset({"KONTO", "KTYP", "ENHET", "SRU", "DIM", "UNDERDIM", "OBJEKT"})
IDENT_LABELS = frozenset(
    {"FLAGGA", "PROGRAM", "FORMAT", "GEN", "SIETYP", "PROSA", "FTYP", "FNR", "ORGNR", "BKOD"}
    | {"ADRESS", "FNAMN", "RAR", "TAXAR", "OMFATTN", "KPTYP", "VALUTA"}
)
BALANCE_LABELS = frozenset({"IB", "UB", "RES", "OIB", "OUB", "PSALDO", "PBUDGET"})
VOUCHER_LABELS = frozenset({"VER", "TRANS", "RTRANS", "BTRANS"})
KNOWN_LABELS = CHART_LABELS | IDENT_LABELS | BALANCE_LABELS | VOUCHER_LABELS | {"KSUMMA"}


class MissingField(FieldError):
    def __init__(self, label: str, what: str) -> None:
        super().__init__(
            "record.missing_field",
            f"#{label} saknar {what}. Posten har hoppats över; komplettera den i exporten.",
        )


def text(fields: list[Field], i: int) -> bytes:
    """Field ``i`` as bytes; b"" when absent (or, wrongly, an object list)."""
    if i < len(fields):
        f = fields[i]
        if isinstance(f, bytes):
            return f
    return b""


def required(fields: list[Field], i: int, label: str, what: str) -> bytes:
    value = text(fields, i)
    if not value:
        raise MissingField(label, what)
    return value


def objects_of(
    items: tuple[bytes, ...], decode: Decode, log: IssueLog, line: int
) -> tuple[Objects, bytes]:
    """An object list as interned (dimension, id) pairs, and its bytes for #KSUMMA."""
    if len(items) % 2:
        log.warning(
            "objects.odd",
            line,
            "Objektlistan har ett udda antal fält; den ska bestå av par av dimension och "
            "objekt. Det sista fältet har hoppats över.",
        )
        items = items[:-1]
    pairs = tuple(
        (sys.intern(decode(items[k])), sys.intern(decode(items[k + 1])))
        for k in range(0, len(items), 2)
    )
    return pairs, b"".join(items)


class HeaderBuilder:
    """Fills a Header from identification and chart records."""

    def __init__(self, header: Header, log: IssueLog) -> None:
        self.header = header
        self.log = log
        self.account_bytes: set[bytes] = set()  # declared account numbers as in the file
        self.lines: dict[str, int] = {}  # label -> line of its (last) record, for messages

    def handle(self, label: str, fields: list[Field], line: int, decode: Decode) -> None:
        """Apply one record; FieldError for a record that must be skipped."""
        self.lines[label] = line
        h = self.header
        if label == "KONTO":
            number = required(fields, 1, label, "kontonummer")
            name = decode(text(fields, 2))
            key = sys.intern(decode(number))
            if not number.isdigit():
                self.log.warning(
                    "account.not_numeric",
                    line,
                    f"Kontonumret {key!r} är inte numeriskt, vilket SIE kräver. Det har lästs "
                    "in ändå.",
                )
            old = h.accounts.get(key)
            h.accounts[key] = Account(key, name, old.type if old else None)
            self.account_bytes.add(number)
        elif label == "KTYP":
            key = sys.intern(decode(required(fields, 1, label, "kontonummer")))
            kind = decode(required(fields, 2, label, "kontotyp")).upper()
            if kind not in ("T", "S", "K", "I"):
                raise FieldError(
                    "ktyp.invalid",
                    f"Kontotypen {kind!r} för konto {key} är ogiltig; använd T, S, K eller I.",
                )
            old = h.accounts.get(key)
            h.accounts[key] = dataclasses.replace(old, type=kind) if old else Account(key, "", kind)
        elif label == "ENHET":
            h.units[decode(required(fields, 1, label, "kontonummer"))] = decode(text(fields, 2))
        elif label == "SRU":
            account = decode(required(fields, 1, label, "kontonummer"))
            code = decode(text(fields, 2))
            if code:  # "#SRU 2010" without a code occurs; nothing to keep then
                h.sru[account] = (*h.sru.get(account, ()), code)
        elif label in ("DIM", "UNDERDIM"):
            dim = sys.intern(decode(required(fields, 1, label, "dimensionsnummer")))
            parent = None
            if label == "UNDERDIM":
                parent = decode(required(fields, 3, label, "superdimension"))
            h.dimensions[dim] = Dimension(dim, decode(text(fields, 2)), parent)
        elif label == "OBJEKT":
            dim = sys.intern(decode(required(fields, 1, label, "dimensionsnummer")))
            obj = sys.intern(decode(required(fields, 2, label, "objektnummer")))
            h.objects[(dim, obj)] = decode(text(fields, 3))
        else:
            self._identification(label, fields, line, decode)

    def _identification(self, label: str, fields: list[Field], line: int, decode: Decode) -> None:
        h = self.header
        first = text(fields, 1)
        if label == "FLAGGA":
            h.flag = parse_int(required(fields, 1, label, "flaggvärde"), "flaggan")
        elif label == "PROGRAM":
            h.program, h.program_version = decode(first), decode(text(fields, 2))
        elif label == "FORMAT":
            h.format = decode(first)
        elif label == "GEN":
            h.generated = parse_date(required(fields, 1, label, "datum"), "#GEN-datumet")
            h.generated_by = decode(text(fields, 2))
        elif label == "SIETYP":
            value = parse_int(required(fields, 1, label, "typnummer"), "SIE-typen")
            if not 1 <= value <= 4:
                raise FieldError(
                    "sietyp.invalid", f"#SIETYP {value} finns inte; tillåtna typer är 1–4."
                )
            h.sie_type = value
        elif label == "RAR":
            index = parse_int(required(fields, 1, label, "årsnummer"), "årsnumret")
            start = parse_date(required(fields, 2, label, "startdatum"), "startdatumet")
            end = parse_date(required(fields, 3, label, "slutdatum"), "slutdatumet")
            if end < start:
                raise FieldError(
                    "rar.invalid",
                    f"Räkenskapsår {index} slutar ({end}) före det börjar ({start}).",
                )
            h.fiscal_years[index] = FiscalYear(index, start, end)
        elif label == "OMFATTN":
            h.omfattn = parse_optional_date(first, "#OMFATTN-datumet")
        elif label == "TAXAR":
            h.tax_year = parse_int(required(fields, 1, label, "år"), "taxeringsåret")
        elif label == "ADRESS":
            a, b, c, d = (decode(text(fields, i)) for i in range(1, 5))
            h.address = (a, b, c, d)
        else:
            attribute = {
                "PROSA": "prosa",
                "FTYP": "company_type",
                "FNR": "company_id",
                "ORGNR": "org_number",
                "BKOD": "sni_code",
                "FNAMN": "company_name",
                "KPTYP": "kptyp",
                "VALUTA": "currency",
            }[label]
            setattr(h, attribute, decode(first))


def parse_balance(
    label: str,
    fields: list[Field],
    line: int,
    objects: Callable[[tuple[bytes, ...]], Objects],
    account: Callable[[bytes], str],
) -> tuple[Balance, bool]:
    """A balance record, and whether its amount has more than two decimals."""
    year = parse_int(required(fields, 1, label, "årsnummer"), "årsnumret")
    i = 2
    period = None
    if label in ("PSALDO", "PBUDGET"):
        period = parse_period(required(fields, 2, label, "period"))
        i = 3
    number = required(fields, i, label, "kontonummer")
    objs: Objects = ()
    has_list = i + 1 < len(fields) and isinstance(fields[i + 1], tuple)
    if has_list:
        objs = objects(fields[i + 1])  # type: ignore[arg-type]  # checked just above
        i += 2
    elif label in ("OIB", "OUB"):
        raise MissingField(label, "objektlista")
    else:
        i += 1  # #IB/#UB/#RES have no list; old #PSALDO writers leave it out too
    amount, many_decimals = parse_amount(required(fields, i, label, "belopp"))
    quantity = _quantity(fields, i + 1)
    return Balance(label, year, period, account(number), objs, amount, quantity, line), (
        many_decimals
    )


def _quantity(fields: list[Field], i: int) -> Decimal | None:
    try:
        return parse_quantity(text(fields, i))
    except FieldError:
        return None  # a broken optional quantity does not make the amount unusable
