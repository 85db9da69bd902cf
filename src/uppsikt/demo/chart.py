"""The demo ledger's chart: Kommun-Bas-like accounts, dimensions, objects and the mapping.

The mapping written to `examples/malmo-ks-2025-ledger/mapping.yaml` is produced by
`mapping_yaml()`, so the example file and the generator cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from uppsikt.domain.economy.model import Financing

# Dimension numbers: 1 and 6 are SIE's reserved cost centre and project dimensions;
# verksamhet and motpart sit in free dimensions (>= 20) as municipal ledgers put them.
DIM_COST_CENTRE = "1"
DIM_PROJECT = "6"
DIM_ACTIVITY = "20"
DIM_COUNTERPART = "21"

DIMENSIONS: dict[str, str] = {
    DIM_COST_CENTRE: "Ansvar",
    DIM_PROJECT: "Projekt",
    DIM_ACTIVITY: "Verksamhet",
    DIM_COUNTERPART: "Motpart",
}


@dataclass(frozen=True)
class AccountDef:
    """One account: number, Swedish name, SIE account type and report line."""

    number: str
    name: str
    kind: str  # SIE #KTYP: T tillgång, S skuld, K kostnad, I intäkt
    line: str  # key of uppsikt.domain.economy.model.LINES


def _a(number: str, name: str, kind: str, line: str) -> AccountDef:
    return AccountDef(number, name, kind, line)


ACCOUNTS: tuple[AccountDef, ...] = (
    _a("1220", "Inventarier", "T", "investment"),
    _a("1230", "IT-utrustning", "T", "investment"),
    _a("1290", "Ackumulerade avskrivningar inventarier", "T", "ignore"),
    _a("1510", "Kundfordringar", "T", "ignore"),
    _a("1930", "Koncernkonto (avräkning med finansförvaltningen)", "T", "ignore"),
    _a("2010", "Eget kapital", "S", "ignore"),
    _a("2099", "Årets resultat", "S", "ignore"),
    _a("2440", "Leverantörsskulder", "S", "ignore"),
    _a("2641", "Ingående moms", "T", "ignore"),
    _a("2710", "Personalens källskatt", "S", "ignore"),
    _a("2730", "Upplupna sociala avgifter och pensioner", "S", "ignore"),
    _a("3110", "Avgifter", "I", "other_income"),
    _a("3410", "Hyresintäkter", "I", "other_income"),
    _a("3510", "Statsbidrag", "I", "grants"),
    _a("3520", "EU-bidrag", "I", "grants"),
    _a("3590", "Övriga bidrag", "I", "grants"),
    _a("3600", "Försäljning av verksamhet", "I", "other_income"),
    _a("3700", "Intern försäljning", "I", "other_income"),
    _a("3910", "Försäkringsersättningar och övriga intäkter", "I", "other_income"),
    _a("4510", "Köp av huvudverksamhet", "K", "other_costs"),
    _a("4610", "Lämnade bidrag", "K", "other_costs"),
    _a("5010", "Arvoden förtroendevalda", "K", "salaries"),
    _a("5020", "Löner tillsvidareanställda", "K", "salaries"),
    _a("5030", "Löner visstidsanställda", "K", "salaries"),
    _a("5060", "Avgångsvederlag och omställningsstöd", "K", "salaries"),
    _a("5610", "PO-pålägg", "K", "payroll_overhead"),
    _a("5810", "Utbildning", "K", "other_staff_costs"),
    _a("5840", "Friskvård", "K", "other_staff_costs"),
    _a("5890", "Övriga personalkostnader", "K", "other_staff_costs"),
    _a("6110", "Lokalhyror", "K", "premises"),
    _a("6120", "Markhyror", "K", "premises"),
    _a("6410", "Förbrukningsmaterial", "K", "other_costs"),
    _a("6510", "IT-tjänster", "K", "other_costs"),
    _a("6910", "Medlemsavgifter", "K", "other_costs"),
    _a("7010", "Resekostnader", "K", "other_costs"),
    _a("7110", "Konsulttjänster", "K", "other_costs"),
    _a("7150", "Annonser och marknadsföring", "K", "other_costs"),
    _a("7310", "Försäkringspremier", "K", "other_costs"),
    _a("7410", "Representation", "K", "other_costs"),
    _a("7810", "Avskrivningar inventarier", "K", "depreciation"),
    _a("8410", "Ränteintäkter", "I", "financial_income"),
    _a("8510", "Räntekostnader", "K", "financial_costs"),
    _a("8999", "Årets resultat (bokslut)", "K", "ignore"),
)
ACCOUNT_BY_NUMBER: dict[str, AccountDef] = {a.number: a for a in ACCOUNTS}
BALANCE_ACCOUNTS: tuple[str, ...] = tuple(a.number for a in ACCOUNTS if a.kind in "TS")

# The account ranges of mapping.yaml; first match wins. It is also the default shape of a
# Kommun-Bas mapping: the ranges follow Kommun-Bas groups, not this demo's few accounts.
ACCOUNT_RULES: tuple[tuple[str, str, str], ...] = (
    ("1290", "1299", "ignore"),  # accumulated depreciation is no investment
    ("1200", "1289", "investment"),
    ("1000", "1199", "ignore"),
    ("1300", "2999", "ignore"),
    ("3500", "3599", "grants"),
    ("3000", "3499", "other_income"),
    ("3600", "3999", "other_income"),
    ("5000", "5599", "salaries"),
    ("5600", "5799", "payroll_overhead"),
    ("5800", "5999", "other_staff_costs"),
    ("6100", "6199", "premises"),
    ("7800", "7899", "depreciation"),
    ("4000", "4999", "other_costs"),
    ("6000", "6099", "other_costs"),
    ("6200", "7799", "other_costs"),
    ("7900", "7999", "other_costs"),
    ("8400", "8499", "financial_income"),
    ("8500", "8599", "financial_costs"),
    ("8900", "8999", "ignore"),
)


@dataclass(frozen=True)
class CostCentre:
    """A cost centre (ansvar) and what it stands for in the report."""

    id: str
    name: str
    financing: Financing
    activity: str  # verksamhet object (dimension 20)
    budget_area: str | None = None
    appropriation: str | None = None


def _sk(n: int, key: str, name: str, activity: str = "920") -> CostCentre:
    return CostCentre(f"SK{n:02d}", name, Financing.ALLOCATION_FUNDED, activity, budget_area=key)


def _sf(n: int, name: str, activity: str = "920") -> CostCentre:
    return CostCentre(f"SF{n:02d}", name, Financing.CHARGE_FUNDED, activity)


COST_CENTRES: tuple[CostCentre, ...] = (
    CostCentre("KS10", "Arvoden och övriga kostnader", Financing.BOARD, "110", None, "fees"),
    CostCentre("KS11", "Medlemsavgifter och bidrag", Financing.BOARD, "110", None, "memberships"),
    CostCentre("KS12", "Projekt och utredningar", Financing.BOARD, "110", None, "projects"),
    # Stadskontoret, allocation-funded: one per row of budget_areas.csv, in row order,
    # named by the row's label.
    _sk(1, "stadsdirektor", "Stadsdirektör"),
    _sk(
        2,
        "forvaltningsstod",
        "Ekonomi, HR, kommunikation och IT för stadskontoret som förvaltning",
    ),
    _sk(3, "kansli", "Kansli, dokument och ärendehantering"),
    _sk(4, "ekonomi", "Ekonomi - budget och uppföljning, redovisning"),
    _sk(
        5,
        "verksamhetsuppfoljning",
        "Verksamhetsuppföljning, målstyrning måluppföljning och uppföljning av rättighetsfrågor",
    ),
    _sk(6, "befolkningsprognos", "Befolkningsprognos, analyser och uppföljning av Agenda 2030"),
    _sk(
        7,
        "lokal_utveckling",
        "Lokal utveckling, trygghet, ledning och samordning av rättighetsfrågor och "
        "Agenda 2030 i staden.",
        "260",
    ),
    _sk(8, "juridik", "Juridik"),
    _sk(9, "strategisk_hr", "Strategiska HR-frågor, arbetsgivarfrågor och ledarutveckling"),
    _sk(
        10,
        "stadsutveckling",
        "Stadsutveckling och samhällsbyggnad, kustskydd och resiliense",
        "210",
    ),
    _sk(11, "marknad", "Marknad, attraktivitet, turism", "230"),
    _sk(
        12,
        "arbetsmarknad",
        "Arbetsmarknad/kompetensförsörjning, näringsliv och externa relationer",
        "220",
    ),
    _sk(13, "kommunikation", "Kommunikation"),
    _sk(14, "lokalkostnader", "Lokalkostnader"),
    _sk(15, "strategisk_lokalforsorjning", "Strategisk lokalförsörjning", "210"),
    _sk(
        16,
        "strategiska_inkop",
        "Strategiska inköpsfrågor, hållbarhetsaspekter i upphandlingar samt kommungemensamma "
        "inköpsavtal avtal mm",
    ),
    _sk(17, "sakerhet_beredskap", "Säkerhet och beredskapsfrågor", "270"),
    _sk(18, "it_system", "Stadsövergripande IT-system"),
    _sk(19, "samverkansavtal", "Samverkansavtal andra aktörer", "220"),
    _sf(1, "Upphandlingsverksamhet"),
    _sf(2, "Systemverksamhet (HR, ekonomi, dokument- och ärendehantering)"),
    _sf(3, "Valkansli", "130"),
    _sf(4, "Bolagsenhet"),
    _sf(5, "Internbank"),
    _sf(6, "Försäkringar"),
)
CC_BY_ID: dict[str, CostCentre] = {cc.id: cc for cc in COST_CENTRES}
CC_BY_AREA: dict[str, str] = {cc.budget_area: cc.id for cc in COST_CENTRES if cc.budget_area}


@dataclass(frozen=True)
class Project:
    """A project object (dimension 6): an investment or a grant-funded project."""

    id: str
    name: str
    cost_centre: str
    investment: str | None = None  # row key of investments.yaml
    grant_account: str | None = None  # grant projects: the income account of the grant
    grantor: str = ""


PROJECTS: tuple[Project, ...] = (
    Project("INV01", "Allmänt investeringsutrymme", "SK14", investment="general"),
    Project("INV02", "Beredskap", "SK17", investment="preparedness"),
    Project(
        "G01",
        "Robust måltidsverksamhet vid allvarliga samhällsstörningar",
        "SK17",
        grant_account="3510",
        grantor="Livsmedelsverket",
    ),
    Project(
        "G02",
        "Krisberedskap och civilt försvar",
        "SK17",
        grant_account="3510",
        grantor="Staten MSB",
    ),
    Project(
        "G03",
        "Kompetensförsörjning, spegla Malmö",
        "SK12",
        grant_account="3520",
        grantor="ESF-rådet",
    ),
    Project(
        "G04", "Förstudie Innovations hub", "SK12", grant_account="3510", grantor="Tillväxtverket"
    ),
    Project(
        "G05",
        "CEO, Circular Economy Office",
        "SK10",
        grant_account="3520",
        grantor="EU, Interreg North Sea",
    ),
    Project(
        "G06",
        "Malmö Residency-green transition",
        "SK10",
        grant_account="3510",
        grantor="Tillväxtverket",
    ),
    Project(
        "G07",
        "SALT, Samverkan för Attraktiva Livsmedelsföretag i Tillväxt",
        "SK12",
        grant_account="3510",
        grantor="Tillväxtverket",
    ),
    Project(
        "G08", "Cirkulär utvecklingshub", "SK10", grant_account="3510", grantor="Tillväxtverket"
    ),
    Project(
        "G09",
        "Food Tech innovation Network 2.0",
        "SK12",
        grant_account="3510",
        grantor="Tillväxtverket",
    ),
)
PROJECT_BY_ID: dict[str, Project] = {p.id: p for p in PROJECTS}

# Verksamhet (dimension 20): SCB-like activity codes; synthetic, not SCB's official list.
ACTIVITIES: dict[str, str] = {
    "110": "Nämnd- och styrelseverksamhet",
    "130": "Övrig politisk verksamhet (val)",
    "210": "Fysisk och teknisk planering",
    "220": "Näringslivsfrämjande åtgärder",
    "230": "Turistverksamhet",
    "260": "Trygghet och brottsförebyggande arbete",
    "270": "Krisberedskap och civilt försvar",
    "920": "Gemensam administration",
}
COUNTERPARTS: dict[str, str] = {"EXT": "Extern motpart", "INT": "Intern motpart (Malmö stad)"}
# Accounts whose other party is another part of the municipality.
INTERNAL_ACCOUNTS = frozenset({"3700", "5610", "6110"})


def object_names() -> dict[tuple[str, str], str]:
    """Every #OBJEKT of the file: (dimension, object id) -> name."""
    names: dict[tuple[str, str], str] = {}
    for cc in COST_CENTRES:
        names[(DIM_COST_CENTRE, cc.id)] = cc.name
    for project in PROJECTS:
        names[(DIM_PROJECT, project.id)] = project.name
    for code, name in ACTIVITIES.items():
        names[(DIM_ACTIVITY, code)] = name
    for code, name in COUNTERPARTS.items():
        names[(DIM_COUNTERPART, code)] = name
    return names


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def mapping_yaml() -> str:
    """The text of mapping.yaml: account ranges and object rules (see the model's Mapping)."""
    out = [
        "# Mapping of the SYNTHETIC demo ledger (generated by uppsikt.demo.chart.mapping_yaml).",
        "# accounts: first matching range wins; line is a key of uppsikt.domain.economy.LINES.",
        "# The account ranges are also the default Kommun-Bas mapping shape.",
        f"cost_centre_dimension: {_q(DIM_COST_CENTRE)}",
        f"project_dimension: {_q(DIM_PROJECT)}",
        "accounts:",
    ]
    for first, last, line in ACCOUNT_RULES:
        out.append(f"  - {{from: {_q(first)}, to: {_q(last)}, line: {line}}}")
    out.append("objects:")
    for cc in COST_CENTRES:
        parts = [
            f"dimension: {_q(DIM_COST_CENTRE)}",
            f"object: {_q(cc.id)}",
            f"name: {_q(cc.name)}",
        ]
        if cc.budget_area:
            parts.append(f"budget_area: {cc.budget_area}")
        parts.append(f"financing: {cc.financing.value}")
        if cc.appropriation:
            parts.append(f"appropriation: {cc.appropriation}")
        out.append("  - {" + ", ".join(parts) + "}")
    for project in PROJECTS:
        parts = [f"dimension: {_q(DIM_PROJECT)}", f"object: {_q(project.id)}"]
        parts.append(f"name: {_q(project.name)}")
        if project.investment:
            parts.append(f"investment: {project.investment}")
        out.append("  - {" + ", ".join(parts) + "}")
    return "\n".join(out) + "\n"
