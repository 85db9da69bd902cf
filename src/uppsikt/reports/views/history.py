"""History: the versions of a section with a word diff of any two, and the interim report
set against the annual analysis of the same organisation and year, section by section.

Everyone who may read the report may read its history.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from uppsikt.domain.diff import Segment, has_changes, word_diff
from uppsikt.domain.model import PeriodKind
from uppsikt.reports.access import access_report
from uppsikt.reports.actions.sections import section_versions
from uppsikt.reports.models import Report, Section
from uppsikt.reports.views.sections import section_context, section_or_404


def _number(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@login_required
@require_GET
def section_history(request: HttpRequest, report_id: int, place: str) -> HttpResponse:
    """Every version of a section; `?a=N&b=M` shows what changed from version N to M."""
    access = access_report(request.user, report_id)
    row = section_or_404(report_id, place)
    versions = section_versions(report_id, place)
    by_number = {version.number: version for version in versions}
    a, b = _number(request.GET.get("a")), _number(request.GET.get("b"))
    asked = "a" in request.GET or "b" in request.GET
    compared: dict[str, Any] | None = None
    problem = ""
    if asked:
        if a in by_number and b in by_number and a is not None and b is not None:
            older, newer = by_number[a], by_number[b]
            compared = {
                "older": older,
                "newer": newer,
                "heading_diff": word_diff(older.heading, newer.heading),
                "body_diff": word_diff(older.body, newer.body),
            }
            compared["same"] = not (
                has_changes(compared["heading_diff"]) or has_changes(compared["body_diff"])
            )
        else:
            problem = _("Välj två versioner som finns i listan.")
    numbers = [version.number for version in versions]
    default_a = numbers[-2] if len(numbers) > 1 else (numbers[0] if numbers else None)
    context = {
        "access": access,
        "report_row": access.report,
        "place": place,
        "section": row,
        "section_context": section_context(row),
        "versions": list(reversed(versions)),
        "selected_a": a if a in by_number else default_a,
        "selected_b": b if b in by_number else (numbers[-1] if numbers else None),
        "compared": compared,
        "problem": problem,
        "nav": "home",
    }
    return render(request, "reports/section_history.html", context, status=400 if problem else 200)


@dataclass(frozen=True)
class SectionPair:
    """A section of the annual analysis and its counterpart in the interim report."""

    context: str
    heading: str
    status: str  # same | changed | only_annual | only_interim
    segments: list[Segment]
    place: str = ""  # the annual report's place, for a link


@dataclass(frozen=True)
class _Found:
    group: tuple[str, str]  # ("chapter", key) or ("follow_up", goal key)
    context: str
    heading: str
    body: str
    place: str


def _sections(report_id: int) -> list[_Found]:
    """The report's sections in document order, chapters first, with their places."""
    found: list[_Found] = []
    rows = (
        Section.objects.filter(chapter__report_id=report_id)
        .select_related("chapter")
        .order_by("chapter__position", "position", "pk")
    )
    counters: dict[tuple[str, str], int] = {}
    for row in rows:
        assert row.chapter is not None
        group = ("chapter", row.chapter.key)
        index = counters.get(group, 0)
        counters[group] = index + 1
        place = f"chapter:{row.chapter.key}/section:{index}"
        found.append(_Found(group, row.chapter.title, row.heading, row.body, place))
    goal_rows = (
        Section.objects.filter(follow_up__report_id=report_id)
        .select_related("follow_up__goal")
        .order_by("follow_up__position", "position", "pk")
    )
    for row in goal_rows:
        assert row.follow_up is not None
        group = ("follow_up", row.follow_up.goal.key)
        index = counters.get(group, 0)
        counters[group] = index + 1
        place = f"follow_up:{row.follow_up.goal.key}/section:{index}"
        found.append(_Found(group, row.follow_up.goal.title, row.heading, row.body, place))
    return found


def _key(found: _Found) -> tuple[str, str, str]:
    return (*found.group, " ".join(found.heading.casefold().split()))


def compare_sections(interim_id: int, annual_id: int) -> list[SectionPair]:
    """The annual analysis's sections, each matched by chapter (or goal) and heading with
    the interim report's, in the annual order; interim-only sections come last."""
    interim = {_key(found): found for found in _sections(interim_id)}
    pairs: list[SectionPair] = []
    for found in _sections(annual_id):
        earlier = interim.pop(_key(found), None)
        if earlier is None:
            pairs.append(
                SectionPair(
                    found.context,
                    found.heading,
                    "only_annual",
                    [("insert", found.body)],
                    found.place,
                )
            )
            continue
        segments = word_diff(earlier.body, found.body)
        status = "changed" if has_changes(segments) else "same"
        pairs.append(SectionPair(found.context, found.heading, status, segments, found.place))
    pairs.extend(
        SectionPair(found.context, found.heading, "only_interim", [("delete", found.body)])
        for found in interim.values()
    )
    return pairs


@login_required
@require_GET
def compare_periods(request: HttpRequest, report_id: int) -> HttpResponse:
    """The same organisation's interim report and annual analysis of one year, side by side."""
    access = access_report(request.user, report_id)
    report = access.report
    other_kind = (
        PeriodKind.ANNUAL_ANALYSIS
        if report.period.kind == PeriodKind.INTERIM_REPORT
        else PeriodKind.INTERIM_REPORT
    )
    other = (
        Report.objects.filter(
            organisation=report.organisation,
            period__municipality_id=report.period.municipality_id,
            period__year=report.period.year,
            period__kind=other_kind,
        )
        .select_related("period", "organisation")
        .first()
    )
    pairs: list[SectionPair] = []
    interim = annual = None
    if other is not None:
        access_report(request.user, other.pk)  # same organisation, but ask anyway
        interim, annual = (
            (other, report) if other_kind == PeriodKind.INTERIM_REPORT else (report, other)
        )
        pairs = compare_sections(interim.pk, annual.pk)
    context = {
        "access": access,
        "report_row": report,
        "other": other,
        "interim": interim,
        "annual": annual,
        "annual_is_this": annual is not None and annual.pk == report.pk,
        "pairs": pairs,
        "changed": sum(1 for pair in pairs if pair.status != "same"),
        "nav": "home",
    }
    return render(request, "reports/compare_periods.html", context)
