"""Forms for texts and comments. They check shape only; the actions sanitise and decide,
so a request that bypasses the form cannot store anything unsafe.

Each field's hint and errors are tied to its input with `aria-describedby` (hint id
`<field id>_hint`, error list `<field id>_errors`), and a field with errors is marked
`aria-invalid`, so screen readers announce them with the field.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from uppsikt.domain.limits import TextKind
from uppsikt.reports.text_limits import LimitedText, limit_hint_lazy


class DescribedForm(forms.Form):
    """A form whose fields point at their hint and error list."""

    hints: ClassVar[dict[str, Any]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            hint = self.hints.get(name, "")
            if isinstance(field, LimitedText):
                limit = limit_hint_lazy(field.kind)
                hint = format_lazy("{} {}", hint, limit) if hint else limit
            field.hint = hint  # type: ignore[attr-defined]
            self._describe(name)

    def _describe(self, name: str) -> None:
        bound = self[name]
        ids = []
        if getattr(self.fields[name], "hint", ""):
            ids.append(f"{bound.auto_id}_hint")
        if self.is_bound and self.errors.get(name):
            ids.append(f"{bound.auto_id}_errors")
            self.fields[name].widget.attrs["aria-invalid"] = "true"
        if ids:
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.fields:
            self._describe(name)

    def add_error(self, field: str | None, error: Any) -> None:
        super().add_error(field, error)
        if field in self.fields:
            self._describe(field)


class SectionForm(DescribedForm):
    heading = LimitedText(kind=TextKind.HEADING, label=_("Rubrik"))
    body = LimitedText(
        kind=TextKind.SECTION_BODY,
        label=_("Text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "true", "lang": "sv"}),
    )
    base_version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    hints: ClassVar[dict[str, Any]] = {
        "body": _(
            "Markdown: tom rad mellan stycken, **fet**, *kursiv*, "
            "”- ” först på raden för en punktlista, ”1. ” för en numrerad lista, "
            "[länktext](https://adress). Tabeller infogas med {{ table: nyckel }} på en egen "
            "rad. HTML tas bort när texten sparas."
        ),
    }


class CommentForm(DescribedForm):
    # A prefix keeps the ids apart from the section form's on the same page.
    prefix = "comment"

    body = LimitedText(
        kind=TextKind.COMMENT,
        label=_("Ny kommentar"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    hints: ClassVar[dict[str, Any]] = {
        "body": _("Vanlig text. Kommentaren syns för alla som kan läsa rapporten."),
    }
