"""Figure tables of a report: stated figures, exactly as the source states them.

Money is integer kronor plus the precision it was stated at (1 000 for a figure in
whole tkr); never a float. A percent keeps its Decimal exponent beside the numeric
value, because the number of stated decimals is what rounding checks rely on.
"""

from __future__ import annotations

from django.db import models

from uppsikt.domain.choices import choices
from uppsikt.domain.money import Unit
from uppsikt.domain.tables import ColumnKind, RowRole
from uppsikt.organisations.models import KEY_LENGTH
from uppsikt.reports.models import Report

PERCENT_DIGITS = 15  # SQLite reads decimals through a float: 15 digits survive exactly
PERCENT_DECIMALS = 6


class FigureTable(models.Model):
    """A table of figures in a report (resultaträkning, investeringar ...)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="figure_tables")
    key = models.CharField("nyckel", max_length=KEY_LENGTH)
    title = models.TextField("rubrik")
    kind = models.CharField("slag", max_length=KEY_LENGTH, default="generic")
    unit = models.CharField(
        "enhet", max_length=8, choices=[(unit.code, unit.label) for unit in Unit]
    )
    decimals = models.PositiveSmallIntegerField("decimaler", default=0)
    label_header = models.TextField("rubrik för radnamn", blank=True)
    note = models.TextField("fotnot", blank=True)
    position = models.PositiveIntegerField("ordning")

    class Meta:
        ordering = ("report_id", "position")
        verbose_name = "tabell"
        verbose_name_plural = "tabeller"
        constraints = (
            models.UniqueConstraint(fields=("report", "key"), name="figure_table_key_per_report"),
        )

    def __str__(self) -> str:
        return self.title


class FigureColumn(models.Model):
    """A column of a figure table, possibly computed by a formula over other columns."""

    table = models.ForeignKey(FigureTable, on_delete=models.CASCADE, related_name="columns")
    key = models.CharField("nyckel", max_length=KEY_LENGTH)
    label = models.TextField("rubrik")
    kind = models.CharField(
        "slag", max_length=16, choices=choices(ColumnKind), default=ColumnKind.AMOUNT.value
    )
    formula = models.TextField("formel", blank=True)  # "" = no formula
    decimals = models.PositiveSmallIntegerField("decimaler", null=True, blank=True)
    position = models.PositiveIntegerField("ordning")

    class Meta:
        ordering = ("table_id", "position")
        verbose_name = "kolumn"
        verbose_name_plural = "kolumner"
        constraints = (
            models.UniqueConstraint(fields=("table", "key"), name="figure_column_key_per_table"),
        )

    def __str__(self) -> str:
        return self.label


class FigureRow(models.Model):
    """A row of a figure table; `sum_of` lists row keys it adds up ('-key' subtracts)."""

    table = models.ForeignKey(FigureTable, on_delete=models.CASCADE, related_name="rows")
    key = models.CharField("nyckel", max_length=KEY_LENGTH)
    label = models.TextField("radnamn")
    role = models.CharField(
        "roll", max_length=16, choices=choices(RowRole), default=RowRole.ITEM.value
    )
    sum_of = models.JSONField("summa av", default=list, blank=True)
    position = models.PositiveIntegerField("ordning")

    class Meta:
        ordering = ("table_id", "position")
        verbose_name = "rad"
        verbose_name_plural = "rader"
        constraints = (
            models.UniqueConstraint(fields=("table", "key"), name="figure_row_key_per_table"),
        )

    def __str__(self) -> str:
        return self.label


class FigureCell(models.Model):
    """A stated figure: an amount, a percent or a text, in the column named `column_key`."""

    row = models.ForeignKey(FigureRow, on_delete=models.CASCADE, related_name="cells")
    # A key, not a foreign key: the domain lets a row state a value for any key.
    column_key = models.CharField("kolumn", max_length=KEY_LENGTH)
    kind = models.CharField("slag", max_length=16, choices=choices(ColumnKind))
    kronor = models.BigIntegerField("kronor", null=True, blank=True)
    precision = models.BigIntegerField("precision i kronor", null=True, blank=True)
    percent = models.DecimalField(
        "procent",
        max_digits=PERCENT_DIGITS,
        decimal_places=PERCENT_DECIMALS,
        null=True,
        blank=True,
    )
    exponent = models.SmallIntegerField("exponent", null=True, blank=True)  # -1 for "4,1"
    text = models.TextField("text", blank=True)
    position = models.PositiveIntegerField("ordning")

    class Meta:
        ordering = ("row_id", "position")
        verbose_name = "cell"
        verbose_name_plural = "celler"
        constraints = (
            models.UniqueConstraint(fields=("row", "column_key"), name="figure_cell_per_column"),
            models.CheckConstraint(
                condition=(
                    models.Q(
                        kind=ColumnKind.AMOUNT,
                        kronor__isnull=False,
                        precision__isnull=False,
                        precision__gte=1,
                        percent__isnull=True,
                    )
                    | models.Q(
                        kind=ColumnKind.PERCENT,
                        percent__isnull=False,
                        exponent__isnull=False,
                        kronor__isnull=True,
                    )
                    | models.Q(kind=ColumnKind.TEXT, kronor__isnull=True, percent__isnull=True)
                ),
                name="figure_cell_value_matches_kind",
            ),
        )

    def __str__(self) -> str:
        return f"{self.row}: {self.column_key}"
