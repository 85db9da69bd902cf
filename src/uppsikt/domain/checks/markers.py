"""Markers (`{{ table: key }}`, `{{ generated: key }}`) that name nothing the report has.

A typo in a marker would otherwise pass unnoticed: the document leaves the line out and
the export refuses the package. The markers are read with the one grammar
(`uppsikt.domain.markdown`) that the documents and the package loader use, so the check
sees exactly what the builder sees; a `{{ … }}` line of no accepted form (`{{ tabell: x }}`)
is reported too, with the forms that work.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from uppsikt.domain.checks.findings import Finding, Severity
from uppsikt.domain.markdown import MalformedDirective, directives, malformed_directives
from uppsikt.domain.model import Report
from uppsikt.domain.summaries import GENERATORS

GENERATED_KEYS = tuple(GENERATORS)


@dataclass(frozen=True)
class UnknownMarker:
    """A marker whose key is not among the `known` keys of its kind."""

    kind: str  # "table" or "generated"
    key: str
    known: tuple[str, ...]

    @property
    def marker(self) -> str:
        return f"{{{{ {self.kind}: {self.key} }}}}"


def unknown_markers(body: str, table_keys: Iterable[str]) -> list[UnknownMarker]:
    """The markers of `body` that name no table of `table_keys` and no generated text."""
    known = {"table": tuple(sorted(table_keys)), "generated": GENERATED_KEYS}
    return [
        UnknownMarker(marker.kind, marker.key, known[marker.kind])
        for marker in directives(body)
        if marker.key not in known[marker.kind]
    ]


def malformed_markers(body: str) -> list[MalformedDirective]:
    """The lines of `body` that look like markers but follow none of the accepted forms."""
    return malformed_directives(body)


def describe_malformed(marker: MalformedDirective) -> str:
    """Why a `{{ … }}` line is no marker, in Swedish, with the forms that are."""
    return (
        f"Raden ”{marker.text}” ser ut som en markering men följer ingen av formerna "
        "”{{ table: nyckel }}” och ”{{ generated: nyckel }}” (på en egen rad, nyckeln med "
        "små bokstäver, siffror, _ och -). Rätta raden eller ta bort den."
    )


def describe(marker: UnknownMarker) -> str:
    """What is wrong, in Swedish, with the keys that would work."""
    what = "tabell" if marker.kind == "table" else "genererad text"
    known = ", ".join(marker.known) if marker.known else "inga"
    listing = "Tabellerna som finns" if marker.kind == "table" else "De genererade texterna"
    return (
        f"Markeringen ”{marker.marker}” hänvisar till en {what} som inte finns. Rätta "
        f"nyckeln; {listing}: {known}."
    )


def _texts(report: Report) -> Iterator[tuple[str, str, str]]:
    """(place, where, Markdown) of every text the document builder reads markers in."""
    for chapter in report.chapters:
        yield f"chapter:{chapter.key}", f"{chapter.title}, inledning", chapter.intro
        for index, section in enumerate(chapter.sections):
            where = f"{chapter.title} – {section.heading}"
            yield f"chapter:{chapter.key}/section:{index}", where, section.body
    titles = {goal.key: goal.title for goal in report.council_goals}
    for follow_up in report.goal_follow_ups:
        place, title = f"follow_up:{follow_up.goal}", titles.get(follow_up.goal, follow_up.goal)
        yield place, f"Mål ”{title}”, inledning", follow_up.intro
        for index, section in enumerate(follow_up.contributions):
            yield f"{place}/section:{index}", f"Mål ”{title}” – {section.heading}", section.body
        yield f"{place}/assessment", f"Mål ”{title}”, bedömning", follow_up.year_motivation
        yield f"{place}/outlook", f"Mål ”{title}”, förflyttning", follow_up.term_motivation
    for assignment in report.budget_assignments:
        where = f"Budgetuppdrag ”{assignment.title[:60]}”"
        yield f"budget_assignment:{assignment.key}", where, assignment.report


def check_markers(report: Report) -> Iterator[Finding]:
    """An error for every marker that names a table or generated text the report lacks,
    and for every `{{ … }}` line that is no marker."""
    table_keys = [table.key for table in report.tables]
    for place, where, body in _texts(report):
        for malformed in malformed_markers(body):
            message = describe_malformed(malformed)
            yield Finding("markers.unknown", Severity.ERROR, message, place, where)
        for marker in unknown_markers(body, table_keys):
            yield Finding("markers.unknown", Severity.ERROR, describe(marker), place, where)
