"""``inspect()``: read a file only to learn what it holds, and ways to show the result
(``uppsikt sie inspect``)."""

from __future__ import annotations

from typing import Any

from uppsikt.sie.model import Summary
from uppsikt.sie.reader import SieFile
from uppsikt.sie.source import Source

_SEVERITY = {"error": "Fel", "warning": "Varning", "info": "Info"}


def inspect(source: Source, *, encoding: str | None = None) -> Summary:
    """Read a file without keeping its items and return what was found. Memory stays flat
    however large the file is; SieError if it is not SIE at all."""
    with SieFile(source, encoding=encoding) as f:
        return f.scan()


def summary_as_dict(summary: Summary) -> dict[str, Any]:
    """The summary as JSON-ready data."""
    return {
        "name": summary.name,
        "file_type": summary.file_type,
        "encoding": summary.encoding,
        "declared_format": summary.declared_format,
        "line_ending": summary.line_ending,
        "checksum": summary.checksum,
        "lines": summary.lines,
        "vouchers": summary.vouchers,
        "transactions": summary.transactions,
        "unbalanced_vouchers": summary.unbalanced_vouchers,
        "balances": summary.balances,
        "label_counts": dict(summary.label_counts),
        "unknown_labels": dict(summary.unknown_labels),
        "issues": [
            {"severity": i.severity, "code": i.code, "line": i.line, "message": i.message}
            for i in summary.issues
        ],
    }


def format_summary(summary: Summary) -> str:
    """The summary as Swedish text, one issue per line as ``file:line``."""
    name = summary.name or "filen"
    lines = [
        f"{name}: SIE typ {summary.file_type}, teckenkodning {summary.encoding} "
        f"(#FORMAT {summary.declared_format or 'saknas'}), radslut {summary.line_ending}, "
        f"{summary.lines} rader",
        f"  Kontrollsumma (#KSUMMA): {summary.checksum}",
        f"  Verifikationer: {summary.vouchers}, transaktioner: {summary.transactions}, "
        f"obalanserade: {summary.unbalanced_vouchers}, saldoposter: {summary.balances}",
        "  Poster: "
        + ", ".join(f"#{label} {n}" for label, n in sorted(summary.label_counts.items())),
    ]
    for issue in summary.issues:
        where = f"{name}:{issue.line}" if issue.line else name
        lines.append(
            f"  {_SEVERITY.get(issue.severity, issue.severity):<8} {where}  {issue.message}"
        )
    return "\n".join(lines)
