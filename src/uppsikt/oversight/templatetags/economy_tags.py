"""Template helpers of the economy pages: amounts in tkr and percentages the one Swedish
way (`domain.money`), month names, and links to pages other parts may add."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.urls import NoReverseMatch, reverse

from uppsikt.domain.calendar import MONTH_NAMES
from uppsikt.domain.money import NBSP, Unit, format_amount, format_number

register = template.Library()


@register.filter
def tkr(kronor: int | None) -> str:
    """'36 830' (tkr, no-break spaces, minus sign); '–' when there is no amount."""
    return "–" if kronor is None else format_amount(kronor, Unit.TKR)


@register.filter
def percent(value: Decimal | None) -> str:
    """'−1,3 %' with one decimal; '–' when there is none (an allocation of 0)."""
    return "–" if value is None else f"{format_number(value, 1)}{NBSP}%"


@register.filter
def month_name(month: int | None) -> str:
    return "–" if not month else MONTH_NAMES[month - 1]


@register.simple_tag
def optional_url(name: str, *args: object) -> str:
    """The address of `name`, or "" while no view of that name exists (yet)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


# A signal's level by shape as well as by its text (never colour alone).
LEVEL_SHAPES = {"notice": "◇", "warning": "▲", "serious": "■"}


@register.filter
def level_shape(level: object) -> str:
    return LEVEL_SHAPES.get(str(level), "")
