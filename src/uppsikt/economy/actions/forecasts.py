"""Forecasts and outcomes: an organisation's monthly full-year forecast, kept as versions,
entered in the web or imported from a forecast file, and the year's outcome.

Every save of a forecast is a new row (the newest row of a month is the forecast); a save
based on an older version than the newest is refused (`StaleEdit`), never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from uppsikt.accounts.access import AnyUser
from uppsikt.audit.actions import JsonValue, record
from uppsikt.audit.codes import AuditCode
from uppsikt.domain.economy.model import Phase
from uppsikt.domain.limits import TextKind
from uppsikt.domain.oversight.forecast_import import forecasts_from_facts
from uppsikt.domain.oversight.model import ForecastSource
from uppsikt.domain.versions import StaleEdit, version_token
from uppsikt.economy.errors import LedgerError
from uppsikt.economy.models.forecasts import Forecast, Outcome
from uppsikt.goals.actions.follow_ups import InvalidInput
from uppsikt.organisations.models import Organisation
from uppsikt.reports.text_limits import length_problems

AMOUNT_LIMIT = 10**15  # kronor: far beyond any budget, well inside a 64-bit column
FIRST_YEAR, LAST_YEAR = 1900, 2200


def forecast_values(row: Forecast | None) -> dict[str, JsonValue]:
    """What a version says: its figures and comment (empty for no version)."""
    if row is None:
        return {}
    return {"net_cost": row.net_cost, "allocation": row.allocation, "comment": row.comment}


def forecast_token(row: Forecast | None) -> str:
    """The version token of a month's newest forecast (or of none), for the form."""
    if row is None:
        return version_token({"id": None})
    return version_token({"id": row.pk, "created_at": row.created_at.isoformat()})


def newest_forecast(organisation_id: int, year: int, month: int) -> Forecast | None:
    """The forecast of the month: its newest version, or None."""
    return (
        Forecast.objects.filter(organisation_id=organisation_id, year=year, month=month)
        .order_by("-created_at", "-id")
        .first()
    )


def forecast_problems(
    year: int, month: int, net_cost: int, allocation: int, comment: str
) -> dict[str, str]:
    """Field → what is wrong, in Swedish; empty when the input is valid."""
    problems: dict[str, str] = {}
    if not FIRST_YEAR <= year <= LAST_YEAR:
        problems["year"] = _("Året måste vara mellan %(first)d och %(last)d.") % {
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
        }
    if not 1 <= month <= 12:
        problems["month"] = _("Välj en månad mellan januari och december.")
    for field, value, label in (
        ("net_cost", net_cost, _("Prognos för nettokostnad")),
        ("allocation", allocation, _("Kommunbidrag")),
    ):
        if abs(value) >= AMOUNT_LIMIT:
            problems[field] = _("”%(field)s” är orimligt stort; skriv beloppet i kronor.") % {
                "field": label
            }
    problems.update(
        length_problems({"comment": (TextKind.FORECAST_COMMENT, _("Kommentar"), comment)})
    )
    return problems


def _place(organisation: Organisation, year: int, month: int) -> str:
    return f"forecast:{organisation.key}:{year}-{month:02d}"


def record_forecast(
    organisation: Organisation,
    year: int,
    month: int,
    net_cost: int,
    allocation: int,
    comment: str,
    *,
    actor: AnyUser,
    expected_version: str | None = None,
    source: ForecastSource = ForecastSource.WEB,
) -> Forecast:
    """Save a new version of the month's full-year forecast.

    InvalidInput (nothing saved) for bad input; StaleEdit (nothing saved; `stored` holds
    the newest version) when `expected_version` is not the token of the newest version."""
    comment = comment.strip()
    problems = forecast_problems(year, month, net_cost, allocation, comment)
    if problems:
        raise InvalidInput(problems)
    with transaction.atomic():
        # The organisation's row serialises saves of its forecasts: two saves of one month
        # cannot both pass the version check.
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        current = newest_forecast(organisation.pk, year, month)
        if expected_version is not None and expected_version != forecast_token(current):
            raise StaleEdit(forecast_values(current) or {"net_cost": None})
        row = Forecast.objects.create(
            organisation=organisation,
            year=year,
            month=month,
            net_cost=net_cost,
            allocation=allocation,
            comment=comment,
            source=source.value,
            author_id=actor.pk if actor.is_authenticated else None,
        )
        record(
            actor,
            AuditCode.FORECAST_RECORDED,
            municipality_id=organisation.municipality_id,
            place=_place(organisation, year, month),
            before=forecast_values(current) or None,
            after={"forecast": row.pk, **forecast_values(row)},
        )
    return row


def record_outcome(
    organisation: Organisation,
    year: int,
    allocation: int,
    net_cost: int,
    *,
    actor: AnyUser,
    source: ForecastSource = ForecastSource.FILE,
) -> Outcome:
    """Store (or replace) the year's outcome: allocation and net cost in kronor."""
    problems = {
        key: message
        for key, message in forecast_problems(year, 1, net_cost, allocation, "").items()
        if key != "month"
    }
    if problems:
        raise InvalidInput(problems)
    with transaction.atomic():
        existing = (
            Outcome.objects.select_for_update().filter(organisation=organisation, year=year).first()
        )
        before: JsonValue = (
            {"allocation": existing.allocation, "net_cost": existing.net_cost}
            if existing is not None
            else None
        )
        row, _created = Outcome.objects.update_or_create(
            organisation=organisation,
            year=year,
            defaults={"allocation": allocation, "net_cost": net_cost, "source": source.value},
        )
        record(
            actor,
            AuditCode.OUTCOME_RECORDED,
            municipality_id=organisation.municipality_id,
            place=f"outcome:{organisation.key}:{year}",
            before=before,
            after={"allocation": allocation, "net_cost": net_cost},
        )
    return row


@dataclass(frozen=True)
class ImportedForecasts:
    """What `import_forecasts` did: the new versions, and the organisations unchanged."""

    created: tuple[Forecast, ...]
    unchanged: tuple[str, ...]  # organisation keys whose newest version already said so


def import_forecasts(
    municipality_key: str, year: int, month: int, version: str, *, actor: AnyUser | None
) -> ImportedForecasts:
    """One forecast version per organisation from an imported forecast file's facts.

    The facts of forecast `version` (imported with `uppsikt ledger import`) are split by
    the organisation the mapping names for each cost centre. The allocation is the
    organisation's budget net cost, or else that of its latest earlier forecast. All or
    nothing; LedgerError names what is missing."""
    from uppsikt.economy.mapping_store import load_mapping
    from uppsikt.economy.models.ledger import Fact as FactRow
    from uppsikt.economy.models.ledger import get_municipality
    from uppsikt.economy.queries import facts_for

    if not 1 <= month <= 12:
        raise LedgerError(f"månaden {month} finns inte; skriv 1–12")
    municipality = get_municipality(municipality_key)
    has_version = FactRow.objects.filter(
        municipality=municipality, year=year, phase=Phase.FORECAST.value, version=version
    ).exists()
    if not has_version:
        raise LedgerError(
            f"{municipality_key} har ingen prognos {year} med versionen {version!r}; läs först "
            "in prognosfilen med uppsikt ledger import"
        )
    mapping = load_mapping(municipality_key)
    phases = (Phase.FORECAST, Phase.ORIGINAL_BUDGET, Phase.REVISED_BUDGET)
    found = forecasts_from_facts(
        facts_for(municipality_key, year, phases=phases), mapping, year, version
    )
    if not found:
        raise LedgerError(
            "mappningen knyter inget kostnadsställe med prognosbelopp till en organisation; "
            "ange organisation för kostnadsställena i mappningen (ledger mapping)"
        )
    organisations = {
        row.key: row
        for row in Organisation.objects.filter(
            municipality=municipality, key__in=[item.organisation for item in found]
        )
    }
    unknown = sorted({item.organisation for item in found} - set(organisations))
    if unknown:
        raise LedgerError(
            f"mappningen nämner organisationer som inte finns i {municipality_key}: "
            + ", ".join(unknown)
        )
    with transaction.atomic():
        for organisation in organisations.values():
            Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        rows: list[Forecast] = []
        unchanged: list[str] = []
        missing: list[str] = []
        before: dict[str, JsonValue] = {}
        for item in found:
            organisation = organisations[item.organisation]
            current = newest_forecast(organisation.pk, year, month)
            allocation = item.allocation
            if allocation is None:
                earlier = (
                    Forecast.objects.filter(organisation=organisation, year=year, month__lt=month)
                    .order_by("-month", "-created_at", "-id")
                    .first()
                )
                allocation = earlier.allocation if earlier is not None else None
            if allocation is None:
                missing.append(item.organisation)
                continue
            if current is not None and (current.net_cost, current.allocation) == (
                item.net_cost,
                allocation,
            ):
                unchanged.append(item.organisation)
                continue
            before[item.organisation] = forecast_values(current) or None
            rows.append(
                Forecast(
                    organisation=organisation,
                    year=year,
                    month=month,
                    net_cost=item.net_cost,
                    allocation=allocation,
                    comment=f"Prognosfil, version {version}",
                    source=ForecastSource.FILE.value,
                    author_id=actor.pk if actor is not None and actor.is_authenticated else None,
                )
            )
        if missing:
            raise LedgerError(
                "inget kommunbidrag att jämföra med för "
                + ", ".join(missing)
                + f": läs in en budget för {year} eller lämna en tidigare prognos"
            )
        created = rows
        for row in created:
            row.save()
        record(
            actor,
            AuditCode.FORECASTS_IMPORTED,
            municipality_id=municipality.pk,
            place=f"forecasts:{year}-{month:02d}",
            before=before or None,
            after={
                "version": version,
                "forecasts": {
                    row.organisation.key: {"net_cost": row.net_cost, "allocation": row.allocation}
                    for row in created
                },
            },
        )
    return ImportedForecasts(tuple(created), tuple(unchanged))
