"""Who sees what of the oversight pages: the whole municipality or only one's own rows.

Reviewers, admins and municipality-wide readers (the executive board's politicians) see
every organisation; a board's writers and readers see only their own organisation's rows,
and another organisation's page is 404 to them, as if it did not exist. Someone with no
role in the period's municipality gets 404 for the period itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from uppsikt.accounts.access import AnyUser
from uppsikt.accounts.models import Membership
from uppsikt.domain.workflow import Role
from uppsikt.organisations.models import Organisation
from uppsikt.reports.models import Period


@dataclass(frozen=True)
class OversightScope:
    """What one user sees of one municipality's oversight."""

    municipality_id: int
    whole: bool  # every organisation (reviewer, admin, municipality-wide reader)
    oversees: bool  # reviewer or admin: may act (open rounds, place under oversight)
    own: frozenset[int]  # organisation ids with a writer or reader role
    writes: frozenset[int]  # organisation ids with a writer role

    def sees(self, organisation_id: int) -> bool:
        return self.whole or organisation_id in self.own

    def visible_keys(self, organisations: dict[int, str]) -> set[str]:
        """The keys among `organisations` (id → key) this user sees."""
        return {key for pk, key in organisations.items() if self.sees(pk)}


def scope_for(user: AnyUser, municipality_id: int) -> OversightScope | None:
    """The user's scope in the municipality, or None without any role there."""
    if not user.is_authenticated:
        return None
    rows = list(
        Membership.objects.filter(user_id=user.pk, municipality_id=municipality_id).values_list(
            "role", "organisation_id"
        )
    )
    if not rows:
        return None
    roles = {Role(role) for role, organisation in rows if organisation is None}
    return OversightScope(
        municipality_id=municipality_id,
        whole=bool(roles),
        oversees=bool(roles & {Role.REVIEWER, Role.ADMIN}),
        own=frozenset(organisation for _, organisation in rows if organisation is not None),
        writes=frozenset(
            organisation
            for role, organisation in rows
            if organisation is not None and role == Role.WRITER.value
        ),
    )


def oversight_period(user: AnyUser, period_id: int) -> tuple[Period, OversightScope]:
    """The period and the user's scope in its municipality (404 without a role there)."""
    period = Period.objects.select_related("municipality").filter(pk=period_id).first()
    if period is None:
        raise Http404("Perioden finns inte.")
    scope = scope_for(user, period.municipality_id)
    if scope is None:
        raise Http404("Perioden finns inte.")
    return period, scope


def overseen_period(user: AnyUser, period_id: int) -> tuple[Period, OversightScope]:
    """As `oversight_period`, for reviewers and admins only (404 for everyone else)."""
    period, scope = oversight_period(user, period_id)
    if not scope.oversees:
        raise Http404("Perioden finns inte.")
    return period, scope


def visible_organisation(
    user: AnyUser, organisation_id: int
) -> tuple[Organisation, OversightScope]:
    """An organisation the user may see (404 otherwise, as if it did not exist)."""
    organisation = (
        Organisation.objects.select_related("municipality").filter(pk=organisation_id).first()
    )
    if organisation is None:
        raise Http404("Organisationen finns inte.")
    scope = scope_for(user, organisation.municipality_id)
    if scope is None or not scope.sees(organisation.pk):
        raise Http404("Organisationen finns inte.")
    return organisation, scope
