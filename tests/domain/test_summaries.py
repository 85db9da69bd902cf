from dataclasses import replace

from uppsikt.domain.model import Assessment, GoalFollowUp
from uppsikt.domain.summaries import assessment_summary, economy_summary, number_word
from uppsikt.domain.tables import Column, RowRole

from .factory import report, table


def test_assessment_summary_counts_and_names_the_goals_not_fully_achieved() -> None:
    text = " ".join(assessment_summary(report()))
    assert "riktat två mål" in text
    assert "bidragen till ett av de två målen har uppnåtts och ett delvis har uppnåtts." in text
    assert "”Barn och unga har goda villkor”" in text  # the partly achieved one is named
    assert "”Staden är klimatneutral”" not in text
    assert "samtliga mål förväntas leda till önskad förflyttning" in text


def test_assessment_summary_follows_the_data() -> None:
    base = report()
    worse = tuple(replace(f, year_assessment=Assessment.NOT_ACHIEVED) for f in base.goal_follow_ups)
    text = " ".join(assessment_summary(replace(base, goal_follow_ups=worse)))
    assert "noll av de två målen har uppnåtts och två inte har uppnåtts." in text
    missing = (GoalFollowUp("g2"),)
    text = " ".join(assessment_summary(replace(base, goal_follow_ups=missing)))
    assert "Bedömning saknas för" in text


def test_economy_summary_is_computed_from_tables() -> None:
    operating = table(
        "operating_result",
        [
            ("net_cost", {"actual": "-480 122"}, RowRole.ITEM, ()),
            ("allocation", {"actual": "516 952"}, RowRole.ITEM, ()),
            ("result", {}, RowRole.TOTAL, ("net_cost", "allocation")),  # not stated: computed
        ],
        columns=(Column("actual", "Utfall"),),
    )
    investments = table(
        "investments",
        [
            ("general", {"actual": "14 836", "budget": "20 000"}, RowRole.ITEM, ()),
            ("preparedness", {"actual": "793", "budget": "5 000"}, RowRole.ITEM, ()),
            ("total", {}, RowRole.TOTAL, ("general", "preparedness")),
        ],
    )
    text = " ".join(economy_summary(report(tables=(operating, investments))))
    assert "kommunbidrag uppgår till 517,0\u00a0Mkr" in text
    assert "överskott på 36,8\u00a0Mkr" in text
    assert "15,6\u00a0Mkr av en budget på 25,0\u00a0Mkr" in text


def test_number_words() -> None:
    assert [number_word(n) for n in (0, 1, 10, 12)] == ["noll", "ett", "tio", "tolv"]
    assert number_word(42) == "42"
