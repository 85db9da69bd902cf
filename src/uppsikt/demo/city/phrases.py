"""The phrase lists the demo city's texts are composed from. All synthetic: no sentence
here is taken from a real report."""

from __future__ import annotations

from uppsikt.demo.city import profiles as p

# Per council goal: what a contribution is about (a heading) and its subject in a sentence.
TOPICS: dict[str, tuple[tuple[str, str], ...]] = {
    p.BU: (
        ("Tidiga insatser för barn och familjer", "tidiga insatser för barn och familjer"),
        ("Fler meningsfulla fritidsaktiviteter", "meningsfulla fritidsaktiviteter för unga"),
        ("Samverkan kring barns hälsa", "samverkan kring barns hälsa"),
        ("Trygga lärmiljöer", "trygga lärmiljöer"),
    ),
    p.RNR: (
        ("Samarbete i regionen", "samarbetet med regionens kommuner"),
        ("Malmö som värdstad", "stadens roll som värdstad för möten och evenemang"),
        ("Nationella nätverk", "deltagandet i nationella nätverk"),
    ),
    p.SF: (
        ("Vägar till arbete", "insatser som leder till arbete eller studier"),
        ("Språk och yrkesutbildning", "språkstöd kombinerat med yrkesutbildning"),
        ("Arbetsmarknadsanställningar", "arbetsmarknadsanställningar i stadens verksamheter"),
    ),
    p.AN: (
        ("Enklare för företag", "service och handläggning för företag"),
        ("Attraktiva stadsmiljöer", "attraktiva och levande stadsmiljöer"),
        ("Kortare handläggningstider", "handläggningstiderna"),
    ),
    p.KN: (
        ("Minskade utsläpp från egen verksamhet", "utsläppen från den egna verksamheten"),
        ("Fossilfria transporter", "omställningen till fossilfria transporter"),
        ("Klimatsmarta inköp", "klimatkrav i upphandlingar"),
        ("Klimatanpassning", "arbetet med klimatanpassning"),
    ),
    p.HE: (
        ("Energieffektiva lokaler", "energieffektiviseringen av lokaler"),
        ("Egen elproduktion", "utbyggnaden av solceller och egen elproduktion"),
        ("Smartare energianvändning", "styrningen av energianvändningen"),
    ),
    p.FS: (
        ("Likvärdiga förutsättningar", "likvärdiga förutsättningar i alla stadsområden"),
        ("Blandade boendemiljöer", "blandade boendemiljöer"),
        ("Insatser i prioriterade områden", "insatserna i stadens prioriterade områden"),
    ),
    p.DL: (
        ("Dialog med Malmöborna", "dialogen med Malmöborna"),
        ("Mötesplatser i närområdet", "mötesplatser i närområdet"),
        ("Samverkan med civilsamhället", "samverkan med civilsamhället"),
    ),
    p.MB: (
        ("Förebyggande arbete", "det brottsförebyggande arbetet"),
        ("Trygga offentliga miljöer", "tryggheten i offentliga miljöer"),
        ("Samverkan med polisen", "samverkan med polisen och andra aktörer"),
    ),
    p.AA: (
        ("Arbetsmiljö och hälsa", "arbetsmiljön och medarbetarnas hälsa"),
        ("Heltid som norm", "arbetet med heltid som norm"),
        ("Ledarskap", "stödet till chefer och ledarskapet"),
        ("Minskad sjukfrånvaro", "insatserna för minskad sjukfrånvaro"),
    ),
    p.KF: (
        ("Kompetensutveckling", "kompetensutvecklingen av medarbetare"),
        ("Rekrytering till bristyrken", "rekryteringen till bristyrken"),
        ("Samarbete om praktikplatser", "samarbetet om praktikplatser mellan förvaltningarna"),
    ),
    p.GLS: (
        ("Tillgänglig service", "tillgängligheten i servicen"),
        ("Digitala tjänster", "utvecklingen av digitala tjänster"),
        ("Kvalitet i verksamheten", "det systematiska kvalitetsarbetet"),
        ("Kontinuitet för brukarna", "kontinuiteten för brukarna"),
    ),
}

DID = (
    "Under året har {who} fortsatt att utveckla {topic}.",
    "{Who} har arbetat vidare med {topic} enligt verksamhetsplanen.",
    "{Who} har tagit fram en handlingsplan för {topic}.",
    "Arbetet med {topic} har prioriterats under perioden.",
)
HOW = (
    "Insatserna har genomförts tillsammans med andra förvaltningar och bolag.",
    "Ett nytt arbetssätt har prövats i två verksamheter och ska nu spridas.",
    "Uppföljningen sker kvartalsvis i ledningsgruppen.",
    "Medarbetare och brukare har varit delaktiga i utformningen.",
    "Arbetet har delvis finansierats med statsbidrag.",
)
NEXT = (
    "Arbetet fortsätter nästa år.",
    "Nästa steg är att följa upp effekterna.",
    "Erfarenheterna ska användas i hela förvaltningen.",
)

ACHIEVED = (
    "De planerade insatserna har genomförts och uppföljningen visar att {topic} har "
    "utvecklats i önskad riktning.",
    "{Who} har genomfört det som planerades för året inom {topic}.",
    "Resultaten för {topic} motsvarar eller överträffar årets plan.",
)
PARTLY = (
    "Flera insatser har genomförts, men arbetet med {topic} har inte nått hela vägen.",
    "Delar av arbetet med {topic} har försenats, bland annat på grund av vakanser.",
    "{Who} har kommit en bit på väg med {topic}, men effekterna syns ännu inte fullt ut.",
)
NOT_ACHIEVED = (
    "De planerade insatserna för {topic} har inte kunnat genomföras i den omfattning som behövs.",
    "Arbetet med {topic} har fått stå tillbaka för att hantera det ekonomiska läget.",
)
INTERIM_NOTE = "Bedömningen är en prognos för helåret per den 31 augusti."
BECAUSE = (
    "Ett underskott har gjort att insatser fått skjutas upp.",
    "Svårigheter att rekrytera har påverkat takten.",
    "Samarbetet med andra aktörer har fungerat väl.",
    "Nya arbetssätt har gett effekt snabbare än väntat.",
)
EXPECTED = (
    "Med nuvarande insatser bedöms bidraget leda till önskad förflyttning under mandatperioden.",
    "Arbetet ligger i fas, och bidraget väntas ge önskad förflyttning till 2026.",
    "Om arbetet fortsätter i samma takt bedöms målet kunna nås under mandatperioden.",
)
NOT_EXPECTED = (
    "Utan ytterligare åtgärder bedöms bidraget inte leda till önskad förflyttning under "
    "mandatperioden.",
    "Det ekonomiska läget gör att bidraget inte väntas räcka för önskad förflyttning till 2026.",
)
ASSIGNMENT_REPORTS = (
    "{Who} har under perioden bidragit med underlag och deltagit i arbetsgruppen.",
    "Arbetet pågår enligt plan. {Who} ansvarar för sin del av uppdraget.",
    "En första version av förslaget har tagits fram och förankras nu med de berörda.",
    "Uppdraget har tagit mer tid än planerat; en reviderad tidplan tas fram.",
)
