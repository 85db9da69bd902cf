"""Import a SIE file into the ledger: aggregated facts, all or nothing.

The file is read once, streaming, and aggregated on the fly to one amount per
(year, month, account, objects, phase): memory grows with accounts × objects × months,
never with the number of vouchers. Only then does one transaction write everything
(`uppsikt.economy.storing`), so reading a large file never holds the database's write
lock, and an error or interrupt at any point leaves the database as it was.

Rules (see the shared reference `sie.md` §6–7):

- Year and month are the calendar year and month: of the line date if the line has
  one, else of the voucher date; of the `YYYYMM` period for #PSALDO/#PBUDGET (never the
  årsnr, which some programs get wrong). Municipal fiscal years are calendar years.
- Actual (utfall) comes from *one* source per year, never both. Vouchers win for the
  years of fiscal year 0 (#RAR 0) whenever the file has vouchers; every other year takes
  #PSALDO when the file has any for it, else the vouchers dated in it. #TRANS and
  #RTRANS count once (the reader drops an #RTRANS's mirror); #BTRANS never counts.
- Original budget comes from #PBUDGET.
- #PSALDO/#PBUDGET rows with objects and the row without objects (empty list) of the
  same account and period are never simply both counted, nor is the row without objects
  simply dropped: programs mean different things by them. Some (Visma) write the total
  beside breakdowns per dimension, which overlap; others (Avendo) write the disjoint
  cell of each object combination and put only the rest on the empty list. The file's
  own #RES (or #UB - #IB) per account and year decides which reading adds up; without
  such evidence the total reading of the 4B text is used. Read as a total, the amount is
  split by cost centre as far as object rows name one, and the rest has no objects.
  (Checked on the public SIE 3 samples of both programs against their 4E vouchers.)
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from uppsikt.domain.economy.model import Objects, Phase
from uppsikt.economy.errors import LedgerImportError
from uppsikt.economy.mapping_store import load_mapping
from uppsikt.economy.models.ledger import FileKind, canonical_objects, objects_key, ore
from uppsikt.economy.storing import (
    AccountRow,
    Cell,
    Cells,
    DimensionRow,
    ImportResult,
    LedgerWarning,
    ObjectRow,
    PendingFile,
    Source,
    check_not_imported,
    file_sha256,
    store_file,
)
from uppsikt.importers.problems import Problem, from_sie_issue
from uppsikt.sie import Balance, FiscalYear, Issue, SieError, SieFile, Voucher, open_sie

__all__ = ["ImportResult", "LedgerImportError", "file_sha256", "import_sie_file"]

Progress = Callable[[int, int], None]
_PROGRESS_EVERY = 2000  # items between progress calls: often enough for a bar, cheap
_ACTUAL = Phase.ACTUAL.value
_BUDGET = Phase.ORIGINAL_BUDGET.value
_BALANCES = frozenset({"PSALDO", "PBUDGET", "RES", "IB", "UB"})


def import_sie_file(
    municipality_key: str,
    path: Path | str,
    *,
    replace: bool = False,
    progress: Progress | None = None,
    encoding: str | None = None,
    allow_errors: bool = False,
) -> ImportResult:
    """Import the SIE file at `path` for the municipality, in one transaction.

    Raises `AlreadyImported` if the same file was imported before (unless `replace`,
    which replaces that import), `UnknownMunicipality`, or `LedgerImportError` for a
    file that cannot be read (naming the file and line). `progress(bytes_read, total)`
    is called while reading. A file whose reading skipped records (issues of severity
    "error", e.g. a voucher with an impossible date, or a wrong #KSUMMA) is refused,
    since its facts would be incomplete, unless `allow_errors`.
    """
    path = Path(path)
    sha256 = file_sha256(path)
    # Checked before reading so that a repeated import fails at once; checked again
    # under the municipality's lock when writing, where it counts.
    check_not_imported(municipality_key, sha256, path.name, replace=replace)
    aggregate = _Aggregate()
    try:
        with path.open("rb") as raw:
            total = path.stat().st_size
            with open_sie(raw, encoding=encoding) as sie:
                _read(sie, aggregate, raw, total, progress)
                header, summary = sie.header, sie.summary
    except SieError as error:
        problem = Problem(path.name, error.line, None, error.message)
        raise LedgerImportError(str(problem), [problem]) from error
    _refuse_errors(path.name, summary.issues, allow_errors)
    cells, sources, warnings = aggregate.resolve(
        header.fiscal_years, load_mapping(municipality_key).cost_centre_dimension
    )
    warnings = [
        LedgerWarning(issue.code, issue.message, issue.line, issue.severity)
        for issue in summary.issues
    ] + warnings
    counts = dict(summary.label_counts)
    counts.update(vouchers=summary.vouchers, transactions=summary.transactions)
    pending = PendingFile(
        name=path.name,
        sha256=sha256,
        kind=FileKind.SIE,
        cells=cells,
        objects=aggregate.objects_by_key,
        sources=sources,
        counts=counts,
        warnings=warnings,
        info={
            "file_type": summary.file_type,
            "encoding": summary.encoding,
            "checksum": summary.checksum,
            "company_name": header.company_name,
            "org_number": header.org_number,
            "unbalanced_vouchers": summary.unbalanced_vouchers,
        },
        accounts=[AccountRow(a.number, a.name, a.type or "") for a in header.accounts.values()],
        dimensions=[
            DimensionRow(d.number, d.name, d.parent or "") for d in header.dimensions.values()
        ],
        object_names=[ObjectRow(dim, obj, name) for (dim, obj), name in header.objects.items()],
    )
    return store_file(municipality_key, pending, replace=replace)


def _refuse_errors(name: str, issues: list[Issue], allow_errors: bool) -> None:
    errors = [from_sie_issue(name, issue) for issue in issues if issue.severity == "error"]
    if errors and not allow_errors:
        shown = "\n".join(str(problem) for problem in errors[:20])
        raise LedgerImportError(
            f"{name}: läsningen hittade {len(errors)} fel, så uppgifter saknas; ingenting "
            f"importerades:\n{shown}\nExportera filen på nytt, eller importera ändå med "
            "allow_errors (--allow-errors) om de överhoppade posterna får saknas.",
            errors,
        )


def _read(
    sie: SieFile, aggregate: _Aggregate, raw: BinaryIO, total: int, progress: Progress | None
) -> None:
    if progress is not None:
        progress(0, total)
    for count, item in enumerate(sie.items(), start=1):
        if isinstance(item, Voucher):
            aggregate.add_voucher(item)
        elif isinstance(item, Balance) and item.kind in _BALANCES:
            aggregate.add_balance(item)
        if progress is not None and count % _PROGRESS_EVERY == 0:
            progress(min(raw.tell(), total), total)
    if progress is not None:
        progress(total, total)


_Key = tuple[int, int, str, str]  # year, month, account, objects key
_Group = tuple[str, int, int, str]  # label, year, month, account


class _Aggregate:
    """Running sums of what a SIE file states, small whatever the number of vouchers."""

    def __init__(self) -> None:
        self.vouchers: defaultdict[_Key, Decimal] = defaultdict(Decimal)
        # (label, year, month, account, objects key); objects key "" is the total row.
        self.balances: defaultdict[tuple[str, int, int, str, str], Decimal] = defaultdict(Decimal)
        self.objects_by_key: dict[str, Objects] = {"": ()}
        self._keys: dict[Objects, str] = {(): ""}
        # #RES, #IB and #UB by (label, årsnr, account): what the periods must add up to.
        self.reference: dict[tuple[str, int, str], Decimal] = {}
        self._bad_periods = 0
        self._first_bad_period: int | None = None

    def key(self, objects: Objects) -> str:
        """The canonical key of an object list, computed once per distinct list."""
        found = self._keys.get(objects)
        if found is None:
            canonical = canonical_objects(objects)
            # Interned: millions of cells share a few thousand keys and account numbers.
            found = sys.intern(objects_key(canonical))
            self._keys[objects] = found
            self.objects_by_key[found] = canonical
        return found

    def add_voucher(self, voucher: Voucher) -> None:
        for line in voucher.effective():
            when = line.date or voucher.date
            cell = (when.year, when.month, sys.intern(line.account), self.key(line.objects))
            self.vouchers[cell] += line.amount

    def add_balance(self, balance: Balance) -> None:
        if balance.kind in ("RES", "IB", "UB"):
            if not balance.objects:
                self.reference[(balance.kind, balance.year, balance.account)] = balance.amount
            return
        period = balance.period
        if period is None or not 1 <= period % 100 <= 12:
            self._bad_periods += 1
            self._first_bad_period = self._first_bad_period or balance.line
            return
        year, month = divmod(period, 100)
        account = sys.intern(balance.account)
        self.balances[(balance.kind, year, month, account, self.key(balance.objects))] += (
            balance.amount
        )

    def resolve(
        self, fiscal_years: dict[int, FiscalYear], cost_centre_dimension: str
    ) -> tuple[Cells, dict[Source, str], list[LedgerWarning]]:
        """The cells to store, which source each (year, phase) came from, and warnings."""
        warnings: list[LedgerWarning] = []
        if self._bad_periods:
            warnings.append(
                LedgerWarning(
                    "ledger.bad_period",
                    f"{self._bad_periods} #PSALDO/#PBUDGET utan giltig period (ÅÅÅÅMM) används "
                    "inte",
                    self._first_bad_period,
                )
            )
        psaldo, budget = self._balance_cells(fiscal_years, cost_centre_dimension, warnings)
        current = fiscal_years.get(0)
        current_years = set(range(current.start.year, current.end.year + 1)) if current else set()
        voucher_years = {year for year, *_ in self.vouchers}
        # Vouchers win for the years they cover: fiscal year 0, or (without #RAR 0) the
        # years they are dated in. #PSALDO gives the other years.
        covered = (current_years or voucher_years) if self.vouchers else set()
        from_psaldo = {year for year, *_ in psaldo} - covered
        cells: dict[Cell, Decimal] = defaultdict(Decimal)
        sources: dict[Source, str] = {}
        stray: Decimal = Decimal(0)
        for (year, month, account, key), amount in self.vouchers.items():
            if year in from_psaldo:
                stray += abs(amount)
                continue
            cells[(year, month, account, key, _ACTUAL, "")] += amount
            sources[(year, _ACTUAL, "")] = "vouchers"
        for (year, month, account, key), amount in psaldo.items():
            if year in from_psaldo:
                cells[(year, month, account, key, _ACTUAL, "")] += amount
                sources[(year, _ACTUAL, "")] = "psaldo"
        for (year, month, account, key), amount in budget.items():
            cells[(year, month, account, key, _BUDGET, "")] += amount
            sources[(year, _BUDGET, "")] = "pbudget"
        if stray:
            years = ", ".join(str(y) for y in sorted(voucher_years & from_psaldo))
            warnings.append(
                LedgerWarning(
                    "ledger.vouchers_outside_year",
                    f"verifikationsrader daterade {years} (utanför räkenskapsår 0) används "
                    f"inte, eftersom filen har #PSALDO för året (omsättning {stray} kr)",
                )
            )
        # The running sums are not needed any more; free them before the writing starts.
        self.vouchers.clear()
        self.balances.clear()
        return _to_ore(cells, warnings), sources, warnings

    def _balance_cells(
        self, fiscal_years: dict[int, FiscalYear], dimension: str, warnings: list[LedgerWarning]
    ) -> tuple[dict[_Key, Decimal], dict[_Key, Decimal]]:
        """#PSALDO and #PBUDGET cells, never counting an amount twice (see the module doc)."""
        totals: dict[_Group, Decimal] = {}
        parts: defaultdict[_Group, dict[str, Decimal]] = defaultdict(dict)
        for (label, year, month, account, key), amount in self.balances.items():
            if key:
                parts[(label, year, month, account)][key] = amount
            else:
                totals[(label, year, month, account)] = amount
        both = sum(group in totals for group in parts)
        remainders, evidence = (
            self._totals_are_remainders(totals, parts, fiscal_years) if both else (False, False)
        )
        result: dict[str, defaultdict[_Key, Decimal]] = {
            "PSALDO": defaultdict(Decimal),
            "PBUDGET": defaultdict(Decimal),
        }
        for group in sorted(totals.keys() | parts.keys()):  # sorted: the same file, the same rows
            label, year, month, account = group
            cells, total, rows = result[label], totals.get(group), parts.get(group, {})
            if total is None or remainders:
                for key, amount in rows.items():
                    cells[(year, month, account, key)] += amount
            else:
                # The total row is the whole amount: split it by cost centre, as far as
                # rows name one, and keep the rest without objects.
                for key, amount in rows.items():
                    found = next((o for d, o in self.objects_by_key[key] if d == dimension), None)
                    if found is not None:
                        cells[(year, month, account, self.key(((dimension, found),)))] += amount
                        total -= amount
            if total is not None:
                cells[(year, month, account, "")] += total
        if both:
            reading = (
                "raden utan objekt är det som inte har något objekt och läggs till"
                if remainders
                else "raden utan objekt är hela beloppet, som fördelas per kostnadsställe "
                f"(dimension {dimension}) så långt raderna per objekt räcker"
            )
            warnings.append(
                LedgerWarning(
                    "ledger.object_rows",
                    f"#PSALDO/#PBUDGET har både rader per objekt och en rad utan objekt för "
                    f"{both} konto och period; "
                    + (
                        "enligt #RES/#IB/#UB"
                        if evidence
                        else "utan #RES/#IB/#UB som avgör, enligt SIE 4B"
                    )
                    + f" läses de så: {reading}",
                    severity="info",
                )
            )
        return result["PSALDO"], result["PBUDGET"]

    def _totals_are_remainders(
        self,
        totals: dict[_Group, Decimal],
        parts: dict[_Group, dict[str, Decimal]],
        fiscal_years: dict[int, FiscalYear],
    ) -> tuple[bool, bool]:
        """Whether the row without objects holds only what no object row has, and whether
        the file gave evidence either way (else the answer is no: the 4B reading).

        Programs differ: some write the total beside per-dimension breakdowns, others the
        disjoint cells of each object combination with the rest on the empty list. The
        file's own #RES (or #UB - #IB) per account and year says which adds up.
        """
        by_period = {
            (fy.start.year * 12 + fy.start.month, fy.end.year * 12 + fy.end.month): index
            for index, fy in fiscal_years.items()
        }
        as_total: defaultdict[tuple[int, str], Decimal] = defaultdict(Decimal)
        as_sum: defaultdict[tuple[int, str], Decimal] = defaultdict(Decimal)
        for group in totals.keys() | parts.keys():
            label, year, month, account = group
            index = next(
                (i for (a, b), i in by_period.items() if a <= year * 12 + month <= b), None
            )
            if label != "PSALDO" or index is None:
                continue
            rows = sum(parts.get(group, {}).values(), Decimal(0))
            total = totals.get(group)
            as_total[(index, account)] += rows if total is None else total
            as_sum[(index, account)] += rows + (total or 0)
        votes = [0, 0]  # for "total", for "remainder"
        for key, amount in as_total.items():
            if amount != as_sum[key] and (expected := self._reference(key)) is not None:
                votes[0] += amount == expected
                votes[1] += as_sum[key] == expected
        return votes[1] > votes[0], votes[0] != votes[1]

    def _reference(self, key: tuple[int, str]) -> Decimal | None:
        """What an account's periods add up to in a year: #RES, else #UB - #IB."""
        index, account = key
        if ("RES", index, account) in self.reference:
            return self.reference[("RES", index, account)]
        closing = self.reference.get(("UB", index, account))
        opening = self.reference.get(("IB", index, account))
        if closing is None and opening is None:
            return None
        return (closing or Decimal(0)) - (opening or Decimal(0))


def _to_ore(cells: dict[Cell, Decimal], warnings: list[LedgerWarning]) -> Cells:
    """Sums in öre; sums that are not whole öre (amounts with 3+ decimals) are rounded."""
    result: Cells = {}
    rounded = 0
    for cell, amount in cells.items():
        value = ore(amount)
        rounded += value != amount * 100
        result[cell] = value
    if rounded:
        warnings.append(
            LedgerWarning(
                "ledger.rounded",
                f"{rounded} belopp hade fler än två decimaler och avrundades till hela ören",
            )
        )
    return result
