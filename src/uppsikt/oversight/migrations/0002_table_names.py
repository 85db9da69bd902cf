"""The comments, made by the former `review` app, take this app's table name; their
content type follows."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def move_content_type(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    if not content_type.objects.filter(app_label="oversight", model="comment").exists():
        content_type.objects.filter(app_label="review", model="comment").update(
            app_label="oversight"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("oversight", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name="comment", table=None),
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
    ]
