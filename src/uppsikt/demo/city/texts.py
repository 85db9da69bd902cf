"""The demo city's texts, composed from the phrase lists: contributions, motivations,
budget assignment reports and the chapters every synthetic report has."""

from __future__ import annotations

import random

from uppsikt.demo.city import phrases
from uppsikt.demo.city.economy import TABLE_KEY
from uppsikt.demo.city.model import SYNTHETIC, YearEconomy
from uppsikt.domain.model import (
    Assessment,
    Chapter,
    ChapterKind,
    Organisation,
    OrganisationKind,
    PeriodKind,
    Section,
    TermOutlook,
)
from uppsikt.domain.money import Unit, format_with_unit

WHO = {
    OrganisationKind.EXECUTIVE_BOARD: "styrelsen",
    OrganisationKind.BOARD: "nämnden",
    OrganisationKind.COMPANY: "bolaget",
    OrganisationKind.FEDERATION: "förbundet",
}


def who(organisation: Organisation) -> str:
    return WHO.get(organisation.kind, "organisationen")


def _fill(template: str, organisation: Organisation, topic: str = "") -> str:
    name = who(organisation)
    return template.format(who=name, Who=name.capitalize(), topic=topic)


def contributions(
    rng: random.Random, organisation: Organisation, topics: tuple[tuple[str, str], ...]
) -> tuple[Section, ...]:
    """One or two headed sections, each two or three sentences."""
    sections = []
    for heading, topic in topics:
        sentences = [_fill(rng.choice(phrases.DID), organisation, topic), rng.choice(phrases.HOW)]
        if rng.random() < 0.5:
            sentences.append(rng.choice(phrases.NEXT))
        sections.append(Section(heading, " ".join(sentences)))
    return tuple(sections)


def assessment_motivation(
    rng: random.Random,
    organisation: Organisation,
    topic: str,
    assessment: Assessment,
    *,
    interim: bool,
) -> str:
    """One to three sentences: what the assessment rests on (and that it is a forecast)."""
    pool = {
        Assessment.ACHIEVED: phrases.ACHIEVED,
        Assessment.PARTLY_ACHIEVED: phrases.PARTLY,
        Assessment.NOT_ACHIEVED: phrases.NOT_ACHIEVED,
    }[assessment]
    sentences = [_fill(rng.choice(pool), organisation, topic)]
    if assessment is not Assessment.ACHIEVED:
        sentences.append(rng.choice(phrases.BECAUSE[:2]))
    if interim:
        sentences.append(phrases.INTERIM_NOTE)
    return " ".join(sentences)


def outlook_motivation(rng: random.Random, outlook: TermOutlook) -> str:
    pool = phrases.EXPECTED if outlook is TermOutlook.EXPECTED else phrases.NOT_EXPECTED
    return rng.choice(pool)


def assignment_report(rng: random.Random, organisation: Organisation) -> str:
    return _fill(rng.choice(phrases.ASSIGNMENT_REPORTS), organisation)


def synthetic_chapter(organisation: Organisation, year: int, kind: PeriodKind) -> Chapter:
    """The first chapter of every synthetic report: it says what the report is."""
    body = (
        f"Det här är ett syntetiskt exempel. {kind.label}en {year} för {organisation.name} "
        "är genererad för Uppsikts demo och beskriver ingen verklig verksamhet: texter, "
        "bedömningar och siffror är påhittade. Kommunfullmäktigemålen, målområdena och "
        "organisationerna kommer från demons exempel för Malmö stad."
    )
    return Chapter("syntetiskt-exempel", SYNTHETIC, (Section("Om rapporten", body),))


def goals_chapter(organisation: Organisation, year: int, kind: PeriodKind) -> Chapter:
    intro = (
        f"Här följer {organisation.name} upp sina bidrag till de kommunfullmäktigemål som "
        f"riktats till {who(organisation)} för {year}, ordnade efter målområde. Sist "
        "redovisas budgetuppdragen."
    )
    if kind is PeriodKind.INTERIM_REPORT:
        intro += " Bedömningarna i delårsrapporten är prognoser för helåret."
    return Chapter(
        "mal",
        "Uppföljning och bedömning av bidragen till kommunfullmäktigemålen",
        intro=intro,
        kind=ChapterKind.GOALS,
    )


def economy_chapter(economy: YearEconomy, kind: PeriodKind, *, company: bool) -> Chapter:
    """A short economy chapter around the report's economy table."""
    interim = economy.interim
    if kind is PeriodKind.INTERIM_REPORT:
        heading = "Prognos för helåret"
        deviation = interim.allocation - interim.net_cost
        lead = f"Helårsprognosen per den 31 augusti visar {_result(deviation, company)}."
    else:
        heading = "Ekonomiskt resultat"
        deviation = economy.allocation - economy.outcome
        lead = f"Årets utfall är {_result(deviation, company)}."
        change = deviation - (interim.allocation - interim.net_cost)
        word = "bättre" if change >= 0 else "sämre"
        lead += (
            f" Det är {format_with_unit(abs(change), Unit.MKR, 1)} {word} än prognosen i "
            "delårsrapporten."
        )
    body = f"{lead}\n\n{{{{ table: {TABLE_KEY} }}}}\n"
    return Chapter("ekonomi", "Ekonomisk uppföljning", (Section(heading, body),))


def _result(deviation: int, company: bool) -> str:
    amount = format_with_unit(abs(deviation), Unit.MKR, 1)
    if company:
        return f"ett resultat på {format_with_unit(deviation, Unit.MKR, 1)}"
    if deviation >= 0:
        return f"ett överskott mot kommunbidraget på {amount}"
    return f"ett underskott mot kommunbidraget på {amount}"
