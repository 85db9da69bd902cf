"""Signals kept per period: when each first appeared, when it was last seen, when it cleared.

A signal is identified by its period, organisation, rule and subject (a goal key, a
variance row, blank for the organisation as a whole); evaluating the rules again updates
the rows and clears those no longer raised, so the history stays.
"""

from __future__ import annotations

from django.db import models

from uppsikt.domain.choices import choices
from uppsikt.domain.oversight.model import SignalLevel
from uppsikt.organisations.models import KEY_LENGTH, Organisation
from uppsikt.reports.models import PLACE_LENGTH, Period


class SignalRecord(models.Model):
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="signals")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="signals")
    rule = models.CharField("regel", max_length=KEY_LENGTH)
    subject = models.CharField("gäller", max_length=PLACE_LENGTH, blank=True)
    level = models.CharField("nivå", max_length=16, choices=choices(SignalLevel))
    message = models.TextField("signal")
    figures = models.JSONField("underlag", default=dict, blank=True)
    place = models.CharField("plats", max_length=PLACE_LENGTH, blank=True)
    first_seen = models.DateTimeField("först sedd")
    last_seen = models.DateTimeField("senast sedd")
    cleared_at = models.DateTimeField("upphörde", null=True, blank=True)

    class Meta:
        ordering = ("period_id", "organisation_id", "rule", "subject")
        verbose_name = "signal"
        verbose_name_plural = "signaler"
        constraints = (
            models.UniqueConstraint(
                fields=("period", "organisation", "rule", "subject"), name="signal_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.organisation}: {self.message}"
