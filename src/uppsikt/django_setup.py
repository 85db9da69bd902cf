"""Set up Django for code outside a Django process (the CLI, scripts, benchmarks)."""

from __future__ import annotations

import os


def setup_django() -> None:
    """Point Django at `uppsikt.settings` unless told otherwise, and set it up once."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uppsikt.settings")
    from django.apps import apps

    # A second django.setup() would reconfigure logging; pytest-django may have run it.
    if not apps.ready:
        import django

        django.setup()


def migrate() -> None:
    """Bring the database schema up to date, quietly (idempotent)."""
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
