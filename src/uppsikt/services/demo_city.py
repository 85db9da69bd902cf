"""The demo city, stored: the generated reports through the ordinary import, then the rest
of the city (economy, rounds, statuses, companies, special oversight) by one action.

The executive board's real annual analysis is stored first by `services.demo.load_demo`;
each city report states the same complete goal directions for 2024 and 2025, so the
directions the last import leaves are the city's.
"""

from __future__ import annotations

from dataclasses import dataclass

from uppsikt.demo.city import SEED, CityPlan, generate_city
from uppsikt.domain.model import Report


@dataclass(frozen=True)
class CityStored:
    plan: CityPlan
    report_ids: tuple[int, ...]
    counts: dict[str, int]

    @property
    def summary(self) -> str:
        organisations = len({r.organisation for r in self.plan.reports})
        periods = len({(r.period.year, r.period.kind) for r in self.plan.reports})
        return (
            f"{len(self.report_ids)} syntetiska rapporter ({organisations} organisationer, "
            f"{periods} perioder), {self.counts['forecasts']} månadsprognoser, "
            f"{self.counts['members']} organisationer i {self.counts['rounds']} omgångar"
        )


def city_plan(ks: Report, seed: int = SEED) -> CityPlan:
    """The demo city around the executive board's real report (pure; see demo.city)."""
    return generate_city(ks, seed)


def reset_demo_reports(reports: list[Report]) -> None:
    """Make every stored report among `reports` a draft again (without versions or
    comments), so that importing them again is allowed: a demo run starts over."""
    from uppsikt.reports.actions.demo import reset_workflow
    from uppsikt.reports.models import Report as ReportRow

    if not reports:
        return
    key = reports[0].municipality.key
    wanted = {(r.organisation, r.period.year, r.period.kind.value) for r in reports}
    rows = ReportRow.objects.filter(organisation__municipality__key=key).values_list(
        "pk", "organisation__key", "period__year", "period__kind"
    )
    for pk, organisation, year, kind in rows:
        if (organisation, year, kind) in wanted:
            reset_workflow(pk, actor=None)


def store_with_city(ks: Report, seed: int = SEED) -> CityStored:
    """Store the executive board's real report, then the demo city around it, starting
    over from drafts (running it again gives the same content)."""
    from uppsikt.services.storage import store

    plan = city_plan(ks, seed)
    # Drafts again, so the imports over them are allowed (an import is also refused where
    # it would change another report that is submitted or approved).
    reset_demo_reports([ks, *plan.reports])
    store(ks)  # first: the city's reports then state the goal directions of the city
    return store_city(plan)


def store_city(plan: CityPlan) -> CityStored:
    """Import the plan's reports (drafts, each its own import), then load the rest of the
    city in one action; the executive board's real report must be stored already."""
    from uppsikt.oversight.actions.demo_city import load_demo_city
    from uppsikt.services.storage import store_all

    report_ids = store_all(plan.reports)
    loaded = load_demo_city(plan, actor=None)
    return CityStored(plan, tuple(report_ids), loaded.as_dict())
