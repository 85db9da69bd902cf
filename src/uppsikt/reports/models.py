"""Reports: one organisation's follow-up for one period, and everything it contains.

A report owns its content (chapters and sections here; goal follow-ups and budget
assignment reports live in `goals`, figure tables in `economy`, comments in `oversight`)
and deleting it deletes that content. It *links* to the shared data of its
municipality (organisations, goal areas, council goals, budget assignments), which is
protected from deletion while a report uses it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from uppsikt.domain.choices import choices
from uppsikt.domain.model import ChapterKind, PeriodKind
from uppsikt.domain.workflow import Status
from uppsikt.goals.models import CouncilGoal, GoalArea, Term
from uppsikt.organisations.models import KEY_LENGTH, Municipality, Organisation


class Period(models.Model):
    """A reporting period of a municipality: all boards' annual analyses for 2025, say."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="periods")
    year = models.PositiveSmallIntegerField("verksamhetsår")
    kind = models.CharField("slag", max_length=32, choices=choices(PeriodKind))
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
        "slag", max_length=16, choices=choices(ChapterKind), default=ChapterKind.TEXT.value
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


class Section(models.Model):
    """A headed piece of Markdown, in a chapter or a goal follow-up (a contribution)."""

    chapter = models.ForeignKey(
        Chapter, on_delete=models.CASCADE, related_name="sections", null=True, blank=True
    )
    follow_up = models.ForeignKey(
        "goals.GoalFollowUp",
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


# A text's place in a report, e.g. `chapter:economy/section:2` (see `reports.places`).
PLACE_LENGTH = 300

STATUSES = choices(Status)


class ReportState(models.Model):
    """Where a report is in the workflow. A report without a row is a draft."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="state")
    status = models.CharField("status", max_length=16, choices=STATUSES, default=Status.DRAFT)
    # Bumped by every change made through the web; with Report.updated_at (bumped by
    # imports) it names one state of the content, e.g. for caching the rendered page.
    revision = models.PositiveIntegerField("revision", default=0)
    changed_at = models.DateTimeField("ändrad", auto_now=True)

    class Meta:
        verbose_name = "rapportstatus"
        verbose_name_plural = "rapportstatus"

    def __str__(self) -> str:
        return f"{self.report}: {Status(self.status).label}"


class SectionVersion(models.Model):
    """One saved version of a text at a place of a report; numbers count up from 1."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="section_versions")
    place = models.CharField("plats", max_length=PLACE_LENGTH)
    number = models.PositiveIntegerField("version")
    heading = models.TextField("rubrik", blank=True)
    body = models.TextField("text", blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="section_versions",
    )
    origin = models.CharField("ursprung", max_length=16, default="web")  # web | import
    created_at = models.DateTimeField("sparad", auto_now_add=True)

    class Meta:
        ordering = ("report_id", "place", "number")
        verbose_name = "version"
        verbose_name_plural = "versioner"
        constraints = (
            models.UniqueConstraint(
                fields=("report", "place", "number"), name="section_version_number_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.place} v{self.number}"
