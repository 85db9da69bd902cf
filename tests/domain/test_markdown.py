"""The one Markdown parser: sections with source lines, the marker grammar, plain text."""

from __future__ import annotations

from uppsikt.domain.markdown import (
    Directive,
    MalformedDirective,
    MarkdownSection,
    directives,
    malformed_directives,
    parse,
    plain_text,
    split_directives,
    split_sections,
)


def test_parse_gives_tokens_with_source_lines() -> None:
    tokens = parse("Text.\n\n## Rubrik\n")
    heading = next(token for token in tokens if token.type == "heading_open")
    assert heading.map == [2, 3]


def test_raw_html_is_never_html() -> None:
    types = {token.type for token in parse("<script>x</script>\n\nA <b>b</b>")}
    assert "html_block" not in types
    inline = [child.type for token in parse("A <b>b</b>") for child in token.children or []]
    assert "html_inline" not in inline


def test_sections_with_heading_and_body_lines() -> None:
    text = "Inledning.\n\n## Ekonomi\n\nDriften gick bra.\n\n### Personal\nFler anställda.\n"
    assert split_sections(text) == [
        MarkdownSection(None, 0, 1, "Inledning.", 1),
        MarkdownSection("Ekonomi", 2, 3, "Driften gick bra.", 5),
        MarkdownSection("Personal", 3, 7, "Fler anställda.", 8),
    ]


def test_first_line_shifts_every_line() -> None:
    sections = split_sections("## A\nText.", first_line=5)
    assert [(s.line, s.body_line) for s in sections] == [(5, 5), (5, 6)]


def test_an_empty_lead_and_an_empty_body() -> None:
    lead, section = split_sections("## Tom\n")
    assert lead == MarkdownSection(None, 0, 1, "", 1)
    assert (section.heading, section.body, section.body_line) == ("Tom", "", 2)


def test_hashes_in_fenced_code_do_not_split() -> None:
    text = "## Kod\n```text\n# ingen rubrik\n## inte heller\n```\n~~~\n# nej\n~~~~\n## Sist\n"
    sections = split_sections(text)
    assert [s.heading for s in sections] == [None, "Kod", "Sist"]
    assert "# ingen rubrik" in sections[1].body and "# nej" in sections[1].body
    assert sections[2].line == 9


def test_an_unclosed_fence_runs_to_the_end() -> None:
    sections = split_sections("## A\n````\n## B\n```\n## C\n")
    assert [s.heading for s in sections] == [None, "A"]


def test_closing_hashes_are_not_part_of_the_heading() -> None:
    text = "## Ekonomi ##\n#### Detaljer ####\n## C# #\n## C\\#\n## #\n##\n# Nivå ett\n"
    found = [(s.heading, s.level, s.line) for s in split_sections(text)[1:]]
    assert found == [
        ("Ekonomi", 2, 1),
        ("Detaljer", 4, 2),
        ("C#", 2, 3),
        ("C\\#", 2, 4),
        ("", 2, 5),
        ("", 2, 6),
        ("Nivå ett", 1, 7),
    ]


def test_only_top_level_atx_headings_split() -> None:
    """Setext headings, headings in lists and quotes, and `#` without a space stay in the
    body (the package format writes ATX headings; a `---` under a paragraph is common)."""
    text = "## A\nRubrik\n---\n\n- punkt\n\n  ## i listan\n\n> ## citat\n\n#5 inte\n    # kod\n"
    sections = split_sections(text)
    assert [s.heading for s in sections] == [None, "A"]
    assert sections[1].body == text.split("\n", 1)[1].rstrip("\n")


def test_crlf_line_ends_count_as_one() -> None:
    sections = split_sections("Text.\r\n\r\n## A\r\nB\r\n")
    assert [(s.heading, s.line, s.body) for s in sections] == [(None, 1, "Text."), ("A", 3, "B")]


def test_directives_with_their_lines() -> None:
    text = (
        "Så här:\n\n{{ table: operating_result }}\n  {{generated:economy_summary}}  \n"
        "I texten {{ table: x }} är det text.\n"
    )
    assert directives(text, first_line=10) == [
        Directive("table", "operating_result", 12),
        Directive("generated", "economy_summary", 13),
    ]
    assert directives(text)[0].marker == "{{ table: operating_result }}"
    assert malformed_directives(text) == []


def test_lines_of_no_accepted_form_are_malformed() -> None:
    text = (
        "{{ tabell: x }}\n{{ TABLE: X }}\n{{ table: Personal }}\n{{ table x }}\n"
        "{{ table: a b }}\n{{ }}\n{{ table: ok }}\n"
    )
    found = malformed_directives(text, first_line=3)
    assert [(m.text, m.line) for m in found] == [
        ("{{ tabell: x }}", 3),
        ("{{ TABLE: X }}", 4),
        ("{{ table: Personal }}", 5),
        ("{{ table x }}", 6),
        ("{{ table: a b }}", 7),
        ("{{ }}", 8),
    ]
    assert directives(text) == [Directive("table", "ok", 7)]


def test_markers_in_code_are_code() -> None:
    text = "```\n{{ table: a }}\n{{ tabell: b }}\n```\n\n    {{ table: c }}\n\n{{ table: d }}\n"
    assert directives(text) == [Directive("table", "d", 8)]
    assert malformed_directives(text) == []


def test_split_directives_cuts_at_marker_lines() -> None:
    parts = split_directives("Före.\n{{ table: a }}\nMitt.\n\n{{ tabell: b }}\nEfter.")
    assert parts == [
        "Före.",
        Directive("table", "a", 2),
        "Mitt.\n",
        MalformedDirective("{{ tabell: b }}", 5),
        "Efter.",
    ]
    assert split_directives("Inga markeringar.") == ["Inga markeringar."]


def test_plain_text_keeps_words_and_drops_markup() -> None:
    text = (
        "## Rubrik\n\n"
        "Se [rapporten](https://example.org/a_b) och ![ett diagram](bild.png), **fet** och "
        "_kursiv_ text med `kod_1`.\nNästa rad.\n\n"
        "- första punkten\n- andra *punkten*\n\n1. ett\n2) två\n\n"
        "{{ table: operating_result }}\n{{ tabell: x }}\n\n"
        "> citerat\n\n```\nkod # här\n```\n"
    )
    assert plain_text(text) == (
        "Rubrik\n\n"
        "Se rapporten och ett diagram, fet och kursiv text med kod_1.\nNästa rad.\n\n"
        "första punkten\n\nandra punkten\n\nett\n\ntvå\n\n"
        "citerat\n\nkod # här"
    )


def test_plain_text_of_nothing() -> None:
    assert plain_text("") == ""
    assert plain_text("{{ table: a }}\n") == ""


def test_a_fence_left_open_is_found_with_its_line_and_can_be_closed() -> None:
    from uppsikt.domain.markdown import close_fences, unclosed_fence

    text = "Inledning\n\n```\nkod\n## Inte en rubrik"
    assert unclosed_fence(text, first_line=10) == 12
    closed = close_fences(text)
    assert closed.endswith("## Inte en rubrik\n```")
    assert unclosed_fence(closed) is None
    assert close_fences(closed) == closed
    assert unclosed_fence("~~~~\nkod\n~~~~~\n\n## Rubrik") is None
    assert unclosed_fence("````\nkod\n```") == 1  # a shorter fence does not close it
