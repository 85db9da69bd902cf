import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [("review", "0001_initial")]

    initial = True

    dependencies = [
        ("auth", "__first__"),
        ("reports", "0002_period_deadline"),
    ]

    operations = [
        migrations.CreateModel(
            name="Comment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("place", models.CharField(blank=True, max_length=300, verbose_name="plats")),
                ("body", models.TextField(verbose_name="kommentar")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="skriven")),
                (
                    "resolved_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="besvarad"),
                ),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="report_comments",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="comments",
                        to="reports.report",
                    ),
                ),
                (
                    "resolved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "kommentar",
                "verbose_name_plural": "kommentarer",
                "ordering": ("report_id", "place", "created_at", "id"),
                "indexes": [models.Index(fields=["report", "place"], name="comment_report_place")],
                "db_table": "review_comment",
            },
        ),
    ]
