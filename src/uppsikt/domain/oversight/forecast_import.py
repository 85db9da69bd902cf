"""A forecast file's full-year forecast per organisation: the ledger facts of one forecast
version, split by the organisation the mapping's cost-centre rules name.

Pure: facts and a mapping in, whole kronor out. Net cost is costs minus income (SIE
sign: costs are debits, positive); the allocation is the budget's net cost
(`allocation_from_budget`), None when the organisation has no budget facts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from uppsikt.domain.economy.analysis import PROFIT_AND_LOSS_LINES, aggregate, budget_phase
from uppsikt.domain.economy.economy_tables import allocation_from_budget
from uppsikt.domain.economy.model import Fact, Mapping, Phase

BUDGET_PHASES = (Phase.ORIGINAL_BUDGET, Phase.REVISED_BUDGET)


@dataclass(frozen=True)
class OrganisationForecast:
    organisation: str  # organisation key, as the mapping names it
    net_cost: int  # full-year forecast, kr
    allocation: int | None  # from the budget facts; None without a budget


def mapped_organisations(mapping: Mapping) -> tuple[str, ...]:
    """The organisation keys the cost-centre rules name, in the mapping's order."""
    return tuple(
        dict.fromkeys(
            rule.organisation
            for rule in mapping.object_rules
            if rule.organisation and rule.dimension == mapping.cost_centre_dimension
        )
    )


def organisation_of(fact: Fact, mapping: Mapping) -> str | None:
    """The organisation of the fact's cost centre, or None when no rule names one."""
    centre = fact.object_in(mapping.cost_centre_dimension)
    if centre is None:
        return None
    rule = mapping.object_rule(mapping.cost_centre_dimension, centre)
    return rule.organisation if rule is not None and rule.organisation else None


def forecasts_from_facts(
    facts: Iterable[Fact], mapping: Mapping, year: int, version: str
) -> list[OrganisationForecast]:
    """One forecast per organisation that has facts of forecast `version` in `year`.

    Facts whose cost centre no rule assigns to an organisation are left out: they
    cannot be told apart, and counting them for everyone would overstate every forecast.
    """
    grouped: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.year != year:
            continue
        wanted = (fact.phase is Phase.FORECAST and fact.version == version) or (
            fact.phase in BUDGET_PHASES
        )
        organisation = organisation_of(fact, mapping) if wanted else None
        if organisation is not None:
            grouped.setdefault(organisation, []).append(fact)
    result = []
    for organisation in mapped_organisations(mapping):
        summed = aggregate(grouped.get(organisation, ()), mapping, year)
        if not summed.has(Phase.FORECAST, version, PROFIT_AND_LOSS_LINES):
            continue
        net_cost = summed.kronor(Phase.FORECAST, PROFIT_AND_LOSS_LINES, version=version)
        allocation = None
        if summed.has(budget_phase(summed), lines=PROFIT_AND_LOSS_LINES):
            allocation = sum(allocation_from_budget(summed).values())
        result.append(OrganisationForecast(organisation, net_cost, allocation))
    return result
