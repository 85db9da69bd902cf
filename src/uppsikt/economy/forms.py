"""The form of the variance explanations: one text per row that needs one, each with the
version token of the text it was based on."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from uppsikt.domain.lacks import VarianceToExplain
from uppsikt.domain.limits import TextKind
from uppsikt.economy.actions.variances import Explanation, explanation_token
from uppsikt.goals.forms import based_on_field
from uppsikt.reports.text_limits import LimitedText


def variance_field(row: VarianceToExplain) -> str:
    """The form field name of a row's explanation."""
    return f"{row.table}/{row.row}"


def variance_token_field(row: VarianceToExplain) -> str:
    """The form field name of the version token of a row's explanation (without a "/",
    which marks the explanations themselves)."""
    return f"based_on:{row.table}:{row.row}"


def variance_initial(rows: list[VarianceToExplain]) -> dict[str, str]:
    """The form's initial values: each row's stored text and its token."""
    initial: dict[str, str] = {}
    for row in rows:
        initial[variance_field(row)] = row.explanation
        initial[variance_token_field(row)] = explanation_token(row.explanation)
    return initial


class VarianceForm(forms.Form):
    """One explanation per budget-area row whose variance needs one, each with the token
    of the text it showed."""

    def __init__(self, rows: list[VarianceToExplain], *args: Any, **kwargs: Any) -> None:
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

    def pairs(self) -> list[tuple[VarianceToExplain, forms.BoundField, forms.BoundField]]:
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
