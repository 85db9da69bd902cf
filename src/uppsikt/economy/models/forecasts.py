"""Each organisation's economy over the year as the oversight follows it: the monthly
full-year forecasts (kept as versions) and the year's outcome against the allocation.

Amounts are whole kronor of net cost (nettokostnad, costs minus income, positive) and
allocation (kommunbidrag); a deviation is allocation minus net cost, negative = deficit.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from uppsikt.domain.choices import choices
from uppsikt.domain.oversight.model import ForecastSource
from uppsikt.organisations.models import Organisation


class Forecast(models.Model):
    """One version of an organisation's full-year forecast made in a month.

    Every save is a new row; the newest row of an (organisation, year, month) is the
    forecast, the older ones its history.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="forecasts"
    )
    year = models.PositiveSmallIntegerField("år")
    month = models.PositiveSmallIntegerField("månad")  # 1-12: the month the forecast is made
    net_cost = models.BigIntegerField("prognos nettokostnad, kr")
    allocation = models.BigIntegerField("kommunbidrag, kr")
    comment = models.TextField("kommentar", blank=True)
    source = models.CharField(
        "källa", max_length=16, choices=choices(ForecastSource), default=ForecastSource.WEB.value
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("sparad", auto_now_add=True)

    class Meta:
        ordering = ("organisation_id", "year", "month", "id")
        verbose_name = "prognos"
        verbose_name_plural = "prognoser"
        indexes = (
            models.Index(fields=("organisation", "year", "month"), name="forecast_org_year_month"),
        )
        constraints = (
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12), name="forecast_month_1_12"
            ),
        )

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}-{self.month:02d}"


class Outcome(models.Model):
    """The year's outcome of an organisation: allocation and net cost (bokslut)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="outcomes"
    )
    year = models.PositiveSmallIntegerField("år")
    allocation = models.BigIntegerField("kommunbidrag, kr")
    net_cost = models.BigIntegerField("nettokostnad, kr")
    source = models.CharField(
        "källa", max_length=16, choices=choices(ForecastSource), default=ForecastSource.FILE.value
    )
    recorded_at = models.DateTimeField("sparad", auto_now=True)

    class Meta:
        ordering = ("organisation_id", "year")
        verbose_name = "utfall"
        verbose_name_plural = "utfall"
        constraints = (
            models.UniqueConstraint(fields=("organisation", "year"), name="outcome_once_per_year"),
        )

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}"
