import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import uppsikt.domain.workflow


class Migration(migrations.Migration):
    replaces = [("review", "0001_initial")]

    dependencies = [
        ("auth", "__first__"),
        ("reports", "0002_period_deadline"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReportState",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Utkast"),
                            ("submitted", "Klarmarkerad"),
                            ("approved", "Godkänd"),
                        ],
                        default=uppsikt.domain.workflow.Status["DRAFT"],
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                ("revision", models.PositiveIntegerField(default=0, verbose_name="revision")),
                ("changed_at", models.DateTimeField(auto_now=True, verbose_name="ändrad")),
                (
                    "report",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="state",
                        to="reports.report",
                    ),
                ),
            ],
            options={
                "verbose_name": "rapportstatus",
                "verbose_name_plural": "rapportstatus",
                "db_table": "review_reportstate",
            },
        ),
        migrations.CreateModel(
            name="SectionVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("place", models.CharField(max_length=300, verbose_name="plats")),
                ("number", models.PositiveIntegerField(verbose_name="version")),
                ("heading", models.TextField(blank=True, verbose_name="rubrik")),
                ("body", models.TextField(blank=True, verbose_name="text")),
                ("origin", models.CharField(default="web", max_length=16, verbose_name="ursprung")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="sparad")),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="section_versions",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="section_versions",
                        to="reports.report",
                    ),
                ),
            ],
            options={
                "verbose_name": "version",
                "verbose_name_plural": "versioner",
                "ordering": ("report_id", "place", "number"),
                "constraints": [
                    models.UniqueConstraint(
                        fields=("report", "place", "number"), name="section_version_number_once"
                    )
                ],
                "db_table": "review_sectionversion",
            },
        ),
    ]
