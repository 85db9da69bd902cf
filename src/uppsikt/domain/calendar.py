"""The Swedish names of the months, as documents and pages write them (lower case)."""

from __future__ import annotations

MONTH_NAMES = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
# As a chart's axis writes them.
MONTH_ABBREVIATIONS = tuple(name[:3] if name != "maj" else name for name in MONTH_NAMES)
