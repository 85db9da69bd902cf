"""Reading CSV files as spreadsheets write them: the one CSV reader of the importers.

Swedish Excel saves "CSV (semikolonavgränsad)" with `;` between fields, decimal commas,
Windows-1252 and CRLF; its "CSV UTF-8" adds a byte order mark; LibreOffice writes UTF-8
with the separator the user picks; "Unicode-text" is tab separated UTF-16. All of them
are read here:

- encoding: a byte order mark (UTF-8 or UTF-16) decides; otherwise UTF-8 if the bytes
  are valid UTF-8, else Windows-1252 (which covers Latin-1's letters å, ä, ö);
- separator: `,`, `;` or tab, from `csv.Sniffer` limited to those three, checked against
  the header line; where the sniffer fails or picks a character that is not in the
  header, the separator that occurs most often in the header outside quotes;
- quoting: `"`, doubled inside a quoted field; any line ends.

A comma inside a number is a decimal comma in every dialect; with `,` as separator such
a number must be quoted (`"1 234,50"`), or it splits into two fields — which the callers
catch, since a row then has more fields than the header.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from uppsikt.importers.problems import Problem

SEPARATORS = (",", ";", "\t")
_SNIFF_LINES = 50  # enough to see a pattern; the sniffer's cost grows with the sample
SEPARATOR_NAMES = {",": "komma", ";": "semikolon", "\t": "tabb"}  # for messages


class CsvFileError(Exception):
    """The file cannot be read as CSV at all; `problem` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class CsvRecord:
    """One record: the file line it starts on (1-based) and its fields."""

    line: int
    fields: tuple[str, ...]


@dataclass(frozen=True)
class CsvText:
    """A decoded CSV file and the dialect found for it."""

    file: str
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16" or "cp1252"
    separator: str  # one of SEPARATORS

    @property
    def separator_name(self) -> str:
        """The separator in Swedish words, for messages: komma, semikolon, tabb."""
        return SEPARATOR_NAMES[self.separator]

    def records(self) -> Iterator[CsvRecord]:
        """Every record, blank lines included (as records without fields)."""
        reader = csv.reader(io.StringIO(self.text, newline=""), delimiter=self.separator)
        start = 1
        try:
            for fields in reader:
                yield CsvRecord(start, tuple(fields))
                start = reader.line_num + 1
        except csv.Error as exc:
            raise CsvFileError(
                Problem(
                    self.file, reader.line_num, None, f"raden går inte att läsa som CSV ({exc})"
                )
            ) from None


def read_csv(data: bytes, file: str) -> CsvText:
    """Decode the bytes of a CSV file and find its separator; raises `CsvFileError`."""
    text, encoding = decode(data, file)
    return CsvText(file, text, encoding, find_separator(text))


def decode(data: bytes, file: str) -> tuple[str, str]:
    """The text and the name of its encoding (see the module docstring for the order)."""
    if data.startswith(codecs.BOM_UTF8):
        return _decoded(data[len(codecs.BOM_UTF8) :], "utf-8", file), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decoded(data, "utf-16", file), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decoded(data, "cp1252", file), "cp1252"


def _decoded(data: bytes, encoding: str, file: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CsvFileError(
            Problem(
                file,
                line,
                None,
                f"filen har tecken som varken är UTF-8 eller Windows-1252 (byte "
                f"0x{data[exc.start]:02X}); spara den som ”CSV UTF-8” och försök igen",
            )
        ) from None


def find_separator(text: str) -> str:
    """`,`, `;` or tab: the sniffer's choice if the header has it, else the header's most."""
    lines = text.splitlines()
    header = next((line for line in lines if line.strip()), "")
    counts = _outside_quotes(header)
    sample = "\n".join(lines[:_SNIFF_LINES])
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(SEPARATORS)).delimiter
    except csv.Error:
        sniffed = ""
    # The sniffer looks for a character that is equally frequent on every line; a decimal
    # comma on every data line can win that against `;` when a row is ragged. A header
    # names the columns and so holds the separator, and hardly ever a decimal comma.
    if sniffed in counts and counts[sniffed] > 0:
        return sniffed
    best = max(SEPARATORS, key=lambda separator: counts[separator])
    return best if counts[best] > 0 else ","


def _outside_quotes(line: str) -> dict[str, int]:
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for character in line:
        if character == '"':
            quoted = not quoted  # a doubled quote toggles twice: still the same state
        elif not quoted and character in counts:
            counts[character] += 1
    return counts
