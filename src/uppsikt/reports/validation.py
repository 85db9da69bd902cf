"""Check, before anything is written, that a domain report can be stored as it is.

The database would refuse most of these too, but half-way through and with a message
about constraints; here every problem is listed at once and names its place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from uppsikt.domain.model import Report, Section
from uppsikt.economy.figures_store import table_problems
from uppsikt.organisations.models import KEY_LENGTH

_YEARS = range(1, 10_000)
_LEVELS = range(1, 7)  # Markdown heading levels


class InvalidReport(ValueError):
    """The report cannot be stored; the message lists each problem on a line of its own."""


def check_storable(report: Report) -> None:
    """Raise `InvalidReport` listing every problem that keeps `report` from being stored."""
    problems = list(_problems(report))
    if problems:
        raise InvalidReport("Rapporten kan inte sparas:\n" + "\n".join(f"- {p}" for p in problems))


def _problems(report: Report) -> Iterator[str]:
    municipality = report.municipality
    organisations = {o.key for o in municipality.organisations}
    areas = {a.key for a in report.goal_areas}
    goals = {g.key for g in report.council_goals}

    yield from _keys("kommunen", [municipality.key])
    yield from _keys("organisationen", [o.key for o in municipality.organisations])
    yield from _keys("målområdet", [a.key for a in report.goal_areas])
    yield from _keys("kommunfullmäktigemålet", [g.key for g in report.council_goals])
    yield from _keys("måluppföljningen av", [f.goal for f in report.goal_follow_ups])
    yield from _keys("budgetuppdraget", [b.key for b in report.budget_assignments])
    yield from _keys("kapitlet", [c.key for c in report.chapters])
    yield from _keys("tabellen", [t.key for t in report.tables])

    if report.organisation not in organisations:
        yield f"rapportens organisation {report.organisation!r} finns inte bland organisationerna"
    if report.term.start_year not in _YEARS or report.term.end_year < report.term.start_year:
        yield f"mandatperioden {report.term.label} är ingen period av år"
    if report.period.year not in _YEARS:
        yield f"verksamhetsåret {report.period.year} är inget år"

    for goal in report.council_goals:
        where = f"kommunfullmäktigemålet {goal.key!r}"
        if goal.goal_area not in areas:
            yield f"{where}: målområdet {goal.goal_area!r} finns inte"
        years = [year for year, _ in goal.directed_to]
        if len(set(years)) < len(years):
            yield f"{where}: ett år står flera gånger i directed_to"
        for year, keys in goal.directed_to:
            if year not in _YEARS:
                yield f"{where}: {year} är inget år"
            if len(set(keys)) < len(keys):
                yield f"{where}: samma organisation står flera gånger för {year}"
            yield from _unknown(f"{where}, {year}", organisations, keys)

    for follow_up in report.goal_follow_ups:
        where = f"måluppföljningen av {follow_up.goal!r}"
        if follow_up.goal not in goals:
            yield f"{where}: målet finns inte bland kommunfullmäktigemålen"
        yield from _sections(where, follow_up.contributions)

    for assignment in report.budget_assignments:
        where = f"budgetuppdraget {assignment.key!r}"
        if assignment.goal_area not in areas:
            yield f"{where}: målområdet {assignment.goal_area!r} finns inte"
        yield from _unknown(where, organisations, (assignment.responsible,))
        yield from _unknown(where, organisations, assignment.co_responsible)
        if len(set(assignment.co_responsible)) < len(assignment.co_responsible):
            yield f"{where}: samma medansvariga organisation står flera gånger"

    for chapter in report.chapters:
        yield from _sections(f"kapitlet {chapter.key!r}", chapter.sections)
    for table in report.tables:
        yield from table_problems(table)
    for name, value in report.settings.items():
        if not isinstance(name, str) or isinstance(value, bool) or not isinstance(value, int):
            yield f"inställningen {name!r}: värdet {value!r} ska vara ett heltal"


def _keys(what: str, keys: list[str]) -> Iterator[str]:
    seen: set[str] = set()
    for key in keys:
        if not key or len(key) > KEY_LENGTH:
            yield f"{what} {key!r}: en nyckel ska ha 1–{KEY_LENGTH} tecken"
        elif key in seen:
            yield f"{what} {key!r} finns två gånger; nycklar ska vara unika"
        seen.add(key)


def _unknown(where: str, known: set[str], keys: Iterable[str]) -> Iterator[str]:
    for key in keys:
        if key not in known:
            yield f"{where}: organisationen {key!r} finns inte bland organisationerna"


def _sections(where: str, sections: tuple[Section, ...]) -> Iterator[str]:
    for section in sections:
        if section.level not in _LEVELS:
            heading = section.heading
            yield f"{where}, avsnittet {heading!r}: rubriknivån {section.level} ska vara 1–6"
