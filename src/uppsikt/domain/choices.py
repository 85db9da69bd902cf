"""Choices for stored fields, derived from the domain's enums (never copied).

A Django field's `choices` are the enum's values with its Swedish labels, so a new member
or a changed label is made in one place, the domain.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class Labelled(Protocol):
    @property
    def value(self) -> str: ...

    @property
    def label(self) -> str: ...


def choices(members: Iterable[Labelled]) -> list[tuple[str, str]]:
    """`[(value, label), ...]` in the enum's order."""
    return [(member.value, member.label) for member in members]
