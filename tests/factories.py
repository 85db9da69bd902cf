"""Factories for the rows tests need beyond the demo (factory-boy), and the personas.

The personas are the demo's users (`conftest.users`): one per role, made by the same
action as `uppsikt demo`. Factories make the odd extra row: another municipality, a user
with a role there. Roles go through the `grant_role` action so that tests meet the same
constraints and audit rows as the product.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from factory.declarations import LazyAttribute, Sequence, SubFactory
from factory.django import DjangoModelFactory

from uppsikt.accounts.actions import grant_role
from uppsikt.domain.model import OrganisationKind
from uppsikt.domain.workflow import Role
from uppsikt.organisations.models import Municipality, Organisation

# The demo users, each with the role and organisation `create_demo_users` gives them.
PERSONAS = {
    "skribent": (Role.WRITER, "kommunstyrelsen"),
    "granskare": (Role.REVIEWER, None),
    "lasare": (Role.READER, "kommunstyrelsen"),
    "admin": (Role.ADMIN, None),
    "skribent-annan": (Role.WRITER, "stadsbyggnadsnamnden"),
}


class MunicipalityFactory(DjangoModelFactory[Municipality]):
    class Meta:
        model = Municipality
        django_get_or_create = ("key",)

    key = Sequence(lambda n: f"kommun{n}")
    name = LazyAttribute(lambda row: f"{row.key.capitalize()} kommun")


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation
        django_get_or_create = ("municipality", "key")

    municipality = SubFactory(MunicipalityFactory)
    key = Sequence(lambda n: f"namnd{n}")
    name = LazyAttribute(lambda row: f"Nämnd {row.key}")
    kind = OrganisationKind.BOARD.value


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = Sequence(lambda n: f"person{n}")


def user_with_role(
    role: Role,
    municipality: Municipality | None = None,
    organisation: Organisation | None = None,
    **fields: Any,
) -> User:
    """A new user with one role, given through the audited action."""
    user = UserFactory.create(**fields)
    where = municipality or (
        organisation.municipality if organisation else MunicipalityFactory.create()
    )
    grant_role(user, where, role, organisation, actor=None)
    return user
