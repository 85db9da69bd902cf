"""Rule: no text still opens with the note of a text carried forward from the previous
report (see `domain.oversight.rounds`): the writer updates it and removes the note."""

from __future__ import annotations

from collections.abc import Iterator

from uppsikt.domain.checks.findings import Finding, Severity
from uppsikt.domain.model import Report
from uppsikt.domain.oversight.rounds import carried_places

CARRIED_RULE = "carried.untouched"


def check_carried_texts(report: Report) -> Iterator[Finding]:
    """Each text that still opens with '*Förifylld från … – uppdatera texten.*'."""
    for place, where in carried_places(report):
        yield Finding(
            CARRIED_RULE,
            Severity.WARNING,
            "Texten är förifylld från förra rapporten och inte uppdaterad. Skriv om den för "
            "den här perioden och ta bort raden ”Förifylld från …”.",
            place,
            where,
        )
