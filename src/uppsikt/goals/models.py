"""The council's goals for a term, whom they are directed to each year, the boards'
follow-ups of them (contributions and assessments) and the budget assignments.

Terms, goal areas, council goals and budget assignments are shared by all reports of a
municipality: a report links to the goal areas and goals it lists (see
`reports.models.ReportGoalArea`) instead of owning copies. A goal follow-up and a budget
assignment report belong to one report and are deleted with it.
"""

from __future__ import annotations

from django.db import models

from uppsikt.domain.choices import choices
from uppsikt.domain.model import Assessment, AssignmentStatus, TermOutlook
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


class GoalFollowUp(models.Model):
    """The organisation's contribution to one council goal in the period, and its assessment."""

    report = models.ForeignKey(
        "reports.Report", on_delete=models.CASCADE, related_name="goal_follow_ups"
    )
    goal = models.ForeignKey(CouncilGoal, on_delete=models.PROTECT, related_name="follow_ups")
    intro = models.TextField("inledning", blank=True)
    # "" means not assessed (None in the domain): Django keeps text columns non-null.
    year_assessment = models.CharField(
        "bedömning för året", max_length=32, choices=choices(Assessment), blank=True
    )
    year_motivation = models.TextField("motivering för året", blank=True)
    term_outlook = models.CharField(
        "förväntad förflyttning", max_length=32, choices=choices(TermOutlook), blank=True
    )
    term_motivation = models.TextField("motivering för mandatperioden", blank=True)
    position = models.PositiveIntegerField("ordning")

    class Meta:
        ordering = ("report_id", "position")
        verbose_name = "måluppföljning"
        verbose_name_plural = "måluppföljningar"
        constraints = (
            models.UniqueConstraint(fields=("report", "goal"), name="follow_up_once_per_goal"),
        )

    def __str__(self) -> str:
        return f"{self.report}: {self.goal}"


class BudgetAssignment(models.Model):
    """A task the council gives in the budget (budgetuppdrag), often to several boards."""

    # `term` repeats goal_area.term so that keys can be unique per term in the database.
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="budget_assignments")
    goal_area = models.ForeignKey(
        GoalArea, on_delete=models.CASCADE, related_name="budget_assignments"
    )
    key = models.CharField("nyckel", max_length=KEY_LENGTH)
    title = models.TextField("uppdrag")
    responsible = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="budget_assignments"
    )
    report_back = models.TextField("återrapportering", blank=True)

    class Meta:
        ordering = ("term_id", "key")
        verbose_name = "budgetuppdrag"
        verbose_name_plural = "budgetuppdrag"
        constraints = (
            models.UniqueConstraint(fields=("term", "key"), name="budget_assignment_key_per_term"),
        )

    def __str__(self) -> str:
        return self.title


class CoResponsible(models.Model):
    """An organisation that shares a budget assignment with the responsible one."""

    assignment = models.ForeignKey(
        BudgetAssignment, on_delete=models.CASCADE, related_name="co_responsible"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="co_responsible_for"
    )
    position = models.PositiveIntegerField("ordning")

    class Meta:
        ordering = ("assignment_id", "position")
        verbose_name = "medansvarig"
        verbose_name_plural = "medansvariga"
        constraints = (
            models.UniqueConstraint(
                fields=("assignment", "organisation"), name="co_responsible_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.assignment}: {self.organisation}"


class BudgetAssignmentReport(models.Model):
    """What one report says about a budget assignment: its status and the report text."""

    report = models.ForeignKey(
        "reports.Report", on_delete=models.CASCADE, related_name="budget_assignment_reports"
    )
    assignment = models.ForeignKey(
        BudgetAssignment, on_delete=models.PROTECT, related_name="report_entries"
    )
    status = models.CharField(
        "status",
        max_length=32,
        choices=choices(AssignmentStatus),
        default=AssignmentStatus.ONGOING.value,
    )
    body = models.TextField("redovisning", blank=True)
    position = models.PositiveIntegerField("ordning")

    class Meta:
        ordering = ("report_id", "position")
        verbose_name = "redovisning av budgetuppdrag"
        verbose_name_plural = "redovisningar av budgetuppdrag"
        constraints = (
            models.UniqueConstraint(
                fields=("report", "assignment"), name="budget_assignment_once_per_report"
            ),
        )

    def __str__(self) -> str:
        return f"{self.report}: {self.assignment}"
