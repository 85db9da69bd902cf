"""Opening a reporting round and changing an organisation's deadline in it.

`open_round` creates the period (if missing), the round, one member per organisation and
each organisation's report for the period (if it has none), pre-filled from its previous
report; all in one transaction with one `round.opened` audit row. The reports are stored
through `reports.store.save_report`, which writes no audit rows of its own: the round's
row names every report it created. A period has at most one round: opening it again is
refused (add an organisation by changing the round in the admin site).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from django.db import transaction

from uppsikt.accounts.access import AnyUser
from uppsikt.audit.actions import JsonValue, record
from uppsikt.audit.codes import AuditCode
from uppsikt.domain.model import Period as DomainPeriod
from uppsikt.domain.model import PeriodKind
from uppsikt.domain.versions import StaleEdit, version_token
from uppsikt.organisations.models import Municipality
from uppsikt.oversight.access import scope_for
from uppsikt.oversight.drafts import NoTerm, drafts
from uppsikt.oversight.models import ReportingRound, RoundMember
from uppsikt.oversight.snapshots import reporting_organisations
from uppsikt.reports.models import Period, Report
from uppsikt.reports.store import save_report


class RoundRefused(ValueError):
    """The round cannot be opened or changed as asked; nothing was written."""


def _check_overseer(actor: AnyUser | None, municipality_id: int) -> None:
    """Only reviewers and admins of the municipality (or the system, None) run rounds."""
    if actor is None:
        return
    scope = scope_for(actor, municipality_id)
    if scope is None or not scope.oversees:
        raise RoundRefused("Bara granskare och administratörer kan hantera omgångar.")


def _reminder_days(remind_before: Iterable[int], remind_late_every: int) -> list[int]:
    days = sorted({int(day) for day in remind_before}, reverse=True)
    if any(day < 0 for day in days) or remind_late_every < 0:
        raise RoundRefused("Påminnelsedagarna ska vara 0 eller fler.")
    return days


def open_round(
    municipality_key: str,
    year: int,
    kind: PeriodKind | str,
    *,
    deadline: date,
    organisations: Iterable[str] | None = None,
    deadlines: Mapping[str, date] | None = None,
    remind_before: Iterable[int] = (7, 1),
    remind_late_every: int = 3,
    actor: AnyUser | None,
) -> ReportingRound:
    """Open the round of (year, kind) for `organisations` (keys; all reporting ones by
    default), each with `deadline` unless `deadlines` names its own. RoundRefused for an
    unknown municipality or organisation, a second round, or a year without a term."""
    kind = PeriodKind(kind)
    municipality = Municipality.objects.filter(key=municipality_key).first()
    if municipality is None:
        raise RoundRefused(f"kommunen {municipality_key!r} finns inte")
    _check_overseer(actor, municipality.pk)
    days = _reminder_days(remind_before, remind_late_every)
    reporting = {ref.key: ref for ref in reporting_organisations(municipality)}
    wanted = list(reporting) if organisations is None else list(dict.fromkeys(organisations))
    unknown = [key for key in wanted if key not in reporting]
    if unknown:
        raise RoundRefused(
            f"{municipality.name} har ingen rapporterande organisation "
            + ", ".join(repr(key) for key in unknown)
        )
    if not wanted:
        raise RoundRefused("Välj minst en organisation.")
    deadlines = dict(deadlines or {})
    if extra := sorted(set(deadlines) - set(wanted)):
        raise RoundRefused("Sista dag för organisationer som inte är med: " + ", ".join(extra))
    with transaction.atomic():
        Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
        period, _ = Period.objects.get_or_create(
            municipality=municipality, year=year, kind=kind.value
        )
        if ReportingRound.objects.filter(period=period).exists():
            raise RoundRefused(
                f"Det finns redan en omgång för {kind.label.lower()} {year} i "
                f"{municipality.name}. Ändra sista dag eller påminnelser på omgångens sida."
            )
        period.deadline = deadline
        period.save(update_fields=["deadline"])
        ids = {reporting[key].id: key for key in wanted}
        existing = dict(
            Report.objects.filter(period=period, organisation_id__in=ids).values_list(
                "organisation_id", "pk"
            )
        )
        missing = {pk: key for pk, key in ids.items() if pk not in existing}
        try:
            new = drafts(municipality, DomainPeriod(year, kind), missing) if missing else []
        except NoTerm as error:
            raise RoundRefused(str(error)) from error
        created = {report.organisation: save_report(report) for report in new}
        report_ids = {key: existing.get(pk) or created[key] for pk, key in ids.items()}
        round_row = ReportingRound.objects.create(
            period=period,
            opened_by_id=actor.pk if actor is not None and actor.is_authenticated else None,
            remind_before=days,
            remind_late_every=remind_late_every,
        )
        member_deadlines = {key: deadlines.get(key, deadline) for key in wanted}
        RoundMember.objects.bulk_create(
            RoundMember(
                round=round_row,
                organisation_id=reporting[key].id,
                report_id=report_ids[key],
                deadline=member_deadlines[key],
            )
            for key in wanted
        )
        record(
            actor,
            AuditCode.ROUND_OPENED,
            municipality_id=municipality.pk,
            place=f"period:{period.pk}",
            after={
                "period": f"{year}/{kind.value}",
                "deadline": deadline.isoformat(),
                "organisations": {key: day.isoformat() for key, day in member_deadlines.items()},
                "created_reports": list[JsonValue](sorted(created)),
                "remind_before": list[JsonValue](days),
                "remind_late_every": remind_late_every,
            },
        )
    return round_row


def deadline_token(deadline: date) -> str:
    """The version token of a member's stored deadline, for the deadline form."""
    return version_token({"deadline": deadline.isoformat()})


def set_deadline(
    member_id: int, deadline: date, *, actor: AnyUser | None, based_on: str | None = None
) -> bool:
    """Change one organisation's deadline in its round; False when it is unchanged.
    StaleEdit when the stored deadline is no longer the one `based_on` names."""
    with transaction.atomic():
        member = (
            RoundMember.objects.select_for_update()
            .select_related("organisation", "round__period")
            .get(pk=member_id)
        )
        _check_overseer(actor, member.organisation.municipality_id)
        before: dict[str, JsonValue] = {"deadline": member.deadline.isoformat()}
        if based_on is not None and deadline_token(member.deadline) != based_on:
            raise StaleEdit({"deadline": member.deadline.isoformat()})
        if member.deadline == deadline:
            return False
        member.deadline = deadline
        member.save(update_fields=["deadline"])
        record(
            actor,
            AuditCode.ROUND_DEADLINE_SET,
            report=member.report,
            municipality_id=member.organisation.municipality_id,
            place=f"period:{member.round.period_id}/organisation:{member.organisation.key}",
            before=before,
            after={"deadline": deadline.isoformat()},
        )
    return True
