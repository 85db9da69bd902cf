"""Saving a section's text: every save is a version, and no save overwrites another's.

The writer's form carries the number of the version it was based on. A save based on
anything but the latest version is refused with `EditConflict`, which holds both texts
so that the writer can merge them; nothing is written then.

Versions begin when a text is first saved from the web: version 1 is then the text as
imported (origin "import"). When a report is imported again after web edits, the stored
text no longer matches the latest version; the next save records the imported text as
a version of its own first, so history and conflict checks see what the writer saw.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from uppsikt.accounts.access import AnyUser, roles_for
from uppsikt.audit.actions import JsonValue, record
from uppsikt.audit.codes import AuditCode
from uppsikt.documents.sanitise import clean_markdown
from uppsikt.domain.checks.markers import UnknownMarker, malformed_markers, unknown_markers
from uppsikt.domain.limits import TextKind
from uppsikt.domain.workflow import Action, Status, WorkflowError, decide
from uppsikt.economy.models.figures import FigureTable
from uppsikt.reports.actions.workflow import locked_state
from uppsikt.reports.models import Report, Section, SectionVersion
from uppsikt.reports.places import section_row
from uppsikt.reports.revision import bump_revision
from uppsikt.reports.text_limits import length_problems

ORIGIN_WEB = "web"
ORIGIN_IMPORT = "import"


class InvalidText(ValueError):
    """Input that breaks a rule; `problems` maps each field to what is wrong with it."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = problems


class EditConflict(Exception):
    """The text was saved by someone else after the writer opened it."""

    def __init__(self, theirs: SectionVersion, heading: str, body: str) -> None:
        super().__init__(
            _("Texten har sparats av någon annan (version %(number)d) sedan du öppnade den.")
            % {"number": theirs.number}
        )
        self.theirs = theirs  # the latest version (not stored when it is the import)
        self.heading = heading  # what the writer submitted
        self.body = body


@dataclass(frozen=True)
class CleanText:
    heading: str
    body: str


def clean_section_text(heading: str, body: str) -> CleanText:
    """Heading and body as they would be stored: sanitised, the heading on one line;
    InvalidText when the heading is empty afterwards or a text is over its limit."""
    clean_heading = " ".join(clean_markdown(heading).split())
    clean_body = clean_markdown(body).strip("\n")
    problems = length_problems(
        {
            "heading": (TextKind.HEADING, _("Rubrik"), clean_heading),
            "body": (TextKind.SECTION_BODY, _("Text"), clean_body),
        }
    )
    if not clean_heading:
        problems["heading"] = _("Fyll i ”Rubrik”: avsnittet behöver en rubrik.")
    if problems:
        raise InvalidText(problems)
    return CleanText(clean_heading, clean_body)


def marker_problem(report: Report, body: str) -> str:
    """What is wrong with the body's `{{ table: … }}`/`{{ generated: … }}` markers ("" when
    each names a table of the report or a generated text and no `{{ … }}` line is of
    another form), with the keys or the forms that work."""
    keys = FigureTable.objects.filter(report=report).values_list("key", flat=True)
    malformed = [
        _(
            "Raden ”%(line)s” ser ut som en markering men följer ingen av formerna "
            "”{{ table: nyckel }}” och ”{{ generated: nyckel }}” (på en egen rad, nyckeln med "
            "små bokstäver, siffror, _ och -). Rätta raden eller ta bort den."
        )
        % {"line": marker.text}
        for marker in malformed_markers(body)
    ]
    return " ".join([*malformed, *(_describe(marker) for marker in unknown_markers(body, keys))])


def _describe(marker: UnknownMarker) -> str:
    known = ", ".join(marker.known) or "–"
    if marker.kind == "table":
        message = _(
            "Markeringen ”%(marker)s” hänvisar till en tabell som inte finns. Rätta nyckeln; "
            "tabellerna som finns: %(known)s."
        )
    else:
        message = _(
            "Markeringen ”%(marker)s” hänvisar till en genererad text som inte finns. Rätta "
            "nyckeln; de genererade texterna: %(known)s."
        )
    return message % {"marker": marker.marker, "known": known}


def latest_version(report_id: int, place: str, row: Section) -> SectionVersion:
    """The version the stored text is: the latest saved one, or, when there is none or the
    text was imported since, an unsaved version of origin "import" numbered after it."""
    latest = (
        SectionVersion.objects.filter(report_id=report_id, place=place)
        .select_related("author")
        .order_by("-number")
        .first()
    )
    if latest is not None and (latest.heading, latest.body) == (row.heading, row.body):
        return latest
    return SectionVersion(
        report_id=report_id,
        place=place,
        number=latest.number + 1 if latest else 1,
        heading=row.heading,
        body=row.body,
        origin=ORIGIN_IMPORT,
    )


def section_versions(report_id: int, place: str) -> list[SectionVersion]:
    """Every version of the text at `place`, oldest first, ending with the stored text
    (as an unsaved import version when it was never saved from the web); an empty list
    when the report has no section there."""
    row = section_row(report_id, place)
    if row is None:
        return []
    versions = list(
        SectionVersion.objects.filter(report_id=report_id, place=place)
        .select_related("author")
        .order_by("number")
    )
    current = latest_version(report_id, place, row)
    if current.pk is None:
        versions.append(current)
    return versions


def save_section(
    report_id: int,
    place: str,
    *,
    actor: AnyUser,
    heading: str,
    body: str,
    base_version: int,
) -> SectionVersion:
    """Save the text at `place` as a new version and return it (the latest version when
    nothing changed). WorkflowError when the actor may not edit the report now,
    EditConflict when `base_version` is not the latest, InvalidText for an empty heading
    or a marker that names no table or generated text,
    Section.DoesNotExist when the report has no section at `place`."""
    text = clean_section_text(heading, body)
    with transaction.atomic():
        report = Report.objects.select_related("organisation__municipality", "period").get(
            pk=report_id
        )
        state = locked_state(report)
        decision = decide(Action.EDIT, roles_for(actor, report.organisation), Status(state.status))
        if not decision.allowed:
            raise WorkflowError(decision.reason)
        found = section_row(report_id, place)
        if found is None:
            raise Section.DoesNotExist(f"Rapporten har inget avsnitt {place}.")
        row = Section.objects.select_for_update().get(pk=found.pk)
        current = latest_version(report_id, place, row)
        if base_version != current.number:
            raise EditConflict(current, text.heading, text.body)
        # A marker that names nothing would drop out of the document and break the export.
        problem = marker_problem(report, text.body)
        if problem:
            raise InvalidText({"body": problem})
        if (text.heading, text.body) == (row.heading, row.body):
            return current
        if current.pk is None:
            current.save()
        before: dict[str, JsonValue] = {"heading": row.heading, "body": row.body}
        row.heading, row.body = text.heading, text.body
        row.save(update_fields=["heading", "body"])
        version = SectionVersion.objects.create(
            report=report,
            place=place,
            number=current.number + 1,
            heading=text.heading,
            body=text.body,
            author_id=actor.pk,
            origin=ORIGIN_WEB,
        )
        bump_revision(report)
        record(
            actor,
            AuditCode.SECTION_SAVED,
            report=report,
            place=place,
            before=before,
            after={"heading": text.heading, "body": text.body},
        )
    return version
