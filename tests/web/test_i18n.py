"""The web UI in the browser's language: Swedish by default, English with `Accept-Language:
en`; and the English catalogue complete, without fuzzy entries, and compiled."""

from __future__ import annotations

import ast
import re
import shutil
import struct
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from optional import require
from uppsikt.reports.places import section_places
from uppsikt.reports.store import load_report

ClientAs = Callable[[str], Client]

MESSAGES = Path(__file__).resolve().parents[2] / "src/uppsikt/locale/en/LC_MESSAGES"
PO = MESSAGES / "django.po"
MO = MESSAGES / "django.mo"


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    # LocaleMiddleware activates the request's language for the thread and leaves it
    # active; later tests that call actions directly must get Swedish again.
    yield
    translation.deactivate()


def language(header: str | None) -> dict[str, Any]:
    return {} if header is None else {"HTTP_ACCEPT_LANGUAGE": header}


def page_of(client: Client, url: str, header: str | None) -> str:
    response = client.get(url, **language(header))
    assert response.status_code == 200
    return str(response.content.decode())


def section_url(report_id: int) -> str:
    place = section_places(load_report(report_id))[0].place
    return reverse("section_edit", args=[report_id, place])


# --- pages ------------------------------------------------------------------------------

ENGLISH_LOGIN = ("Log in", "Username", "Password", "Skip to content")
SWEDISH_LOGIN = ("Logga in", "Användarnamn", "Lösenord", "Hoppa till innehållet")


def test_the_login_page_is_english_for_an_english_browser(client: Client) -> None:
    page = page_of(client, reverse("login"), "en")
    assert '<html lang="en">' in page
    assert all(text in page for text in ENGLISH_LOGIN)
    assert not any(text in page for text in SWEDISH_LOGIN)


@pytest.mark.parametrize("header", ["sv", "sv-SE,sv;q=0.9", None])
def test_the_login_page_is_swedish_otherwise(client: Client, header: str | None) -> None:
    page = page_of(client, reverse("login"), header)
    assert '<html lang="sv">' in page
    assert all(text in page for text in SWEDISH_LOGIN)
    assert "Username" not in page


def test_an_unsupported_language_falls_back_to_swedish(client: Client) -> None:
    page = page_of(client, reverse("login"), "de-DE,de;q=0.9")
    assert '<html lang="sv">' in page and "Användarnamn" in page


# (page, strings of an English page, their Swedish sources) for a writer of a draft.
PAGES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "home": (
        ("Reports you have access to", "Deadline", "Log out", "Main menu"),
        ("Rapporter du har tillgång till", "Sista dag", "Logga ut", "Huvudmeny"),
    ),
    "report": (
        (
            "Workflow",
            "Before the report is submitted",
            "Submit the report",
            "Download PDF",
            "Compare the interim report with the annual analysis",
            "DRAFT (UTKAST)",
        ),
        (
            "Arbetsflöde",
            "Innan rapporten klarmarkeras",
            "Klarmarkera rapporten",
            "Ladda ned PDF",
            "Jämför delårsrapporten med årsanalysen",
        ),
    ),
    "section": (
        ("Save the text", "Back to the report", "Versions and changes", "a blank line between"),
        ("Spara texten", "Tillbaka till rapporten", "Versioner och ändringar", "tom rad mellan"),
    ),
}


def url_of(name: str, report_id: int) -> str:
    if name == "home":
        return reverse("home")
    if name == "report":
        return reverse("report", args=[report_id])
    return section_url(report_id)


@pytest.mark.parametrize("name", PAGES)
def test_pages_are_english_for_an_english_browser(
    client_as: ClientAs, report_id: int, name: str
) -> None:
    english, swedish = PAGES[name]
    page = page_of(client_as("skribent"), url_of(name, report_id), "en")
    assert '<html lang="en">' in page
    assert [text for text in english if text not in page] == []
    assert [text for text in swedish if text in page] == []


@pytest.mark.parametrize("header", ["sv", None])
@pytest.mark.parametrize("name", PAGES)
def test_pages_are_swedish_by_default(
    client_as: ClientAs, report_id: int, name: str, header: str | None
) -> None:
    _english, swedish = PAGES[name]
    page = page_of(client_as("skribent"), url_of(name, report_id), header)
    assert '<html lang="sv">' in page
    assert [text for text in swedish if text not in page] == []
    assert "Log out" not in page and "Save the text" not in page


def test_messages_from_forms_and_actions_follow_the_language(
    client_as: ClientAs, report_id: int
) -> None:
    client = client_as("skribent")
    url = section_url(report_id)
    page_of(client, reverse("home"), "en")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value

    def save(heading: str, header: str) -> str:
        data = {"heading": heading, "body": "Text.", "base_version": "1"}
        response = client.post(
            url, {**data, "csrfmiddlewaretoken": token}, follow=True, **language(header)
        )
        return str(response.content.decode())

    assert "Fill in “Heading”: the section needs a heading." in save("<b></b>", "en")
    assert "Fyll i ”Rubrik”: avsnittet behöver en rubrik." in save("<b></b>", "sv")
    assert "The text has been saved as version 2." in save("Ny rubrik", "en")


# --- the catalogue ----------------------------------------------------------------------


@dataclass
class Entry:
    flags: set[str] = field(default_factory=set)
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def msgid(self) -> str:
        return self.fields.get("msgid", "")

    def translations(self) -> list[str]:
        return [value for key, value in sorted(self.fields.items()) if key.startswith("msgstr")]

    def mo_key(self) -> bytes:
        """The original as a .mo file stores it: context\\x04msgid\\x00plural."""
        key = self.msgid
        if "msgctxt" in self.fields:
            key = f"{self.fields['msgctxt']}\x04{key}"
        if "msgid_plural" in self.fields:
            key = f"{key}\x00{self.fields['msgid_plural']}"
        return key.encode()


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file (obsolete `#~` entries left out)."""
    entries: list[Entry] = []
    entry, current = Entry(), ""
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry.fields:
                entries.append(entry)
            entry, current = Entry(), ""
        elif line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry.fields[current] += ast.literal_eval(line)
        else:
            current, _, quoted = line.partition(" ")
            entry.fields[current] = ast.literal_eval(quoted)
    return entries


def read_mo(path: Path) -> dict[bytes, bytes]:
    """Original → translation, as stored in a GNU .mo file."""
    data = path.read_bytes()
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">"
    _, count, originals, translations = struct.unpack(order + "4I", data[4:20])

    def string(table: int, index: int) -> bytes:
        length, offset = struct.unpack(
            order + "2I", data[table + 8 * index : table + 8 * index + 8]
        )
        return data[offset : offset + length]

    return {string(originals, i): string(translations, i) for i in range(count)}


# Python placeholders, the directive of a `{{ table: key }}` and HTML tags.
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{\{ *[a-z_]+:|</?[a-z]+[^>]*>")


def test_every_message_is_translated_and_none_is_fuzzy() -> None:
    entries = read_po(PO)
    assert len(entries) > 250
    assert [e.msgid for e in entries if "fuzzy" in e.flags] == []
    messages = [e for e in entries if e.msgid]
    assert [e.msgid for e in messages if not all(e.translations())] == []
    header = entries[0].fields["msgstr"]
    assert "Language: en\n" in header and "Plural-Forms: nplurals=2; plural=(n != 1);" in header


def test_translations_keep_placeholders_and_markup() -> None:
    wrong = []
    for entry in read_po(PO):
        sources = {entry.msgid, entry.fields.get("msgid_plural", entry.msgid)}
        wanted = {tuple(sorted(PLACEHOLDER.findall(text))) for text in sources}
        for text in entry.translations() if entry.msgid else []:
            if tuple(sorted(PLACEHOLDER.findall(text))) not in wanted:
                wrong.append((entry.msgid, text))
    assert wrong == []


def test_the_compiled_catalogue_matches_the_po_file() -> None:
    """The committed .mo holds exactly the .po's translations (run compilemessages)."""
    compiled = read_mo(MO)
    expected = {
        entry.mo_key(): "\x00".join(entry.translations()).encode()
        for entry in read_po(PO)
        if "fuzzy" not in entry.flags
    }
    # msgfmt leaves the POT-Creation-Date out of the header; the plural rule must be there.
    assert b"Plural-Forms: nplurals=2; plural=(n != 1);" in compiled.pop(b"")
    expected.pop(b"")
    assert compiled == expected


def test_msgfmt_accepts_the_po_file_and_compiles_the_same(tmp_path: Path) -> None:
    require(shutil.which("msgfmt") is not None, "GNU gettext (msgfmt)")
    out = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(out), str(PO)], check=True)
    assert read_mo(out) == read_mo(MO)


def test_every_domain_label_is_in_the_catalogue() -> None:
    """The domain's Swedish labels are message ids; a new one must be listed for translation."""
    from uppsikt.domain.model import Assessment, AssignmentStatus, PeriodKind, TermOutlook
    from uppsikt.domain.workflow import Role, Status
    from uppsikt.web.labels import DOMAIN_LABELS

    for kind in (Status, Role, Assessment, TermOutlook, AssignmentStatus, PeriodKind):
        for item in kind:
            assert item.label in DOMAIN_LABELS, item


def test_statuses_and_the_assessment_scale_show_in_english(client_as: Any, report_id: int) -> None:
    page = (
        client_as("skribent")
        .get(reverse("report", args=[report_id]), HTTP_ACCEPT_LANGUAGE="en")
        .content.decode()
    )
    assert ">Draft<" in page and "Utkast<" not in page
    assert "Partly achieved" in page or "Achieved" in page
