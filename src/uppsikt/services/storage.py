"""The database as the CLI sees it: set up Django on first use, then store and load reports.

Imports of Django happen inside the functions so that checking and building from a
package never pays for (or needs) a database.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from uppsikt.domain.model import Report

if TYPE_CHECKING:
    from uppsikt.services.reporting import ReportRef


def ready() -> None:
    """Configure Django and bring the schema up to date (idempotent)."""
    from uppsikt.django_setup import migrate, setup_django

    setup_django()
    migrate()


def store(report: Report) -> int:
    """Import a report as the system (the CLI), new or over a draft; returns its id.
    `domain.workflow.ImportRefused` when the stored one is submitted or approved."""
    ready()
    from uppsikt.reports.actions.imports import import_report

    return import_report(report, actor=None)


def store_all(reports: Iterable[Report]) -> list[int]:
    """Import many reports as the system, one import (and audit row) each, with the schema
    checked once; returns their ids. Stops at the first refused import (ImportRefused)."""
    ready()
    from uppsikt.reports.actions.imports import import_report

    return [import_report(report, actor=None) for report in reports]


def load_stored(ref: ReportRef) -> Report:
    """Load a stored report; raises LookupError with a helpful message when there is none."""
    ready()
    from uppsikt.reports.store import find_report, load_report

    report_id = find_report(ref.municipality, ref.organisation, ref.year, ref.kind)
    if report_id is None:
        raise LookupError(
            f"ingen lagrad rapport {ref}; importera ett paket med 'uppsikt import' "
            "eller lista rapporterna med 'uppsikt reports'"
        )
    return load_report(report_id)
