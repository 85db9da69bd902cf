"""The city-wide register of the term's budget assignments: a pure function of a
`PeriodSnapshot` (the status is what the responsible's report of the period says)."""

from __future__ import annotations

from dataclasses import dataclass

from uppsikt.domain.model import AssignmentStatus
from uppsikt.domain.oversight.snapshot import AssignmentState, OrganisationRef, PeriodSnapshot

NOT_REPORTED = "Ej redovisat"  # no report of the period says anything about it
PAST_DUE = "Återrapporteringen är försenad"
PAST_DUE_SYMBOL = "!"
DONE = (AssignmentStatus.COMPLETED, AssignmentStatus.REPORTED)


@dataclass(frozen=True)
class RegisterRow:
    assignment: AssignmentState
    area: str  # the goal area's title
    responsible: OrganisationRef | None
    co_responsible: tuple[OrganisationRef, ...]
    past_due: bool  # the report-back date has passed and it is not done

    @property
    def status_label(self) -> str:
        status = self.assignment.status
        return status.label if status else NOT_REPORTED

    @property
    def organisations(self) -> frozenset[str]:
        return frozenset([self.assignment.responsible, *self.assignment.co_responsible]) - {""}


def assignment_register(
    snapshot: PeriodSnapshot,
    areas: dict[str, str] | None = None,
    visible: set[str] | None = None,
    organisation: str | None = None,
) -> tuple[RegisterRow, ...]:
    """Every budget assignment of the term, with the goal-area titles of `areas` (key →
    title). `visible` (None: all) keeps those where a visible organisation is responsible or
    co-responsible; `organisation` keeps those of one organisation."""
    refs = {ref.key: ref for ref in snapshot.organisations}
    rows = []
    for state in snapshot.assignments:
        involved = {state.responsible, *state.co_responsible} - {""}
        if visible is not None and not involved & visible:
            continue
        if organisation is not None and organisation not in involved:
            continue
        due = state.report_back_by
        rows.append(
            RegisterRow(
                assignment=state,
                area=(areas or {}).get(state.key, ""),
                responsible=refs.get(state.responsible),
                co_responsible=tuple(refs[key] for key in state.co_responsible if key in refs),
                past_due=due is not None and due < snapshot.today and state.status not in DONE,
            )
        )
    return tuple(rows)


def register_table(rows: tuple[RegisterRow, ...]) -> tuple[list[str], list[list[str]]]:
    """Header and rows of text for the CSV and XLSX downloads."""
    header = [
        "Budgetuppdrag",
        "Målområde",
        "Ansvarig",
        "Medansvariga",
        "Status",
        "Återrapportering",
        "Återrapporteras senast",
        "Försenad",
    ]
    return header, [
        [
            row.assignment.title,
            row.area,
            row.responsible.name if row.responsible else row.assignment.responsible,
            ", ".join(ref.name for ref in row.co_responsible),
            row.status_label,
            row.assignment.report_back,
            row.assignment.report_back_by.isoformat() if row.assignment.report_back_by else "",
            "ja" if row.past_due else "",
        ]
        for row in rows
    ]
