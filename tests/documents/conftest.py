"""Sample documents for the renderer tests, built by hand from the model.

The sample mirrors the structure of a real Årsanalys (Malmö stad, Kommunstyrelsen
2025): summary, chapters with sections, goal assessments and financial tables, one of
them long enough to break across PDF pages.
"""

from __future__ import annotations

import pytest

from uppsikt.documents.model import (
    Align,
    AssessmentLevel,
    AssessmentMark,
    Block,
    BulletList,
    Callout,
    Cover,
    Document,
    Heading,
    Inline,
    Link,
    Paragraph,
    RowStyle,
    Table,
    TableColumn,
    TableRow,
    Text,
)

NBSP = "\u00a0"
MINUS = "\u2212"

FOOTER = "Årsanalys 2025, Kommunstyrelsen"

ASSESSMENT_LABELS = {
    AssessmentLevel.ACHIEVED: "Uppnåtts",
    AssessmentLevel.PARTLY_ACHIEVED: "Delvis uppnåtts",
    AssessmentLevel.NOT_ACHIEVED: "Ej uppnåtts",
    AssessmentLevel.EXPECTED: "Förväntas leda till önskad förflyttning",
    AssessmentLevel.NOT_EXPECTED: "Förväntas inte leda till önskad förflyttning",
    AssessmentLevel.MISSING: "Bedömning saknas",
}

LONG_TABLE_HEADER = "Statsbidrag och givare"
LONG_TABLE_ROWS = 64

HOSTILE = (
    '#import "x": * #read("/etc/passwd") ] $x$ *b* _i_ @ref <lbl> \\ /* c */ // d '
    '`raw` "q" <script>alert(1)</script> " onmouseover="x'
)


def amount(kronor_thousands: int) -> str:
    """Format tkr the way the builder does: NBSP thousands, U+2212 minus."""
    text = f"{abs(kronor_thousands):,}".replace(",", NBSP)
    return f"{MINUS}{text}" if kronor_thousands < 0 else text


def para(*inlines: Inline) -> Paragraph:
    return Paragraph(tuple(inlines))


def plain(text: str) -> Paragraph:
    return Paragraph((Text(text),))


def _operating_table() -> Table:
    columns = (
        TableColumn("Driftbudget, tkr"),
        TableColumn("Utfall", Align.RIGHT),
        TableColumn("Prognos DR", Align.RIGHT),
        TableColumn("Förändring", Align.RIGHT),
    )
    rows = (
        TableRow(("Nettokostnad", amount(-480_122), amount(-496_377), amount(16_255))),
        TableRow(("Kommunbidrag", amount(516_952), amount(510_327), amount(6_625))),
        TableRow(
            ("Resultat (budgetavvikelse)", amount(36_830), amount(13_950), amount(22_880)),
            RowStyle.TOTAL,
        ),
    )
    return Table("Budgetavvikelse, driftbudget, tkr", columns, rows, ("Beloppen är avrundade.",))


def _reasons_table() -> Table:
    columns = (
        TableColumn("Viktiga orsaker till årets resultat"),
        TableColumn("Utfall, tkr", Align.RIGHT),
    )
    rows = (
        TableRow(("Styrelsen",), RowStyle.HEADING),
        TableRow(("Arvoden, omställningsstöd och anslag", amount(14_005))),
        TableRow(
            ("Stadskontoret, kommunbidragsfinansierad verksamhet", amount(13_100)),
            RowStyle.SUBTOTAL,
        ),
        TableRow(("varav personalkostnader, främst vakanser", amount(8_551)), RowStyle.PART),
        TableRow(("varav lokalkostnader", amount(-1_036)), RowStyle.PART),
        TableRow(("varav övrigt inklusive intäkter", amount(5_585)), RowStyle.PART),
        TableRow(("Stadskontoret, solidariskt och intäktsfinansierad verksamhet", amount(9_725))),
        TableRow(("Summa budgetavvikelser", amount(36_830)), RowStyle.TOTAL),
    )
    return Table("Orsaker till årets resultat, tkr", columns, rows)


def _investment_table() -> Table:
    columns = (
        TableColumn("Investeringsram, tkr"),
        TableColumn("Utfall", Align.RIGHT),
        TableColumn("Budget", Align.RIGHT),
        TableColumn("Avvikelse", Align.RIGHT),
    )
    rows = (
        TableRow(("Allmänt investeringsutrymme", amount(14_836), amount(20_000), amount(5_164))),
        TableRow(("Beredskap", amount(793), amount(5_000), amount(4_207))),
        TableRow(("Rådhuset, möbler och inventarier", amount(5_240), amount(400), amount(-4_840))),
        TableRow(
            ("Summa investeringar", amount(20_869), amount(25_400), amount(4_531)), RowStyle.TOTAL
        ),
    )
    return Table("Investeringsredovisning, tkr", columns, rows)


def _grants_table() -> Table:
    grantors = (
        "Länsstyrelsen Skåne",
        "Migrationsverket",
        "Socialstyrelsen",
        "MSB",
        "Tillväxtverket",
    )
    columns = (
        TableColumn(LONG_TABLE_HEADER),
        TableColumn("Ändamål"),
        TableColumn("Belopp, tkr", Align.RIGHT),
    )
    rows = tuple(
        TableRow(
            (
                f"Bidrag {number:02d}, {grantors[number % len(grantors)]}",
                "Beredskap och civilt försvar" if number % 3 else "Integration och språk",
                amount(120 + number * 37),
            )
        )
        for number in range(1, LONG_TABLE_ROWS + 1)
    )
    total = sum(120 + number * 37 for number in range(1, LONG_TABLE_ROWS + 1))
    rows += (TableRow(("Summa riktade statsbidrag", "", amount(total)), RowStyle.TOTAL),)
    return Table("Riktade statsbidrag 2025, tkr", columns, rows, ("Källa: ekonomisystemet.",))


def _goal(name: str, year: AssessmentLevel, term: AssessmentLevel) -> tuple[Block, ...]:
    # Anchors are ASCII [a-z0-9-]; the builder transliterates, the sample just folds.
    slug = name.lower().translate(str.maketrans("åäö ", "aao-"))[:40]
    return (
        Heading(3, f"Kommunfullmäktigemål – {name}", f"mal-{slug}"),
        Heading(4, "Uppföljning av bidrag till kommunfullmäktigemålet", f"bidrag-{slug}"),
        plain(
            "Stadskontoret har under året samordnat arbetet med förvaltningarna och "
            "följt upp insatserna i nämndernas årsanalyser. Arbetet har fortskridit "
            "enligt plan och förväntas ge effekt under mandatperioden."
        ),
        AssessmentMark(year, ASSESSMENT_LABELS[year], "Bedömning av bidrag till målet för året"),
        plain("Bedömningen baseras på genomförda insatser och uppföljda nyckeltal."),
        AssessmentMark(term, ASSESSMENT_LABELS[term], "Bedömning av förväntad förflyttning"),
    )


def _filler(topic: str, count: int) -> tuple[Block, ...]:
    return tuple(
        plain(
            f"{topic}: kommunstyrelsen har under 2025 följt upp nämndernas och bolagens "
            "verksamheter genom ekonomiska prognoser, delårsrapporter, årsanalys och "
            "signalsystem. Dialogmöten har hållits för att fördjupa förståelsen av "
            "avvikelser och stärka återkopplingen till förvaltningarna."
        )
        for _ in range(count)
    )


def build_sample_document(marking: str = "UTKAST") -> Document:
    """A realistic Årsanalys with every block type and every assessment level."""
    blocks: list[Block] = [
        Heading(1, "Sammanfattning", "sammanfattning"),
        Callout(
            "Årets resultat i korthet",
            (
                plain("Kommunstyrelsen har uppnått sina bidrag till tio av tolv mål."),
                BulletList(
                    (
                        (Text("Överskott på "), Text(f"36{NBSP}830 tkr", bold=True), Text(".")),
                        (Text("Investeringar 15,6 Mkr av budgeterade 25 Mkr."),),
                    )
                ),
            ),
        ),
        para(
            Text("Kommunfullmäktige har för innevarande verksamhetsår riktat "),
            Text("tolv mål", bold=True),
            Text(" till kommunstyrelsen. Årsanalysen är "),
            Text("preliminär", italic=True),
            Text(" tills den fastställts. Läs mer på "),
            Link("malmo.se", "https://malmo.se/arsanalys"),
            Text(" eller mejla "),
            Link("stadskontoret", "mailto:stadskontoret@malmo.se"),
            Text("."),
        ),
        Heading(2, "Ekonomi", "ekonomi"),
        para(
            Text("Anslaget visar ett överskott på "),
            Text(f"36{NBSP}830 tkr", bold=True),
            Text(f". Rådhusets möbler överskred budgeten med {amount(-4_840)} tkr."),
        ),
        Heading(1, "Utveckling av verksamheten", "utveckling"),
        Heading(2, "Fortsatt högt remissflöde pressar organisationen", "remissflode"),
        *_filler("Remisser", 3),
        Heading(2, "Förberedelser inför rapportering enligt CSRD", "csrd"),
        *_filler("Hållbarhet", 2),
        BulletList(
            (
                (Text("Dubbel väsentlighetsanalys genomförd"),),
                (Text("Datainsamling från "), Text("helägda bolag", italic=True)),
                (Text("Granskning av revisorer planerad till 2026"),),
            )
        ),
        Heading(3, "Ordning för arbetet", "csrd-ordning"),
        BulletList(
            ((Text("Kartlägga"),), (Text("Analysera"),), (Text("Rapportera"),)),
            ordered=True,
        ),
        Heading(1, "Uppföljning av kommunfullmäktiges mål", "mal"),
        Heading(
            2, "Målområde – En attraktiv stad för arbete och hållbar tillväxt", "malomrade-tillvaxt"
        ),
        *_goal(
            "Malmö stad stärker sin regionala roll",
            AssessmentLevel.ACHIEVED,
            AssessmentLevel.EXPECTED,
        ),
        *_goal(
            "Barn och unga har goda uppväxtvillkor",
            AssessmentLevel.PARTLY_ACHIEVED,
            AssessmentLevel.EXPECTED,
        ),
        Heading(2, "Målområde – En trygg och inkluderande stad", "malomrade-trygg"),
        *_goal("Minskad brottslighet", AssessmentLevel.NOT_ACHIEVED, AssessmentLevel.NOT_EXPECTED),
        *_goal("God och likvärdig service", AssessmentLevel.MISSING, AssessmentLevel.EXPECTED),
        Heading(1, "Ekonomisk utveckling under året", "ekonomisk-utveckling"),
        Heading(2, "Budgetavvikelse", "budgetavvikelse"),
        _operating_table(),
        _reasons_table(),
        Heading(2, "Investeringsram", "investeringsram"),
        _investment_table(),
        Heading(2, "Riktade statsbidrag", "statsbidrag"),
        plain("Tabellen visar samtliga riktade statsbidrag som kommunstyrelsen tagit emot."),
        _grants_table(),
        Heading(3, "Tekniska uppgifter", "tekniskt", in_toc=False),
        plain("Bidragen redovisas i tusental kronor (tkr)."),
    ]
    cover = Cover(
        title="Årsanalys 2025",
        organisation="Kommunstyrelsen",
        municipality="Malmö stad",
        subtitle="Mandatperiod 2023–2026",
        marking=marking,
    )
    return Document(
        cover=cover,
        blocks=tuple(blocks),
        footer=FOOTER,
        metadata={"author": "Stadskontoret, Malmö stad"},
    )


def build_hostile_document() -> Document:
    """Every text slot carries markup and code that must come out as plain text."""
    evil_url = "javascript:alert(1)"
    blocks: tuple[Block, ...] = (
        Heading(1, HOSTILE, 'x" onclick="alert(1)'),
        para(Text(HOSTILE), Text(HOSTILE, bold=True), Text(HOSTILE, italic=True)),
        para(Link(HOSTILE, evil_url), Link(HOSTILE, 'https://ok.example/"><script>x</script>')),
        BulletList(((Text(HOSTILE),),)),
        BulletList(((Text(HOSTILE),),), ordered=True),
        Table(
            HOSTILE,
            (TableColumn(HOSTILE), TableColumn(HOSTILE, Align.RIGHT)),
            (
                TableRow((HOSTILE, HOSTILE)),
                TableRow((HOSTILE,), RowStyle.HEADING),
                TableRow((HOSTILE, HOSTILE), RowStyle.TOTAL),
            ),
            (HOSTILE,),
        ),
        AssessmentMark(AssessmentLevel.ACHIEVED, HOSTILE, HOSTILE),
        Callout(HOSTILE, (plain(HOSTILE),)),
        Heading(2, HOSTILE, "second"),
    )
    cover = Cover(HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE)
    return Document(
        cover=cover,
        blocks=blocks,
        lang='sv" onload="x',
        footer=HOSTILE,
        toc_title=HOSTILE,
        metadata={'x" onload="y': HOSTILE},
    )


@pytest.fixture(scope="session")
def sample_document() -> Document:
    return build_sample_document()


@pytest.fixture(scope="session")
def hostile_document() -> Document:
    return build_hostile_document()
