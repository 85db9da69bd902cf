"""What a check reports: a finding with a severity, a Swedish message and a place."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"  # the report is wrong: figures that do not add up, a missing assessment
    WARNING = "warning"  # probably wrong or incomplete: a text amount that differs from a table
    NOTE = "note"  # worth a look: a rounding difference, an amount that cannot be verified

    @property
    def label(self) -> str:
        return {"error": "Fel", "warning": "Varning", "note": "Notering"}[self.value]

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "note": 2}[self.value]


@dataclass(frozen=True)
class Finding:
    """One result of one rule. `place` is machine-readable (`table:x/row:y`), `where` is for
    people ("Resultaträkning, rad Resultat")."""

    rule: str
    severity: Severity
    message: str
    place: str
    where: str
