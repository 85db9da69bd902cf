"""The HTML report: structure a screen-reader user relies on, and inert hostile text."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from uppsikt.documents.common import ASSESSMENT_COLOURS
from uppsikt.documents.html import render_html
from uppsikt.documents.html_style import STYLESHEET
from uppsikt.documents.model import (
    Align,
    Cover,
    Document,
    Heading,
    Paragraph,
    RowStyle,
    Table,
    TableColumn,
    TableRow,
    Text,
)

from .conftest import ASSESSMENT_LABELS, HOSTILE, NBSP, build_sample_document


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    ancestors: tuple[str, ...]
    text: str = ""
    children_text: list[str] = field(default_factory=list)


class Collector(HTMLParser):
    """Every element with its attributes, ancestor tags and own text content."""

    VOID = frozenset({"meta", "link", "br", "img", "hr", "input", "col"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[Node] = []
        self.stack: list[Node] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, tuple(n.tag for n in self.stack))
        self.nodes.append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            node = self.stack.pop()
            node.text = "".join(node.children_text)
            if self.stack:
                self.stack[-1].children_text.append(node.text)
            if node.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.stack[-1].children_text.append(data)


def parse(page: str) -> list[Node]:
    collector = Collector()
    collector.feed(page)
    collector.close()
    return collector.nodes


@pytest.fixture(scope="module")
def page(sample_document: Document) -> str:
    return render_html(sample_document)


@pytest.fixture(scope="module")
def nodes(page: str) -> list[Node]:
    return parse(page)


def tags(nodes: list[Node], name: str) -> list[Node]:
    return [node for node in nodes if node.tag == name]


def headings(nodes: list[Node]) -> list[Node]:
    return [node for node in nodes if re.fullmatch(r"h[1-6]", node.tag)]


def test_page_language_and_title(nodes: list[Node], sample_document: Document) -> None:
    assert tags(nodes, "html")[0].attrs["lang"] == "sv"
    assert tags(nodes, "title")[0].text == sample_document.title


def test_exactly_one_h1_and_it_is_the_cover_title(nodes: list[Node]) -> None:
    assert [h.text for h in tags(nodes, "h1")] == ["Årsanalys 2025"]


def test_heading_levels_never_skip(nodes: list[Node]) -> None:
    levels = [int(h.tag[1]) for h in headings(nodes)]
    assert levels[0] == 1
    for previous, current in itertools.pairwise(levels):
        assert current <= previous + 1, levels


def test_model_levels_map_one_below_the_h1(nodes: list[Node]) -> None:
    by_text = {h.text: h.tag for h in headings(nodes)}
    assert by_text["Sammanfattning"] == "h2"
    assert by_text["Ekonomi"] == "h3"
    assert by_text["Ordning för arbetet"] == "h4"
    assert by_text["Uppföljning av bidrag till kommunfullmäktigemålet"] == "h5"


def test_skipped_model_levels_are_closed_up() -> None:
    doc = Document(
        Cover("Årsanalys", "Nämnd", "Stad"),
        (Heading(1, "Kapitel", "kapitel"), Heading(4, "Djup", "djup")),
    )
    levels = [h.tag for h in headings(parse(render_html(doc)))]
    assert levels == ["h1", "h2", "h2", "h3"]  # cover, contents, chapter, clamped


def test_landmarks_and_skip_link(nodes: list[Node]) -> None:
    for landmark in ("header", "nav", "main", "footer"):
        assert len(tags(nodes, landmark)) == 1, landmark
    skip = tags(nodes, "a")[0]
    main = tags(nodes, "main")[0]
    assert skip.attrs["href"] == "#" + main.attrs["id"]


def test_ids_are_unique(nodes: list[Node]) -> None:
    ids = [node.attrs["id"] for node in nodes if "id" in node.attrs]
    assert len(ids) == len(set(ids))


def test_contents_links_resolve_to_headings(nodes: list[Node], sample_document: Document) -> None:
    nav = tags(nodes, "nav")[0]
    label = nav.attrs["aria-labelledby"]
    assert any(node.attrs.get("id") == label for node in headings(nodes))
    ids = {h.attrs.get("id") for h in headings(nodes)}
    links = [a for a in tags(nodes, "a") if "nav" in a.ancestors]
    assert links
    for link in links:
        assert link.attrs["href"].startswith("#")
        assert link.attrs["href"][1:] in ids
    # Chapters and sections are listed, with sections nested one list deeper.
    listed = {a.text: a.ancestors.count("ol") for a in links}
    assert listed["Sammanfattning"] == 1
    assert listed["Ekonomi"] == 2
    assert "Ordning för arbetet" not in listed  # level 3: not in the contents
    assert "Tekniska uppgifter" not in listed  # in_toc=False


def test_tables_have_caption_column_and_row_headers(nodes: list[Node]) -> None:
    assert len(tags(nodes, "table")) == 4
    assert len(tags(nodes, "caption")) == 4
    for th in tags(nodes, "th"):
        if "thead" in th.ancestors:
            assert th.attrs.get("scope") == "col"
        else:
            assert th.attrs.get("scope") in ("row", "rowgroup")
    body_rows = [tr for tr in tags(nodes, "tr") if "tbody" in tr.ancestors]
    first_cells = {
        id(tr): next(n for n in nodes[nodes.index(tr) + 1 :] if n.tag in ("th", "td"))
        for tr in body_rows
    }
    assert all(cell.tag == "th" for cell in first_cells.values())


def test_numbers_are_right_aligned_tabular(page: str, nodes: list[Node]) -> None:
    assert re.search(r"\.num\s*\{[^}]*text-align:\s*right[^}]*tabular-nums", page)
    cell = next(td for td in tags(nodes, "td") if td.text == f"36{NBSP}830")
    assert "num" in cell.attrs["class"].split()
    assert any(td.text == f"\u22124{NBSP}840" for td in tags(nodes, "td"))


def test_total_and_part_rows_are_styled(page: str, nodes: list[Node]) -> None:
    total = [tr for tr in tags(nodes, "tr") if tr.attrs.get("class") == "row-total"]
    assert len(total) == 4
    assert re.search(
        r"\.row-total th, \.row-total td \{[^}]*font-weight: 700;[^}]*border-top", page
    )
    assert any(tr.attrs.get("class") == "row-part" for tr in tags(nodes, "tr"))
    assert re.search(r"\.row-part th \{[^}]*padding-left", page)


def test_table_notes_follow_the_table(nodes: list[Node]) -> None:
    notes = [p.text for p in tags(nodes, "p") if p.attrs.get("class") == "table-note"]
    assert notes == ["Beloppen är avrundade.", "Källa: ekonomisystemet."]


def test_assessments_have_text_and_a_hidden_symbol(nodes: list[Node]) -> None:
    marks = [p for p in tags(nodes, "p") if "assessment" in p.attrs.get("class", "").split()]
    texts = " ".join(p.text for p in marks)
    for label in ASSESSMENT_LABELS.values():
        assert label in texts
    svgs = tags(nodes, "svg")
    assert len(svgs) == len(marks) == 8
    assert all(svg.attrs.get("aria-hidden") == "true" for svg in svgs)


def test_callout_is_a_labelled_aside(nodes: list[Node]) -> None:
    aside = tags(nodes, "aside")[0]
    title = next(n for n in nodes if n.attrs.get("id") == aside.attrs["aria-labelledby"])
    assert title.tag == "h3" and title.text == "Årets resultat i korthet"


def test_marking_is_visible_on_the_cover(nodes: list[Node]) -> None:
    marking = [p for p in tags(nodes, "p") if p.attrs.get("class") == "marking"]
    assert [p.text for p in marking] == ["UTKAST"]
    assert "header" in marking[0].ancestors
    assert not [
        p
        for p in parse(render_html(build_sample_document(marking="")))
        if p.attrs.get("class") == "marking"
    ]


def test_links_are_safe_and_noopener(nodes: list[Node]) -> None:
    external = [a for a in tags(nodes, "a") if not a.attrs["href"].startswith("#")]
    assert {a.attrs["href"] for a in external} == {
        "https://malmo.se/arsanalys",
        "mailto:stadskontoret@malmo.se",
    }
    assert all(a.attrs["rel"] == "noopener" for a in external)


def test_print_css(page: str) -> None:
    assert "@page { size: A4" in page
    print_css = page[page.index("@media print") :]
    assert ".skip-link { display: none; }" in print_css
    assert "thead { display: table-header-group; }" in print_css
    assert "break-inside: avoid" in print_css


def test_self_contained(page: str) -> None:
    assert "<script" not in page
    assert not re.search(r"""(src|href)=["'](?!#|https://malmo|mailto:)""", page)


def test_wide_rows_keep_every_cell() -> None:
    table = Table(
        "Bred",
        (TableColumn("Post"), TableColumn("Belopp", Align.RIGHT)),
        (TableRow(("Rad", "1", "extra")), TableRow(("Summa", "1"), RowStyle.TOTAL)),
    )
    doc = Document(Cover("T", "O", "M"), (table,))
    cells = [n.text for n in parse(render_html(doc)) if n.tag in ("td", "th")]
    assert "extra" in cells


def test_hostile_text_is_inert(hostile_document: Document) -> None:
    page = render_html(hostile_document)
    nodes = parse(page)
    assert not tags(nodes, "script")
    for node in nodes:
        for name, value in node.attrs.items():
            assert not name.startswith("on"), (node.tag, name)
            assert "javascript:" not in value.lower(), (node.tag, name)
    for a in tags(nodes, "a"):
        href = a.attrs["href"]
        assert href.startswith(("#", "https://", "http://", "mailto:"))
    assert tags(nodes, "html")[0].attrs["lang"] == "sv"
    # The text survives verbatim for the reader.
    assert sum(HOSTILE in node.text for node in nodes if node.tag in ("h1", "p", "td")) >= 3


def test_paragraph_inline_styles() -> None:
    doc = Document(
        Cover("T", "O", "M"),
        (
            Paragraph(
                (Text("fet", bold=True), Text("kursiv", italic=True), Text("båda", True, True))
            ),
        ),
    )
    page = render_html(doc)
    assert "<strong>fet</strong><em>kursiv</em><strong><em>båda</em></strong>" in page


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_colours_meet_wcag_aa_contrast() -> None:
    variables = dict(re.findall(r"--([a-z]+): #([0-9a-f]{6})", STYLESHEET))
    backgrounds = ["ffffff", variables["band"], variables["callout"]]
    for name in ("text", "muted", "accent", "link", "mark"):
        for background in backgrounds:
            assert contrast(variables[name], background) >= 4.5, (name, background)
    for level, colour in ASSESSMENT_COLOURS.items():
        assert contrast(colour, "ffffff") >= 4.5, level
