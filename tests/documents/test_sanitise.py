"""clean_markdown: raw HTML, unsafe link targets and control characters go; Markdown and
Swedish text stay as written."""

from __future__ import annotations

import pytest

from uppsikt.documents.sanitise import clean_markdown, is_unsafe_url

KEPT = [
    "a < b och 5 > 3",
    "Forskning & utveckling, \"citat\" och 'enkla'",
    "**fet**, *kursiv*, __fet__ och _kursiv_",
    "- en punkt\n- två punkter\n  - indragen\n\n1. första\n2. andra",
    "> Ett citat\n> över två rader",
    "{{ table: operating_result }}\n\n{{ generated: summary }}",
    "Se [Malmö stad](https://malmo.se/) eller <https://malmo.se> och <info@malmo.se>.",
    "[e-post](mailto:info@malmo.se) och [relativ](/sida)",
    "Underlag och data: SCB, Kolada (N00914).",
    "Kostnaden < 5 mnkr, ökningen > 2 % – åäö ÅÄÖ é ü",
    "    kod med indrag\n\n```\nkodblock\n```",
    "Stycke ett.\n\nStycke två\tmed tabb.",
    "[a](https://example.com/sök?(x)=1) text",
    "&amp; &lt; står kvar när ingen tagg finns",
    "",
]


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_markdown_is_kept(text: str) -> None:
    assert clean_markdown(text) == text


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("före <script>alert(1)</script>efter", "före efter"),
        ("<SCRIPT>alert(1)</SCRIPT>text", "text"),
        ("<style>p { color: red }</style>text", "text"),
        ('<iframe src="https://evil.example"></iframe>text', "text"),
        ('<object data="x.swf">fallback</object>text', "text"),
        ('<embed src="x.swf">text', "text"),
        ("<b>fet</b> och <span class='x'>vanlig</span>", "fet och vanlig"),
        ('<img src=x onerror="alert(1)">bild', "bild"),
        ('<a href="https://ok.se" onclick="alert(1)">ok</a>', "ok"),
        ("<svg onload=alert(1)>text</svg>", "text"),
        ("<svg><script>alert(1)</script></svg>text", "text"),
        ("<!-- dold -->synlig", "synlig"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;text", "text"),
        ("text <img src=x onerror=alert(1)\n\nnästa stycke", "text \n\nnästa stycke"),
        ("a < b <b>fet</b> & c", "a < b fet & c"),
    ],
)
def test_raw_html_is_removed(dirty: str, clean: str) -> None:
    assert clean_markdown(dirty) == clean


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("[x](javascript:alert(1))", "[x]()"),
        ("[x](JavaScript:alert(1))", "[x]()"),
        ("[x]( javascript:alert(1) )", "[x](  )"),
        ("[x](<javascript:alert(1)>)", "[x]()"),
        ("[x](jav&#x61;script:alert(1))", "[x]()"),
        ("[x](javascript&colon;alert(1))", "[x]()"),
        ("[x](vbscript:msgbox(1))", "[x]()"),
        ("[x](data:text/html;base64,AAAA)", "[x]()"),
        ("![bild](data:image/png;base64,AAAA)", "![bild]()"),
        (
            "![bild](javascript:alert(1)) och [ok](https://ok.se)",
            "![bild]() och [ok](https://ok.se)",
        ),
        ("<javascript:alert(1)> och <https://ok.se>", " och <https://ok.se>"),
        ("<data:text/html,x>", ""),
        ("[r]\n\n[r]: javascript:alert(1)", "[r]\n\n"),
        ("[r]\n\n[r]: https://ok.se", "[r]\n\n[r]: https://ok.se"),
    ],
)
def test_unsafe_link_targets_are_removed(dirty: str, clean: str) -> None:
    assert clean_markdown(dirty) == clean


def test_control_characters_are_removed_but_tabs_and_newlines_kept() -> None:
    assert clean_markdown("a\x00b\x07c\x1bd\x7fe\x85f\tg\nh") == "abcdef\tg\nh"
    assert clean_markdown("rad ett\r\nrad två\rrad tre") == "rad ett\nrad två\nrad tre"


def test_cleaning_is_idempotent() -> None:
    for text in [*KEPT, "<scr<script>ipt>alert(1)</script>", "&amp;lt;b&amp;gt;x <i>y</i>"]:
        once = clean_markdown(text)
        assert clean_markdown(once) == once


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JAVASCRIPT:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "jav&#x61;script:alert(1)",
        "&#106;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,x",
        "<javascript:alert(1)>",
    ],
)
def test_unsafe_urls(url: str) -> None:
    assert is_unsafe_url(url)


@pytest.mark.parametrize("url", ["https://malmo.se", "mailto:a@b.se", "/sida", "#ankare", "data"])
def test_safe_urls(url: str) -> None:
    assert not is_unsafe_url(url)


def test_a_code_block_left_open_is_closed_so_it_cannot_swallow_what_follows() -> None:
    from uppsikt.documents.sanitise import clean_markdown

    assert clean_markdown("Text\n\n```python\nprint(1)") == "Text\n\n```python\nprint(1)\n```"
    assert clean_markdown("```\nkod\n```") == "```\nkod\n```"
