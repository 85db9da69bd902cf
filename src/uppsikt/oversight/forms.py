"""Forms of special oversight and the company review. Forms catch what a person can get
wrong (a missing field, a date that is no date) and name the field; the actions check the
rules again, so nothing invalid is stored through any way in."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from uppsikt.domain.limits import TextKind
from uppsikt.domain.oversight.cases import CASE_NUMBER_EXAMPLE
from uppsikt.domain.oversight.model import CompanyDocumentKind
from uppsikt.goals.forms import based_on_field
from uppsikt.oversight.models.cases import CASE_NUMBER_LENGTH
from uppsikt.reports.text_limits import LimitedText

YES_NO = (("ja", _("Ja")), ("nej", _("Nej")))


def date_field(label: Any, **kwargs: Any) -> forms.DateField:
    """A date as a date picker sends it (2025-03-31), with a message naming the field."""
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "invalid": _("Skriv datumet som åååå-mm-dd, t.ex. 2025-03-31."),
            "required": _("Fyll i datumet."),
        },
        **kwargs,
    )


def case_number_field(label: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=CASE_NUMBER_LENGTH,
        help_text=_("T.ex. %(example)s.") % {"example": CASE_NUMBER_EXAMPLE},
        error_messages={"required": _("Skriv ärendenumret, t.ex. STK-2025-1363.")},
    )


class CaseForm(forms.Form):
    """The decision that places an organisation under special oversight."""

    reason = LimitedText(
        kind=TextKind.REASON,
        label=_("Skäl"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Skriv skälet till beslutet.")},
    )
    case_number = case_number_field(_("Ärendenummer"))
    decided_on = date_field(_("Beslutsdatum"))
    action_plan_due = date_field(
        _("Handlingsplan senast"),
        required=False,
        help_text=_("Lämna tomt för kommunens standardfrist efter beslutet."),
    )


class ActionPlanForm(forms.Form):
    text = LimitedText(
        kind=TextKind.ASSIGNMENT_REPORT,
        label=_("Handlingsplan"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Skriv eller klistra in handlingsplanen.")},
    )
    received_on = date_field(_("Handlingsplanen inkom"))


class FollowUpForm(forms.Form):
    month = date_field(_("Månad"), help_text=_("Vilken dag som helst i månaden som följs upp."))
    body = LimitedText(
        kind=TextKind.ASSIGNMENT_REPORT,
        label=_("Uppföljning"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Skriv uppföljningen.")},
    )


class CloseForm(forms.Form):
    closed_on = date_field(_("Avslutad"))
    closing_case_number = case_number_field(_("Ärendenummer för avslut"))
    closing_motivation = LimitedText(
        kind=TextKind.REASON,
        label=_("Motivering för avslut"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Skriv varför ärendet avslutas.")},
    )


class CompanyDocumentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Dokument"),
        choices=[(kind.value, _(kind.label)) for kind in CompanyDocumentKind],
        error_messages={"required": _("Välj vilket dokument som har kommit in.")},
    )
    received_on = date_field(_("Inkom"))
    reference = forms.CharField(label=_("Diarienummer eller länk"), required=False, max_length=200)


class CompanyReviewForm(forms.Form):
    """The executive board's decision on one company's year (6 kap. 10 §)."""

    consistent_with_purpose = forms.ChoiceField(
        label=_("Har verksamheten varit förenlig med det kommunala ändamålet?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Svara ja eller nej om det kommunala ändamålet.")},
    )
    within_powers = forms.ChoiceField(
        label=_("Har verksamheten bedrivits inom de kommunala befogenheterna?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Svara ja eller nej om de kommunala befogenheterna.")},
    )
    motivation = LimitedText(
        kind=TextKind.MOTIVATION,
        label=_("Motivering"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Krävs när något av svaren är nej."),
    )
    basis = LimitedText(
        kind=TextKind.MOTIVATION,
        label=_("Underlag"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Vilka dokument beslutet bygger på, t.ex. årsredovisning och revisionsberättelse."
        ),
    )
    case_number = case_number_field(_("Ärendenummer"))
    decided_on = date_field(_("Beslutsdatum"))
    based_on = based_on_field()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        answers = (data.get("consistent_with_purpose"), data.get("within_powers"))
        if "nej" in answers and not (data.get("motivation") or "").strip():
            self.add_error(
                "motivation", _("Skriv en motivering: den krävs när något av svaren är nej.")
            )
        return data
