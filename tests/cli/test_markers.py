"""A stored report with a marker that names nothing (written in the web before the form
checked markers, or a typo): `uppsikt check` names it, `uppsikt export` writes it and warns."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from uppsikt.cli import main
from uppsikt.importers.package import PackageError, load_package
from uppsikt.reports.store import save_report

DEMO = Path(__file__).resolve().parents[2] / "examples" / "malmo-ks-2025"
TYPO = "{{ table: operating_budget }}"


@pytest.fixture
def stored_with_typo(db: None) -> str:
    report = load_package(DEMO).report
    chapter = report.chapters[0]
    section = replace(chapter.sections[0], body=chapter.sections[0].body + f"\n\n{TYPO}\n")
    chapters = (replace(chapter, sections=(section, *chapter.sections[1:])), *report.chapters[1:])
    save_report(replace(report, chapters=chapters))
    return f"chapters/{chapter.key}.md"


def test_check_names_the_marker_and_its_place(runner: CliRunner, stored_with_typo: str) -> None:
    result = runner.invoke(main, ["check", "malmo/kommunstyrelsen/2025"])
    assert result.exit_code == 1, result.output
    assert "operating_budget" in result.output and "Markeringen" in result.output


def test_export_writes_the_text_as_it_is_and_warns(
    runner: CliRunner, stored_with_typo: str, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    result = runner.invoke(main, ["export", "malmo/kommunstyrelsen/2025", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Varning: {stored_with_typo}:" in result.stderr
    assert "operating_budget" in result.stderr and "Skrivet som det är" in result.stderr
    assert TYPO in (out / stored_with_typo).read_text(encoding="utf-8")
    # The package says so when it is read in again, at the marker's line.
    with pytest.raises(
        PackageError, match=f"{stored_with_typo}:[0-9]+: tabellen 'operating_budget'"
    ):
        load_package(out)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
