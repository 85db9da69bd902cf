"""Amounts in templates, through the one money formatter: `{{ value|kr }}`, `|mkr`, `|pct`."""

from __future__ import annotations

from decimal import Decimal

from django import template

from uppsikt.domain.money import Unit, format_number, format_with_unit

register = template.Library()


@register.filter
def kr(kronor: int | None) -> str:
    """Whole kronor: "36 830 000"; "–" for none."""
    return "–" if kronor is None else format_number(kronor)


@register.filter
def mkr(kronor: int | None) -> str:
    """Mkr with one decimal: "516,9 Mkr"; "–" for none."""
    return "–" if kronor is None else format_with_unit(kronor, Unit.MKR, 1)


@register.filter
def pct(value: Decimal | None) -> str:
    """A percentage with one decimal and its sign: "+1,2 %"; "–" for none."""
    return "–" if value is None else f"{format_number(value, 1, plus=True)}\u00a0%"
