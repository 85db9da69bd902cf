"""The workflow state and the text versions, made by the former `review` app, take this
app's table names; their content types follow."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

MODELS = ("reportstate", "sectionversion")


def move_content_types(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not content_type.objects.filter(app_label="reports", model=model).exists():
            content_type.objects.filter(app_label="review", model=model).update(app_label="reports")
    # Moved to `goals` (see goals 0002): their content types follow them.
    for model in ("goalfollowup", "budgetassignment", "coresponsible", "budgetassignmentreport"):
        if not content_type.objects.filter(app_label="goals", model=model).exists():
            content_type.objects.filter(app_label="reports", model=model).update(app_label="goals")


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_goal_models_moved"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        *(migrations.AlterModelTable(name=model, table=None) for model in MODELS),
        migrations.RunPython(move_content_types, migrations.RunPython.noop),
    ]
