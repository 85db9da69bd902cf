"""`generate_city`: the whole demo city from the executive board's real report and a seed.

Pure and deterministic: the same report and seed give the same plan. Each report, goal
and organisation draws from a random stream of its own (seeded by the seed and its
names), so changing one part of the city leaves the rest as it was.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from uppsikt.demo.city import profiles as p
from uppsikt.demo.city import texts
from uppsikt.demo.city.economy import anchored_economy, operating_result, year_economy
from uppsikt.demo.city.model import (
    SYNTHETIC,
    CaseEntryPlan,
    CasePlan,
    CityPlan,
    CompanyDocumentPlan,
    CompanyReviewPlan,
    ReportKey,
    RoundPlan,
    YearEconomy,
)
from uppsikt.demo.city.phrases import TOPICS
from uppsikt.domain.model import (
    Assessment,
    AssignmentStatus,
    BudgetAssignment,
    CouncilGoal,
    GoalFollowUp,
    Organisation,
    OrganisationKind,
    Period,
    PeriodKind,
    Report,
    TermOutlook,
)
from uppsikt.domain.oversight.model import CompanyDocumentKind
from uppsikt.domain.workflow import Status

SEED = 20_250_831
INTERIM, ANNUAL = PeriodKind.INTERIM_REPORT, PeriodKind.ANNUAL_ANALYSIS
PERIODS = tuple((year, kind) for year in p.YEARS for kind in (INTERIM, ANNUAL))
DEADLINES = {
    (2024, INTERIM): date(2024, 9, 16),
    (2024, ANNUAL): date(2025, 2, 14),
    (2025, INTERIM): date(2025, 9, 15),
    (2025, ANNUAL): date(2026, 2, 16),
}
LEVELS = (Assessment.NOT_ACHIEVED, Assessment.PARTLY_ACHIEVED, Assessment.ACHIEVED)
# Statuses besides "approved": submitted (not yet approved) and the late drafts.
SUBMITTED = {
    (2024, ANNUAL): ("va-syd",),
    (2025, INTERIM): ("kulturnamnden", "malmo-stadsteater-ab"),
    (2025, ANNUAL): (
        "arbetsmarknads-och-socialnamnden",
        "tekniska-namnden",
        "servicenamnden",
        "grundskolenamnden",
        "mkb-fastighets-ab",
        "destinationssamverkan-malmo-ab",
    ),
}
SPECIAL_OVERSIGHT_CASE = "STK-2025-1363"


def generate_city(ks: Report, seed: int = SEED) -> CityPlan:
    """The demo city around `ks`, the executive board's real 2025 annual analysis (kept as
    it is: it is not among the plan's reports)."""
    return _City(ks, seed).plan()


class _City:
    def __init__(self, ks: Report, seed: int) -> None:
        self.ks = ks
        self.seed = seed
        self.organisations = tuple(
            o for o in ks.municipality.organisations if o.kind is not OrganisationKind.COUNCIL
        )
        self.profiles = {profile.key: profile for profile in p.PROFILES}
        all_goals = tuple(goal.key for goal in ks.council_goals)
        self.directed = {p.EXECUTIVE_BOARD: all_goals} | {
            profile.key: profile.goals for profile in p.PROFILES
        }
        self.council_goals = tuple(self._directions(goal) for goal in ks.council_goals)
        self.economy = {
            (o.key, year): self._economy(o.key, year)
            for o in self.organisations
            for year in p.YEARS
        }

    def rng(self, *names: object) -> random.Random:
        return random.Random(":".join(str(name) for name in (self.seed, *names)))

    def plan(self) -> CityPlan:
        reports = tuple(
            self._report(organisation, year, kind)
            for year, kind in PERIODS
            for organisation in self.organisations
            if (organisation.key, year, kind) != (p.EXECUTIVE_BOARD, 2025, ANNUAL)
        )
        return CityPlan(
            municipality=self.ks.municipality.key,
            seed=self.seed,
            reports=reports,
            statuses=self._statuses(),
            economy=tuple(self.economy.values()),
            rounds=tuple(
                RoundPlan(
                    year,
                    kind,
                    DEADLINES[(year, kind)],
                    tuple((o.key, DEADLINES[(year, kind)]) for o in self.organisations),
                )
                for year, kind in PERIODS
            ),
            company_documents=self._company_documents(),
            company_reviews=self._company_reviews(),
            cases=(self._special_oversight(),),
        )

    # -- goals --------------------------------------------------------------------------

    def _directions(self, goal: CouncilGoal) -> CouncilGoal:
        keys = tuple(o.key for o in self.organisations if goal.key in self.directed[o.key])
        return replace(goal, directed_to=tuple((year, keys) for year in p.YEARS))

    def _assessments(
        self, organisation: str, goal: str, year: int
    ) -> dict[PeriodKind, tuple[Assessment, TermOutlook]]:
        """The interim report's and the annual analysis's assessment and term outlook."""
        rng = self.rng(organisation, goal, year, "assessment")
        annual = rng.choices(LEVELS, weights=(8, 32, 60))[0]
        interim = annual
        if annual is not Assessment.ACHIEVED and rng.random() < 0.15:
            interim = LEVELS[LEVELS.index(annual) + 1]
        if year == 2025 and (organisation, goal) in p.DOWNGRADES:
            annual = min(annual, Assessment.PARTLY_ACHIEVED, key=LEVELS.index)
            interim = LEVELS[LEVELS.index(annual) + 1]
        outlook = TermOutlook.EXPECTED
        if annual is Assessment.NOT_ACHIEVED or (
            annual is Assessment.PARTLY_ACHIEVED and rng.random() < 0.2
        ):
            outlook = TermOutlook.NOT_EXPECTED
        interim_outlook = outlook
        if year == 2025 and (organisation, goal) in p.NOT_ACHIEVED:
            annual, outlook = Assessment.NOT_ACHIEVED, TermOutlook.NOT_EXPECTED
            interim, interim_outlook = Assessment.PARTLY_ACHIEVED, TermOutlook.EXPECTED
        if (organisation, year) == (p.EXECUTIVE_BOARD, 2025):
            interim, interim_outlook = self._ks_interim(goal)
        return {INTERIM: (interim, interim_outlook), ANNUAL: (annual, outlook)}

    def _ks_interim(self, goal: str) -> tuple[Assessment, TermOutlook]:
        """The executive board's 2025 interim report foresaw its real annual analysis, but
        for the first goal the annual analysis assessed as partly achieved (a downgrade)."""
        real = self.ks.follow_up(goal)
        if real is None or real.year_assessment is None or real.term_outlook is None:
            return Assessment.ACHIEVED, TermOutlook.EXPECTED
        partly = [
            f.goal
            for f in self.ks.goal_follow_ups
            if f.year_assessment is Assessment.PARTLY_ACHIEVED
        ]
        if partly and goal == partly[0]:
            return Assessment.ACHIEVED, real.term_outlook
        return real.year_assessment, real.term_outlook

    def _follow_up(
        self, organisation: Organisation, goal: str, year: int, kind: PeriodKind
    ) -> GoalFollowUp:
        rng = self.rng(organisation.key, goal, year, "topics")
        topics = rng.sample(TOPICS[goal], k=1 + (rng.random() < 0.5))
        text = self.rng(organisation.key, goal, year, kind, "text")
        assessment, outlook = self._assessments(organisation.key, goal, year)[kind]
        return GoalFollowUp(
            goal=goal,
            contributions=texts.contributions(text, organisation, tuple(topics)),
            year_assessment=assessment,
            year_motivation=texts.assessment_motivation(
                text, organisation, topics[0][1], assessment, interim=kind is INTERIM
            ),
            term_outlook=outlook,
            term_motivation=texts.outlook_motivation(text, outlook),
        )

    # -- budget assignments -------------------------------------------------------------

    def _assignments(
        self, organisation: Organisation, year: int, kind: PeriodKind
    ) -> tuple[BudgetAssignment, ...]:
        part = "interim" if kind is INTERIM else "annual"
        rng = self.rng(organisation.key, year, kind, "assignments")
        listed = []
        if year == 2025:  # the executive board's four, from the 2025 budget
            for real in self.ks.budget_assignments:
                if organisation.key == real.responsible or organisation.key in real.co_responsible:
                    status = real.status
                    if kind is INTERIM and status is AssignmentStatus.COMPLETED:
                        status = AssignmentStatus.ONGOING
                    listed.append(
                        replace(
                            real, status=status, report=texts.assignment_report(rng, organisation)
                        )
                    )
        for plan in p.ASSIGNMENTS:
            if plan.given > year:
                continue
            if organisation.key != plan.responsible and organisation.key not in plan.co_responsible:
                continue
            listed.append(
                BudgetAssignment(
                    key=plan.key,
                    title=plan.title,
                    goal_area=plan.goal_area,
                    responsible=plan.responsible,
                    co_responsible=plan.co_responsible,
                    status=plan.statuses[(year, part)],
                    report_back=plan.report_back,
                    report=texts.assignment_report(rng, organisation),
                )
            )
        return tuple(listed)

    # -- economy ------------------------------------------------------------------------

    def _economy(self, organisation: str, year: int) -> YearEconomy:
        if organisation == p.EXECUTIVE_BOARD:
            if year == 2025:
                return self._ks_2025()
            profile = p.Profile(organisation, (), 498, 640, 498, {2024: (-12, -40)})
        else:
            profile = self.profiles[organisation]
        return year_economy(profile, year, self.rng(organisation, year, "ledger"))

    def _ks_2025(self) -> YearEconomy:
        """As the real annual analysis states: its interim forecast and its outcome."""
        table = self.ks.table("operating_result")

        def kronor(row: str, column: str) -> int:
            cell = table.row(row).stated(column)
            if cell is None or isinstance(cell, str) or not hasattr(cell, "kronor"):
                raise ValueError(f"operating_result.{row}.{column} är inget belopp")
            return int(cell.kronor)

        return anchored_economy(
            p.EXECUTIVE_BOARD,
            2025,
            interim_allocation=kronor("allocation", "forecast"),
            interim_net_cost=-kronor("net_cost", "forecast"),
            allocation=kronor("allocation", "actual"),
            outcome=-kronor("net_cost", "actual"),
        )

    # -- reports ------------------------------------------------------------------------

    def _report(self, organisation: Organisation, year: int, kind: PeriodKind) -> Report:
        goals = [g.key for g in self.council_goals if g.key in self.directed[organisation.key]]
        company = organisation.kind is OrganisationKind.COMPANY
        economy = self.economy[(organisation.key, year)]
        goals_chapter = texts.goals_chapter(organisation, year, kind)
        return Report(
            municipality=self.ks.municipality,
            organisation=organisation.key,
            term=self.ks.term,
            period=Period(year, kind),
            goal_areas=self.ks.goal_areas,
            council_goals=self.council_goals,
            goal_follow_ups=tuple(
                self._follow_up(organisation, goal, year, kind) for goal in goals
            ),
            budget_assignments=self._assignments(organisation, year, kind),
            chapters=(
                texts.synthetic_chapter(organisation, year, kind),
                goals_chapter,
                texts.economy_chapter(economy, kind, company=company),
            ),
            tables=(operating_result(economy, annual=kind is ANNUAL, company=company),),
            title=f"{kind.label} {year} – {SYNTHETIC}",
        )

    def _statuses(self) -> tuple[tuple[ReportKey, Status], ...]:
        statuses: list[tuple[ReportKey, Status]] = []
        for year, kind in PERIODS:
            for organisation in self.organisations:
                key = organisation.key
                status = Status.APPROVED
                if key in SUBMITTED.get((year, kind), ()):
                    status = Status.SUBMITTED
                if (year, kind) == (2025, ANNUAL) and (key in p.LATE or key == p.EXECUTIVE_BOARD):
                    status = Status.DRAFT  # the executive board's: the demo's writer starts there
                statuses.append(((key, year, kind), status))
        return tuple(statuses)

    # -- companies and special oversight -------------------------------------------------

    def _companies(self) -> list[Organisation]:
        return [o for o in self.organisations if o.kind is OrganisationKind.COMPANY]

    def _company_documents(self) -> tuple[CompanyDocumentPlan, ...]:
        documents: list[CompanyDocumentPlan] = []
        for number, company in enumerate(self._companies()):
            for year in p.YEARS:
                plan_day = date(year - 1, 12, 10 + number)
                annual_day = date(year + 1, 3, 20 + number)
                kinds = [(CompanyDocumentKind.BUSINESS_PLAN, plan_day)]
                if not (year == 2025 and company.key == p.COMPANY_WITHOUT_DOCUMENTS):
                    kinds += [
                        (CompanyDocumentKind.ANNUAL_REPORT, annual_day),
                        (CompanyDocumentKind.AUDIT_REPORT, annual_day),
                    ]
                documents.extend(
                    CompanyDocumentPlan(
                        company.key,
                        year,
                        kind,
                        day,
                        f"STK-{day.year}-{400 + 10 * number + index:04d}",
                    )
                    for index, (kind, day) in enumerate(kinds)
                )
        return tuple(documents)

    def _company_reviews(self) -> tuple[CompanyReviewPlan, ...]:
        reviews: list[CompanyReviewPlan] = []
        for number, company in enumerate(self._companies()):
            for year in p.YEARS:
                if year == 2025 and company.key == p.COMPANY_WITHOUT_DOCUMENTS:
                    continue  # no annual report, no review
                reviews.append(
                    CompanyReviewPlan(
                        company.key,
                        year,
                        consistent_with_purpose=True,
                        within_powers=True,
                        basis=f"Årsredovisning och revisionsberättelse {year}, "
                        f"verksamhetsplan {year}, ägardialog.",
                        motivation=f"{company.name}s verksamhet under {year} har bedrivits i "
                        "enlighet med det kommunala ändamålet och inom de kommunala "
                        "befogenheterna. (Syntetiskt exempel.)",
                        case_number=f"STK-{year + 1}-{512 + number:04d}",
                        decided_on=date(year + 1, 5, 14),
                    )
                )
        return tuple(reviews)

    def _special_oversight(self) -> CasePlan:
        decided = date(2025, 10, 8)
        return CasePlan(
            organisation=p.UNDER_SPECIAL_OVERSIGHT,
            reason="Delårsrapporten 2025 visar ett växande underskott mot kommunbidraget, och "
            "prognoserna har försämrats varje månad sedan våren. (Syntetiskt exempel.)",
            case_number=SPECIAL_OVERSIGHT_CASE,
            decided_on=decided,
            action_plan_due=decided + timedelta(days=30),
            action_plan="Nämnden ser över bemanningen inom personlig assistans, prövar "
            "köpta platser mot egen regi och följer upp kostnaderna varje vecka. "
            "(Syntetiskt exempel.)",
            action_plan_received_on=date(2025, 11, 5),
            entries=(
                CaseEntryPlan(
                    date(2025, 11, 1),
                    "Handlingsplanen har kommit in. Prognosen har inte förbättrats ännu; "
                    "åtgärderna väntas ge effekt från december. (Syntetiskt exempel.)",
                ),
                CaseEntryPlan(
                    date(2025, 12, 1),
                    "Kostnaderna för köpta platser har minskat något, men underskottet "
                    "kvarstår. Uppsikten fortsätter. (Syntetiskt exempel.)",
                ),
            ),
        )
