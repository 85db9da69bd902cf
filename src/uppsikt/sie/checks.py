"""Consistency checks over balance records (sie.md §6, §13), with memory bounded by the chart.

For every (year, account) only running sums are kept: IB, UB, RES and the sum of the
#PSALDO totals (records with an empty object list; per-object records are a breakdown of the
same money and must not be added in). Conflicts are reported, never repaired: a real BL Info
file writes previous-year periods with årsnr 0, and a SoftOne XE file writes all-zero #PSALDO,
so neither side can be trusted blindly.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from uppsikt.sie.errors import IssueLog
from uppsikt.sie.model import ZERO, Balance, FiscalYear, Header


@dataclass
class _Sums:
    ib: Decimal | None = None
    ub: Decimal | None = None
    res: Decimal | None = None
    psaldo: Decimal = ZERO
    has_psaldo: bool = False
    line: int = 0  # a line to point at: the UB or RES record, else the first #PSALDO
    # Type 3 exporters differ: in some the {} record is the period total, in others (the
    # SIE-gruppen sample company) it is the part not assigned to any object, and the
    # per-object records complete it. A sum that fits either reading is accepted.
    psaldo_objects: Decimal = ZERO
    has_objects: bool = False


@dataclass
class BalanceChecks:
    """Collects IB/UB/RES/#PSALDO sums and reports IB + ΣPSALDO ≠ UB and ΣPSALDO ≠ RES."""

    sums: dict[tuple[int, str], _Sums] = field(default_factory=dict)
    years_with_psaldo: set[int] = field(default_factory=set)
    _period_years: dict[int, int] = field(default_factory=dict)

    def add(self, balance: Balance, header: Header) -> None:
        """Take one balance record into the running sums."""
        b = balance
        self.add_amount(
            b.kind, b.year, b.period, b.account, bool(b.objects), b.amount, b.line, header
        )

    def add_amount(
        self,
        kind: str,
        year: int,
        period: int | None,
        account: str,
        has_objects: bool,
        amount: Decimal,
        line: int,
        header: Header,
    ) -> None:
        """``add()`` from the fields of the record (the C accelerator has no Balance)."""
        if kind in ("OIB", "OUB", "PBUDGET"):
            return
        if kind == "PSALDO" and period is not None:
            year = self._year_of_period(period, year, header)
        key = (year, account)
        sums = self.sums.get(key)
        if sums is None:
            sums = self.sums[key] = _Sums(line=line)
        if kind == "PSALDO":
            if has_objects:
                sums.psaldo_objects += amount
                sums.has_objects = True
                return
            sums.psaldo += amount
            sums.has_psaldo = True
            self.years_with_psaldo.add(year)
            return
        if kind == "IB":
            sums.ib = (sums.ib or ZERO) + amount
        elif kind == "UB":
            sums.ub = (sums.ub or ZERO) + amount
            sums.line = line
        elif kind == "RES":
            sums.res = (sums.res or ZERO) + amount
            sums.line = line

    def _year_of_period(self, period: int, stated: int, header: Header) -> int:
        # The year a period falls in by the #RAR dates, not by the årsnr written (BL Info).
        year = self._period_years.get(period)
        if year is None:
            first = datetime.date(period // 100, period % 100, 1)
            year = next(
                (y.index for y in header.fiscal_years.values() if y.start <= first <= y.end),
                stated,
            )
            self._period_years[period] = year
        return year

    def finish(self, header: Header, log: IssueLog) -> None:
        """Report the conflicts, one warning per account and year."""
        for (year, account), s in sorted(self.sums.items()):
            if year not in self.years_with_psaldo:
                continue  # type 1 or a year without periods: nothing to compare
            readings = [s.psaldo, s.psaldo + s.psaldo_objects] if s.has_objects else [s.psaldo]
            if s.res is None and (
                s.ib is not None or s.ub is not None or _balance_sheet(account, header)
            ):
                ib, ub = s.ib or ZERO, s.ub or ZERO
                if all(ib + p != ub for p in readings):
                    log.warning(
                        "balance.ib_psaldo_ub",
                        s.line,
                        f"Konto {account}, år {year}: IB {ib} + summa #PSALDO {s.psaldo} = "
                        f"{ib + s.psaldo}, men UB är {ub} (skillnad {ib + s.psaldo - ub}). "
                        "Kontrollera exporten; värdena har lästs in som de står.",
                    )
            elif (res := s.res or ZERO) not in readings:
                log.warning(
                    "balance.psaldo_res",
                    s.line,
                    f"Konto {account}, år {year}: summa #PSALDO {s.psaldo}, men #RES är "
                    f"{res} (skillnad {s.psaldo - res}). Kontrollera exporten; värdena "
                    "har lästs in som de står.",
                )


def _balance_sheet(account: str, header: Header) -> bool:
    """Balance-sheet account by #KTYP, else by class 1–2 (true for BAS and Kommun-Bas)."""
    declared = header.accounts.get(account)
    if declared is not None and declared.type is not None:
        return declared.type in ("T", "S")
    return account[:1] in ("1", "2")


def in_years(date: datetime.date, years: dict[int, FiscalYear]) -> bool:
    """Whether a date lies in one of the file's fiscal years (true when there are none)."""
    return not years or any(y.start <= date <= y.end for y in years.values())
