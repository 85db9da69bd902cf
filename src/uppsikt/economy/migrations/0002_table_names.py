"""The tables made by the former `finance` and `ledger` apps take this app's names, and
their content types follow, so permissions and admin history stay attached."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

MODELS = {
    "finance": ("figuretable", "figurecolumn", "figurerow", "figurecell"),
    "ledger": (
        "ledgerfile",
        "ledgeraccount",
        "ledgerdimension",
        "ledgerobject",
        "fact",
        "ledgermapping",
        "accountrange",
        "objectmapping",
    ),
}


def move_content_types(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    for old_app, models in MODELS.items():
        for model in models:
            if not content_type.objects.filter(app_label="economy", model=model).exists():
                content_type.objects.filter(app_label=old_app, model=model).update(
                    app_label="economy"
                )


class Migration(migrations.Migration):
    dependencies = [
        ("economy", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        *(
            migrations.AlterModelTable(name=model, table=None)
            for models in MODELS.values()
            for model in models
        ),
        migrations.RunPython(move_content_types, migrations.RunPython.noop),
    ]
