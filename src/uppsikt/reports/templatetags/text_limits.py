"""`{% text_limit "reason" %}` and `{% text_limit_hint "reason" %}` for hand-written fields."""

from __future__ import annotations

from django import template

from uppsikt.domain.limits import LIMITS, TextKind
from uppsikt.reports.text_limits import limit_hint

register = template.Library()


@register.simple_tag
def text_limit(kind: str) -> int:
    return LIMITS[TextKind(kind)]


@register.simple_tag
def text_limit_hint(kind: str) -> str:
    return limit_hint(TextKind(kind))
