import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("goals", "0002_follow_ups_and_assignments"),
        ("reports", "0003_state_and_versions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="section",
                    name="follow_up",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="contributions",
                        to="goals.goalfollowup",
                    ),
                ),
                migrations.DeleteModel(
                    name="CoResponsible",
                ),
                migrations.DeleteModel(
                    name="BudgetAssignmentReport",
                ),
                migrations.DeleteModel(
                    name="BudgetAssignment",
                ),
                migrations.DeleteModel(
                    name="GoalFollowUp",
                ),
            ],
        ),
    ]
