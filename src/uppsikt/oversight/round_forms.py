"""Forms of the round pages: opening a round, changing an organisation's deadline.

They check what a person can get wrong and name the field (a date in the past, no
organisation chosen, reminder days that are not whole days); the actions check again.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from uppsikt.domain.model import PeriodKind
from uppsikt.domain.oversight.snapshot import OrganisationRef

TOKEN_LENGTH = 64
_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _not_past(day: date) -> date:
    if day < timezone.localdate():
        raise forms.ValidationError(_("Sista dag kan inte ligga i det förflutna."))
    return day


class OpenRoundForm(forms.Form):
    """Year, period kind, deadline, reminder days and the organisations of a new round."""

    year = forms.IntegerField(
        label=_("Verksamhetsår"),
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": _("Ange verksamhetsåret, t.ex. 2026."),
            "invalid": _("Verksamhetsåret ska vara ett årtal, t.ex. 2026."),
            "min_value": _("Verksamhetsåret ska vara ett årtal mellan 2000 och 2100."),
            "max_value": _("Verksamhetsåret ska vara ett årtal mellan 2000 och 2100."),
        },
    )
    kind = forms.ChoiceField(
        label=_("Period"),
        choices=[(kind.value, _(kind.label)) for kind in PeriodKind],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Välj delårsrapport eller årsanalys."),
            "invalid_choice": _("Okänd period: välj delårsrapport eller årsanalys."),
        },
    )
    deadline = forms.DateField(
        label=_("Sista dag att klarmarkera"),
        widget=_DATE,
        error_messages={
            "required": _("Ange sista dag."),
            "invalid": _("Ange sista dag som ett datum, ÅÅÅÅ-MM-DD."),
        },
    )
    remind_before = forms.CharField(
        label=_("Påminn dagar före sista dag"),
        initial="7, 1",
        required=False,
        help_text=_("Hela dagar, åtskilda med komma, t.ex. 7, 1. Tomt: ingen påminnelse före."),
    )
    remind_late_every = forms.IntegerField(
        label=_("Efter sista dag: påminn var n:e dag"),
        initial=3,
        min_value=0,
        max_value=365,
        help_text=_("0: ingen påminnelse efter sista dag."),
        error_messages={
            "required": _("Ange hur ofta en försenad rapport påminns om (0: aldrig)."),
            "invalid": _("Ange ett helt antal dagar, t.ex. 3."),
            "min_value": _("Ange 0 eller fler dagar."),
        },
    )
    organisations = forms.MultipleChoiceField(
        label=_("Organisationer"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Välj minst en organisation."),
            "invalid_choice": _("Okänd organisation: %(value)s."),
        },
    )

    def __init__(self, *args: Any, organisations: list[OrganisationRef], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisations"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(ref.key, ref.name) for ref in organisations]
        if not self.is_bound:
            self.initial.setdefault("organisations", [ref.key for ref in organisations])
            self.initial.setdefault("year", timezone.localdate().year)

    def clean_deadline(self) -> date:
        day = self.cleaned_data["deadline"]
        assert isinstance(day, date)
        return _not_past(day)

    def clean_remind_before(self) -> list[int]:
        text = str(self.cleaned_data.get("remind_before") or "")
        try:
            days = [int(part) for part in text.replace(" ", "").split(",") if part]
        except ValueError:
            raise forms.ValidationError(
                _("Skriv hela dagar åtskilda med komma, t.ex. 7, 1.")
            ) from None
        if any(day < 0 or day > 365 for day in days):
            raise forms.ValidationError(_("Dagarna ska vara mellan 0 och 365."))
        return days


class DeadlineForm(forms.Form):
    """One organisation's deadline in the round, with the version it was based on."""

    member = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**62)
    deadline = forms.DateField(
        label=_("Ny sista dag"),
        widget=_DATE,
        error_messages={
            "required": _("Ange ny sista dag."),
            "invalid": _("Ange sista dag som ett datum, ÅÅÅÅ-MM-DD."),
        },
    )
    based_on = forms.CharField(max_length=TOKEN_LENGTH, widget=forms.HiddenInput)

    def clean_deadline(self) -> date:
        day = self.cleaned_data["deadline"]
        assert isinstance(day, date)
        return _not_past(day)
