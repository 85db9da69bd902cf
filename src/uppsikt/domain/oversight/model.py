"""The nouns of the oversight that the apps store, as enums with their Swedish labels."""

from __future__ import annotations

from enum import StrEnum


class SignalLevel(StrEnum):
    """How serious a signal is; told by shape and text, never by colour alone."""

    NOTICE = "notice"
    WARNING = "warning"
    SERIOUS = "serious"

    @property
    def label(self) -> str:
        return {"notice": "Observera", "warning": "Varning", "serious": "Allvarlig"}[self.value]

    @property
    def rank(self) -> int:
        return {"notice": 1, "warning": 2, "serious": 3}[self.value]


class CompanyDocumentKind(StrEnum):
    """The documents a company sends the city each year (ägardirektivets lista)."""

    ANNUAL_REPORT = "annual_report"
    AUDIT_REPORT = "audit_report"
    BUSINESS_PLAN = "business_plan"

    @property
    def label(self) -> str:
        return {
            "annual_report": "Årsredovisning",
            "audit_report": "Revisionsberättelse",
            "business_plan": "Verksamhetsplan",
        }[self.value]


class ReminderKind(StrEnum):
    BEFORE = "before"  # N days before the deadline
    LATE = "late"  # the deadline has passed and the report is not submitted

    @property
    def label(self) -> str:
        return {"before": "Påminnelse före sista dag", "late": "Påminnelse efter sista dag"}[
            self.value
        ]


class ForecastSource(StrEnum):
    WEB = "web"
    FILE = "file"
    DEMO = "demo"

    @property
    def label(self) -> str:
        return {"web": "Webben", "file": "Prognosfil", "demo": "Demodata"}[self.value]
