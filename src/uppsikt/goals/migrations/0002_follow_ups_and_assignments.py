import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("goals", "0001_initial"),
        ("reports", "0003_state_and_versions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="BudgetAssignment",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("key", models.CharField(max_length=100, verbose_name="nyckel")),
                        ("title", models.TextField(verbose_name="uppdrag")),
                        (
                            "report_back",
                            models.TextField(blank=True, verbose_name="återrapportering"),
                        ),
                        (
                            "goal_area",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="budget_assignments",
                                to="goals.goalarea",
                            ),
                        ),
                        (
                            "responsible",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="budget_assignments",
                                to="organisations.organisation",
                            ),
                        ),
                        (
                            "term",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="budget_assignments",
                                to="goals.term",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "budgetuppdrag",
                        "verbose_name_plural": "budgetuppdrag",
                        "ordering": ("term_id", "key"),
                        "db_table": "reports_budgetassignment",
                    },
                ),
                migrations.CreateModel(
                    name="CoResponsible",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("position", models.PositiveIntegerField(verbose_name="ordning")),
                        (
                            "assignment",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="co_responsible",
                                to="goals.budgetassignment",
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="co_responsible_for",
                                to="organisations.organisation",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "medansvarig",
                        "verbose_name_plural": "medansvariga",
                        "ordering": ("assignment_id", "position"),
                        "db_table": "reports_coresponsible",
                    },
                ),
                migrations.CreateModel(
                    name="GoalFollowUp",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("intro", models.TextField(blank=True, verbose_name="inledning")),
                        (
                            "year_assessment",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("achieved", "Uppnåtts"),
                                    ("partly_achieved", "Delvis uppnåtts"),
                                    ("not_achieved", "Ej uppnåtts"),
                                ],
                                max_length=32,
                                verbose_name="bedömning för året",
                            ),
                        ),
                        (
                            "year_motivation",
                            models.TextField(blank=True, verbose_name="motivering för året"),
                        ),
                        (
                            "term_outlook",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("expected", "Förväntas leda till önskad förflyttning"),
                                    (
                                        "not_expected",
                                        "Förväntas inte leda till önskad förflyttning",
                                    ),
                                ],
                                max_length=32,
                                verbose_name="förväntad förflyttning",
                            ),
                        ),
                        (
                            "term_motivation",
                            models.TextField(
                                blank=True, verbose_name="motivering för mandatperioden"
                            ),
                        ),
                        ("position", models.PositiveIntegerField(verbose_name="ordning")),
                        (
                            "goal",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="follow_ups",
                                to="goals.councilgoal",
                            ),
                        ),
                        (
                            "report",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="goal_follow_ups",
                                to="reports.report",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "måluppföljning",
                        "verbose_name_plural": "måluppföljningar",
                        "ordering": ("report_id", "position"),
                        "db_table": "reports_goalfollowup",
                    },
                ),
                migrations.CreateModel(
                    name="BudgetAssignmentReport",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("not_started", "Ej påbörjat"),
                                    ("ongoing", "Pågår"),
                                    ("completed", "Genomfört"),
                                    ("reported", "Återrapporterat"),
                                ],
                                default="ongoing",
                                max_length=32,
                                verbose_name="status",
                            ),
                        ),
                        ("body", models.TextField(blank=True, verbose_name="redovisning")),
                        ("position", models.PositiveIntegerField(verbose_name="ordning")),
                        (
                            "assignment",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="report_entries",
                                to="goals.budgetassignment",
                            ),
                        ),
                        (
                            "report",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="budget_assignment_reports",
                                to="reports.report",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "redovisning av budgetuppdrag",
                        "verbose_name_plural": "redovisningar av budgetuppdrag",
                        "ordering": ("report_id", "position"),
                        "db_table": "reports_budgetassignmentreport",
                    },
                ),
                migrations.AddConstraint(
                    model_name="budgetassignment",
                    constraint=models.UniqueConstraint(
                        fields=("term", "key"), name="budget_assignment_key_per_term"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="coresponsible",
                    constraint=models.UniqueConstraint(
                        fields=("assignment", "organisation"), name="co_responsible_once"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="goalfollowup",
                    constraint=models.UniqueConstraint(
                        fields=("report", "goal"), name="follow_up_once_per_goal"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="budgetassignmentreport",
                    constraint=models.UniqueConstraint(
                        fields=("report", "assignment"), name="budget_assignment_once_per_report"
                    ),
                ),
            ],
        ),
        migrations.AlterModelTable(
            name="budgetassignment",
            table=None,
        ),
        migrations.AlterModelTable(
            name="coresponsible",
            table=None,
        ),
        migrations.AlterModelTable(
            name="goalfollowup",
            table=None,
        ),
        migrations.AlterModelTable(
            name="budgetassignmentreport",
            table=None,
        ),
    ]
