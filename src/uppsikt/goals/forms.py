"""Forms of the goals' pages: assessments and budget assignments (the variance form is in
`economy.forms`).

Forms check what a person can get wrong and name the field; the actions check again
(and sanitise), so a request that bypasses the form cannot store anything invalid.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from uppsikt.domain.limits import TextKind
from uppsikt.domain.model import Assessment, AssignmentStatus, TermOutlook
from uppsikt.goals.actions.assignments import BODY_LABEL, assignment_token
from uppsikt.goals.actions.follow_ups import (
    FIELD_LABELS,
    AssessmentInput,
    assessment_problems,
    assessment_token,
)
from uppsikt.goals.models import BudgetAssignmentReport, GoalFollowUp
from uppsikt.reports.text_limits import LimitedText

_TEXT = {"rows": 5}
TOKEN_LENGTH = 64


def based_on_field() -> forms.CharField:
    """The hidden version token of what the form showed (see `uppsikt.domain.versions`)."""
    return forms.CharField(max_length=TOKEN_LENGTH, widget=forms.HiddenInput)


class AssessmentForm(forms.Form):
    """The assessment of one goal follow-up."""

    intro = LimitedText(
        kind=TextKind.INTRO,
        label=FIELD_LABELS["intro"],
        required=False,
        widget=forms.Textarea(attrs=_TEXT),
        help_text=_("Valfri. Markdown. Visas före bidragen till målet."),
    )
    year_assessment = forms.ChoiceField(
        label=FIELD_LABELS["year_assessment"],
        choices=[(item.value, _(item.label)) for item in Assessment],
        required=False,
        widget=forms.RadioSelect,
    )
    year_motivation = LimitedText(
        kind=TextKind.MOTIVATION,
        label=FIELD_LABELS["year_motivation"],
        required=False,
        widget=forms.Textarea(attrs=_TEXT),
        help_text=_("Krävs när du har valt en bedömning. Vad baseras bedömningen på?"),
    )
    term_outlook = forms.ChoiceField(
        label=FIELD_LABELS["term_outlook"],
        choices=[(item.value, _(item.label)) for item in TermOutlook],
        required=False,
        widget=forms.RadioSelect,
    )
    term_motivation = LimitedText(
        kind=TextKind.MOTIVATION,
        label=FIELD_LABELS["term_motivation"],
        required=False,
        widget=forms.Textarea(attrs=_TEXT),
        help_text=_("Krävs när du har valt en förväntad förflyttning."),
    )
    based_on = based_on_field()

    @classmethod
    def initial_from(cls, row: GoalFollowUp) -> dict[str, str]:
        return {
            "intro": row.intro,
            "year_assessment": row.year_assessment,
            "year_motivation": row.year_motivation,
            "term_outlook": row.term_outlook,
            "term_motivation": row.term_motivation,
            "based_on": assessment_token(row),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors:
            for field, message in assessment_problems(self._input(data)).items():
                self.add_error(field, message)
        return data

    def _input(self, data: dict[str, Any]) -> AssessmentInput:
        assessment = data.get("year_assessment") or ""
        outlook = data.get("term_outlook") or ""
        return AssessmentInput(
            year_assessment=Assessment(assessment) if assessment else None,
            year_motivation=data.get("year_motivation", ""),
            term_outlook=TermOutlook(outlook) if outlook else None,
            term_motivation=data.get("term_motivation", ""),
            intro=data.get("intro", ""),
        )

    def assessment(self) -> AssessmentInput:
        """The valid input, for `record_assessment`."""
        return self._input(self.cleaned_data)


class AssignmentForm(forms.Form):
    """The report's status and text for one budget assignment."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(item.value, _(item.label)) for item in AssignmentStatus],
        widget=forms.RadioSelect,
    )
    body = LimitedText(
        kind=TextKind.ASSIGNMENT_REPORT,
        label=BODY_LABEL,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Markdown. Beskriv hur arbetet med uppdraget har gått."),
    )
    based_on = based_on_field()

    @classmethod
    def initial_from(cls, row: BudgetAssignmentReport) -> dict[str, str]:
        return {"status": row.status, "body": row.body, "based_on": assignment_token(row)}

    def status_value(self) -> AssignmentStatus:
        return AssignmentStatus(self.cleaned_data["status"])
