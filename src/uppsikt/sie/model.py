"""Data model of a SIE 4 file: header, balances, vouchers and the reading summary.

Line numbers are carried for messages but are not part of equality (``compare=False``), so a
file read, written and read again compares equal as data.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

#: ((dimension, object id), ...) in file order, e.g. (("1", "Nord"), ("6", "0001")).
Objects = tuple[tuple[str, str], ...]

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Transaction:
    """One #TRANS, #RTRANS or #BTRANS line of a voucher."""

    account: str
    objects: Objects
    amount: Decimal
    date: datetime.date | None  # None: the voucher date applies
    text: str
    quantity: Decimal | None
    kind: str  # "trans" | "rtrans" | "btrans"
    line: int = field(compare=False)
    signature: str = ""


@dataclass(frozen=True, slots=True)
class Voucher:
    """A #VER with its lines. A #RTRANS's mirror #TRANS is not among the lines."""

    series: str
    number: str
    date: datetime.date
    text: str
    registered: datetime.date | None
    transactions: tuple[Transaction, ...]
    line: int = field(compare=False)
    signature: str = ""

    @property
    def balance(self) -> Decimal:
        """Sum of the #TRANS and #RTRANS amounts (#BTRANS excluded); 0 when balanced."""
        return sum((t.amount for t in self.transactions if t.kind != "btrans"), ZERO)

    def effective(self) -> tuple[Transaction, ...]:
        """The lines that count: trans and rtrans, not the struck btrans lines."""
        return tuple(t for t in self.transactions if t.kind != "btrans")


@dataclass(frozen=True, slots=True)
class Balance:
    """An #IB, #UB, #RES, #OIB, #OUB, #PSALDO or #PBUDGET record."""

    kind: str  # "IB" "UB" "RES" "OIB" "OUB" "PSALDO" "PBUDGET"
    year: int  # årsnr: 0 current, -1 previous, ...
    period: int | None  # YYYYMM for PSALDO/PBUDGET, else None
    account: str
    objects: Objects
    amount: Decimal
    quantity: Decimal | None
    line: int = field(compare=False)


@dataclass(frozen=True)
class Account:
    number: str
    name: str
    type: str | None  # #KTYP: T S K I, or None when the file gives none


@dataclass(frozen=True)
class Dimension:
    number: str
    name: str
    parent: str | None  # set for #UNDERDIM


@dataclass(frozen=True)
class FiscalYear:
    index: int
    start: datetime.date
    end: datetime.date


@dataclass
class Header:
    """Identification and chart of accounts. Complete only after all items are read, since
    real files put #KONTO or #OBJEKT after balances."""

    flag: int | None = None
    program: str = ""
    program_version: str = ""
    format: str = ""
    generated: datetime.date | None = None
    sie_type: int | None = None
    company_name: str = ""
    org_number: str = ""
    company_type: str = ""  # #FTYP
    kptyp: str = ""
    currency: str = "SEK"  # #VALUTA; SEK when the file has none (4B)
    omfattn: datetime.date | None = None
    fiscal_years: dict[int, FiscalYear] = field(default_factory=dict)
    accounts: dict[str, Account] = field(default_factory=dict)
    dimensions: dict[str, Dimension] = field(default_factory=dict)
    objects: dict[tuple[str, str], str] = field(default_factory=dict)
    # Additions beyond the first contract: the remaining identification records.
    generated_by: str = ""  # #GEN signature
    prosa: str = ""
    company_id: str = ""  # #FNR
    sni_code: str = ""  # #BKOD
    address: tuple[str, str, str, str] | None = None  # #ADRESS contact, street, post, phone
    tax_year: int | None = None  # #TAXAR
    units: dict[str, str] = field(default_factory=dict)  # #ENHET account -> unit
    sru: dict[str, tuple[str, ...]] = field(default_factory=dict)  # #SRU account -> codes


@dataclass(frozen=True)
class Issue:
    """A finding about the file. ``message`` is Swedish and says how to fix the problem."""

    severity: str  # "error" | "warning" | "info"
    code: str  # stable dotted code, e.g. "voucher.unbalanced"
    line: int | None
    message: str


@dataclass
class Summary:
    """What reading a file found: counts, encoding, checksum status and issues."""

    file_type: str = ""  # "1" "2" "3" "4E" "4I"
    encoding: str = ""  # what the bytes are: "cp437" "utf-8" "latin-1" "mixed"
    declared_format: str = ""
    line_ending: str = ""  # "CRLF" "LF" "mixed" (simple #VER/#TRANS lines are not looked at)
    checksum: str = "none"  # "ok" "mismatch" "none" "truncated"
    label_counts: dict[str, int] = field(default_factory=dict)  # "TRANS" -> raw line count
    unknown_labels: dict[str, int] = field(default_factory=dict)
    vouchers: int = 0
    transactions: int = 0  # voucher lines that count once (mirrors of #RTRANS excluded)
    unbalanced_vouchers: int = 0
    issues: list[Issue] = field(default_factory=list)
    # Additions: size of what was read.
    name: str = ""
    lines: int = 0
    balances: int = 0

    @property
    def errors(self) -> list[Issue]:
        """The issues of severity "error"."""
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        """The issues of severity "warning"."""
        return [i for i in self.issues if i.severity == "warning"]


# Slot setters bypass the frozen __setattr__; fields are listed by dataclasses.fields, so a
# field added to Transaction without updating new_transaction fails loudly at import.
_S0, _S1, _S2, _S3, _S4, _S5, _S6, _S7, _S8 = (
    getattr(Transaction, f.name).__set__ for f in dataclasses.fields(Transaction)
)


_new = object.__new__


def new_transaction(
    account: str,
    objects: Objects,
    amount: Decimal,
    date: datetime.date | None,
    text: str,
    quantity: Decimal | None,
    kind: str,
    line: int,
    signature: str = "",
) -> Transaction:
    """Build a Transaction about twice as fast as its ``__init__``, which goes through
    ``object.__setattr__`` per field because the class is frozen. The reader builds one per
    voucher line, so this matters on files with millions of lines."""
    t: Transaction = _new(Transaction)
    _S0(t, account)
    _S1(t, objects)
    _S2(t, amount)
    _S3(t, date)
    _S4(t, text)
    _S5(t, quantity)
    _S6(t, kind)
    _S7(t, line)
    _S8(t, signature)
    return t
