"""A small forecast in the budget/forecast file format, and a mapping that names which
organisation each cost centre belongs to: for the forecast import tests."""

from __future__ import annotations

from pathlib import Path

from uppsikt.domain.economy.model import AccountRule, Financing, Mapping, ObjectRule
from uppsikt.economy.budget_files import import_budget_file
from uppsikt.economy.mapping_store import save_mapping

# Kommunstyrelsen: cost centres KS01 and KS02; Stadsbyggnadsnämnden: SBN1; X99: nobody's.
# Budget: KS net cost 1 000 000 + 200 000 - 150 000 = 1 050 000; SBN 400 000.
# Forecast "2025-08": KS 1 100 000 + 210 000 - 120 000 = 1 190 000; SBN 380 000; X99 50 000.
FORECAST_CSV = """\
year,month,account,cost_centre,project,phase,version,amount
2025,0,5010,KS01,,original_budget,,1000000
2025,0,5010,KS02,,original_budget,,200000
2025,0,3010,KS01,,original_budget,,-150000
2025,0,5010,SBN1,,original_budget,,400000
2025,0,5010,KS01,,forecast,2025-08,1100000
2025,0,5010,KS02,,forecast,2025-08,210000
2025,0,3010,KS01,,forecast,2025-08,-120000
2025,0,5010,SBN1,,forecast,2025-08,"380 000"
2025,0,5010,X99,,forecast,2025-08,50000
"""

KS_FORECAST, KS_ALLOCATION = 1_190_000, 1_050_000
SBN_FORECAST, SBN_ALLOCATION = 380_000, 400_000


def forecast_mapping() -> Mapping:
    funded = Financing.ALLOCATION_FUNDED
    return Mapping(
        account_rules=(
            AccountRule("3000", "3999", "other_income"),
            AccountRule("5000", "5999", "salaries"),
        ),
        object_rules=(
            ObjectRule("1", "KS01", "Kansli", financing=funded, organisation="kommunstyrelsen"),
            ObjectRule("1", "KS02", "Stab", financing=funded, organisation="kommunstyrelsen"),
            ObjectRule(
                "1", "SBN1", "Bygglov", financing=funded, organisation="stadsbyggnadsnamnden"
            ),
            ObjectRule("1", "X99", "Okänd", financing=funded),
        ),
    )


def import_forecast_file(directory: Path, text: str = FORECAST_CSV) -> None:
    """Save the mapping for Malmö and import the forecast file, as `uppsikt ledger import`."""
    save_mapping("malmo", forecast_mapping(), actor=None)
    path = directory / "prognos-2025-08.csv"
    path.write_text(text, encoding="utf-8")
    import_budget_file("malmo", path)
