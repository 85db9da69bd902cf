"""Mapping files: loading with file:line errors, writing back, and the Kommun-Bas default."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from uppsikt.domain.economy.model import LINES, Financing, ObjectRule
from uppsikt.importers.ledger_mapping import (
    MappingError,
    MappingWarning,
    default_mapping,
    dump_mapping,
    load_mapping,
    parse_mapping,
    read_mapping,
)

from .facts import mapping

DEMO_MAPPING = (
    Path(__file__).resolve().parents[3] / "examples" / "malmo-ks-2025-ledger" / "mapping.yaml"
)

VALID = """\
cost_centre_dimension: "1"
project_dimension: "6"
accounts:            # first matching range wins
  - {from: "3500", to: "3599", line: grants}
  - {from: 3000, to: 3999, line: other_income}
objects:
  - {dimension: "1", object: "SK01", name: "Stadsdirektör", budget_area: stadsdirektor,
     financing: allocation_funded}
  - {dimension: "1", object: "KS10", name: "Arvoden", financing: board, appropriation: fees}
  - {dimension: 6, object: "INV01", name: "Allmänt", investment: general}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mapping.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_loads(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a valid file gives no warnings
        loaded = load_mapping(_write(tmp_path, VALID))
    assert loaded.line_for("3510") == "grants"
    assert loaded.line_for("3010") == "other_income"
    assert loaded.line_for("4010") is None
    assert loaded.object_rule("1", "SK01") == ObjectRule(
        "1", "SK01", "Stadsdirektör", "stadsdirektor", Financing.ALLOCATION_FUNDED
    )
    assert loaded.object_rule("6", "INV01") is not None
    assert (loaded.cost_centre_dimension, loaded.project_dimension) == ("1", "6")


def test_unknown_line_key_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID.replace("line: grants", "line: grant"))
    with pytest.raises(MappingError) as caught:
        load_mapping(path)
    [problem] = caught.value.problems
    assert (problem.file, problem.line) == (str(path), 4)
    assert "okänd rad 'grant'" in problem.message and "grants" in problem.message
    assert str(caught.value).startswith(f"{path}:4: ")


def test_every_problem_is_reported_with_its_line() -> None:
    text = (
        VALID.replace('cost_centre_dimension: "1"', 'cost_centre_dimension: "A"')
        .replace("financing: board", "financing: council")
        .replace('{from: "3500", to: "3599"', '{from: "3599", to: "3500"')
        .replace('object: "SK01"', "object: 101")
        + "extra: 1\n"
    )
    with pytest.raises(MappingError) as caught:
        parse_mapping(text, "m.yaml")
    lines = [(p.line, p.message.split(" ")[0]) for p in caught.value.problems]
    assert [line for line, _ in lines] == [1, 4, 7, 9, 11]
    messages = str(caught.value)
    assert "dimensionsnummer" in messages and "baklänges" in messages
    assert "citattecken" in messages and "council" in messages and "extra" in messages


def test_yaml_syntax_errors_and_duplicate_keys_have_lines() -> None:
    with pytest.raises(MappingError) as caught:
        parse_mapping('accounts:\n  - {from: "1", to: "2", line: grants\n', "m.yaml")
    assert caught.value.problems[0].line is not None
    with pytest.raises(MappingError) as caught:
        parse_mapping("accounts: []\naccounts: []\n", "m.yaml")
    assert caught.value.problems[0].line == 2


def test_a_yaml_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID.replace('to: "3599", line', 'to: "3599" line'))  # no comma
    with pytest.raises(MappingError) as caught:
        load_mapping(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (4, 31)  # at `line`, where the comma is missing
    assert str(caught.value) == f"{path}:4:31: en mappning inom {{ }} är inte avslutad med '}}'"


def test_partial_overlaps_dead_ranges_and_repeated_objects_warn(tmp_path: Path) -> None:
    extra_ranges = (
        '  - {from: "3550", to: "3700", line: other_costs}\n'  # partly over 3500–3599
        '  - {from: "3510", to: "3519", line: other_income}\n'  # inside 3500–3599: dead
    )
    extra_objects = (
        '  - {dimension: "1", object: "SK01", name: "Igen"}\n  - {dimension: "3", object: "X"}\n'
    )
    text = VALID.replace("  - {from: 3000", extra_ranges + "  - {from: 3000") + extra_objects
    loaded = read_mapping(_write(tmp_path, text))
    assert [(w.line, w.message) for w in loaded.warnings] == [
        (5, "kontona 3550–3700 överlappar delvis 3500–3599 (rad 4); den första regeln gäller "
         "där de möts"),
        (6, "kontona 3510–3519 ligger helt inom 3500–3599 (rad 4) och används därför aldrig"),
        (13, "objekt SK01 i dimension 1 står redan på rad 9; den första regeln gäller"),
        (14, "dimension 3 är varken kostnadsställe- eller projektdimensionen; regeln används inte"),
    ]  # fmt: skip
    with pytest.warns(MappingWarning) as issued:
        load_mapping(tmp_path / "mapping.yaml")
    assert [str(w.message) for w in issued] == [str(w) for w in loaded.warnings]


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(MappingError, match="går inte att läsa"):
        load_mapping(tmp_path / "saknas.yaml")


def test_dump_and_load_give_the_same_mapping(tmp_path: Path) -> None:
    original = mapping()
    path = tmp_path / "out.yaml"
    dump_mapping(original, path)
    assert load_mapping(path) == original
    text = path.read_text(encoding="utf-8")
    assert '{from: "3500", to: "3599", line: grants}' in text
    assert '"Stadsdirektör"' in text


@pytest.mark.parametrize(
    ("account", "line"),
    [
        ("3510", "grants"),
        ("3010", "other_income"),
        ("3610", "other_income"),
        ("5020", "salaries"),
        ("5610", "payroll_overhead"),
        ("5810", "other_staff_costs"),
        ("6110", "premises"),
        ("6010", "other_costs"),
        ("4510", "other_costs"),
        ("7810", "depreciation"),
        ("8410", "financial_income"),
        ("8510", "financial_costs"),
        ("1210", "investment"),
        ("1930", "ignore"),  # bank: balance sheet, outside the follow-up
        ("2440", "ignore"),
        ("8010", None),  # skatteintäkter: no board line, listed as unmapped
        ("9999", None),
    ],
)
def test_default_mapping(account: str, line: str | None) -> None:
    assert default_mapping().line_for(account) == line


def test_default_mapping_has_no_overlaps_and_known_lines() -> None:
    default = default_mapping()
    assert all(rule.line in LINES for rule in default.account_rules)
    assert default.object_rules == ()
    assert (default.cost_centre_dimension, default.project_dimension) == ("1", "6")
    assert (
        read_mapping(
            Path(__file__).resolve().parents[3]
            / "src"
            / "uppsikt"
            / "importers"
            / "data"
            / "kommun_bas_mapping.yaml"
        ).warnings
        == ()
    )


def test_demo_ledger_mapping_loads() -> None:
    loaded = read_mapping(DEMO_MAPPING)
    assert loaded.mapping.account_rules
    assert any(rule.budget_area for rule in loaded.mapping.object_rules)
