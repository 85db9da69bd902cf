"""`{% oversight_url "oversight_economy" period.pk as url %}`: the address of an oversight
page of a period, or "" when no such page is installed (the nav then leaves it out)."""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def oversight_url(name: str, period_id: int) -> str:
    """The page's address, or "" when the name does not resolve."""
    try:
        return reverse(name, args=(period_id,))
    except NoReverseMatch:
        return ""
