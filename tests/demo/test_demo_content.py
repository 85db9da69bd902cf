"""The demo package holds what the seed holds: goal areas, goals, assessments, headings."""

from __future__ import annotations

from uppsikt.domain.model import Assessment, ChapterKind, Report, TermOutlook
from uppsikt.domain.summaries import assessment_summary, economy_summary

from .conftest import normalise

SEED_CHAPTERS = [
    "Sammanfattning",
    "Utveckling av verksamheten",
    "Uppföljning av arbetet med prioriteringar",
    "Uppföljning av kommunstyrelsens uppsiktsplikt",
    "Utvecklingsarbete för att stärka det systematiska arbetet med mänskliga rättigheter",
    "Uppföljning och bedömning av bidragen till kommunfullmäktigemålen",
    "Ekonomisk utveckling under året",
    "Förväntad utveckling kommande år",
    "Resultaträkning",
    "Riktade statsbidrag och övriga bidrag",
    "Sammanfattande redogörelse för uppföljning av privata utförare",
    "Särskild fråga från kommunstyrelsen",
]


def test_chapters_in_the_seed_order(demo: Report) -> None:
    assert [chapter.title for chapter in demo.chapters] == SEED_CHAPTERS
    assert [c.kind for c in demo.chapters].count(ChapterKind.GOALS) == 1


def test_six_goal_areas_and_twelve_goals_directed_to_the_board(demo: Report) -> None:
    assert len(demo.goal_areas) == 6
    directed = demo.directed_goals()
    assert len(directed) == 12
    assert [g.key for g in directed] == [f.goal for f in demo.goal_follow_ups]


def test_goal_titles_and_headings_are_the_seeds(demo: Report, seed_text: str) -> None:
    folded = seed_text.casefold()
    for area in demo.goal_areas:
        assert normalise(area.title) in seed_text, area.title
    for goal in demo.council_goals:
        assert normalise(goal.title) in seed_text, goal.title
    for follow_up in demo.goal_follow_ups:
        for section in follow_up.contributions:
            assert normalise(section.heading) in seed_text, section.heading
    for chapter in demo.chapters:
        for section in chapter.sections:  # the seed writes some of these in capitals
            assert normalise(section.heading).casefold() in folded, section.heading


def test_assessments_as_in_the_seed(demo: Report) -> None:
    assessments = [f.year_assessment for f in demo.goal_follow_ups]
    assert assessments.count(Assessment.ACHIEVED) == 10
    partly = [
        demo.goal(f.goal).title
        for f in demo.goal_follow_ups
        if f.year_assessment is Assessment.PARTLY_ACHIEVED
    ]
    assert partly == [
        "Malmö stad arbetar för att ge barn och unga goda uppväxtvillkor",
        "Malmö stad arbetar för stärkt delaktighet och ökad social sammanhållning genom "
        "lokal utveckling samt goda och tillgängliga livsmiljöer i hela staden",
    ]
    assert all(f.term_outlook is TermOutlook.EXPECTED for f in demo.goal_follow_ups)
    assert all(f.year_motivation and f.term_motivation for f in demo.goal_follow_ups)


def test_four_budget_assignments(demo: Report) -> None:
    assert len(demo.budget_assignments) == 4
    assert all(a.report for a in demo.budget_assignments)


def test_generated_summaries_say_what_the_seed_says(demo: Report) -> None:
    assessment = " ".join(assessment_summary(demo))
    assert "tio av de tolv målen har uppnåtts och två delvis har uppnåtts." in assessment
    assert "goda uppväxtvillkor" in assessment and "lokal utveckling" in assessment
    economy = normalise(" ".join(economy_summary(demo)))
    assert "överskott på 36,8 Mkr" in economy
    assert "styrelsen 14,0 Mkr" in economy
    assert "15,6 Mkr av en budget på 25,0 Mkr" in economy


def test_texts_are_rewritten_not_pasted(demo: Report, seed_text: str) -> None:
    """No sentence of twelve words or more is copied from the seed's prose."""
    copied = []
    for chapter in demo.chapters:
        for section in chapter.sections:
            for sentence in normalise(section.body).split(". "):
                if len(sentence.split()) >= 12 and sentence in seed_text:
                    copied.append(sentence)
    for follow_up in demo.goal_follow_ups:
        for text in [s.body for s in follow_up.contributions] + [follow_up.year_motivation]:
            for sentence in normalise(text).split(". "):
                if len(sentence.split()) >= 12 and sentence in seed_text:
                    copied.append(sentence)
    assert copied == []
