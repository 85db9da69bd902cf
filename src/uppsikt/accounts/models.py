"""Who may do what: a user's roles, per municipality and (for writers and readers) per
organisation. Users themselves are Django's; single sign-on can add users later without
changing this table."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from uppsikt.domain.workflow import Role
from uppsikt.organisations.models import Municipality, Organisation

ROLES = tuple((item.value, item.label) for item in Role)


class Membership(models.Model):
    """One role of one user: writer for the executive board of Malmö, say.

    Reviewers and admins act for the whole municipality (no organisation); writers belong
    to one organisation; readers to one organisation or, without one, to all of them.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        null=True,
        blank=True,
        help_text=_("Tomt för granskare och administratörer (hela kommunen)."),
    )
    role = models.CharField(_("roll"), max_length=16, choices=ROLES)

    class Meta:
        ordering = ("user_id", "municipality_id", "role")
        verbose_name = _("roll")
        verbose_name_plural = _("roller")
        constraints = (
            models.UniqueConstraint(
                fields=("user", "municipality", "organisation", "role"),
                condition=models.Q(organisation__isnull=False),
                name="membership_once_per_organisation",
            ),
            models.UniqueConstraint(
                fields=("user", "municipality", "role"),
                condition=models.Q(organisation__isnull=True),
                name="membership_once_per_municipality",
            ),
            models.CheckConstraint(
                condition=~models.Q(role=Role.WRITER.value) | models.Q(organisation__isnull=False),
                name="writer_has_organisation",
            ),
            models.CheckConstraint(
                condition=~models.Q(role__in=[Role.REVIEWER.value, Role.ADMIN.value])
                | models.Q(organisation__isnull=True),
                name="reviewer_and_admin_for_whole_municipality",
            ),
        )

    def __str__(self) -> str:
        where = self.organisation or self.municipality
        return f"{self.user}: {Role(self.role).label}, {where}"
