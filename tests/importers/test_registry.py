"""The importer registry tells what a file is, so `ledger import` takes SIE and budget files
in any order and a wrong file gets a message that says what is accepted."""

from __future__ import annotations

from pathlib import Path

import pytest

from uppsikt.importers.registry import IMPORTERS, UnknownFile, detect

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "malmo-ks-2025"
LEDGER = ROOT / "examples" / "malmo-ks-2025-ledger"


def test_the_demo_inputs_are_recognised() -> None:
    assert detect(DEMO).name == "package"
    assert detect(LEDGER / "budget-2025.csv").name == "budget_file"
    assert detect(LEDGER / "mapping.yaml").name == "ledger_mapping"


def test_sie_is_told_by_its_first_record_whatever_the_name(tmp_path: Path) -> None:
    sie = tmp_path / "export.txt"
    sie.write_bytes(b"\xef\xbb\xbf#FLAGGA 0\r\n#SIETYP 4\r\n")
    assert detect(sie).name == "sie"
    broken = tmp_path / "trasig.se"
    broken.write_bytes(b"not a sie file")
    assert detect(broken).name == "sie"  # its reader then names the broken line


def test_an_unknown_file_names_what_is_accepted(tmp_path: Path) -> None:
    odd = tmp_path / "bild.png"
    odd.write_bytes(b"\x89PNG\r\n")
    with pytest.raises(UnknownFile, match=r"bild\.png: okänt filslag\. Ge .*SIE 4-fil.*\.xlsx"):
        detect(odd, among=("sie", "budget_file"))
    with pytest.raises(UnknownFile, match="filen finns inte"):
        detect(tmp_path / "saknas.se")


def test_a_fake_xlsx_is_not_a_budget_file(tmp_path: Path) -> None:
    fake = tmp_path / "budget.xlsx"
    fake.write_text("hej", encoding="utf-8")
    with pytest.raises(UnknownFile):
        detect(fake)


def test_every_importer_has_a_unique_name_and_says_what_it_accepts() -> None:
    names = [importer.name for importer in IMPORTERS]
    assert len(names) == len(set(names))
    assert all(importer.accepts and importer.label for importer in IMPORTERS)
