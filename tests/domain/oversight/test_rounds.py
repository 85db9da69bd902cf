"""The pure rules of a round: carrying texts forward, the draft report, the state of an
organisation in a round and which reminder is due on a day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from uppsikt.domain.checks import run_checks
from uppsikt.domain.lacks import report_lacks
from uppsikt.domain.model import (
    Assessment,
    BudgetAssignment,
    GoalFollowUp,
    Period,
    PeriodKind,
    Report,
    Section,
    TermOutlook,
)
from uppsikt.domain.oversight.model import ReminderKind
from uppsikt.domain.oversight.rounds import (
    MemberStatus,
    carried_note,
    carried_places,
    carry,
    draft_report,
    is_carried,
    reminder_due,
)
from uppsikt.domain.workflow import Status
from uppsikt.importers.package import load_package

DEMO = Path(__file__).resolve().parents[3] / "examples" / "malmo-ks-2025"
NOTE = "*Förifylld från Årsanalys 2025 – uppdatera texten.*"


def _demo() -> Report:
    return load_package(DEMO).report


def _base(previous: Report) -> Report:
    """What an interim report 2026 asks of the executive board: the same goals."""
    goals = tuple(
        replace(goal, directed_to=((2026, goal.directed_in(2025)),))
        for goal in previous.council_goals
    )
    return replace(
        previous,
        period=Period(2026, PeriodKind.INTERIM_REPORT),
        council_goals=goals,
        goal_follow_ups=(),
        budget_assignments=tuple(
            replace(entry, report="", status=entry.status) for entry in previous.budget_assignments
        ),
        chapters=(),
        tables=(),
        title="",
    )


def test_a_carried_text_opens_with_a_note_naming_its_source() -> None:
    assert carried_note("Årsanalys 2025") == NOTE
    assert carry("Arbetet pågår.", "Årsanalys 2025") == f"{NOTE}\n\nArbetet pågår."
    assert is_carried(carry("Arbetet pågår.", "Årsanalys 2025"))
    assert not is_carried("Arbetet pågår.")


def test_nothing_to_read_is_carried_unmarked_and_marking_twice_marks_once() -> None:
    assert carry("", "Årsanalys 2025") == ""
    assert carry("{{ table: operating_result }}", "X") == "{{ table: operating_result }}"
    once = carry("Text.", "X")
    assert carry(once, "X") == once


def test_the_draft_carries_texts_marked_and_leaves_assessments_blank() -> None:
    previous = _demo()
    draft = draft_report(_base(previous), previous)
    assert draft.period == Period(2026, PeriodKind.INTERIM_REPORT)
    assert [f.goal for f in draft.goal_follow_ups] == [g.key for g in previous.directed_goals()]
    for follow_up in draft.goal_follow_ups:
        assert follow_up.year_assessment is None
        assert follow_up.term_outlook is None
        earlier = previous.follow_up(follow_up.goal)
        assert earlier is not None
        if earlier.year_motivation:
            assert follow_up.year_motivation.startswith(NOTE)
            assert earlier.year_motivation.strip() in follow_up.year_motivation
        for section in follow_up.contributions:
            assert section.body.startswith(NOTE) or not section.body.strip()
    carried = [c for c in draft.chapters if c.sections]
    assert carried and all(
        s.body.startswith(NOTE) for c in carried for s in c.sections if "Malmö" in s.body
    )
    for entry in draft.budget_assignments:
        assert entry.report.startswith(NOTE)


def test_the_drafts_tables_keep_the_layout_without_last_periods_figures() -> None:
    previous = _demo()
    draft = draft_report(_base(previous), previous)
    assert [t.key for t in draft.tables] == [t.key for t in previous.tables]
    for table in draft.tables:
        assert [r.key for r in table.rows] == [r.key for r in previous.table(table.key).rows]
        assert all(not row.cells for row in table.rows)


def test_without_a_previous_report_the_draft_has_the_standard_outline() -> None:
    previous = _demo()
    draft = draft_report(_base(previous), None)
    assert [c.key for c in draft.chapters] == ["sammanfattning", "mal", "ekonomi"]
    assert [t.key for t in draft.tables] == ["operating_result"]
    assert not carried_places(draft)


def test_untouched_carried_texts_are_flagged_by_the_checks_and_the_lacks() -> None:
    previous = _demo()
    draft = draft_report(_base(previous), previous)
    result = run_checks(draft)
    flagged = [f for f in result.findings if f.rule == "carried.untouched"]
    assert len(flagged) == len(carried_places(draft)) > 0
    lacks = report_lacks(draft, result.findings)
    assert lacks.carried_texts == len(flagged)
    assert not lacks.complete


def test_an_updated_text_is_no_longer_flagged() -> None:
    follow_up = GoalFollowUp(
        "g",
        contributions=(Section("Bidrag", carry("Gammal text.", "X")),),
        year_assessment=Assessment.ACHIEVED,
        year_motivation="Ny motivering.",
        term_outlook=TermOutlook.EXPECTED,
        term_motivation=carry("Gammal.", "X"),
    )
    report = replace(_demo(), goal_follow_ups=(follow_up,), chapters=(), budget_assignments=())
    assert [place for place, _ in carried_places(report)] == [
        "follow_up:g/section:0",
        "follow_up:g/outlook",
    ]
    updated = replace(
        follow_up, contributions=(Section("Bidrag", "Ny text."),), term_motivation="Ny."
    )
    assert carried_places(replace(report, goal_follow_ups=(updated,))) == []


def test_the_assignment_status_is_carried_with_its_text() -> None:
    entry = BudgetAssignment("a", "Uppdrag", "area", "ks", report="")
    previous = replace(entry, report="Klart.", status=entry.status.COMPLETED)
    base = replace(_demo(), budget_assignments=(entry,))
    draft = draft_report(base, replace(_demo(), budget_assignments=(previous,)))
    assert draft.budget_assignments[0].status is entry.status.COMPLETED


# --- status and reminders -------------------------------------------------------------

DEADLINE = date(2026, 2, 15)


def _member(status: Status, today: date) -> MemberStatus:
    return MemberStatus(1, "ks", "KS", "board", 1, DEADLINE, status, None, today)


def test_days_left_and_late() -> None:
    assert _member(Status.DRAFT, date(2026, 2, 10)).days_left == 5
    assert not _member(Status.DRAFT, DEADLINE).late  # the deadline day itself is in time
    assert _member(Status.DRAFT, date(2026, 2, 16)).late
    assert _member(Status.DRAFT, date(2026, 2, 16)).days_left == -1
    assert not _member(Status.SUBMITTED, date(2026, 2, 20)).late
    assert not _member(Status.APPROVED, date(2026, 2, 20)).late


def test_reminders_before_the_deadline_on_the_days_asked_for() -> None:
    due = {
        day: reminder_due(DEADLINE, DEADLINE - timedelta(days=day), (7, 1), 3)
        for day in range(0, 10)
    }
    assert {day for day, kind in due.items() if kind is ReminderKind.BEFORE} == {7, 1}
    assert reminder_due(DEADLINE, DEADLINE, (0,), 3) is ReminderKind.BEFORE


def test_late_reminders_the_day_after_and_then_every_n_days() -> None:
    late = [
        days
        for days in range(1, 12)
        if reminder_due(DEADLINE, DEADLINE + timedelta(days=days), (7, 1), 3) is ReminderKind.LATE
    ]
    assert late == [1, 4, 7, 10]
    assert reminder_due(DEADLINE, DEADLINE + timedelta(days=1), (7, 1), 0) is None


@given(st.integers(min_value=-400, max_value=400), st.integers(min_value=0, max_value=30))
def test_a_reminder_before_is_never_due_after_the_deadline_nor_late_before_it(
    offset: int, every: int
) -> None:
    today = DEADLINE + timedelta(days=offset)
    kind = reminder_due(DEADLINE, today, (7, 1), every)
    if offset > 0:
        assert kind in (ReminderKind.LATE, None)
    else:
        assert kind in (ReminderKind.BEFORE, None)
