"""Who the demo city's organisations are: their goals, the size of their economy, their
storylines, and the synthetic budget assignments. Fixed data; the seed varies the rest."""

from __future__ import annotations

from dataclasses import dataclass

from uppsikt.domain.model import AssignmentStatus

EXECUTIVE_BOARD = "kommunstyrelsen"
YEARS = (2024, 2025)
MKR = 1_000_000

# Council goals by short name (the keys of examples/malmo-ks-2025/goals.yaml).
BU = "barn-och-unga"
RNR = "regional-och-nationell-roll"
SF = "sjalvforsorjning"
AN = "attraktivitet-och-naringsliv"
KN = "klimatneutral-2030"
HE = "hallbar-elforsorjning"
FS = "fri-fran-segregation"
DL = "delaktighet-och-lokal-utveckling"
MB = "minskad-brottslighet"
AA = "attraktiv-arbetsgivare"
KF = "kompetensforsorjning"
GLS = "god-och-likvardig-service"


@dataclass(frozen=True)
class Profile:
    """One organisation of the demo city.

    `allocation` is the kommunbidrag (or owner contribution) in Mkr; `turnover` the gross
    cost in Mkr the month-by-month deviations scale with; `budget` the budgeted net cost in
    Mkr (a company's budgeted profit is a negative net cost). `drift` is the deviation of
    the monthly ledger from budget in per mille, (start, end) of the year; a growing
    deficit has an end well above its start.
    """

    key: str
    goals: tuple[str, ...]
    allocation: int
    turnover: int
    budget: int
    drift: dict[int, tuple[int, int]]  # year -> (per mille in January, in December)
    steady: bool = False  # no noise on the drift: the storyline must show every month


# The goals that fit each organisation, as a city directs them (3–7 each; the executive
# board gets all twelve). Same directions both years of the term.
PROFILES: tuple[Profile, ...] = (
    Profile(
        "arbetsmarknads-och-socialnamnden",
        (SF, BU, FS, MB, AA, KF),
        2_450,
        2_700,
        2_450,
        {2024: (-4, 6), 2025: (2, 14)},
    ),
    Profile(
        "gymnasie-och-vuxenutbildningsnamnden",
        (BU, SF, KF, FS, AA),
        2_150,
        2_300,
        2_150,
        {2024: (-6, -2), 2025: (-3, 1)},
    ),
    Profile("miljonamnden", (KN, HE, AN, AA), 95, 160, 95, {2024: (-20, -10), 2025: (-8, -14)}),
    Profile(
        "tekniska-namnden",
        (KN, DL, MB, AN, AA, GLS),
        1_120,
        2_400,
        1_120,
        {2024: (4, 8), 2025: (-2, 6)},
    ),
    Profile("servicenamnden", (KN, HE, AA, GLS), 140, 1_900, 140, {2024: (3, 9), 2025: (6, 12)}),
    Profile(
        "stadsbyggnadsnamnden",
        (AN, KN, FS, DL, RNR),
        210,
        390,
        210,
        {2024: (-10, -4), 2025: (-6, 2)},
    ),
    Profile("kulturnamnden", (BU, DL, RNR, AA), 520, 640, 520, {2024: (-4, 0), 2025: (0, 4)}),
    Profile("fritidsnamnden", (BU, DL, MB, GLS), 470, 560, 470, {2024: (-2, 2), 2025: (-8, -4)}),
    Profile(
        "grundskolenamnden",
        (BU, FS, MB, AA, KF),
        5_900,
        6_200,
        5_900,
        {2024: (-3, 3), 2025: (-1, 5)},
    ),
    Profile(
        "forskolenamnden", (BU, FS, AA, KF), 3_100, 3_250, 3_100, {2024: (-6, -2), 2025: (-4, 0)}
    ),
    # Two boards whose deficit grows month by month in 2025 (the storyline of the demo).
    Profile(
        "funktionsstodsnamnden",
        (GLS, AA, KF, SF),
        2_300,
        2_450,
        2_300,
        {2024: (2, 10), 2025: (8, 52)},
        steady=True,
    ),
    Profile(
        "halsa-vard-och-omsorgsnamnden",
        (GLS, AA, KF),
        4_700,
        5_300,
        4_700,
        {2024: (0, 6), 2025: (4, 34)},
        steady=True,
    ),
    Profile("malmo-stadshus-ab", (RNR, AN, AA), 0, 120, -60, {2024: (-10, 10), 2025: (-5, 5)}),
    Profile(
        "malmo-energi-och-hallbarhet-ab", (KN, HE, AN), 0, 900, -85, {2024: (-8, 4), 2025: (-4, 8)}
    ),
    Profile("mkb-fastighets-ab", (FS, DL, KN, MB), 0, 2_300, -240, {2024: (-6, 2), 2025: (-2, 6)}),
    Profile("malmo-stadsteater-ab", (BU, RNR, DL), 78, 150, 78, {2024: (-6, 6), 2025: (0, 12)}),
    Profile(
        "destinationssamverkan-malmo-ab", (RNR, AN, DL), 36, 52, 36, {2024: (0, 10), 2025: (10, 30)}
    ),
    Profile("va-syd", (KN, HE, GLS), 0, 1_450, -18, {2024: (-4, 2), 2025: (-2, 4)}),
)

# 2025 storylines.
LATE = ("funktionsstodsnamnden", "halsa-vard-och-omsorgsnamnden", "fritidsnamnden")
GROWING_DEFICITS = ("funktionsstodsnamnden", "halsa-vard-och-omsorgsnamnden")
UNDER_SPECIAL_OVERSIGHT = "funktionsstodsnamnden"
COMPANY_WITHOUT_DOCUMENTS = "destinationssamverkan-malmo-ab"
# (organisation, goal): the interim report's assessment is lowered in the annual analysis.
DOWNGRADES = (
    ("halsa-vard-och-omsorgsnamnden", GLS),
    ("stadsbyggnadsnamnden", AN),
    ("arbetsmarknads-och-socialnamnden", SF),
    ("funktionsstodsnamnden", KF),
)
# (organisation, goal): "Ej uppnåtts" in the 2025 annual analysis, term outlook not expected.
NOT_ACHIEVED = (("funktionsstodsnamnden", GLS), ("halsa-vard-och-omsorgsnamnden", KF))


@dataclass(frozen=True)
class AssignmentPlan:
    """A synthetic budget assignment, given in the budget of `given` (the first year it is
    reported); `statuses` by (year, 'interim'/'annual')."""

    key: str
    title: str
    goal_area: str
    responsible: str
    co_responsible: tuple[str, ...]
    report_back: str
    given: int
    statuses: dict[tuple[int, str], AssignmentStatus]


_O, _G, _R, _N = (
    AssignmentStatus.ONGOING,
    AssignmentStatus.COMPLETED,
    AssignmentStatus.REPORTED,
    AssignmentStatus.NOT_STARTED,
)

ASSIGNMENTS: tuple[AssignmentPlan, ...] = (
    AssignmentPlan(
        "hemtjanst-i-balans",
        "Hälsa-, vård- och omsorgsnämnden ges i uppdrag att ta fram en plan för en "
        "hemtjänst med budget i balans",
        "god-ekonomisk-hushallning",
        "halsa-vard-och-omsorgsnamnden",
        (),
        "senast juni 2025",  # past, and never reported: the storyline
        2024,
        {(2024, "interim"): _N, (2024, "annual"): _O, (2025, "interim"): _O, (2025, "annual"): _O},
    ),
    AssignmentPlan(
        "trygghet-kring-skolan",
        "Grundskolenämnden ges i uppdrag att, tillsammans med fritidsnämnden och arbetsmarknads- "
        "och socialnämnden, ta fram en gemensam modell för trygghet i och runt skolan",
        "jamlik-stad",
        "grundskolenamnden",
        ("fritidsnamnden", "arbetsmarknads-och-socialnamnden"),
        "senast mars 2025",
        2024,
        {(2024, "interim"): _O, (2024, "annual"): _O, (2025, "interim"): _R, (2025, "annual"): _R},
    ),
    AssignmentPlan(
        "forskoleplatser-i-vaxande-omraden",
        "Förskolenämnden ges i uppdrag att, tillsammans med stadsbyggnadsnämnden och "
        "servicenämnden, säkra förskoleplatser i de stadsdelar som växer snabbast",
        "uppvaxtvillkor",
        "forskolenamnden",
        ("stadsbyggnadsnamnden", "servicenamnden"),
        "senast oktober 2025",
        2024,
        {(2024, "interim"): _O, (2024, "annual"): _O, (2025, "interim"): _O, (2025, "annual"): _G},
    ),
    AssignmentPlan(
        "laddinfrastruktur",
        "Tekniska nämnden ges i uppdrag att, tillsammans med miljönämnden och Malmö Energi och "
        "Hållbarhet AB, bygga ut laddinfrastrukturen för elfordon i hela staden",
        "gron-stad",
        "tekniska-namnden",
        ("miljonamnden", "malmo-energi-och-hallbarhet-ab"),
        "senast december 2027",
        2025,
        {(2025, "interim"): _N, (2025, "annual"): _O},
    ),
    AssignmentPlan(
        "vuxenutbildning-mot-bristyrken",
        "Gymnasie- och vuxenutbildningsnämnden ges i uppdrag att, tillsammans med "
        "arbetsmarknads- och socialnämnden, rikta vuxenutbildningen mot yrken med brist på "
        "arbetskraft",
        "arbete-och-tillvaxt",
        "gymnasie-och-vuxenutbildningsnamnden",
        ("arbetsmarknads-och-socialnamnden",),
        "senast december 2025",
        2025,
        {(2025, "interim"): _O, (2025, "annual"): _R},
    ),
    AssignmentPlan(
        "hyresratter-i-hela-staden",
        "MKB Fastighets AB ges i uppdrag att, tillsammans med stadsbyggnadsnämnden, öka takten "
        "i byggandet av hyresrätter med rimliga hyror i hela staden",
        "jamlik-stad",
        "mkb-fastighets-ab",
        ("stadsbyggnadsnamnden",),
        "i samband med årsanalysen 2027",
        2025,
        {(2025, "interim"): _O, (2025, "annual"): _O},
    ),
    AssignmentPlan(
        "evenemangsstrategi",
        "Destinationssamverkan Malmö AB ges i uppdrag att, tillsammans med kulturnämnden och "
        "fritidsnämnden, ta fram en evenemangsstrategi för staden",
        "arbete-och-tillvaxt",
        "destinationssamverkan-malmo-ab",
        ("kulturnamnden", "fritidsnamnden"),
        "senast september 2025",
        2025,
        {(2025, "interim"): _O, (2025, "annual"): _G},
    ),
    AssignmentPlan(
        "digital-tillsyn",
        "Miljönämnden ges i uppdrag att digitalisera tillsynen så att fler ärenden kan hanteras "
        "med samma resurser",
        "god-organisation",
        "miljonamnden",
        (),
        "senast december 2025",
        2024,
        {(2024, "interim"): _O, (2024, "annual"): _O, (2025, "interim"): _O, (2025, "annual"): _R},
    ),
    AssignmentPlan(
        "personlig-assistans-kostnader",
        "Funktionsstödsnämnden ges i uppdrag att analysera kostnadsutvecklingen inom personlig "
        "assistans och boenden enligt LSS och föreslå åtgärder",
        "god-ekonomisk-hushallning",
        "funktionsstodsnamnden",
        ("halsa-vard-och-omsorgsnamnden",),
        "senast november 2025",  # past, still ongoing
        2025,
        {(2025, "interim"): _O, (2025, "annual"): _O},
    ),
)
