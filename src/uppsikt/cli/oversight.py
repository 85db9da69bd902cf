"""`uppsikt oversight ...`: the goals × organisations matrix, the signals and the economy
overview of a period, as text, CSV or JSON (the JSON is documented in docs/oversight.md).

Thin: every command builds a snapshot and calls the pure functions over it."""

from __future__ import annotations

import click


@click.group("oversight")
def oversight_group() -> None:
    """Uppsikt över alla nämnder och bolag: målmatris, signaler, ekonomi."""
