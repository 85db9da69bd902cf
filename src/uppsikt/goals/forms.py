"""Forms of the workflow pages: assessments, budget assignments, variance explanations.

Forms check what a person can get wrong and name the field; the actions check again
(and sanitise), so a request that bypasses the form cannot store anything invalid.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from uppsikt.domain.lacks import VarianceRow
from uppsikt.domain.limits import TextKind
from uppsikt.domain.model import Assessment, AssignmentStatus, TermOutlook
from uppsikt.economy.actions.variances import Explanation, explanation_token
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


def variance_field(row: VarianceRow) -> str:
    """The form field name of a row's explanation."""
    return f"{row.table}/{row.row}"


def variance_token_field(row: VarianceRow) -> str:
    """The form field name of the version token of a row's explanation (without a "/",
    which marks the explanations themselves)."""
    return f"based_on:{row.table}:{row.row}"


def variance_initial(rows: list[VarianceRow]) -> dict[str, str]:
    """The form's initial values: each row's stored text and its token."""
    initial: dict[str, str] = {}
    for row in rows:
        initial[variance_field(row)] = row.explanation
        initial[variance_token_field(row)] = explanation_token(row.explanation)
    return initial


class VarianceForm(forms.Form):
    """One explanation per budget-area row whose variance needs one, each with the token
    of the text it showed."""

    def __init__(self, rows: list[VarianceRow], *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", variance_initial(rows))
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            self.fields[variance_field(row)] = LimitedText(
                kind=TextKind.VARIANCE_EXPLANATION,
                label=_("Förklaring till avvikelsen för %(label)s") % {"label": row.label},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[variance_token_field(row)] = based_on_field()

    def pairs(self) -> list[tuple[VarianceRow, forms.BoundField, forms.BoundField]]:
        """Each row with its bound text field and token field, in table order."""
        return [
            (row, self[variance_field(row)], self[variance_token_field(row)]) for row in self.rows
        ]

    def explanations(self) -> list[Explanation]:
        return [
            Explanation(
                row.table,
                row.row,
                row.text_column,
                self.cleaned_data[variance_field(row)],
                self.cleaned_data[variance_token_field(row)],
            )
            for row in self.rows
        ]
