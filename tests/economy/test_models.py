"""Storage encodings: the objects key and öre."""

from __future__ import annotations

from decimal import Decimal

import pytest

from uppsikt.economy.models.ledger import (
    canonical_objects,
    kronor,
    objects_key,
    ore,
    parse_objects_key,
)


@pytest.mark.parametrize(
    ("objects", "key"),
    [
        ((), ""),
        ((("6", "INV01"), ("1", "SK01")), "1=SK01;6=INV01"),
        ((("10", "X"), ("6", "P"), ("20", "Y")), "6=P;10=X;20=Y"),  # numeric order
        ((("1", "a;b=c\\d"),), "1=a\\;b\\=c\\\\d"),
        ((("1", ""), ("1", "A")), "1=;1=A"),
    ],
)
def test_objects_key_is_canonical_and_reversible(
    objects: tuple[tuple[str, str], ...], key: str
) -> None:
    canonical = canonical_objects(objects)

    assert objects_key(canonical) == key
    assert parse_objects_key(key) == canonical


def test_ore_and_kronor_are_exact() -> None:
    assert ore(Decimal("1234.50")) == 123450
    assert ore(Decimal("-0.01")) == -1
    assert ore(Decimal("0.005")) == 0  # half to even, below one öre
    assert kronor(123450) == Decimal("1234.50")
    assert str(kronor(-1)) == "-0.01"
    assert kronor(10**20) == Decimal("1000000000000000000.00")
