"""The mapping kept as data: round trip, default, validation, isolation, admin."""

from __future__ import annotations

import pytest
from django.test import Client

from uppsikt.domain.economy.model import AccountRule, Financing, Mapping, ObjectRule
from uppsikt.economy.errors import InvalidMapping, UnknownMunicipality
from uppsikt.economy.mapping_store import (
    default_mapping,
    has_own_mapping,
    load_mapping,
    save_mapping,
)
from uppsikt.economy.models.ledger import AccountRange, ObjectMapping
from uppsikt.organisations.models import Municipality

FULL = Mapping(
    account_rules=(
        AccountRule("3000", "3499", "other_income"),
        AccountRule("3500", "3599", "grants"),
        AccountRule("3000", "3999", "ignore"),  # overlaps: order decides
    ),
    object_rules=(
        ObjectRule(
            "20",
            "1100",
            name="Stadsdirektör",
            budget_area="stadsdirektor",
            financing=Financing.ALLOCATION_FUNDED,
            appropriation="projekt-och-utredningar",
            investment=None,
            organisation="kommunstyrelsen",
        ),
        ObjectRule("6", "P1", investment="forskola-aby", financing=Financing.CHARGE_FUNDED),
        ObjectRule("20", "1200"),
    ),
    cost_centre_dimension="20",
    project_dimension="6",
)


@pytest.mark.django_db
def test_a_saved_mapping_loads_back_equal(municipality: Municipality) -> None:
    save_mapping("exempel", FULL, actor=None)

    assert load_mapping("exempel") == FULL
    assert has_own_mapping("exempel")


@pytest.mark.django_db
def test_saving_again_replaces_the_rules(municipality: Municipality) -> None:
    save_mapping("exempel", FULL, actor=None)
    smaller = Mapping(account_rules=(AccountRule("5000", "5999", "salaries"),))

    save_mapping("exempel", smaller, actor=None)

    assert load_mapping("exempel") == smaller
    assert AccountRange.objects.count() == 1
    assert not ObjectMapping.objects.exists()


@pytest.mark.django_db
def test_without_a_stored_mapping_the_default_is_used(municipality: Municipality) -> None:
    assert not has_own_mapping("exempel")
    assert load_mapping("exempel") == default_mapping()


def test_the_default_is_the_packaged_kommun_bas_mapping() -> None:
    mapping = default_mapping()

    assert isinstance(mapping, Mapping)
    assert mapping.line_for("5011") == "salaries"  # class 5 is personnel in Kommun-Bas


@pytest.mark.django_db
def test_mappings_do_not_leak_between_municipalities(
    municipality: Municipality, other_municipality: Municipality
) -> None:
    save_mapping("exempel", FULL, actor=None)

    assert load_mapping("annan") == default_mapping()


@pytest.mark.django_db
def test_an_invalid_mapping_is_refused_with_every_problem(municipality: Municipality) -> None:
    bad = Mapping(
        account_rules=(
            AccountRule("3000", "3999", "income"),
            AccountRule("59x", "5000", "salaries"),
            AccountRule("5999", "5000", "salaries"),
        ),
        object_rules=(ObjectRule("", "SK01"),),
    )

    with pytest.raises(InvalidMapping) as raised:
        save_mapping("exempel", bad, actor=None)

    message = str(raised.value)
    assert "kontoregel 1 (3000–3999): raden 'income' finns inte" in message
    assert "kontoregel 2 (59x–5000): kontona ska vara siffror" in message
    assert "kontoregel 3 (5999–5000): första kontot är större än det sista" in message
    assert "objektregel 1 (:SK01)" in message
    assert not AccountRange.objects.exists()


def test_an_unknown_municipality_is_an_error(db: None) -> None:
    with pytest.raises(UnknownMunicipality):
        load_mapping("finns-inte")


@pytest.mark.django_db
def test_the_mapping_is_editable_in_the_admin(
    municipality: Municipality, admin_client: Client
) -> None:
    save_mapping("exempel", FULL, actor=None)

    for model in ("accountrange", "objectmapping", "ledgermapping", "ledgerfile"):
        response = admin_client.get(f"/admin/economy/{model}/")
        assert response.status_code == 200, model
    rule = AccountRange.objects.get(position=1)
    response = admin_client.get(f"/admin/economy/accountrange/{rule.pk}/change/")
    assert response.status_code == 200
    assert "Bidrag" in response.content.decode()
