"""Cleaning what users write before it is stored: headings, texts, comments, motivations.

The documents never interpret raw HTML (Markdown is rendered with `html=False`) and keep
only http(s) and mailto links, so user text is already inert when it is shown. Cleaning
on save is defence in depth, and it keeps the stored text free of markup that would
otherwise show up literally in every document and in every later version and diff.

`clean_markdown` removes raw HTML (script, style, iframe, object, embed and a few more
with their content; any other tag keeping its text), comments, event-handler attributes
(they only exist inside tags), `javascript:`, `data:` and `vbscript:` targets of Markdown
links, images, reference definitions and autolinks, and control characters. Ordinary
Markdown and Swedish text stay as written: "a < b", "5 > 3", "&", quotes, `**fet**`,
lists, quotes with `>` and `{{ table: key }}` directives.

Why nh3 (ammonia, with the html5ever parser) for the HTML: telling markup from text the
way a browser would, including broken and unclosed tags, is exactly what an HTML parser
does and a regular expression does not. But nh3 returns *HTML* (text escaped as `&lt;`,
`&amp;`), which is not what Markdown wants stored, so it only runs when the text holds
something tag-like, and its output is unescaped back to plain text. Unescaping may turn
entity-encoded markup (`&lt;script&gt;`) into real markup, so cleaning repeats until the
text no longer changes. Link targets are Markdown, not HTML, so they are checked here.
"""

from __future__ import annotations

import html
import re

import nh3

from uppsikt.domain.markdown import close_fences

# Elements whose content is code or never shown: dropped with everything inside (an
# unclosed one takes the rest of the text with it, as it would in a browser). SVG and
# MathML only lose their tags: a script inside them is still dropped with its content.
_DROP_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "noscript",
        "noembed",
        "noframes",
        "template",
        "title",
        "textarea",
        "xmp",
        "plaintext",
    }
)
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:")

# Control characters (except tab and newline), non-characters and lone surrogates;
# private-use characters U+E000/U+E001 are reserved for the placeholders below.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff\ue000\ue001]")
# Anything an HTML parser would take for the start of a tag, a comment or a doctype.
_TAG_LIKE = re.compile(r"<[A-Za-z!/?]")
# A tag left open at the end of its line: a parser would read on into the next lines as
# its attributes and swallow them, so the opening is dropped up to the line's end.
_UNCLOSED_TAG = re.compile(r"<[A-Za-z/!?][^<>\n]*$", re.MULTILINE)
# CommonMark autolinks: <scheme:...> and <name@host>.
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
_PLACEHOLDER = re.compile("\ue000([0-9]+)\ue001")
# A link reference definition: `[label]: destination "title"`.
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)[^\n]*$", re.MULTILINE)
_MAX_PASSES = 5


def clean_markdown(text: str) -> str:
    """The Markdown `text` without raw HTML, unsafe link targets or control characters,
    and with a fenced code block left open at its end closed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNWANTED.sub("", text)
    for _ in range(_MAX_PASSES):
        cleaned = _clean_once(text)
        if cleaned == text:
            break
        text = cleaned
    # A code block left open would swallow what follows it in the report's files.
    return close_fences(text)


def is_unsafe_url(url: str) -> bool:
    """Whether a link target would run code or smuggle content (javascript:, data:, ...).

    Browsers decode entities in attributes and ignore tabs, newlines and leading control
    characters in URLs, so "jav&#x61;script:" and "java\\tscript:" count too."""
    decoded = html.unescape(html.unescape(url))
    compact = "".join(ch for ch in decoded if ord(ch) > 0x20 and not ch.isspace()).lower()
    compact = compact.strip("<>")
    return compact.startswith(_BAD_SCHEMES)


def _clean_once(text: str) -> str:
    saved: list[str] = []

    def keep_autolink(match: re.Match[str]) -> str:
        if is_unsafe_url(match.group(1)):
            return ""
        saved.append(match.group(0))
        return f"\ue000{len(saved) - 1}\ue001"

    text = _AUTOLINK.sub(keep_autolink, text)
    text = _UNCLOSED_TAG.sub("", text)
    if _TAG_LIKE.search(text) or _TAG_LIKE.search(html.unescape(text)):
        stripped = nh3.clean(
            text,
            tags=set(),
            clean_content_tags=set(_DROP_WITH_CONTENT),
            attributes={},
            strip_comments=True,
        )
        text = _UNWANTED.sub("", html.unescape(stripped))
    text = _PLACEHOLDER.sub(lambda match: saved[int(match.group(1))], text)
    text = _REFERENCE.sub(lambda m: "" if is_unsafe_url(m.group(1)) else m.group(0), text)
    return _clean_link_targets(text)


def _clean_link_targets(text: str) -> str:
    """Blank the target of every inline link or image `[text](target)` that is unsafe;
    `[text]()` is then shown as its text alone."""
    out: list[str] = []
    position = 0
    while True:
        opening = text.find("](", position)
        if opening < 0:
            break
        start = opening + 2
        while start < len(text) and text[start] in " \t\n":
            start += 1
        end = _target_end(text, start)
        out.append(text[position:start])
        target = text[start:end]
        out.append("" if is_unsafe_url(target) else target)
        position = max(end, opening + 2)
    out.append(text[position:])
    return "".join(out)


def _target_end(text: str, start: int) -> int:
    """Where a CommonMark link destination starting at `start` ends: `<...>`, or a run
    without whitespace in which parentheses balance."""
    if start < len(text) and text[start] == "<":
        close = text.find(">", start)
        newline = text.find("\n", start)
        if close >= 0 and (newline < 0 or close < newline):
            return close + 1
    depth = 0
    index = start
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            index += 2
            continue
        if char.isspace() or ord(char) < 0x20:
            break
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        index += 1
    return index
