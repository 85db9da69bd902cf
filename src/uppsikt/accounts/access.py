"""A user's roles for an organisation's data: the only way views learn what a user may do."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q

from uppsikt.accounts.models import Membership
from uppsikt.domain.workflow import Role
from uppsikt.organisations.models import Organisation

AnyUser = AbstractBaseUser | AnonymousUser


def roles_for(user: AnyUser, organisation: Organisation) -> frozenset[Role]:
    """The roles `user` holds for `organisation`: its own and the municipality-wide ones."""
    if not user.is_authenticated:
        return frozenset()
    rows = Membership.objects.filter(
        Q(organisation=organisation) | Q(organisation__isnull=True),
        user_id=user.pk,
        municipality_id=organisation.municipality_id,
    ).values_list("role", flat=True)
    return frozenset(Role(role) for role in rows)


def visible_organisations(user: AnyUser) -> list[Organisation]:
    """Every organisation whose reports `user` may at least read."""
    if not user.is_authenticated:
        return []
    memberships = Membership.objects.filter(user_id=user.pk)
    whole = memberships.filter(organisation__isnull=True).values("municipality_id")
    own = memberships.filter(organisation__isnull=False).values("organisation_id")
    return list(
        Organisation.objects.filter(Q(municipality_id__in=whole) | Q(pk__in=own))
        .select_related("municipality")
        .order_by("municipality__name", "name")
    )


def overseen_municipalities(user: AnyUser) -> list[int]:
    """Ids of the municipalities `user` reviews or administers (all their organisations)."""
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(
            user_id=user.pk,
            organisation__isnull=True,
            role__in=[Role.REVIEWER.value, Role.ADMIN.value],
        )
        .values_list("municipality_id", flat=True)
        .distinct()
    )
