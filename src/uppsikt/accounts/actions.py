"""Changing who may do what: granting roles, and the demo users."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction

from uppsikt.accounts.models import Membership
from uppsikt.audit.actions import record
from uppsikt.audit.codes import AuditCode
from uppsikt.domain.workflow import Role
from uppsikt.organisations.models import Municipality, Organisation


def grant_role(
    user: AbstractBaseUser,
    municipality: Municipality,
    role: Role,
    organisation: Organisation | None = None,
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
) -> Membership:
    """Give `user` a role (idempotent); writers and readers of one organisation name it."""
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            user_id=user.pk, municipality=municipality, organisation=organisation, role=role.value
        )
        if created:
            record(
                actor,
                AuditCode.ROLE_GRANTED,
                municipality_id=municipality.pk,
                after={
                    "user": user.get_username(),
                    "role": role.value,
                    "organisation": organisation.key if organisation else None,
                },
            )
    return membership


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: Role
    organisation: str  # name, or "" for the whole municipality


def create_demo_users(
    municipality_key: str,
    organisation_key: str,
    other_organisation_key: str,
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
) -> list[DemoLogin]:
    """One user per role for `organisation_key` and a writer of another organisation.

    The passwords are public (they are printed and in the README): demo data only.
    Running it again resets them.
    """
    municipality = Municipality.objects.get(key=municipality_key)
    own = Organisation.objects.get(municipality=municipality, key=organisation_key)
    other = Organisation.objects.get(municipality=municipality, key=other_organisation_key)
    plan: list[tuple[str, Role, Organisation | None]] = [
        ("skribent", Role.WRITER, own),
        ("granskare", Role.REVIEWER, None),
        ("lasare", Role.READER, own),
        ("admin", Role.ADMIN, None),
        ("skribent-annan", Role.WRITER, other),
    ]
    users = get_user_model()
    logins = []
    with transaction.atomic():
        for username, role, organisation in plan:
            user, _ = users.objects.get_or_create(username=username)
            user.set_password(f"demo-{username}")
            user.is_staff = user.is_superuser = role is Role.ADMIN
            user.save()
            grant_role(user, municipality, role, organisation, actor=actor)
            name = organisation.name if organisation else ""
            logins.append(DemoLogin(username, f"demo-{username}", role, name))
    return logins
