"""Loading a valid package, and writing it back: lossless, canonical, all or nothing."""

from __future__ import annotations

import dataclasses
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uppsikt.domain.model import Assessment, ChapterKind, Section, TermOutlook
from uppsikt.domain.money import Amount, Unit
from uppsikt.domain.tables import Row, RowRole
from uppsikt.importers.package import (
    Location,
    Locations,
    PackageError,
    export_package,
    load_package,
    yaml_out,
)
from uppsikt.importers.package.markdown_files import heading_line, parse_markdown
from uppsikt.importers.package.tables_out import amount_text, decimal_text
from uppsikt.importers.package.yaml_lines import read_yaml

DATA = Path(__file__).parent / "data"
MINIMAL = DATA / "minimal"
EXAMPLE = Path(__file__).parents[2] / "examples" / "malmo-ks-2025"


def tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("source", [MINIMAL, EXAMPLE], ids=["minimal", "malmo-ks-2025"])
def test_round_trip_is_lossless_and_export_idempotent(source: Path, tmp_path: Path) -> None:
    loaded = load_package(source)
    export_package(loaded.report, tmp_path / "a", csv_tables=loaded.csv_tables)
    again = load_package(tmp_path / "a")
    assert again.report == loaded.report
    assert again.csv_tables >= loaded.csv_tables  # plus tables long enough for CSV
    export_package(again.report, tmp_path / "b", csv_tables=again.csv_tables)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_round_trip_without_the_csv_hint(tmp_path: Path) -> None:
    loaded = load_package(MINIMAL)
    export_package(loaded.report, tmp_path / "a")
    assert not (tmp_path / "a" / "tables" / "personnel.csv").exists()
    assert load_package(tmp_path / "a").report == loaded.report


def test_minimal_package_content() -> None:
    report = load_package(MINIMAL).report
    assert report.display_title == "Årsanalys 2025"
    assert report.owner.administration == "Stadskontoret"
    assert report.goal("naringsliv").directed_in(2025) == ("kommunstyrelsen",)
    assert [area.key for area in report.goal_areas][-1] == "trygghet"  # an area without goals
    assert report.settings == {"explanation_threshold_kr": 500000, "lix_threshold": 50}

    summary = report.chapters[0]
    assert summary.intro.endswith("{{ generated: assessment_summary }}")
    assert [(s.level, s.heading) for s in summary.sections] == [
        (2, "Fortsatt högt remissflöde pressar organisationen"),
        (3, "Åtgärder"),
        (4, "Detaljer"),
        (2, "Tom rubriktext följer"),
    ]
    assert "# det här är ingen rubrik" in summary.sections[1].body  # inside a code fence
    assert report.chapters[1].kind is ChapterKind.GOALS

    follow_up = report.follow_up("barn-och-unga")
    assert follow_up is not None
    assert follow_up.year_assessment is Assessment.PARTLY_ACHIEVED
    assert follow_up.term_outlook is TermOutlook.EXPECTED
    assert follow_up.contributions[2] == Section("Exempel", "Ett exempel.", 3)
    assert follow_up.year_motivation == "Målet bedöms **delvis uppnått** eftersom..."
    assert report.budget_assignments[0].report.endswith("2. åtgärder")


def test_figures_are_exact_and_keep_their_stated_precision() -> None:
    report = load_package(MINIMAL).report
    result = report.table("operating_result")
    assert result.unit is Unit.TKR
    assert result.row("grants").cells["variance"] == Amount(-4_840_000, 1_000)  # "−4 840"
    assert result.row("other_income").cells["actual"] == Amount(238_838_000, 1_000)  # YAML int
    assert result.row("costs").cells["comment"] == "1:30"  # text, not sexagesimal 90
    assert result.row("result").sum_of == ("total_income", "costs")
    assert result.row("of_which_rent").role is RowRole.PART
    investments = report.table("investments")
    assert investments.row("it").cells == {
        "actual": Amount(494_700_000, 100_000),
        "budget": Amount(495_000_000, 1_000_000),
    }
    # 12.5 is a YAML float, read from its text as an exact Decimal, never a float.
    assert investments.row("buildings").cells["actual"] == Amount(12_500_000, 100_000)
    personnel = report.table("personnel")
    assert personnel.row("sick_leave").cells["change"] == Decimal("-5.08")
    assert personnel.row("total").sum_of == ("employees", "sick_leave")


def test_locations_point_at_lines() -> None:
    loaded = load_package(MINIMAL)
    find = loaded.locations.find
    assert find("report") == Location("report.yaml", 1)
    assert find("goal:naringsliv") == Location("goals.yaml", 12)
    assert find("follow_up:barn-och-unga/assessment") == Location("goals/barn-och-unga.md", 17)
    assert find("follow_up:barn-och-unga/section:1") == Location("goals/barn-och-unga.md", 11)
    assert find("chapter:ekonomi/section:2") == Location("chapters/ekonomi.md", 16)
    assert find("table:operating_result/row:total_income/col:budget") == Location(
        "tables/operating_result.yaml", 22
    )
    assert find("table:personnel/row:sick_leave") == Location("tables/personnel.csv", 3)
    # Unknown parts fall back to the longest known prefix.
    assert find("table:operating_result/row:grants/col:nope") == Location(
        "tables/operating_result.yaml", 14
    )
    assert find("table:nope") is None


def test_locations_fallback() -> None:
    locations = Locations()
    locations.add("table:x", Location("tables/x.yaml", 1))
    locations.add("table:x/row:y", Location("tables/x.yaml", 9))
    assert locations.find("table:x/row:y/col:z") == Location("tables/x.yaml", 9)
    assert locations.find("table:x/row:q/col:z") == Location("tables/x.yaml", 1)
    assert "table:x" in locations and len(locations) == 2


def test_export_writes_canonical_text(tmp_path: Path) -> None:
    loaded = load_package(MINIMAL)
    written = export_package(loaded.report, tmp_path / "out", csv_tables=loaded.csv_tables)
    assert written == sorted(written)
    for path in written:
        data = path.read_bytes()
        assert data.endswith(b"\n") and not data.endswith(b"\n\n")
        assert b"\r" not in data
        data.decode("utf-8")
    table = (tmp_path / "out" / "tables" / "operating_result.yaml").read_text("utf-8")
    assert (
        '  - {key: grants, label: Bidrag, actual: "15 416", budget: "20 256", variance: "-4 840"}\n'
        in table
    )
    assert "Övriga intäkter" in table  # allow_unicode
    investments = (tmp_path / "out" / "tables" / "investments.yaml").read_text("utf-8")
    assert 'actual: "494,7", budget: "495"' in investments
    assert 'actual: "12,5", budget: "12,50"' in investments
    report = (tmp_path / "out" / "report.yaml").read_text("utf-8")
    assert report.startswith("format: uppsikt-package/1\norganisation: kommunstyrelsen\n")
    assert "term: {start: 2023, end: 2026}\n" in report


def test_long_tables_go_to_csv(tmp_path: Path) -> None:
    report = load_package(MINIMAL).report
    table = report.table("investments")
    rows = tuple(
        Row(f"r{i}", f"Rad {i}, med komma", {"actual": Amount(i * 100_000, 100_000)})
        for i in range(20)
    )
    long = dataclasses.replace(table, rows=rows)
    report = dataclasses.replace(report, tables=(*report.tables[:2], long))
    export_package(report, tmp_path / "out")
    assert (tmp_path / "out" / "tables" / "investments.csv").read_text("utf-8").splitlines()[
        :3
    ] == [
        "key,label,role,sum_of,actual,budget",
        'r0,"Rad 0, med komma",,,"0,0",',
        'r1,"Rad 1, med komma",,,"0,1",',
    ]
    assert "rows:" not in (tmp_path / "out" / "tables" / "investments.yaml").read_text("utf-8")
    again = load_package(tmp_path / "out")
    assert again.report == report
    assert again.csv_tables == {"investments"}


def test_export_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    report = load_package(MINIMAL).report
    target = tmp_path / "out"
    target.mkdir()
    (target / "README.md").write_text("Mina anteckningar\n", "utf-8")
    with pytest.raises(PackageError, match="inte tom"):
        export_package(report, target)
    assert [p.name for p in target.iterdir()] == ["README.md"]


def test_overwrite_replaces_package_files_and_keeps_the_rest(tmp_path: Path) -> None:
    report = load_package(MINIMAL).report
    target = tmp_path / "out"
    shutil.copytree(MINIMAL, target)
    (target / "chapters" / "gammalt.md").write_text("---\ntitle: Gammalt\n---\n", "utf-8")
    (target / ".git").mkdir()
    (target / ".git" / "HEAD").write_text("ref: refs/heads/main\n", "utf-8")
    export_package(report, target, overwrite=True)
    assert not (target / "chapters" / "gammalt.md").exists()
    assert (target / ".git" / "HEAD").read_text("utf-8") == "ref: refs/heads/main\n"
    assert load_package(target).report == report
    assert not [p for p in tmp_path.iterdir() if p.name != "out"]  # no temporary leftovers


def test_export_is_all_or_nothing(tmp_path: Path) -> None:
    report = load_package(MINIMAL).report
    chapter = dataclasses.replace(report.chapters[0], sections=(Section("Rubrik", "x", 1),))
    broken = dataclasses.replace(report, chapters=(chapter, *report.chapters[1:]))
    with pytest.raises(PackageError, match="exporten skulle inte gå att läsa in") as error:
        export_package(broken, tmp_path / "out")
    assert error.value.problems[0].file == "chapters/sammanfattning.md"
    assert list(tmp_path.iterdir()) == []


def test_export_refuses_keys_that_are_not_file_names(tmp_path: Path) -> None:
    report = load_package(MINIMAL).report
    evil = dataclasses.replace(report.chapters[0], key="../utanfor")
    with pytest.raises(PackageError, match="ingen giltig nyckel"):
        export_package(dataclasses.replace(report, chapters=(evil,)), tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("amount", "unit", "text"),
    [
        (Amount(494_700_000, 100_000), Unit.MKR, "494,7"),
        (Amount(495_000_000, 1_000_000), Unit.MKR, "495"),
        (Amount(-4_840_000, 1_000), Unit.TKR, "-4 840"),
        (Amount(1_234_567_000, 1_000), Unit.TKR, "1 234 567"),
        (Amount(1_234, 1), Unit.TKR, "1,234"),  # exact kronor in a tkr table
        (Amount(494_712_345, 100_000), Unit.MKR, "494,712345"),  # keeps kronor over looks
        (Amount(36_830, 1), Unit.KR, "36 830"),
    ],
)
def test_amount_text(amount: Amount, unit: Unit, text: str) -> None:
    assert amount_text(amount, unit) == text


def test_decimal_text() -> None:
    assert decimal_text(Decimal("-4.10")) == "-4,10"
    assert decimal_text(Decimal("1E+3")) == "1 000"


@given(st.text())
def test_any_string_reads_back_from_yaml(value: str) -> None:
    block = yaml_out.mapping([("a", yaml_out.text(value))])
    flow = yaml_out.mapping([("a", yaml_out.text(value)), ("b", yaml_out.keys([value]))], flow=True)
    assert read_yaml(yaml_out.dump(block)).data == {"a": value}
    assert read_yaml(yaml_out.dump(flow)).data == {"a": value, "b": [value]}


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1))
def test_headings_read_back(text: str) -> None:
    heading = " ".join(text.split())
    if not heading:
        return
    parsed = parse_markdown(heading_line(2, heading) + "\nbody\n")
    assert parsed.blocks[1].heading is not None
    assert parsed.blocks[1].heading.text == heading
