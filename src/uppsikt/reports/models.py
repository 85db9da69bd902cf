"""Reports: one organisation's follow-up for one period, and everything it contains.

A report owns its content (chapters, sections, goal follow-ups, budget assignment
reports; figure tables live in `finance`) and deleting it deletes that content. It
*links* to the shared data of its municipality (organisations, goal areas, council
goals, budget assignments), which is protected from deletion while a report uses it.
"""

from __future__ import annotations

from django.db import models

from uppsikt.goals.models import CouncilGoal, GoalArea, Term
from uppsikt.organisations.models import KEY_LENGTH, Municipality, Organisation


class PeriodKind(models.TextChoices):
    """Mirrors `uppsikt.domain.model.PeriodKind`."""

    INTERIM_REPORT = "interim_report", "Delårsrapport"
    ANNUAL_ANALYSIS = "annual_analysis", "Årsanalys"


class Assessment(models.TextChoices):
    """Mirrors `uppsikt.domain.model.Assessment`."""

    ACHIEVED = "achieved", "Uppnåtts"
    PARTLY_ACHIEVED = "partly_achieved", "Delvis uppnåtts"
    NOT_ACHIEVED = "not_achieved", "Ej uppnåtts"


class TermOutlook(models.TextChoices):
    """Mirrors `uppsikt.domain.model.TermOutlook`."""

    EXPECTED = "expected", "Förväntas leda till önskad förflyttning"
    NOT_EXPECTED = "not_expected", "Förväntas inte leda till önskad förflyttning"


class AssignmentStatus(models.TextChoices):
    """Mirrors `uppsikt.domain.model.AssignmentStatus`."""

    NOT_STARTED = "not_started", "Ej påbörjat"
    ONGOING = "ongoing", "Pågår"
    COMPLETED = "completed", "Genomfört"
    REPORTED = "reported", "Återrapporterat"


class ChapterKind(models.TextChoices):
    """Mirrors `uppsikt.domain.model.ChapterKind`."""

    TEXT = "text", "Text"
    GOALS = "goals", "Mål och budgetuppdrag"


class Period(models.Model):
    """A reporting period of a municipality: all boards' annual analyses for 2025, say."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="periods")
    year = models.PositiveSmallIntegerField("verksamhetsår")
    kind = models.CharField("slag", max_length=32, choices=PeriodKind.choices)
    deadline = models.DateField(
        "sista dag", null=True, blank=True, help_text="När rapporterna ska vara klarmarkerade."
    )

    class Meta:
        ordering = ("municipality_id", "year", "kind")
        verbose_name = "period"
        verbose_name_plural = "perioder"
        constraints = (
            models.UniqueConstraint(
                fields=("municipality", "year", "kind"), name="period_per_municipality"
            ),
        )

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"


class Report(models.Model):
    """One organisation's follow-up for one period."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="reports")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="reports")
    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="reports")
    title = models.TextField("titel", blank=True)
    settings = models.JSONField("inställningar", default=dict, blank=True)
    created_at = models.DateTimeField("skapad", auto_now_add=True)
    updated_at = models.DateTimeField("ändrad", auto_now=True)

    class Meta:
        ordering = ("organisation_id", "period_id")
        verbose_name = "rapport"
        verbose_name_plural = "rapporter"
        constraints = (
            models.UniqueConstraint(
                fields=("organisation", "period"), name="report_per_organisation_and_period"
            ),
        )

    def __str__(self) -> str:
        return self.title or f"{self.period} {self.organisation}"


class ReportOrganisation(models.Model):
    """An organisation the report lists (organisations.yaml), in order."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="listed_organisations"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="report_links"
    )
    position = models.PositiveIntegerField("ordning")

    class Meta:
        ordering = ("report_id", "position")
        verbose_name = "organisation i rapport"
        verbose_name_plural = "organisationer i rapport"
        constraints = (
            models.UniqueConstraint(
                fields=("report", "organisation"), name="report_organisation_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.report}: {self.organisation}"


class ReportGoalArea(models.Model):
    """A goal area the report lists, in order."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="listed_goal_areas")
    goal_area = models.ForeignKey(GoalArea, on_delete=models.PROTECT, related_name="report_links")
    position = models.PositiveIntegerField("ordning")

    class Meta:
        ordering = ("report_id", "position")
        verbose_name = "målområde i rapport"
        verbose_name_plural = "målområden i rapport"
        constraints = (
            models.UniqueConstraint(fields=("report", "goal_area"), name="report_goal_area_once"),
        )

    def __str__(self) -> str:
        return f"{self.report}: {self.goal_area}"


class ReportCouncilGoal(models.Model):
    """A council goal the report lists, in order."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="listed_council_goals"
    )
    goal = models.ForeignKey(CouncilGoal, on_delete=models.PROTECT, related_name="report_links")
    position = models.PositiveIntegerField("ordning")

    class Meta:
        ordering = ("report_id", "position")
        verbose_name = "kommunfullmäktigemål i rapport"
        verbose_name_plural = "kommunfullmäktigemål i rapport"
        constraints = (
            models.UniqueConstraint(fields=("report", "goal"), name="report_council_goal_once"),
        )

    def __str__(self) -> str:
        return f"{self.report}: {self.goal}"


class Chapter(models.Model):
    """A chapter of the report document."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="chapters")
    key = models.CharField("nyckel", max_length=KEY_LENGTH)
    title = models.TextField("rubrik")
    kind = models.CharField(
        "slag", max_length=16, choices=ChapterKind.choices, default=ChapterKind.TEXT
    )
    intro = models.TextField("inledning", blank=True)
    position = models.PositiveIntegerField("ordning")

    class Meta:
        ordering = ("report_id", "position")
        verbose_name = "kapitel"
        verbose_name_plural = "kapitel"
        constraints = (
            models.UniqueConstraint(fields=("report", "key"), name="chapter_key_per_report"),
        )

    def __str__(self) -> str:
        return self.title


class GoalFollowUp(models.Model):
    """The organisation's contribution to one council goal in the period, and its assessment."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="goal_follow_ups")
    goal = models.ForeignKey(CouncilGoal, on_delete=models.PROTECT, related_name="follow_ups")
    intro = models.TextField("inledning", blank=True)
    # "" means not assessed (None in the domain): Django keeps text columns non-null.
    year_assessment = models.CharField(
        "bedömning för året", max_length=32, choices=Assessment.choices, blank=True
    )
    year_motivation = models.TextField("motivering för året", blank=True)
    term_outlook = models.CharField(
        "förväntad förflyttning", max_length=32, choices=TermOutlook.choices, blank=True
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


class Section(models.Model):
    """A headed piece of Markdown, in a chapter or a goal follow-up (a contribution)."""

    chapter = models.ForeignKey(
        Chapter, on_delete=models.CASCADE, related_name="sections", null=True, blank=True
    )
    follow_up = models.ForeignKey(
        GoalFollowUp,
        on_delete=models.CASCADE,
        related_name="contributions",
        null=True,
        blank=True,
    )
    heading = models.TextField("rubrik")
    body = models.TextField("text", blank=True)
    level = models.PositiveSmallIntegerField("nivå", default=2)
    position = models.PositiveIntegerField("ordning")

    class Meta:
        ordering = ("position",)
        verbose_name = "avsnitt"
        verbose_name_plural = "avsnitt"
        constraints = (
            models.CheckConstraint(
                condition=(
                    models.Q(chapter__isnull=False, follow_up__isnull=True)
                    | models.Q(chapter__isnull=True, follow_up__isnull=False)
                ),
                name="section_has_one_parent",
            ),
        )

    def __str__(self) -> str:
        return self.heading


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
        Report, on_delete=models.CASCADE, related_name="budget_assignment_reports"
    )
    assignment = models.ForeignKey(
        BudgetAssignment, on_delete=models.PROTECT, related_name="report_entries"
    )
    status = models.CharField(
        "status",
        max_length=32,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.ONGOING,
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
