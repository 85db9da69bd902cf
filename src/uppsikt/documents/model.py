"""The neutral document model: what every renderer (HTML, PDF, DOCX) draws.

Built from a `Report` by `documents.build`; holds only presentation-ready text (numbers
already formatted), so renderers never format money or apply rules themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Text:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Link:
    text: str
    url: str  # only http(s) and mailto survive the builder


Inline = Text | Link


@dataclass(frozen=True)
class Heading:
    level: int  # 1 = chapter, 2 = section, 3 = subsection, 4 = minor
    text: str
    anchor: str  # unique id within the document, ascii [a-z0-9-]
    in_toc: bool = True


@dataclass(frozen=True)
class Paragraph:
    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[tuple[Inline, ...], ...]
    ordered: bool = False


class Align(StrEnum):
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class TableColumn:
    header: str  # includes the unit where it applies, e.g. "Utfall, tkr"
    align: Align = Align.LEFT


class RowStyle(StrEnum):
    NORMAL = "normal"
    PART = "part"  # "varav" line: indented
    SUBTOTAL = "subtotal"  # bold
    TOTAL = "total"  # bold with a rule above
    HEADING = "heading"  # a label-only line inside the table


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]
    style: RowStyle = RowStyle.NORMAL


@dataclass(frozen=True)
class Table:
    caption: str
    columns: tuple[TableColumn, ...]
    rows: tuple[TableRow, ...]
    notes: tuple[str, ...] = ()  # footnotes under the table, e.g. rounding


class AssessmentLevel(StrEnum):
    ACHIEVED = "achieved"
    PARTLY_ACHIEVED = "partly_achieved"
    NOT_ACHIEVED = "not_achieved"
    EXPECTED = "expected"
    NOT_EXPECTED = "not_expected"
    MISSING = "missing"


@dataclass(frozen=True)
class AssessmentMark:
    """A marked judgement: always text plus a symbol, never colour alone."""

    level: AssessmentLevel
    label: str  # "Uppnåtts"
    caption: str  # "Bedömning för året"


@dataclass(frozen=True)
class Callout:
    """A boxed note, e.g. the generated summary or a draft marking."""

    title: str
    blocks: tuple[Paragraph | BulletList, ...]


Block = Heading | Paragraph | BulletList | Table | AssessmentMark | Callout


@dataclass(frozen=True)
class Cover:
    title: str  # "Årsanalys 2025"
    organisation: str  # "Kommunstyrelsen"
    municipality: str  # "Malmö stad"
    subtitle: str = ""  # e.g. "Mandatperiod 2023–2026"
    marking: str = ""  # e.g. "UTKAST"


@dataclass(frozen=True)
class Document:
    cover: Cover
    blocks: tuple[Block, ...]
    lang: str = "sv"
    footer: str = ""  # "Årsanalys 2025, Kommunstyrelsen"; renderers append " N(M)"
    toc_title: str = "Innehåll"
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return f"{self.cover.title}, {self.cover.organisation}"

    def headings(self) -> tuple[Heading, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Heading))
