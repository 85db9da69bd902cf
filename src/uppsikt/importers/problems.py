"""The one shape of a problem that an importer found in a file: `file:line:column: message`.

Every importer (report packages, budget and forecast files, mapping files, SIE files)
reports what is wrong with a file as `Problem`s, so that the CLI, the web and the tests
show them the same way and a user always learns where to look.

Why here and not in `uppsikt.domain`: a problem is about a *file* (its name, a line, a
column), which the domain knows nothing of; the domain's own findings about a report are
`domain.checks.findings.Finding`s, placed by report location instead. Why not in
`uppsikt.sie`: that package is a standalone library and imports nothing of ours; its
`Issue`s are adapted at the boundary with `from_sie_issue`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class Severity(StrEnum):
    """How bad a problem is: an error stops the import, a warning and a note do not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file; `message` (Swedish) says what and how to fix it.

    `line` is 1-based (a spreadsheet's row number for a sheet), `column` a 1-based field
    number or a column's name; either is None when the problem is not at one place.
    """

    file: str
    line: int | None
    column: int | str | None
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        return f"{place}: {self.message}"


def sort_key(problem: Problem) -> tuple[str, int, str, str]:
    """File, then line, then column, then message: the same file always reads the same."""
    return problem.file, problem.line or 0, str(problem.column or ""), problem.message


class _Issue(Protocol):
    # The shape of `uppsikt.sie.Issue`, so that this module need not import the reader.
    @property
    def severity(self) -> str: ...
    @property
    def line(self) -> int | None: ...
    @property
    def message(self) -> str: ...


def from_sie_issue(file: str, issue: _Issue) -> Problem:
    """An issue of the SIE reader as a problem in `file` (SIE has lines, not columns)."""
    known = {severity.value for severity in Severity}
    severity = Severity(issue.severity) if issue.severity in known else Severity.ERROR
    return Problem(file, issue.line, None, issue.message, severity)
