"""The form of a month's forecast: full-year net cost and allocation as Swedish amounts in
kronor, a short comment, and the version token of the newest version it showed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from uppsikt.domain.limits import TextKind
from uppsikt.domain.money import parse_amount
from uppsikt.goals.forms import based_on_field
from uppsikt.reports.text_limits import LimitedText

AMOUNT_LENGTH = 40


class AmountField(forms.CharField):
    """Whole kronor as a person writes them: "36 830 000", "−1 200", "(500)"."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", AMOUNT_LENGTH)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")
        self.widget.attrs.setdefault("autocomplete", "off")

    def clean(self, value: Any) -> int | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return int(parse_amount(text, decimals=0))
        except ValueError as error:
            raise ValidationError(
                _("”%(field)s”: %(problem)s"), params={"field": self.label, "problem": error}
            ) from None


class ForecastForm(forms.Form):
    """One version of a month's full-year forecast."""

    month = forms.IntegerField(min_value=1, max_value=12, widget=forms.HiddenInput)
    net_cost = AmountField(
        label=_("Prognos för nettokostnad, kr"),
        help_text=_("Helårsprognos i kronor, t.ex. 36 830 000."),
        error_messages={"required": _("Skriv prognosen för nettokostnaden i kronor.")},
    )
    allocation = AmountField(
        label=_("Kommunbidrag, kr"),
        help_text=_("Årets kommunbidrag i kronor som prognosen jämförs med."),
        error_messages={"required": _("Skriv kommunbidraget i kronor.")},
    )
    comment = LimitedText(
        kind=TextKind.FORECAST_COMMENT,
        label=_("Kommentar"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Valfri. Vad förändrade prognosen?"),
    )
    based_on = based_on_field()
