"""`uppsikt round ...`: open a reporting round, show its status, send its reminders.

Thin: every command calls an action or a query of the `oversight` app."""

from __future__ import annotations

import click


@click.group("round")
def round_group() -> None:
    """Rapporteringsomgångar: öppna, följ status, påminn."""
