"""Broken packages: every problem is a PackageError naming the file, the line and the fix.

Each broken variant is made from the valid package in data/minimal, so the tests show
exactly what was broken; the expected line is looked up in the file, not hard-coded.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uppsikt.importers.package import PackageError, Problem, export_package, load_package

MINIMAL = Path(__file__).parent / "data" / "minimal"
FILES = sorted(p.relative_to(MINIMAL).as_posix() for p in MINIMAL.rglob("*") if p.is_file())


@pytest.fixture
def package(tmp_path: Path) -> Path:
    root = tmp_path / "paket"
    shutil.copytree(MINIMAL, root)
    return root


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} finns inte i {rel}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def line_of(root: Path, rel: str, needle: str) -> int:
    for number, line in enumerate((root / rel).read_text("utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} finns inte i {rel}")


def problems(root: Path) -> list[Problem]:
    with pytest.raises(PackageError) as error:
        load_package(root)
    return error.value.problems


def the_problem(root: Path, file: str, line: int | None, *words: str) -> Problem:
    """The one problem at file:line whose message has all `words`."""
    found = [p for p in problems(root) if p.file == file and p.line == line]
    assert found, f"inget problem på {file}:{line}; fick {problems(root)}"
    matching = [p for p in found if all(word in p.message for word in words)]
    assert matching, f"{found} saknar {words}"
    return matching[0]


def test_bad_yaml_syntax(package: Path) -> None:
    edit(package, "report.yaml", "title: Årsanalys 2025", "title: Årsanalys: 2025")
    problem = the_problem(package, "report.yaml", 3, "YAML", "kolon", "citattecken")
    assert str(problem).startswith(
        "report.yaml:3:17: filen går inte att läsa som YAML"
    )  # at the colon


def test_unclosed_quote_points_at_its_start(package: Path) -> None:
    edit(package, "goals.yaml", "title: 'Näringslivet växer: fler jobb'", "title: 'Näringsliv")
    line = line_of(package, "goals.yaml", "'Näringsliv")
    the_problem(package, "goals.yaml", line, "citattecknet", "inte avslutat")


def test_missing_file(package: Path) -> None:
    (package / "chapters" / "mal.md").unlink()
    line = line_of(package, "report.yaml", "- mal")
    the_problem(package, "report.yaml", line, "chapters/mal.md finns inte", "ta bort 'mal'")


def test_follow_up_for_unknown_goal(package: Path) -> None:
    (package / "goals" / "okant-mal.md").write_text("---\ngoal: okant-mal\n---\nText.\n", "utf-8")
    the_problem(package, "goals/okant-mal.md", 1, "'okant-mal'", "inte finns i goals.yaml")


def test_unknown_organisation_and_goal_area(package: Path) -> None:
    edit(package, "goals.yaml", "2025: [kommunstyrelsen, grundskolenamnden]", "2025: [ks]")
    rel = "budget-assignments/kompetensforsorjning.md"
    edit(package, rel, "goal_area: arbete-och-tillvaxt", "goal_area: arbete-och-tillvaxten")
    the_problem(package, "goals.yaml", 8, "organisationen 'ks' finns inte i organisations.yaml")
    the_problem(package, rel, 3, "'arbete-och-tillvaxten'", "menade du 'arbete-och-tillvaxt'")


def test_amount_that_is_no_number(package: Path) -> None:
    rel = "tables/operating_result.yaml"
    edit(package, rel, 'actual: "15 416"', 'actual: "1.2.3"')
    line = line_of(package, rel, "1.2.3")
    problem = the_problem(package, rel, line, "'grants'", "'actual'", "'1.2.3' är inget tal")
    assert '"36 830"' in problem.message  # shows how to write it


def test_unquoted_amount_that_is_no_number(package: Path) -> None:
    rel = "tables/investments.yaml"
    edit(package, rel, "actual: 12.5", "actual: 12.5.1")
    the_problem(package, rel, line_of(package, rel, "12.5.1"), "'12.5.1' är inget tal")


def test_sum_of_typo(package: Path) -> None:
    rel = "tables/operating_result.yaml"
    edit(package, rel, "sum_of: [total_income, costs]", "sum_of: [total_incme, costs]")
    problem = the_problem(package, rel, line_of(package, rel, "total_incme"))
    assert problem.message == (
        "raden 'result' summerar 'total_incme', som inte finns i tabellen (menade du "
        "'total_income'?); rätta stavningen eller lägg till raden."
    )


def test_sum_of_loop(package: Path) -> None:
    rel = "tables/operating_result.yaml"
    edit(package, rel, "sum_of: [grants, other_income]", "sum_of: [grants, result]")
    the_problem(package, rel, line_of(package, rel, "key: total_income"), "slinga")


def test_formula_and_cell_for_unknown_columns(package: Path) -> None:
    rel = "tables/operating_result.yaml"
    edit(package, rel, "formula: actual - budget", "formula: actual - budgt")
    edit(package, rel, 'budget: "20 256"', 'bduget: "20 256"')
    the_problem(package, rel, line_of(package, rel, "budgt"), "'budgt'", "menade du 'budget'")
    the_problem(package, rel, line_of(package, rel, "bduget"), "'bduget'", "inte är en kolumn")


def test_unparsable_formula(package: Path) -> None:
    rel = "tables/operating_result.yaml"
    edit(package, rel, "formula: actual - budget", "formula: actual * budget")
    the_problem(package, rel, line_of(package, rel, "actual * budget"), "går inte att tolka")


def test_problems_in_csv_rows(package: Path) -> None:
    rel = "tables/personnel.csv"
    edit(package, rel, 'sick_leave,"Sjukfrånvaro, dagar",,,"1 234"', "sick_leave,Sjuk,,,12x")
    edit(package, rel, "employees sick_leave", "employees sick_leav")
    the_problem(package, rel, 3, "'12x' är inget tal")
    the_problem(package, rel, 4, "'sick_leav'", "menade du 'sick_leave'")


def test_csv_row_with_too_many_fields(package: Path) -> None:
    edit(package, "tables/personnel.csv", "412,398", "412,398,1")
    the_problem(package, "tables/personnel.csv", 2, "8 fält", "7")


def test_chapter_with_level_one_heading(package: Path) -> None:
    edit(package, "chapters/ekonomi.md", "## Personal", "# Personal")
    line = line_of(package, "chapters/ekonomi.md", "# Personal")
    the_problem(package, "chapters/ekonomi.md", line, "nivå 1", "title", "'## Personal'")


@pytest.mark.parametrize(
    "written", ["{{ tabell: personnel }}", "{{ TABLE: PERSONNEL }}", "{{ table personnel }}"]
)
def test_directive_of_no_accepted_form(package: Path, written: str) -> None:
    rel = "chapters/ekonomi.md"
    edit(package, rel, "{{ table: personnel }}", written)
    line = line_of(package, rel, written)
    problem = the_problem(package, rel, line, "inget giltigt direktiv", "{{ table: <nyckel> }}")
    assert "{{ generated: <namn> }}" in problem.message and "små bokstäver" in problem.message


def test_a_code_block_that_is_never_closed_is_refused_where_it_starts(package: Path) -> None:
    """Left open, it would turn the rest of the file into code, headings too."""
    rel = "goals/barn-och-unga.md"
    text = (package / rel).read_text(encoding="utf-8")
    end = text.index("---\n", 4) + 4
    (package / rel).write_text(text[:end] + "```\n" + text[end:], encoding="utf-8")
    line = text[:end].count("\n") + 1
    the_problem(package, rel, line, "kodblocket", "avslutas aldrig", "```")


def test_directive_in_code_is_text(package: Path) -> None:
    rel = "chapters/ekonomi.md"
    edit(package, rel, "{{ table: personnel }}", "```\n{{ tabell: personnel }}\n```")
    load_package(package)  # neither a directive nor a malformed one


def test_unknown_front_matter_key(package: Path) -> None:
    rel = "goals/barn-och-unga.md"
    edit(package, rel, "term_outlook: expected", "term_outlook: expected\nresponsible: x")
    the_problem(package, rel, 5, "okänd nyckel 'responsible'", "year_assessment")


def test_misspelt_front_matter_key(package: Path) -> None:
    rel = "goals/barn-och-unga.md"
    edit(package, rel, "year_assessment:", "year_asessment:")
    the_problem(package, rel, 3, "'year_asessment'", "menade du 'year_assessment'")


def test_assessment_in_swedish(package: Path) -> None:
    rel = "goals/barn-och-unga.md"
    edit(package, rel, "year_assessment: partly_achieved", "year_assessment: uppnått")
    problem = the_problem(package, rel, 3, "'year_assessment'", "'uppnått'")
    assert "achieved (Uppnåtts)" in problem.message
    assert "menade du 'achieved'?" in problem.message


def test_goal_file_headings(package: Path) -> None:
    rel = "goals/barn-och-unga.md"
    edit(package, rel, "# Bedömning för året", "# Bedömning för år 2025")
    edit(package, rel, "# Förväntad förflyttning\n", "# Förväntad förflyttning\n## Sent avsnitt\n")
    line = line_of(package, rel, "# Bedömning för år 2025")
    the_problem(package, rel, line, "'# Bedömning för året'", "'# Förväntad förflyttning'")
    the_problem(package, rel, line_of(package, rel, "## Sent avsnitt"), "ska stå före")


def test_non_utf8_file(package: Path) -> None:
    rel = "chapters/mal.md"
    line = line_of(package, rel, "Mål och uppdrag")  # the first line with an "å"
    text = (package / rel).read_text("utf-8")
    (package / rel).write_bytes(text.encode("cp1252"))
    problem = the_problem(package, rel, line, "UTF-8", "Spara om")
    assert "0xE5" in problem.message


def test_unreferenced_markdown_file(package: Path) -> None:
    (package / "chapters" / "utkast.md").write_text("---\ntitle: Utkast\n---\n", "utf-8")
    the_problem(package, "chapters/utkast.md", None, "outline", "report.yaml", "ta bort")


def test_duplicate_keys(package: Path) -> None:
    rel = "tables/investments.yaml"
    edit(package, rel, "- {key: buildings,", "- {key: it,")
    edit(package, "report.yaml", "lix_threshold: 50", "lix_threshold: 50\n  lix_threshold: 60")
    the_problem(package, rel, line_of(package, rel, "label: Lokaler"), "'it' finns redan")
    the_problem(package, "report.yaml", 19, "'lix_threshold'", "ta bort den ena")


def test_schema_problems_have_lines(package: Path) -> None:
    edit(package, "report.yaml", "period: {year: 2025, kind: annual_analysis}", "period: {year: x}")
    edit(package, "organisations.yaml", "kind: council", "kind: fullmäktige")
    the_problem(package, "report.yaml", 5, "'year' ska vara ett heltal")
    the_problem(package, "report.yaml", 5, "nyckeln 'kind' saknas")
    the_problem(package, "organisations.yaml", 3, "'fullmäktige'", "council (kommunfullmäktige)")


def test_all_problems_are_reported_together(package: Path) -> None:
    edit(package, "report.yaml", "title: Årsanalys 2025", "title: [")
    (package / "chapters" / "mal.md").unlink()
    edit(package, "tables/investments.yaml", '"494,7"', '"4x"')
    edit(package, "goals/barn-och-unga.md", "partly_achieved", "uppnått")
    with pytest.raises(PackageError) as error:
        load_package(package)
    files = {problem.file for problem in error.value.problems}
    assert {"report.yaml", "tables/investments.yaml", "goals/barn-och-unga.md"} <= files
    lines = str(error.value).splitlines()
    assert lines == [str(problem) for problem in error.value.problems]
    assert all(re.match(r"^[\w./-]+(:\d+(:[\w-]+)?)?: \S", line) for line in lines)


def test_not_a_package(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="mappen finns inte"):
        load_package(tmp_path / "saknas")
    the_problem(tmp_path, "report.yaml", None, "report.yaml saknas")


def test_yaml_floats_are_never_made() -> None:
    from uppsikt.importers.package.yaml_lines import read_yaml

    data = read_yaml("a: [1.5, 1e3, .5, 1.0e+3, -0.0, .inf, .nan, 1:30.5, 1_000.25]\n").data
    assert not any(isinstance(value, float) for value in data["a"])


# Mutated copies of the valid package: whatever happens, the loader answers with a
# PackageError or a report, never with another exception; a report it accepts must also
# survive export and reload unchanged.

_TOKENS = [
    b":", b"-", b"#", b"# ", b"## ", b"{", b"}", b"[", b"]", b'"', b"'", b"\t", b"\xff",
    b"\xc3", b"---", b"{{ table: x }}", b"{{ x: y }}", b"1.2.3", b"```", b"&a ", b"*a",
    b"<<: *a", b"!!set ", b"!x ", b"2025", b"\n", b" ", b",", b"\r", b"\x00", b"\x85",
    b"1e999999", b"0.0000000000001", b"99999999999999999999", b"yes", b"~", b"-x",
]  # fmt: skip


@st.composite
def _mutation(draw: st.DrawFn, content: bytes) -> bytes:
    lines = content.split(b"\n")
    kind = draw(st.sampled_from(["byte", "insert", "delete", "duplicate", "swap", "cut"]))
    if kind == "byte" and content:
        at = draw(st.integers(0, len(content) - 1))
        return content[:at] + bytes([draw(st.integers(0, 255))]) + content[at + 1 :]
    if kind == "insert":
        at = draw(st.integers(0, len(content)))
        return content[:at] + draw(st.sampled_from(_TOKENS)) + content[at:]
    line = draw(st.integers(0, max(0, len(lines) - 1)))
    if kind == "delete":
        del lines[line]
    elif kind == "duplicate":
        lines.insert(line, lines[line])
    elif kind == "swap":
        other = draw(st.integers(0, max(0, len(lines) - 1)))
        lines[line], lines[other] = lines[other], lines[line]
    else:
        return content[: draw(st.integers(0, len(content)))]
    return b"\n".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutations_only_ever_raise_package_error(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary) / "paket"
        shutil.copytree(MINIMAL, root)
        for _ in range(data.draw(st.integers(1, 3))):
            rel = data.draw(st.sampled_from(FILES))
            path = root / rel
            if data.draw(st.integers(0, 30)) == 0:
                path.unlink(missing_ok=True)
                continue
            content = path.read_bytes() if path.exists() else b""
            path.write_bytes(data.draw(_mutation(content)))
        try:
            loaded = load_package(root)
        except PackageError as error:
            assert error.problems
            return
        out = Path(temporary) / "ut"
        export_package(loaded.report, out, csv_tables=loaded.csv_tables)
        assert load_package(out).report == loaded.report
