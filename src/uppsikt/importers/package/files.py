"""Reading the files of one package: bytes -> text -> YAML or Markdown, problems recorded.

Every reader returns None when the file cannot be used and has already said why, so
that the loader can go on and report the problems of the other files too.
"""

from __future__ import annotations

import codecs
import difflib
from pathlib import Path
from typing import Any

from uppsikt.importers.package.errors import Locations, Problems
from uppsikt.importers.package.markdown_files import MarkdownError, MarkdownFile, parse_markdown
from uppsikt.importers.package.schemas import validate
from uppsikt.importers.package.yaml_lines import LineDict, YamlSyntaxError, read_yaml


class PackageFiles:
    """The files under one package root, read with problems and locations collected."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems = Problems()
        self.locations = Locations()

    def exists(self, rel: str) -> bool:
        return (self.root / rel).is_file()

    def listing(self, folder: str) -> list[str]:
        """Files directly in `folder` (relative names, sorted); hidden files are ignored."""
        directory = self.root / folder
        if not directory.is_dir():
            return []
        try:
            names = sorted(path.name for path in directory.iterdir() if path.is_file())
        except OSError:
            return []
        return [f"{folder}/{name}" for name in names if not name.startswith(".")]

    def data(self, rel: str) -> bytes | None:
        """The bytes of the file (a CSV file decodes itself, see `importers.csv_files`)."""
        try:
            return (self.root / rel).read_bytes()
        except OSError as exc:
            self.problems.add(rel, None, f"filen går inte att läsa ({exc.strerror}).")
            return None

    def text(self, rel: str) -> str | None:
        """The file decoded as UTF-8 (a byte order mark is allowed), LF line ends."""
        data = self.data(rel)
        if data is None:
            return None
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            self.problems.add(
                rel,
                line,
                f"filen är inte giltig UTF-8 (byte 0x{data[exc.start]:02X} på rad {line}); "
                "den är troligen sparad som Windows-1252 eller Latin-1. "
                "Spara om den med teckenkodningen UTF-8.",
            )
            return None
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def yaml(self, rel: str, schema: str) -> LineDict | None:
        """A YAML file checked against `schema`; None if unreadable or invalid."""
        text = self.text(rel)
        if text is None:
            return None
        try:
            document = read_yaml(text)
        except YamlSyntaxError as exc:
            message = f"filen går inte att läsa som YAML: {exc.message}."
            self.problems.add(rel, exc.line, message, exc.column)
            return None
        self.duplicates(rel, document.duplicate_keys)
        data: Any = document.data
        if not validate(data, schema, rel, self.problems):
            return None
        assert isinstance(data, LineDict)  # the schema's top level is an object
        return data

    def markdown(self, rel: str) -> MarkdownFile | None:
        """A Markdown file split into front matter and blocks; None if unreadable."""
        text = self.text(rel)
        if text is None:
            return None
        try:
            parsed = parse_markdown(text)
        except MarkdownError as exc:
            self.problems.add(rel, exc.line, exc.message)
            return None
        self.duplicates(rel, parsed.duplicate_keys)
        return parsed

    def front_matter(self, rel: str, parsed: MarkdownFile, schema: str) -> LineDict | None:
        """The front matter checked against `schema`; a missing one counts as empty."""
        data = parsed.front_matter
        if data is None:
            data = LineDict(1)
            # Without front matter, "title is missing" would be the wrong advice.
            if not validate(data, schema, rel, Problems()):
                self.problems.add(
                    rel,
                    1,
                    "front matter saknas; börja filen med en rad '---', nycklarna "
                    "(t.ex. 'title: ...') och en rad '---'.",
                )
                return None
            return data
        return data if validate(data, schema, rel, self.problems) else None

    def duplicates(self, rel: str, duplicates: tuple[tuple[str, int], ...]) -> None:
        for key, line in duplicates:
            self.problems.add(
                rel,
                line,
                f"nyckeln '{key}' står redan tidigare i samma mappning; ta bort den ena "
                "(annars gäller bara den sista).",
            )

    def reference(
        self, known: set[str] | None, value: str, rel: str, line: int | None, what: str, where: str
    ) -> None:
        """Report `value` if it is not among `known` (None: unknown, the source had problems)."""
        if known is None or value in known:
            return
        close = difflib.get_close_matches(value, sorted(known), n=1)
        hint = f" (menade du '{close[0]}'?)" if close else ""
        self.problems.add(
            rel,
            line,
            f"{what} '{value}' finns inte i {where}{hint}; rätta nyckeln eller lägg till den i "
            f"{where}.",
        )
