"""Vouchers of one month, built so that their P&L lines sum exactly to the planned cells.

Each planned amount is split into pieces with random weights (exact in öre) and booked by
its channel (`uppsikt.demo.channels`) against balance-sheet accounts.
"""

from __future__ import annotations

import calendar
import datetime
import itertools
import random
from collections.abc import Iterator, Mapping
from decimal import Decimal

from uppsikt.demo.channels import (
    TAX_PERCENT,
    balance_objects,
    channel,
    payroll_totals,
    pieces,
    pl_objects,
    vat,
)
from uppsikt.demo.chart import CC_BY_ID, COST_CENTRES, PROJECT_BY_ID
from uppsikt.demo.plan import Cell, allocate
from uppsikt.sie import Objects, Transaction, Voucher

SUPPLIERS = (
    "Konsultbyrån Öresund AB",
    "Kontorsvaror Syd AB",
    "IT-drift Skåne AB",
    "Resebolaget Norden AB",
    "Analyshuset Malmö AB",
    "Eventpartner Syd AB",
    "Tryckeriet i Malmö AB",
    "Molntjänster Sverige AB",
    "Utbildningsakademin AB",
    "Försäkringsbolaget Trygg AB",
    "Konferenscenter Hamnen AB",
    "Reklambyrån Väst AB",
)  # fmt: skip  (fictitious names)
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")  # fmt: skip


Line = tuple[str, Objects, int, str]  # account, objects, öre, kind ("trans" ...)
Draft = tuple[datetime.date, str, list[Line]]  # date, text, lines


def _kr(ore: int) -> Decimal:
    return Decimal(ore).scaleb(-2)


def workday(year: int, month: int, day: int) -> datetime.date:
    """The given day, moved to the nearest weekday inside the month."""
    last = calendar.monthrange(year, month)[1]
    d = datetime.date(year, month, min(day, last))
    step = datetime.timedelta(days=1 if d.day < 15 else -1)  # stay inside the month
    while d.weekday() >= 5:
        d += step
    return d


class MonthVouchers:
    """The vouchers of one month, series by series, each series in date order."""

    def __init__(
        self,
        year: int,
        month: int,
        cells: Mapping[Cell, int],
        opening: Mapping[str, int],
        rng: random.Random,
        factor: float,
        numbers: dict[str, int],
    ) -> None:
        self.year, self.month, self.cells, self.opening = year, month, cells, opening
        self.rng, self.factor, self.numbers = rng, factor, numbers
        self.label = f"{MONTHS[month - 1]} {year}"

    def split(self, amount: int, kind: str) -> list[int]:
        """An amount as random pieces that sum to it exactly."""
        n = pieces(amount, kind, self.factor)
        if n == 1:
            return [amount]
        weights = [(i, self.rng.randint(50, 150)) for i in range(n)]
        return list(allocate(amount, weights).values())

    def day(self, low: int = 2, high: int = 28) -> datetime.date:
        """A random weekday of the month."""
        return workday(self.year, self.month, self.rng.randint(low, high))

    def of(self, kind: str) -> list[tuple[Cell, int]]:
        """The month's planned amounts of one channel, in cell order."""
        return [(cell, a) for cell, a in self.cells.items() if channel(cell[2]) == kind]

    def vouchers(self) -> Iterator[Voucher]:
        """All vouchers of the month."""
        series = (
            ("L", self.payroll),
            ("LF", self.supplier_invoices),
            ("LB", self.supplier_payments),
            ("KF", self.customer_invoices),
            ("IN", self.customer_payments),
            ("IF", self.internal),
            ("BI", self.grants_in),
            ("BU", self.grants_out),
            ("SK", self.tax_and_vat),
            ("AV", self.depreciation),
            ("FI", self.finance),
        )
        for name, make in series:
            # Supplier invoices are numbered as they are registered, not by invoice date (as
            # in real ledgers), and streamed; the other series are in date order.
            drafts = make() if name == "LF" else iter(sorted(make(), key=lambda d: d[0]))
            for date, text, lines in drafts:
                yield self._voucher(name, date, text, lines)

    def _voucher(self, series: str, date: datetime.date, text: str, lines: list[Line]) -> Voucher:
        number = self.numbers.get(series, 0) + 1
        self.numbers[series] = number
        corrected = any(kind != "trans" for _, _, _, kind in lines)
        registered = date + datetime.timedelta(days=21 if corrected else self.rng.randint(0, 3))
        transactions = tuple(
            Transaction(account, objects, _kr(amount), None, "", None, kind, 0)
            for account, objects, amount, kind in lines
        )
        return Voucher(series, str(number), date, text, registered, transactions, 0)

    # ---- channels ---------------------------------------------------------------------
    def payroll(self) -> Iterator[Draft]:
        date = workday(self.year, self.month, 25)
        for cc, (salary, po) in payroll_totals(self.cells).items():
            lines: list[Line] = []
            for (c, project, account), amount in self.of("payroll"):
                if c == cc:
                    objects = pl_objects(cc, project, account)
                    lines += [(account, objects, p, "trans") for p in self.split(amount, "payroll")]
            tax = salary * TAX_PERCENT // 100
            lines += [("2710", (), -tax, "trans"), ("2730", (), -po, "trans")]
            lines.append(("1930", (), -(salary - tax), "trans"))
            yield date, f"Lön {self.label} {cc}", lines

    def supplier_invoices(self) -> Iterator[Draft]:
        """Invoices of one to three lines, one cost centre at a time, so that memory holds a
        cost centre's month and not the whole month, however many lines are asked for."""
        for cc, cells in itertools.groupby(self.of("supplier"), key=lambda item: item[0][0]):
            items: list[tuple[str, str, int, int]] = []
            for (_, project, account), amount in cells:
                parts = self.split(amount, "supplier")
                tax = vat(account, amount)
                taxes = allocate(tax, list(enumerate(parts))) if len(parts) > 1 else {0: tax}
                items += [(project, account, p, taxes[i]) for i, p in enumerate(parts)]
            self.rng.shuffle(items)
            start = 0
            while start < len(items):
                size = self.rng.randint(1, 3)
                yield self._invoice(cc, items[start : start + size])
                start += size

    def _invoice(self, cc: str, items: list[tuple[str, str, int, int]]) -> Draft:
        lines: list[Line] = []
        total = 0
        for project, account, amount, tax in items:
            if account.startswith("12"):
                objects = balance_objects(cc, project)
            else:
                objects = pl_objects(cc, project, account)
            if not lines and self.rng.random() < 0.01:  # re-coded after registration
                lines.append((account, self._wrong(cc, project, account), amount, "btrans"))
                lines.append((account, objects, amount, "rtrans"))
            else:
                lines.append((account, objects, amount, "trans"))
            total += amount + tax
        tax_total = sum(item[3] for item in items)
        if tax_total:
            lines.append(("2641", (), tax_total, "trans"))
        lines.append(("2440", (), -total, "trans"))
        supplier = self.rng.choice(SUPPLIERS)
        return self.day(), f"Leverantörsfaktura {supplier}", lines

    def _wrong(self, cc: str, project: str, account: str) -> Objects:
        """The cost centre a line was first booked on, by mistake (same financing)."""
        same = [c.id for c in COST_CENTRES if c.financing == CC_BY_ID[cc].financing]
        other = same[(same.index(cc) + 1) % len(same)]
        if account.startswith("12"):
            return balance_objects(other, project)
        return pl_objects(other, "", account)

    def supplier_payments(self) -> Iterator[Draft]:
        total = -self.opening.get("2440", 0)
        if total:
            for i, part in enumerate(self.split_fixed(total, 4)):
                date = workday(self.year, self.month, 5 + 7 * i)
                yield (
                    date,
                    f"Betalning leverantörsfakturor {self.label}",
                    [
                        ("2440", (), part, "trans"),
                        ("1930", (), -part, "trans"),
                    ],
                )

    def split_fixed(self, amount: int, n: int) -> list[int]:
        """An amount in `n` random pieces, whatever the split factor (payment runs)."""
        weights = [(i, self.rng.randint(50, 150)) for i in range(n)]
        return [p for p in allocate(amount, weights).values() if p]

    def customer_invoices(self) -> Iterator[Draft]:
        for (cc, project, account), amount in self.of("customer"):
            objects = pl_objects(cc, project, account)
            for part in self.split(amount, "customer"):
                lines: list[Line] = [
                    (account, objects, part, "trans"),
                    ("1510", (), -part, "trans"),
                ]
                yield self.day(), f"Kundfaktura {CC_BY_ID[cc].name}", lines

    def customer_payments(self) -> Iterator[Draft]:
        total = self.opening.get("1510", 0)
        if total:
            for i, part in enumerate(self.split_fixed(total, 3)):
                date = workday(self.year, self.month, 8 + 8 * i)
                yield (
                    date,
                    f"Inbetalningar kundfakturor {self.label}",
                    [
                        ("1930", (), part, "trans"),
                        ("1510", (), -part, "trans"),
                    ],
                )

    def internal(self) -> Iterator[Draft]:
        rent: list[Line] = []
        for (cc, project, account), amount in self.of("internal_rent"):
            objects = pl_objects(cc, project, account)
            rent += [(account, objects, p, "trans") for p in self.split(amount, "internal_rent")]
        if rent:
            rent.append(("1930", (), -sum(line[2] for line in rent), "trans"))
            yield workday(self.year, self.month, 1), f"Internhyra {self.label}", rent
        for (cc, project, account), amount in self.of("internal_sales"):
            objects = pl_objects(cc, project, account)
            lines: list[Line] = [
                (account, objects, p, "trans") for p in self.split(amount, "internal_sales")
            ]
            lines.append(("1930", (), -amount, "trans"))
            yield self.day(20, 28), f"Internfakturering {CC_BY_ID[cc].name} {self.label}", lines

    def grants_in(self) -> Iterator[Draft]:
        for (cc, project, account), amount in self.of("grant_in"):
            objects = pl_objects(cc, project, account)
            grantor = PROJECT_BY_ID[project].grantor if project else "Bidragsgivare"
            for part in self.split(amount, "grant_in"):
                lines: list[Line] = [
                    (account, objects, part, "trans"),
                    ("1930", (), -part, "trans"),
                ]
                yield self.day(), f"Bidrag {grantor}", lines

    def grants_out(self) -> Iterator[Draft]:
        for (cc, project, account), amount in self.of("grant_out"):
            objects = pl_objects(cc, project, account)
            for part in self.split(amount, "grant_out"):
                lines: list[Line] = [
                    (account, objects, part, "trans"),
                    ("1930", (), -part, "trans"),
                ]
                yield self.day(), "Utbetalning av beviljat bidrag", lines

    def tax_and_vat(self) -> Iterator[Draft]:
        date = workday(self.year, self.month, 12)
        lines: list[Line] = []
        for account in ("2710", "2730", "2641"):
            amount = -self.opening.get(account, 0)
            if amount:
                lines.append((account, (), amount, "trans"))
        if lines:
            lines.append(("1930", (), -sum(line[2] for line in lines), "trans"))
            yield date, "Skatter, sociala avgifter och momsersättning", lines

    def _collective(self, kind: str, counter: str, day: int, text: str) -> Iterator[Draft]:
        lines: list[Line] = []
        for (cc, project, account), amount in self.of(kind):
            objects = pl_objects(cc, project, account)
            lines += [(account, objects, p, "trans") for p in self.split(amount, kind)]
        if lines:
            lines.append((counter, (), -sum(line[2] for line in lines), "trans"))
            yield workday(self.year, self.month, day), f"{text} {self.label}", lines

    def depreciation(self) -> Iterator[Draft]:
        return self._collective("depreciation", "1290", 28, "Avskrivningar")

    def finance(self) -> Iterator[Draft]:
        return self._collective("finance", "1930", 28, "Räntor")
