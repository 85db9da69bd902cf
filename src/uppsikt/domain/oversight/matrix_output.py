"""The goals × organisations matrix as a table of text (CSV, XLSX), as JSON and as text
for a terminal. The web's downloads and `uppsikt oversight matrix` use these same
functions, so the command line gives exactly what the web gives.

The JSON shape is documented in docs/oversight-matrix.md and kept stable.
"""

from __future__ import annotations

from typing import Any

from uppsikt.domain.oversight.matrix import CellState, Counts, Matrix

TableRows = list[list[str]]


def matrix_table(matrix: Matrix) -> tuple[list[str], TableRows]:
    """Header and rows: one row per goal, one column per organisation, cell = state text."""
    header = ["Målområde", "Mål", *(ref.name for ref in matrix.organisations)]
    rows = [
        [area.title, row.goal.title, *(cell.label for cell in row.cells)]
        for area in matrix.areas
        for row in area.rows
    ]
    return header, rows


def matrix_json(matrix: Matrix) -> dict[str, Any]:
    """The matrix as plain values for `json.dumps` (see docs/oversight-matrix.md)."""
    return {
        "municipality": matrix.municipality,
        "year": matrix.year,
        "period": matrix.kind.value,
        "organisations": [
            {"key": ref.key, "name": ref.name, "kind": ref.kind.value}
            for ref in matrix.organisations
        ],
        "goal_areas": [
            {
                "key": area.key,
                "title": area.title,
                "goals": [
                    {
                        "key": row.goal.key,
                        "title": row.goal.title,
                        "cells": {
                            cell.organisation.key: {
                                "state": cell.state.value,
                                "label": cell.label,
                                "symbol": cell.symbol,
                                "report_id": cell.report_id,
                            }
                            for cell in row.cells
                        },
                    }
                    for row in area.rows
                ],
            }
            for area in matrix.areas
        ],
    }


def legend() -> str:
    return "  ".join(f"{state.symbol} {state.label}" for state in CellState)


def counts_text(counts: Counts) -> str:
    """`riktat 3: ● 1 ◐ 1 ○ 0 ? 0 ! 1` — the symbols in the legend's order."""
    return (
        f"riktat {counts.directed}: "
        f"{CellState.ACHIEVED.symbol} {counts.achieved} "
        f"{CellState.PARTLY_ACHIEVED.symbol} {counts.partly_achieved} "
        f"{CellState.NOT_ACHIEVED.symbol} {counts.not_achieved} "
        f"{CellState.NOT_ASSESSED.symbol} {counts.not_assessed} "
        f"{CellState.MISSING.symbol} {counts.missing}"
    )


def matrix_text(matrix: Matrix, *, municipality_name: str = "") -> str:
    """A terminal view: the organisations numbered, one line of symbols per goal."""
    organisations = matrix.organisations
    width = len(str(len(organisations)))
    lines = [
        f"{municipality_name or matrix.municipality}: "
        f"{matrix.kind.label.lower()} {matrix.year}, mål × organisationer",
        "",
        "Organisationer (kolumner):",
    ]
    for group in matrix.columns:
        lines.append(f"  {group.group.label}")
        for ref in group.organisations:
            number = organisations.index(ref) + 1
            lines.append(f"    {number:>{width}} {ref.name}")
    header = " ".join(f"{index + 1:>{width}}" for index in range(len(organisations)))
    for area in matrix.areas:
        lines += ["", area.title, f"  {header}"]
        for row in area.rows:
            symbols = " ".join(f"{cell.symbol:>{width}}" for cell in row.cells)
            lines.append(f"  {symbols}  {row.goal.title} ({counts_text(row.counts)})")
    lines += ["", f"Teckenförklaring: {legend()}"]
    return "\n".join(lines)
