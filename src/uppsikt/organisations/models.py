"""The tenant (municipality) and the organisations in it that report."""

from __future__ import annotations

from django.db import models

from uppsikt.domain.choices import choices
from uppsikt.domain.model import OrganisationKind

KEY_LENGTH = 100  # keys are short slugs; the store checks the length before writing


class Municipality(models.Model):
    """A municipality or region: every other row belongs to exactly one."""

    key = models.CharField("nyckel", max_length=KEY_LENGTH, unique=True)
    name = models.TextField("namn")
    # The oversight's rules as YAML (signal thresholds, action plan days); blank = the
    # defaults in `uppsikt/oversight/default_rules.yaml`. Read by `oversight.rules`.
    oversight_rules = models.TextField(
        "uppsiktsregler (YAML)",
        blank=True,
        help_text="Signalregler och tidsfrister som YAML. Tomt: standardreglerna.",
    )

    class Meta:
        ordering = ("key",)
        verbose_name = "kommun"
        verbose_name_plural = "kommuner"

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """A board, company or federation (or the council) that reports."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="organisations"
    )
    key = models.CharField("nyckel", max_length=KEY_LENGTH)
    name = models.TextField("namn")
    kind = models.CharField("slag", max_length=32, choices=choices(OrganisationKind))
    administration = models.TextField("förvaltning", blank=True)

    class Meta:
        ordering = ("municipality_id", "key")
        verbose_name = "organisation"
        verbose_name_plural = "organisationer"
        constraints = (
            models.UniqueConstraint(
                fields=("municipality", "key"), name="organisation_key_per_municipality"
            ),
        )

    def __str__(self) -> str:
        return self.name
