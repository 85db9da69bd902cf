"""What the city office stores across organisations: comments, reporting rounds and their
reminders, signals kept per period, special oversight cases, and the yearly company review."""

from uppsikt.oversight.models.cases import SpecialOversight, SpecialOversightEntry
from uppsikt.oversight.models.comments import Comment
from uppsikt.oversight.models.companies import CompanyDocument, CompanyReview
from uppsikt.oversight.models.rounds import Reminder, ReportingRound, RoundMember
from uppsikt.oversight.models.signals import SignalRecord

__all__ = [
    "Comment",
    "CompanyDocument",
    "CompanyReview",
    "Reminder",
    "ReportingRound",
    "RoundMember",
    "SignalRecord",
    "SpecialOversight",
    "SpecialOversightEntry",
]
