"""`uppsikt round ...`: open a reporting round, show its status, send its reminders.

Thin: every command calls an action or a query of the `oversight` app."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import click

from uppsikt.cli.support import Refused, UserError
from uppsikt.domain.model import PeriodKind

if TYPE_CHECKING:
    from uppsikt.domain.oversight.rounds import MemberStatus
    from uppsikt.reports.models import Period

F = TypeVar("F", bound=Callable[..., Any])


def _period_options(function: F) -> F:
    for option in reversed(
        (
            click.option(
                "--municipality", "-m", required=True, help="Kommunens nyckel, t.ex. malmo."
            ),
            click.option("--year", "-y", type=int, required=True, help="Verksamhetsår."),
            click.option(
                "--period",
                "-p",
                "kind",
                required=True,
                type=click.Choice([kind.value for kind in PeriodKind]),
                help="interim_report (delårsrapport) eller annual_analysis (årsanalys).",
            ),
        )
    ):
        function = option(function)
    return function


def parse_date(text: str, what: str = "datum") -> date:
    """An ISO date (2026-02-15); UserError naming the value otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"ogiltigt {what} {text!r}: skriv ÅÅÅÅ-MM-DD, t.ex. 2026-02-15") from None


def parse_days(text: str) -> list[int]:
    """'7,1' → [7, 1]; UserError for anything but whole days of 0 or more."""
    try:
        days = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        days = [-1]
    if any(day < 0 for day in days):
        raise UserError(f"ogiltiga påminnelsedagar {text!r}: skriv dagar före, t.ex. 7,1")
    return days


def _find(municipality: str, year: int, kind: str) -> Period:
    from uppsikt.organisations.models import Municipality
    from uppsikt.oversight.snapshots import NoSuchPeriod, find_period

    if not Municipality.objects.filter(key=municipality).exists():
        raise UserError(f"kommunen {municipality!r} finns inte")
    try:
        return find_period(municipality, year, kind)
    except NoSuchPeriod as error:
        raise UserError(str(error)) from None


@click.group("round")
def round_group() -> None:
    """Rapporteringsomgångar: öppna, följ status, påminn."""


@round_group.command("open")
@_period_options
@click.option("--deadline", required=True, help="Sista dag att klarmarkera, ÅÅÅÅ-MM-DD.")
@click.option(
    "--organisation",
    "-o",
    "organisations",
    multiple=True,
    help="En organisations nyckel (flera går bra); utan: alla rapporterande.",
)
@click.option("--remind-before", default="7,1", show_default=True, help="Dagar före sista dag.")
@click.option(
    "--remind-late-every",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Efter sista dag: påminn var n:e dag (0: aldrig).",
)
def open_command(
    municipality: str,
    year: int,
    kind: str,
    deadline: str,
    organisations: tuple[str, ...],
    remind_before: str,
    remind_late_every: int,
) -> None:
    """Öppna en omgång: skapa varje organisations rapport, förifylld från den förra."""
    day = parse_date(deadline)
    days = parse_days(remind_before)
    from uppsikt.services.storage import ready

    ready()
    from uppsikt.oversight.actions.rounds import RoundRefused, open_round

    try:
        opened = open_round(
            municipality,
            year,
            kind,
            deadline=day,
            organisations=list(organisations) or None,
            remind_before=days,
            remind_late_every=remind_late_every,
            actor=None,
        )
    except RoundRefused as error:
        raise Refused(str(error)) from None
    count = opened.members.count()
    click.echo(
        f"Omgången {PeriodKind(kind).label.lower()} {year} är öppnad för {count} "
        f"organisationer, sista dag {day.isoformat()}."
    )


def _table(statuses: list[MemberStatus]) -> str:
    header = ("Organisation", "Status", "Sista dag", "Dagar kvar", "Klarmarkerad", "Påminnelser")
    rows = [header]
    for s in statuses:
        rows.append(
            (
                s.name,
                s.status.label + (" (försenad)" if s.late else ""),
                s.deadline.isoformat(),
                str(s.days_left),
                s.submitted_on.isoformat() if s.submitted_on else "–",
                str(len(s.reminders)),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


@round_group.command("status")
@_period_options
@click.option("--json", "as_json", is_flag=True, help="Skriv resultatet som JSON.")
@click.option("--today", help="Räkna som om i dag vore ÅÅÅÅ-MM-DD (för prov).")
def status_command(
    municipality: str, year: int, kind: str, as_json: bool, today: str | None
) -> None:
    """Visa omgångens status per organisation."""
    day = parse_date(today) if today else None
    from uppsikt.services.storage import ready

    ready()
    from django.utils import timezone

    from uppsikt.oversight.rounds import period_round, round_status, status_json

    period = _find(municipality, year, kind)
    statuses = round_status(period, day or timezone.localdate())
    if as_json:
        click.echo(json.dumps(status_json(period, statuses), ensure_ascii=False, indent=2))
        return
    if period_round(period) is None:
        raise UserError(
            f"ingen omgång är öppnad för {PeriodKind(kind).label.lower()} {year}; "
            "öppna den med 'uppsikt round open'"
        )
    click.echo(_table(statuses))


@round_group.command("remind")
@_period_options
@click.option("--today", help="Skicka det som förfaller denna dag, ÅÅÅÅ-MM-DD (standard: i dag).")
def remind_command(municipality: str, year: int, kind: str, today: str | None) -> None:
    """Skicka de påminnelser som förfaller i dag till skribenterna."""
    day = parse_date(today) if today else None
    from uppsikt.services.storage import ready

    ready()
    from django.utils import timezone

    from uppsikt.oversight.actions.reminders import send_reminders

    period = _find(municipality, year, kind)
    sent = send_reminders(period, today=day or timezone.localdate(), actor=None)
    for mail in sent:
        click.echo(f"{mail.organisation}: {mail.kind.label} till {', '.join(mail.recipients)}")
    click.echo(f"{len(sent)} påminnelser skickade.")
