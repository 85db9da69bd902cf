"""An XSS corpus through the forms comes out inert in the web pages, HTML, PDF and DOCX.

Each payload is saved through the section form (as a text, and some as a heading) and
through the comment form; then the pages and the documents are checked: no script,
iframe, object or embed element, no event-handler attribute, and no link or source
with a javascript:, data: or vbscript: target (after entity decoding), in any format.
The same corpus written straight into the database (as a careless import could) must
come out just as inert: the document pipeline does not rely on the sanitiser.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from pypdf import PdfReader

from uppsikt.documents.sanitise import clean_markdown
from uppsikt.oversight.models import Comment
from uppsikt.reports.models import Report
from uppsikt.reports.places import section_places, section_row
from uppsikt.reports.revision import bump_revision
from uppsikt.reports.store import load_report

ClientAs = Callable[[str], Client]

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(\'xss\')">',
    '<iframe src="javascript:alert(1)"></iframe>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "[klicka](javascript:alert(1))",
    "[klicka](JaVaScRiPt:alert(1))",
    "<javascript:alert(1)>",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="jav&#x61;script:alert(1)">länk</a>',
    "[x](jav&#x61;script:alert(1))",
    "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](<javascript:alert(1)>)",
    '<div style="background:url(javascript:alert(1))">stil</div>',
    '<p style="width: expression(alert(1))">uttryck</p>',
    "<img src=x onerror=alert(1)",
    "<scr<script>ipt>alert(1)</script>",
    "![bild](javascript:alert(1))",
    '![bild" onerror="alert(1)](https://example.com/x.png)',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    "[ref][r]\n\n[r]: javascript:alert(1)",
    '<a href="vbscript:msgbox(1)">vb</a> [vb](vbscript:msgbox(1))',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<body onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<a href="https://example.com" onclick="alert(1)">ok</a>',
    "<details open ontoggle=alert(1)>",
    "<!--<script>alert(1)</script>-->",
    "<style>@import 'javascript:alert(1)';</style>",
    "[x](\tjavascript:alert(1))",
    '"><script>alert(1)</script>',
    "<a href=data:text/html,<script>alert(1)</script>>d</a>",
]
# An unclosed <style> (or script, iframe ...) makes the rest of the text its content, in
# a browser as in the sanitiser, which drops it.
SWALLOWS_THE_REST = {"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"}
HEADING_PAYLOADS = [
    "<img src=x onerror=alert(1)>Rubrik",
    "<script>alert(1)</script>Rubrik",
    '"><svg onload=alert(1)>Rubrik',
]
SAFE_LINK = "[Malmö stad](https://malmo.se/)"
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
BANNED_ELEMENTS = {"script", "iframe", "object", "embed", "frame", "applet", "base"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href"}


def _compact(value: str) -> str:
    return "".join(ch for ch in value if ord(ch) > 0x20).lower()


class _Inspector(HTMLParser):
    """Collects what would make HTML active. Attribute values arrive entity-decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in BANNED_ELEMENTS:
            self.problems.append(f"<{tag}>")
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}={value}")
            if name in URL_ATTRIBUTES and _compact(value).startswith(BAD_SCHEMES):
                self.problems.append(f"{tag} {name}={value}")
            if name == "style" and ("expression(" in value or "javascript:" in value.lower()):
                self.problems.append(f"{tag} style={value}")
            if tag == "a" and name == "href":
                self.links.append(value)

    handle_startendtag = handle_starttag


def inspect_html(page: str) -> _Inspector:
    inspector = _Inspector()
    inspector.feed(page)
    inspector.close()
    return inspector


def assert_inert_html(page: str) -> list[str]:
    inspector = inspect_html(page)
    assert inspector.problems == []
    for href in inspector.links:
        assert href.startswith(("http://", "https://", "mailto:", "#", "/")), href
    return inspector.links


def main_of(page: str) -> str:
    """The <main> of a web page: where user text goes (the frame is the app's own)."""
    return page[page.index("<main") : page.index("</main>") + len("</main>")]


def assert_inert_pdf(data: bytes, *, words: bool = True) -> None:
    pdf = PdfReader(io.BytesIO(data))
    catalog: Any = pdf.trailer["/Root"]
    assert "/OpenAction" not in catalog and "/AA" not in catalog
    assert "/JavaScript" not in catalog.get("/Names", {})
    uris: list[str] = []
    for page in pdf.pages:
        for annotation in page.get("/Annots", []):
            action = annotation.get_object().get("/A")
            if action is None:
                continue
            action = action.get_object()
            assert action["/S"] in ("/URI", "/GoTo"), action["/S"]
            if action["/S"] == "/URI":
                uris.append(str(action["/URI"]))
    assert "https://malmo.se/" in uris
    for uri in uris:
        assert uri.startswith(("http://", "https://", "mailto:")), uri
    if words:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages).lower()
        assert "javascript:" not in text and "vbscript:" not in text
        assert "<script" not in text


def assert_inert_docx(data: bytes, *, words: bool = True) -> None:
    word = WordDocument(io.BytesIO(data))
    targets = [rel.target_ref for rel in word.part.rels.values() if rel.reltype == RT.HYPERLINK]
    assert "https://malmo.se/" in targets
    for target in targets:
        assert target.startswith(("http://", "https://", "mailto:")), target
    texts = [paragraph.text for paragraph in word.paragraphs]
    texts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    xml = word.element.xml.lower()
    assert "<script" not in xml  # raw markup would be escaped as &lt;script
    if words:
        text = "\n".join(texts).lower()
        assert "javascript:" not in text and "vbscript:" not in text
        assert "<script" not in text
        assert "javascript:" not in xml


def token(client: Client) -> str:
    if "csrftoken" not in client.cookies:
        client.get(reverse("home"))
    return client.cookies["csrftoken"].value


def post(client: Client, url: str, data: dict[str, Any]) -> Any:
    return client.post(url, {**data, "csrfmiddlewaretoken": token(client)})


def _documents(client: Client, report_id: int) -> dict[str, bytes]:
    documents = {}
    for fmt in ("html", "pdf", "docx"):
        response = client.get(reverse("document", args=[report_id, fmt]))
        assert response.status_code == 200
        documents[fmt] = response.content
    return documents


def _assert_documents_inert(client: Client, report_id: int, *, sanitised: bool = True) -> None:
    """Unsanitised text may still *show* "javascript:" as words; it must never link."""
    documents = _documents(client, report_id)
    links = assert_inert_html(documents["html"].decode())
    assert "https://malmo.se/" in links
    assert_inert_pdf(documents["pdf"], words=sanitised)
    assert_inert_docx(documents["docx"], words=sanitised)


def test_the_corpus_through_the_forms_is_inert_everywhere(
    client_as: ClientAs, report_id: int
) -> None:
    assert len(PAYLOADS) >= 20
    places = [item.place for item in section_places(load_report(report_id))]
    assert len(places) > len(PAYLOADS) + 1
    writer = client_as("skribent")
    for index, payload in enumerate(PAYLOADS):
        place = places[index]
        heading = (
            HEADING_PAYLOADS[index % len(HEADING_PAYLOADS)] if index < 6 else f"Avsnitt {index}"
        )
        body = f"Före.\n\n{payload}\n\nEfter {SAFE_LINK}."
        url = reverse("section_edit", args=[report_id, place])
        response = post(writer, url, {"heading": heading, "body": body, "base_version": "1"})
        assert response.status_code == 302, (payload, response.status_code)
        row = section_row(report_id, place)
        assert row is not None
        assert clean_markdown(row.body) == row.body, payload  # stored clean
        assert clean_markdown(row.heading) == row.heading
        for marker in ("<script", "<iframe", "<img", "<svg", "<object", "<embed", "javascript:"):
            assert marker not in row.body.lower(), (payload, row.body)
        assert "Före." in row.body
        assert payload in SWALLOWS_THE_REST or f"Efter {SAFE_LINK}." in row.body, row.body
        # The edit page shows the stored text escaped and previews it inertly.
        page = writer.get(url).content.decode()
        assert_inert_html(main_of(page))

    reviewer = client_as("granskare")
    comment_place = places[0]
    for payload in PAYLOADS:
        url = reverse("comments", args=[report_id, comment_place])
        body = f"Kommentar.\n\n{payload}\n\n{SAFE_LINK}"
        response = post(reviewer, url, {"comment-body": body})
        assert response.status_code == 302, payload
    thread = reviewer.get(reverse("comments", args=[report_id, comment_place])).content.decode()
    assert_inert_html(main_of(thread))
    assert thread.count('<li class="comment') == len(PAYLOADS)
    for comment in Comment.objects.all():
        assert clean_markdown(comment.body) == comment.body
        assert "<script" not in comment.body.lower() and "javascript:" not in comment.body

    _assert_documents_inert(client_as("lasare"), report_id)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_preview_of_each_payload_is_inert(
    client_as: ClientAs, report_id: int, payload: str
) -> None:
    place = section_places(load_report(report_id))[0].place
    url = reverse("section_preview", args=[report_id, place])
    client = client_as("skribent")
    response = client.post(
        url,
        {"heading": payload, "body": payload, "csrfmiddlewaretoken": token(client)},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert_inert_html(response.content.decode())


def test_unsanitised_text_in_the_database_is_still_inert(
    client_as: ClientAs, report_id: int
) -> None:
    """Defence in depth: documents stay inert even if text bypassed the sanitiser."""
    places = [item.place for item in section_places(load_report(report_id))]
    for index, payload in enumerate(PAYLOADS):
        row = section_row(report_id, places[index])
        assert row is not None
        row.heading = HEADING_PAYLOADS[index % len(HEADING_PAYLOADS)]
        row.body = f"{payload}\n\n{SAFE_LINK}"
        row.save()
    bump_revision(Report.objects.get(pk=report_id))
    _assert_documents_inert(client_as("lasare"), report_id, sanitised=False)


@pytest.mark.parametrize(
    "page",
    [
        "<p><script>alert(1)</script></p>",
        '<img src="x" onerror="alert(1)">',
        '<a href="jav&#x61;script:alert(1)">x</a>',
        '<a href=" JAVASCRIPT:alert(1)">x</a>',
        '<iframe src="https://example.com"></iframe>',
        '<img src="data:image/svg+xml;base64,AAAA">',
        '<p style="width: expression(alert(1))">x</p>',
        '<svg onload="alert(1)"/>',
    ],
)
def test_the_inspector_itself_catches_active_html(page: str) -> None:
    assert inspect_html(page).problems
