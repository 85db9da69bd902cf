"""The one CSV reader: encodings and separators as spreadsheets save them, lines kept."""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path

import pytest

from uppsikt.importers.csv_files import CsvFileError, read_csv
from uppsikt.importers.package import PackageError, load_package

MINIMAL = Path(__file__).parent / "data" / "minimal"


def records(data: bytes) -> list[tuple[int, tuple[str, ...]]]:
    return [(record.line, record.fields) for record in read_csv(data, "f.csv").records()]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("år;belopp\n".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "år;belopp\n".encode(), "utf-8-sig"),
        ("år;belopp\r\n".encode("cp1252"), "cp1252"),
        (codecs.BOM_UTF16_LE + "år\tbelopp\r\n".encode("utf-16-le"), "utf-16"),
    ],
)
def test_the_encoding_is_found_and_the_text_is_the_same(data: bytes, encoding: str) -> None:
    text = read_csv(data, "f.csv")

    assert text.encoding == encoding
    assert next(text.records()).fields[0] == "år"


@pytest.mark.parametrize(
    ("text", "separator"),
    [
        ('key,label,amount\nx,"Sjukfrånvaro; dagar","1 234,50"\n', ","),
        ("key;label;amount\nx;Lön;1234,5\ny;Hyra;17,25\n", ";"),
        # A ragged row makes the sniffer prefer the decimal comma; the header corrects it.
        ("key;label;amount\nx;Lön;1234,5\ny;Hyra;17,25;\nz;Bidrag;-3,5\n", ";"),
        ('key,"label; kort",amount\nx,y,1\n', ","),  # the ; is inside quotes
        ("key\tlabel\tamount\nx\tLön, netto\t1 234,50\n", "\t"),
        ("amount\n12\n", ","),  # one column: no separator to find
    ],
)
def test_the_separator_is_found(text: str, separator: str) -> None:
    assert read_csv(text.encode(), "f.csv").separator == separator


def test_records_keep_their_file_lines() -> None:
    data = b'a;b\r\n1;"two\r\nlines"\r\n\r\n3;x\r\n'

    assert records(data) == [(1, ("a", "b")), (2, ("1", "two\r\nlines")), (4, ()), (5, ("3", "x"))]


def test_bytes_that_are_no_text_name_file_and_line() -> None:
    with pytest.raises(CsvFileError) as raised:
        read_csv(b"a,b\n1,2\n3,\x9d\n", "budget.csv")

    assert str(raised.value.problem).startswith("budget.csv:3: filen har tecken som varken")


@pytest.fixture
def package(tmp_path: Path) -> Path:
    root = tmp_path / "paket"
    shutil.copytree(MINIMAL, root)
    return root


def test_a_package_table_saved_by_swedish_excel_loads_the_same(package: Path) -> None:
    before = load_package(package).report
    excel = (
        "key;label;role;sum_of;current;previous;change\r\n"
        "employees;Antal anställda;;;412;398;3,5\r\n"
        "sick_leave;Sjukfrånvaro, dagar;;;1\u00a0234;1 300;-5,08\r\n"
        "total;Summa;total;employees sick_leave;;;\r\n"
    )
    (package / "tables" / "personnel.csv").write_bytes(excel.encode("cp1252"))

    assert load_package(package).report == before


def test_a_package_table_with_a_field_too_many_names_file_line_and_column(package: Path) -> None:
    path = package / "tables" / "personnel.csv"
    path.write_text(path.read_text("utf-8").replace("412,398", "412,398,1"), "utf-8")

    with pytest.raises(PackageError) as raised:
        load_package(package)

    shown = [str(p) for p in raised.value.problems if p.file == "tables/personnel.csv"]
    assert shown[0].startswith("tables/personnel.csv:2:8: raden har 8 fält men rubrikraden har 7")
