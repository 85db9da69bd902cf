"""The figures the demo ledger must reproduce, in tkr with one decimal (report sign).

Report sign: income positive, costs negative; the ledger stores the opposite (SIE sign).
The report states whole tkr (or Mkr with one decimal) and contradicts itself by rounding in
places; the tenths below are chosen so that every stated figure is round(kronor / unit).
How they were chosen is told in examples/malmo-ks-2025-ledger/README.md; in short:

* financing_split parts are the nominal figures plus small deviations (±0.1–0.4 tkr), so
  that each part rounds to the stated figure *and* the totals round to the income
  statement (staff -314 465.8, costs -734 278.7, financial -96.8, income 254 253.5);
* total income 254 253.5 tkr is the one figure that cannot round to both stated totals
  (254 253 in financing_split, 254 254 in income_statement): it is 500 kr from each;
* budget-area and appropriation figures get tenths that also make the stated variance
  columns come out (e.g. strategisk_hr 3 339 although 31 956 - 28 616 = 3 340).
"""

from __future__ import annotations

BOARD, ALLOC, CHARGE = "board", "allocation_funded", "charge_funded"
PARTS = (BOARD, ALLOC, CHARGE)

# Lines allocated to cost centres by weight; `other_costs` is each cost centre's residual
# (its net minus everything else), so that both row nets and column totals are exact.
WEIGHTED_LINES = (
    "other_income",
    "salaries",
    "payroll_overhead",
    "other_staff_costs",
    "premises",
    "depreciation",
    "financial_income",
    "financial_costs",
)
STAFF_LINES = ("salaries", "payroll_overhead", "other_staff_costs")

# --- 2025 actual --------------------------------------------------------------------------
ACTUAL_LINES: dict[str, dict[str, str]] = {
    BOARD: {
        "other_income": "439.2",
        "salaries": "-27650.0",
        "payroll_overhead": "-11150.6",
        "other_staff_costs": "-400.0",
        "premises": "-1200.0",
        "other_costs": "-116507.7",
        "depreciation": "-54.8",
        "financial_costs": "-8.1",
    },
    ALLOC: {
        "grants": "15415.8",
        "other_income": "31216.4",
        "salaries": "-156870.9",
        "payroll_overhead": "-64655.3",
        "other_staff_costs": "-2154.4",
        "premises": "-30201.0",
        "other_costs": "-124996.1",
        "depreciation": "-973.2",
        "financial_costs": "-96.3",
    },
    CHARGE: {
        "other_income": "207182.1",
        "salaries": "-36300.0",
        "payroll_overhead": "-14950.0",
        "other_staff_costs": "-334.6",
        "premises": "-7400.0",
        "other_costs": "-138480.1",
        "financial_income": "18.8",
        "financial_costs": "-11.2",
    },
}

# Net per cost centre (all lines). Appropriations: fees -44.027 Mkr (variance 3 553 tkr as
# in result_causes), memberships -83.51, projects -28.995. Budget areas: the stated actual
# plus the tenths that make the variance column round right. SF01 is result_causes'
# 9 994 tkr for procurement (charge-funded budget is 0 per unit).
ACTUAL_NET: dict[str, str] = {
    "KS10": "-44027.0",
    "KS11": "-83510.0",
    "KS12": "-28995.0",
    "SK01": "-3368.6",
    "SK02": "-39711.6",
    "SK03": "-8756.0",
    "SK04": "-15651.0",
    "SK05": "-7892.0",
    "SK06": "-9337.0",
    "SK07": "-24728.0",
    "SK08": "-10694.0",
    "SK09": "-28616.3",
    "SK10": "-13627.3",
    "SK11": "-20261.3",
    "SK12": "-49114.0",
    "SK13": "-30230.3",
    "SK14": "-21052.0",
    "SK15": "-3416.0",
    "SK16": "-5116.0",
    "SK17": "-14923.6",
    "SK18": "-5246.0",
    "SK19": "-21574.0",
    "SF01": "9994.0",
    "SF02": "1800.0",
    "SF03": "-400.0",
    "SF04": "-2300.0",
    "SF05": "300.0",
    "SF06": "331.0",
}

# Grants per grant project: the grant tables' amounts (tenths keep both table totals).
ACTUAL_GRANTS: dict[str, str] = {
    "G01": "759.2",
    "G02": "11834.2",
    "G03": "1084.1",
    "G04": "402.1",
    "G05": "197.0",
    "G06": "599.1",
    "G07": "271.0",
    "G08": "185.0",
    "G09": "84.1",
}

# Weights per cost centre (roughly tkr): staff is used for all three staff lines.
_W = dict[str, dict[str, str]]
ACTUAL_WEIGHTS: _W = {
    "KS10": {
        "staff": "1",
        "other_income": "1",
        "premises": "1",
        "depreciation": "1",
        "financial_costs": "1",
    },
    "SK01": {"staff": "2700"},
    "SK02": {
        "staff": "30000",
        "other_income": "6000",
        "premises": "700",
        "depreciation": "300",
        "financial_costs": "1",
    },
    "SK03": {"staff": "7600", "other_income": "700"},
    "SK04": {"staff": "14200", "other_income": "1500"},
    "SK05": {"staff": "6900"},
    "SK06": {"staff": "8200"},
    "SK07": {"staff": "20500", "other_income": "2000", "premises": "2500"},
    "SK08": {"staff": "9300", "other_income": "1300"},
    "SK09": {"staff": "20500", "other_income": "2000"},
    "SK10": {"staff": "12000", "other_income": "500"},
    "SK11": {"staff": "12000", "other_income": "4500"},
    "SK12": {"staff": "31000", "other_income": "3000", "premises": "1500"},
    "SK13": {"staff": "25500", "other_income": "2500"},
    "SK14": {"other_income": "6000", "premises": "24000"},
    "SK15": {"staff": "2800"},
    "SK16": {"staff": "3600"},
    "SK17": {
        "staff": "15000",
        "other_income": "1216.4",
        "premises": "1000",
        "depreciation": "373.2",
    },
    "SK18": {"staff": "1500", "depreciation": "300"},
    "SF01": {"staff": "13000", "other_income": "36000", "premises": "1200"},
    "SF02": {"staff": "11000", "other_income": "68000", "premises": "1800"},
    "SF03": {"staff": "3100", "other_income": "6000", "premises": "600"},
    "SF04": {"staff": "5200", "other_income": "14000", "premises": "1100"},
    "SF05": {
        "staff": "2000",
        "other_income": "4000",
        "premises": "300",
        "financial_income": "1",
        "financial_costs": "1",
    },
    "SF06": {"staff": "2000", "other_income": "79182.1", "premises": "2400"},
}

# --- 2025 original budget -----------------------------------------------------------------
# Sums per line over the parts = income_statement's budget column (whole tkr). The
# allocation-funded part carries result_causes: staff 8 551, premises -1 036 and
# "övrigt inklusive intäkter" 5 585 (income +5 395, the rest +190).
BUDGET_LINES: dict[str, dict[str, str]] = {
    BOARD: {
        "other_income": "300",
        "salaries": "-30000",
        "payroll_overhead": "-12300",
        "other_staff_costs": "-300",
        "premises": "-1250",
        "other_costs": "-126903",
        "depreciation": "-74",
        "financial_costs": "-10",
    },
    ALLOC: {
        "grants": "12000",
        "other_income": "29237.2",
        "salaries": "-163200",
        "payroll_overhead": "-67431.6",
        "other_staff_costs": "-1600",
        "premises": "-29165",
        "other_costs": "-124805.6",
        "depreciation": "-1300",
        "financial_costs": "-150",
    },
    CHARGE: {
        "grants": "8256",
        "other_income": "198505.8",
        "salaries": "-38365",
        "payroll_overhead": "-17026.4",
        "other_staff_costs": "-88",
        "premises": "-11413",
        "other_costs": "-139850.4",
        "financial_costs": "-19",
    },
}

BUDGET_NET: dict[str, str] = {
    "KS10": "-47580",
    "KS11": "-91290",
    "KS12": "-31667",
    "SK01": "-3278",
    "SK02": "-38741",
    "SK03": "-9452",
    "SK04": "-15726",
    "SK05": "-8252",
    "SK06": "-10333",
    "SK07": "-24514",
    "SK08": "-10524.3",
    "SK09": "-31955.6",
    "SK10": "-14872.6",
    "SK11": "-18170.6",
    "SK12": "-49552",
    "SK13": "-33824.6",
    "SK14": "-22332",
    "SK15": "-3765",
    "SK16": "-6526",
    "SK17": "-16482.3",
    "SK18": "-6634",
    "SK19": "-21480",
    **{f"SF0{n}": "0" for n in range(1, 7)},
}

# Budgeted grants per project; the charge-funded grant budget sits on SF02 (an expected
# co-financing of the new case-management system that did not come).
BUDGET_GRANTS: dict[str, str] = {"G02": "9000", "G03": "2000", "G04": "1000"}
BUDGET_UNPROJECTED_GRANTS: dict[str, str] = {"SF02": "8256"}

BUDGET_WEIGHTS: _W = {
    "KS10": {
        "staff": "1",
        "other_income": "1",
        "premises": "1",
        "depreciation": "1",
        "financial_costs": "1",
    },
    "SK01": {"staff": "2700"},
    "SK02": {
        "staff": "30500",
        "other_income": "6000",
        "premises": "700",
        "depreciation": "400",
        "financial_costs": "1",
    },
    "SK03": {"staff": "8300", "other_income": "700"},
    "SK04": {"staff": "14300", "other_income": "1500"},
    "SK05": {"staff": "7200"},
    "SK06": {"staff": "9100"},
    "SK07": {"staff": "20800", "other_income": "2000", "premises": "2500"},
    "SK08": {"staff": "9400", "other_income": "1300"},
    "SK09": {"staff": "22800", "other_income": "2000"},
    "SK10": {"staff": "12600", "other_income": "500"},
    "SK11": {"staff": "12000", "other_income": "3500"},
    "SK12": {"staff": "31500", "other_income": "3000", "premises": "1500"},
    "SK13": {"staff": "27800", "other_income": "2500"},
    "SK14": {"other_income": "6000", "premises": "23000"},
    "SK15": {"staff": "3000"},
    "SK16": {"staff": "3900"},
    "SK17": {"staff": "15400", "other_income": "237.2", "premises": "1000", "depreciation": "600"},
    "SK18": {"staff": "1600", "depreciation": "300"},
    "SF01": {"staff": "15500", "other_income": "30000", "premises": "1500"},
    "SF02": {"staff": "11200", "other_income": "64000", "premises": "2500"},
    "SF03": {"staff": "3100", "other_income": "6000", "premises": "800"},
    "SF04": {"staff": "5200", "other_income": "13500", "premises": "1500"},
    "SF05": {"staff": "2000", "other_income": "4000", "premises": "500", "financial_costs": "1"},
    "SF06": {"staff": "2000", "other_income": "81005.8", "premises": "4613"},
}

# Costs booked on a grant project, as shares of the grant (the rest of the grant-funded
# work sits untagged on the cost centre, as it often does in real ledgers).
PROJECT_COST_SHARES: dict[str, str] = {
    "salaries": "0.30",
    "payroll_overhead": "0.124",
    "other_costs": "0.50",
}

# --- Forecast DR 2025 ---------------------------------------------------------------------
# Forecast net per part (tkr): board 6 887 - 170 537, allocation-funded 2 314 - 339 790,
# charge-funded 4 749 (a surplus); in all -496 377.
FORECAST_NET: dict[str, int] = {BOARD: -163_650, ALLOC: -337_476, CHARGE: 4_749}
FORECAST_ALLOCATION: dict[str, int] = {BOARD: 170_537, ALLOC: 339_790, CHARGE: 0}
ALLOCATION: dict[str, int] = {BOARD: 170_537, ALLOC: 346_415, CHARGE: 0}

# Forecast minus actual (tkr, report sign) per cost centre and line; everything else is
# forecast as it came out. result_changes: board 7 118 (grants that did not come), staff
# 1 571, premises 2 507 (Uven), charge-funded 4 976 (procurement +6.9 Mkr, document system
# +2.2, company unit -2.3). "Development 6 708" is a result change: 6 625 of it is the
# allocation added after the interim report (ordningsvakter etc.), whose costs the forecast
# did not hold, so the forecast's other costs are only 83 tkr above the outcome.
FORECAST_CHANGES: tuple[tuple[str, str, int], ...] = (
    ("KS10", "salaries", -618),
    ("KS11", "other_costs", -2_500),
    ("KS12", "other_costs", -4_000),
    ("*staff", "salaries", -1_571),
    ("SK14", "premises", -2_507),
    ("SK09", "other_costs", -2_100),
    ("SK11", "other_costs", -1_200),
    ("SK18", "other_costs", -1_400),
    ("SK07", "other_costs", 4_617),
    ("SF01", "other_income", -4_900),
    ("SF01", "salaries", -2_000),
    ("SF02", "other_costs", -2_200),
    ("SF04", "other_costs", 2_300),
    ("SF06", "other_costs", 1_824),
)

# --- Investments and 2024 -----------------------------------------------------------------
# Kronor and öre: (project, account, amount); budget in kronor.
INVESTMENTS: tuple[tuple[str, str, str], ...] = (
    ("INV01", "1220", "9104317.25"),
    ("INV01", "1230", "5731894.25"),
    ("INV02", "1220", "792874.25"),
)
INVESTMENT_BUDGET: tuple[tuple[str, str, int], ...] = (
    ("INV01", "1220", 12_000_000),
    ("INV01", "1230", 8_000_000),
    ("INV02", "1220", 5_000_000),
)
# net_cost_trend, 2024: income (incl. financial income) and costs (incl. financial costs).
INCOME_2024_KR = 248_895_000
COSTS_2024_KR = -741_879_000
