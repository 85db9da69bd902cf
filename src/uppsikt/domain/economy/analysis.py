"""Ledger facts -> sums per report dimension, and the variance rows that need text.

Facts carry SIE signs (debit positive: income negative, costs positive). A report shows
income positive and costs negative, so every income-statement figure here is −Σ amount;
investments (debits on balance-sheet asset accounts) keep the SIE sign, as the report
shows money invested as a positive figure.

The aggregate keeps exact Decimal sums (öre). Figures leave it as whole kronor, each
aggregate cell rounded half away from zero *before* it is added, so that every table
adds the same integers: a subtotal equals the sum of its rows to the krona and the same
figure in two tables ties exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import TypeVar

from uppsikt.domain.economy.model import (
    FINANCIAL_LINES,
    INCOME_LINES,
    OTHER_COST_LINES,
    STAFF_LINES,
    Fact,
    Financing,
    Mapping,
    ObjectRule,
    Phase,
)
from uppsikt.domain.money import format_number

PROFIT_AND_LOSS_LINES = INCOME_LINES + STAFF_LINES + OTHER_COST_LINES + FINANCIAL_LINES
INVESTMENT_LINES = ("investment",)
DEFAULT_THRESHOLD_KR = 500_000  # same default as the check rule on budget-area comments


@dataclass(frozen=True, slots=True)
class Key:
    """One cell of the aggregate: where a fact lands in the report's dimensions."""

    phase: Phase
    version: str
    line: str
    financing: Financing | None
    budget_area: str | None
    appropriation: str | None
    investment: str | None
    month: int


Where = Callable[[Key], bool]
_K = TypeVar("_K")


@dataclass(frozen=True)
class UnmappedAccount:
    """Facts on an account that no account rule covers (kept out of every table)."""

    account: str
    phase: Phase
    version: str
    amount: Decimal  # SIE sign
    facts: int


@dataclass(frozen=True)
class UnmappedObject:
    """Facts whose cost centre (or, on investment accounts, project) has no usable rule.

    `object` is "" when the facts carry no object in that dimension at all. Cost-centre
    amounts still count in the totals (income statement, the total of the financing split);
    they only miss their financing form and budget area. Investment amounts without a
    project rule are in no investment row."""

    dimension: str
    object: str
    phase: Phase
    version: str
    amount: Decimal  # SIE sign
    facts: int


@dataclass(frozen=True)
class UnmappedReport:
    """What the mapping does not place, with amounts, so nothing disappears silently."""

    accounts: tuple[UnmappedAccount, ...] = ()
    objects: tuple[UnmappedObject, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.accounts or self.objects)

    def describe(self) -> list[str]:
        """One Swedish line per item, for a command-line or import summary."""
        lines = [
            f"Konto {a.account} saknar rad i mappningen: "
            f"{_amount(a.amount, a.phase, a.version, a.facts)}."
            for a in self.accounts
        ]
        lines += [
            f"Dimension {o.dimension}, objekt {o.object or '(inget)'} saknar regel i "
            f"mappningen: {_amount(o.amount, o.phase, o.version, o.facts)}."
            for o in self.objects
        ]
        return lines


def _amount(amount: Decimal, phase: Phase, version: str, facts: int) -> str:
    what = f"{phase.label} {version}" if version else phase.label
    count = "1 post" if facts == 1 else f"{facts} poster"
    return f"{format_number(amount, 2)} kr ({what}, {count}, SIE-tecken)"


@dataclass(frozen=True)
class Aggregate:
    """Exact sums per `Key` for one year, plus what the mapping left unplaced."""

    year: int
    mapping: Mapping
    sums: dict[Key, Decimal] = field(default_factory=dict)
    unmapped: UnmappedReport = UnmappedReport()

    @cached_property
    def _index(self) -> dict[tuple[Phase, str, str], list[tuple[Key, int]]]:
        # Rounded once per cell, grouped so that a query only walks the lines it asks for.
        index: dict[tuple[Phase, str, str], list[tuple[Key, int]]] = {}
        for key, amount in self.sums.items():
            kronor = int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))
            index.setdefault((key.phase, key.version, key.line), []).append((key, kronor))
        return index

    def has(self, phase: Phase, version: str = "", lines: Iterable[str] = ()) -> bool:
        """Whether any fact of `phase`/`version` is on one of `lines` (all lines if none)."""
        wanted = set(lines)
        return any(
            p == phase and v == version and (not wanted or line in wanted)
            for p, v, line in self._index
        )

    def versions(self, phase: Phase) -> tuple[str, ...]:
        """The versions of `phase` in the order they first appear (e.g. forecast labels)."""
        return tuple(dict.fromkeys(v for p, v, _ in self._index if p == phase))

    def kronor(
        self,
        phase: Phase,
        lines: Iterable[str],
        *,
        version: str = "",
        where: Where | None = None,
    ) -> int:
        """Σ of whole-kronor cells in SIE sign; 0 when nothing matches."""
        if isinstance(lines, str):
            lines = (lines,)  # a bare line key, not its letters
        return sum(
            kronor
            for line in lines
            for key, kronor in self._index.get((phase, version, line), ())
            if where is None or where(key)
        )

    def cells(self, phase: Phase, version: str = "") -> Iterator[tuple[Key, int]]:
        """Every whole-kronor cell of `phase`/`version`."""
        for (p, v, _), cells in self._index.items():
            if p == phase and v == version:
                yield from cells


class _Classifier:
    """Places facts with a mapping; caches the rule look-ups that repeat for every fact."""

    def __init__(self, mapping: Mapping, organisation: str | None) -> None:
        self.mapping = mapping
        self.organisation = organisation
        self._lines: dict[str, str | None] = {}
        self._rules: dict[tuple[str, str], ObjectRule | None] = {}
        self.accounts: dict[tuple[str, Phase, str], list[Decimal]] = {}
        self.objects: dict[tuple[str, str, Phase, str], list[Decimal]] = {}

    def line(self, account: str) -> str | None:
        if account not in self._lines:
            self._lines[account] = self.mapping.line_for(account)
        return self._lines[account]

    def rule(self, dimension: str, object_id: str | None) -> ObjectRule | None:
        if object_id is None:
            return None
        if (dimension, object_id) not in self._rules:
            self._rules[dimension, object_id] = self.mapping.object_rule(dimension, object_id)
        return self._rules[dimension, object_id]

    def foreign(self, rule: ObjectRule | None) -> bool:
        """Another organisation's object: not ours, and not unmapped either."""
        if self.organisation is None or rule is None:
            return False
        return rule.organisation not in (None, self.organisation)

    def key(self, fact: Fact) -> Key | None:
        """The fact's cell, or None when it is ignored or cannot be placed (then noted)."""
        line = self.line(fact.account)
        if line is None:
            _note(self.accounts, (fact.account, fact.phase, fact.version), fact.amount)
            return None
        if line == "ignore":
            return None
        if line == "investment":
            dimension = self.mapping.project_dimension
            project = fact.object_in(dimension)
            rule = self.rule(dimension, project)
            if self.foreign(rule):
                return None
            if rule is None or rule.investment is None:
                _note(
                    self.objects, (dimension, project or "", fact.phase, fact.version), fact.amount
                )
                return None
            return Key(
                fact.phase, fact.version, line, None, None, None, rule.investment, fact.month
            )
        dimension = self.mapping.cost_centre_dimension
        centre = fact.object_in(dimension)
        rule = self.rule(dimension, centre)
        if self.foreign(rule):
            return None
        if rule is None or rule.financing is None:
            _note(self.objects, (dimension, centre or "", fact.phase, fact.version), fact.amount)
            if self.organisation is not None and rule is None:
                return None  # cannot tell which organisation it belongs to
        return Key(
            fact.phase,
            fact.version,
            line,
            rule.financing if rule else None,
            rule.budget_area if rule else None,
            rule.appropriation if rule else None,
            None,
            fact.month,
        )

    def report(self) -> UnmappedReport:
        return UnmappedReport(
            tuple(
                UnmappedAccount(account, phase, version, total[0], int(total[1]))
                for (account, phase, version), total in sorted(self.accounts.items())
            ),
            tuple(
                UnmappedObject(dimension, obj, phase, version, total[0], int(total[1]))
                for (dimension, obj, phase, version), total in sorted(self.objects.items())
            ),
        )


def _note(store: dict[_K, list[Decimal]], key: _K, amount: Decimal) -> None:
    total = store.setdefault(key, [Decimal(0), Decimal(0)])
    total[0] += amount
    total[1] += 1


def aggregate(
    facts: Iterable[Fact], mapping: Mapping, year: int, *, organisation: str | None = None
) -> Aggregate:
    """Sum the year's facts per `Key` in exact Decimal; `ignore` accounts are skipped and
    what the mapping cannot place is kept aside in `unmapped`. With `organisation`, only
    cost centres whose rule names that organisation (or none) count."""
    classifier = _Classifier(mapping, organisation)
    sums: dict[Key, Decimal] = {}
    for fact in facts:
        if fact.year != year:
            continue
        key = classifier.key(fact)
        if key is not None:
            sums[key] = sums.get(key, Decimal(0)) + fact.amount
    return Aggregate(year, mapping, sums, classifier.report())


def unmapped(facts: Iterable[Fact], mapping: Mapping, year: int | None = None) -> UnmappedReport:
    """Accounts without a line and objects without a rule, with their amounts."""
    classifier = _Classifier(mapping, None)
    for fact in facts:
        if year is None or fact.year == year:
            classifier.key(fact)
    return classifier.report()


def budget_phase(aggregate: Aggregate) -> Phase:
    """The revised budget when the year has one, else the original: a revised budget is
    the whole budget after the year's allocation changes, never a set of deltas, so the
    two are not mixed cell by cell."""
    if aggregate.has(Phase.REVISED_BUDGET):
        return Phase.REVISED_BUDGET
    return Phase.ORIGINAL_BUDGET


def matching(**values: object) -> Where:
    """A filter on key attributes, e.g. `matching(financing=Financing.BOARD)`."""
    return lambda key: all(getattr(key, name) == value for name, value in values.items())


def ordered_keys(mapping: Mapping, attribute: str) -> list[tuple[str, str]]:
    """(key, label) of `budget_area`, `appropriation` or `investment` in mapping order;
    the label is the name of the first rule that names the key."""
    dimension = (
        mapping.project_dimension if attribute == "investment" else mapping.cost_centre_dimension
    )
    seen: dict[str, str] = {}
    for rule in mapping.object_rules:
        value = getattr(rule, attribute)
        if rule.dimension == dimension and value and value not in seen:
            seen[value] = rule.name or value
    return list(seen.items())


@dataclass(frozen=True)
class VarianceRow:
    """Actual against budget (and forecast) in report sign: positive variance is better."""

    budget_area: str | None  # None: cost centres outside every budget area
    line: str | None  # None: all income-statement lines together (net cost)
    month: int | None  # None: the whole year; 0 holds year-level amounts without month
    actual: int
    budget: int
    variance: int
    forecast: int | None
    forecast_variance: int | None  # actual − forecast
    needs_explanation: bool


def variance_rows(
    aggregate: Aggregate,
    *,
    threshold_kr: int = DEFAULT_THRESHOLD_KR,
    forecast_version: str | None = None,
    by_month: bool = False,
    by_line: bool = True,
    budget: Phase | None = None,
) -> list[VarianceRow]:
    """Rows per budget area × line (× month): which variances exceed `threshold_kr` and so
    need a written explanation. `by_line=False` gives net cost per budget area, the level
    the check on the budget-area table works at."""
    phases = {Phase.ACTUAL: "actual", budget or budget_phase(aggregate): "budget"}
    groups: dict[tuple[str | None, str | None, int | None], dict[str, int]] = {}
    for phase, column in phases.items():
        _collect(groups, aggregate.cells(phase), column, by_line, by_month)
    if forecast_version is not None:
        cells = aggregate.cells(Phase.FORECAST, forecast_version)
        _collect(groups, cells, "forecast", by_line, by_month)
    areas = {key: n for n, (key, _) in enumerate(ordered_keys(aggregate.mapping, "budget_area"))}
    lines = {line: n for n, line in enumerate(PROFIT_AND_LOSS_LINES)}

    def order(group: tuple[str | None, str | None, int | None]) -> tuple[int, int, int]:
        area, line, month = group
        return (
            areas.get(area, len(areas)) if area is not None else len(areas) + 1,
            lines.get(line, -1) if line is not None else -1,
            month or 0,
        )

    rows = []
    for group in sorted(groups, key=order):
        values = groups[group]
        actual, planned = values.get("actual", 0), values.get("budget", 0)
        forecast = values.get("forecast", 0) if forecast_version is not None else None
        variance = actual - planned
        rows.append(
            VarianceRow(
                *group,
                actual=actual,
                budget=planned,
                variance=variance,
                forecast=forecast,
                forecast_variance=None if forecast is None else actual - forecast,
                needs_explanation=abs(variance) > threshold_kr,
            )
        )
    return rows


def _collect(
    groups: dict[tuple[str | None, str | None, int | None], dict[str, int]],
    cells: Iterable[tuple[Key, int]],
    column: str,
    by_line: bool,
    by_month: bool,
) -> None:
    for key, kronor in cells:
        if key.line not in PROFIT_AND_LOSS_LINES:
            continue
        group = (key.budget_area, key.line if by_line else None, key.month if by_month else None)
        values = groups.setdefault(group, {})
        values[column] = values.get(column, 0) - kronor  # report sign
