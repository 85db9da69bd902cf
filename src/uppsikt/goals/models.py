"""The council's goals for a term, and whom they are directed to each year.

These are shared by all reports of a municipality: a report links to the goal areas
and goals it lists (see `reports.models.ReportGoalArea`) instead of owning copies.
"""

from __future__ import annotations

from django.db import models

from uppsikt.organisations.models import KEY_LENGTH, Municipality, Organisation


class Term(models.Model):
    """A four-year political term (mandatperiod) of one municipality."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="terms")
    start_year = models.PositiveSmallIntegerField("första år")
    end_year = models.PositiveSmallIntegerField("sista år")

    class Meta:
        ordering = ("municipality_id", "start_year")
        verbose_name = "mandatperiod"
        verbose_name_plural = "mandatperioder"
        constraints = (
            models.UniqueConstraint(
                fields=("municipality", "start_year", "end_year"), name="term_per_municipality"
            ),
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="term_ends_after_start",
            ),
        )

    def __str__(self) -> str:
        return f"{self.start_year}–{self.end_year}"


class GoalArea(models.Model):
    """A theme of council goals (målområde) in a term."""

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="goal_areas")
    key = models.CharField("nyckel", max_length=KEY_LENGTH)
    title = models.TextField("rubrik")

    class Meta:
        ordering = ("term_id", "key")
        verbose_name = "målområde"
        verbose_name_plural = "målområden"
        constraints = (
            models.UniqueConstraint(fields=("term", "key"), name="goal_area_key_per_term"),
        )

    def __str__(self) -> str:
        return self.title


class CouncilGoal(models.Model):
    """A goal set by the council (KF-mål) for the term."""

    # `term` repeats goal_area.term so that keys can be unique per term in the database.
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="council_goals")
    goal_area = models.ForeignKey(GoalArea, on_delete=models.CASCADE, related_name="council_goals")
    key = models.CharField("nyckel", max_length=KEY_LENGTH)
    title = models.TextField("rubrik")

    class Meta:
        ordering = ("term_id", "key")
        verbose_name = "kommunfullmäktigemål"
        verbose_name_plural = "kommunfullmäktigemål"
        constraints = (
            models.UniqueConstraint(fields=("term", "key"), name="council_goal_key_per_term"),
        )

    def __str__(self) -> str:
        return self.title


class GoalAssignment(models.Model):
    """A council goal directed to one organisation for one year (riktat mål)."""

    goal = models.ForeignKey(CouncilGoal, on_delete=models.CASCADE, related_name="assignments")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="goal_assignments"
    )
    year = models.PositiveSmallIntegerField("år")
    # Place in the goal's directed_to list as saved, so that it loads in the same order.
    position = models.PositiveIntegerField("ordning")

    class Meta:
        ordering = ("goal_id", "position", "year")
        verbose_name = "riktat mål"
        verbose_name_plural = "riktade mål"
        constraints = (
            models.UniqueConstraint(
                fields=("goal", "organisation", "year"), name="goal_assignment_once_per_year"
            ),
        )

    def __str__(self) -> str:
        return f"{self.goal} → {self.organisation} ({self.year})"
