"""Fatal reading errors and the bounded collector of non-fatal findings."""

from __future__ import annotations

from collections import Counter

from uppsikt.sie.model import Issue

#: At most this many issues are kept per code; a file with a million unbalanced vouchers must
#: not turn the issue list into the memory hog that streaming avoids everywhere else.
MAX_ISSUES_PER_CODE = 100


class SieError(Exception):
    """The input cannot be read as SIE at all (not a SIE file, truncated checksum file, ...)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        self.message = message
        super().__init__(f"rad {line}: {message}" if line is not None else message)


class IssueLog:
    """Collects issues, keeping the first ``MAX_ISSUES_PER_CODE`` of each code."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []
        self._per_code: Counter[str] = Counter()

    def add(self, severity: str, code: str, line: int | None, message: str) -> None:
        """Record one finding; beyond the cap only the count grows."""
        self._per_code[code] += 1
        if self._per_code[code] <= MAX_ISSUES_PER_CODE:
            self.issues.append(Issue(severity, code, line, message))

    def error(self, code: str, line: int | None, message: str) -> None:
        self.add("error", code, line, message)

    def warning(self, code: str, line: int | None, message: str) -> None:
        self.add("warning", code, line, message)

    def info(self, code: str, line: int | None, message: str) -> None:
        self.add("info", code, line, message)

    def finish(self) -> list[Issue]:
        """Return the issues, with one note per code that went over the cap."""
        for code, count in self._per_code.items():
            if count > MAX_ISSUES_PER_CODE:
                severity = next(i.severity for i in self.issues if i.code == code)
                self.issues.append(
                    Issue(
                        severity,
                        code,
                        None,
                        f"Ytterligare {count - MAX_ISSUES_PER_CODE} fynd av typen {code} "
                        f"visas inte (totalt {count}).",
                    )
                )
        self._per_code.clear()
        return self.issues
