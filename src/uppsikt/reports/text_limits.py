"""The length limits of `uppsikt.domain.limits` as people meet them: a hint next to the
field, `maxlength` on it, and an error that names the field and the limit.

Forms use `LimitedText`; actions call `length_problems` again, so that a request that
bypasses the form cannot store a text that is too long either.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext as _

from uppsikt.domain.limits import LIMITS, TextKind, is_too_long, text_length


def limit_text(kind: TextKind) -> str:
    """The limit as the language writes numbers: "4 000" in Swedish."""
    return number_format(LIMITS[kind], force_grouping=True)


def limit_hint(kind: TextKind) -> str:
    return _("Högst %(limit)s tecken.") % {"limit": limit_text(kind)}


limit_hint_lazy = lazy(limit_hint, str)


def too_long_message(label: str, kind: TextKind, text: str) -> str:
    return _("Korta ”%(field)s” till högst %(limit)s tecken (nu %(count)s).") % {
        "field": label,
        "limit": limit_text(kind),
        "count": number_format(text_length(text), force_grouping=True),
    }


def length_problems(texts: Mapping[str, tuple[TextKind, str, str]]) -> dict[str, str]:
    """Field → message for each text over its limit; `texts` maps each field to its
    kind, label and text."""
    return {
        field: too_long_message(label, kind, text)
        for field, (kind, label, text) in texts.items()
        if is_too_long(kind, text)
    }


class LimitedText(forms.CharField):
    """A text field with the limit of its kind: hint, `maxlength` and a named error."""

    def __init__(self, *, kind: TextKind, **kwargs: Any) -> None:
        self.kind = kind
        help_text = kwargs.get("help_text")
        hint = limit_hint_lazy(kind)
        kwargs["help_text"] = format_lazy("{} {}", help_text, hint) if help_text else hint
        super().__init__(**kwargs)

    @property
    def limit(self) -> int:
        return LIMITS[self.kind]

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        if not widget.is_hidden:
            attrs["maxlength"] = str(self.limit)
        return attrs

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value and is_too_long(self.kind, str(value)):
            raise ValidationError(
                too_long_message(str(self.label), self.kind, str(value)), code="max_length"
            )
