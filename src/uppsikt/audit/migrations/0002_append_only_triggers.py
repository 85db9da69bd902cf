"""Database triggers that refuse changes to the audit log, whoever tries.

PostgreSQL refuses UPDATE and DELETE. SQLite refuses UPDATE; it cannot refuse DELETE
because Django's test flush and `flush` empty tables with DELETE there (PostgreSQL
uses TRUNCATE, which the trigger leaves to the database owner).
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

_PG_UP = """
CREATE FUNCTION audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
"""
_PG_DOWN = """
DROP TRIGGER IF EXISTS audit_no_update_or_delete ON audit_auditentry;
DROP FUNCTION IF EXISTS audit_append_only();
"""
_SQLITE_UP = """
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_auditentry
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
"""
_SQLITE_DOWN = "DROP TRIGGER IF EXISTS audit_no_update;"


def _up(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    vendor = schema_editor.connection.vendor
    sql = {"postgresql": _PG_UP, "sqlite": _SQLITE_UP}.get(vendor)
    if sql:
        schema_editor.execute(sql)


def _down(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    vendor = schema_editor.connection.vendor
    sql = {"postgresql": _PG_DOWN, "sqlite": _SQLITE_DOWN}.get(vendor)
    if sql:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(_up, _down)]
