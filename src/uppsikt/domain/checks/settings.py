"""Check settings, from a report's `settings` with documented defaults."""

from __future__ import annotations

from dataclasses import dataclass

from uppsikt.domain.model import Report

DEFAULT_EXPLANATION_THRESHOLD_KR = 500_000
DEFAULT_LIX_THRESHOLD = 50


@dataclass(frozen=True)
class CheckSettings:
    explanation_threshold_kr: int = DEFAULT_EXPLANATION_THRESHOLD_KR
    lix_threshold: int = DEFAULT_LIX_THRESHOLD

    @classmethod
    def for_report(cls, report: Report, **overrides: int | None) -> CheckSettings:
        """Settings from the report, overridden by explicit (e.g. command-line) values."""
        values = {
            "explanation_threshold_kr": report.settings.get(
                "explanation_threshold_kr", DEFAULT_EXPLANATION_THRESHOLD_KR
            ),
            "lix_threshold": report.settings.get("lix_threshold", DEFAULT_LIX_THRESHOLD),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
