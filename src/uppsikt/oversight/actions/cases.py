"""Special oversight (särskild uppsikt): the executive board's decision to place an
organisation under it, the action plan the organisation sends, the monthly follow-ups
and the decision that closes the case. Each step is one transaction and one audit row.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from uppsikt.accounts.access import AnyUser
from uppsikt.audit.actions import JsonValue, record
from uppsikt.audit.codes import AuditCode
from uppsikt.domain.limits import TextKind
from uppsikt.domain.oversight import cases as rules
from uppsikt.domain.oversight.cases import (
    CASE_NUMBER_EXAMPLE,
    first_of_month,
    is_case_number,
    normalise_case_number,
)
from uppsikt.goals.actions.follow_ups import InvalidInput
from uppsikt.organisations.models import Organisation
from uppsikt.oversight.models import SpecialOversight, SpecialOversightEntry
from uppsikt.oversight.models.cases import CASE_NUMBER_LENGTH
from uppsikt.oversight.settings_yaml import action_plan_days
from uppsikt.reports.text_limits import length_problems


def case_number_problem(text: str, label: str) -> str | None:
    """What is wrong with a decision reference, naming the field; None when it is fine."""
    if not text.strip():
        return _("Skriv ”%(field)s”, t.ex. %(example)s.") % {
            "field": label,
            "example": CASE_NUMBER_EXAMPLE,
        }
    if len(text.strip()) > CASE_NUMBER_LENGTH or not is_case_number(text):
        return _(
            "”%(field)s” ska vara diarieserie, år och löpnummer med bindestreck emellan, "
            "t.ex. %(example)s."
        ) % {"field": label, "example": CASE_NUMBER_EXAMPLE}
    return None


def future_problem(day: date, label: str, today: date | None = None) -> str | None:
    """A date that cannot be in the future (a decision, a received document)."""
    if day > (today or date.today()):
        return _("”%(field)s” kan inte vara ett datum i framtiden.") % {"field": label}
    return None


def _check(problems: dict[str, str | None]) -> None:
    found = {field: message for field, message in problems.items() if message}
    if found:
        raise InvalidInput(found)


def _text_problem(text: str, label: str, kind: TextKind = TextKind.REASON) -> str | None:
    if not text.strip():
        return _("Skriv ”%(field)s”.") % {"field": label}
    return length_problems({"text": (kind, label, text)}).get("text")


def _values(case: SpecialOversight) -> dict[str, JsonValue]:
    return {
        "case": case.pk,
        "organisation": case.organisation.key,
        "case_number": case.case_number,
        "reason": case.reason,
        "decided_on": case.decided_on.isoformat(),
        "action_plan_due": case.action_plan_due.isoformat(),
        "action_plan_received_on": (
            case.action_plan_received_on.isoformat() if case.action_plan_received_on else None
        ),
        "closed_on": case.closed_on.isoformat() if case.closed_on else None,
    }


def _locked(case: SpecialOversight) -> SpecialOversight:
    return (
        SpecialOversight.objects.select_for_update().select_related("organisation").get(pk=case.pk)
    )


def _closed_problem(case: SpecialOversight) -> None:
    if case.closed_on is not None:
        raise InvalidInput(
            {"case": _("Ärendet är avslutat %(day)s.") % {"day": case.closed_on.isoformat()}}
        )


def open_case(
    organisation: Organisation,
    reason: str,
    case_number: str,
    decided_on: date,
    *,
    action_plan_due: date | None = None,
    actor: AnyUser,
) -> SpecialOversight:
    """Place `organisation` under special oversight. The action plan is due
    `action_plan_due`, by default the municipality's `action_plan_days` (30) after the
    decision. InvalidInput (nothing saved) names each field that is wrong."""
    reason = reason.strip()
    _check(
        {
            "reason": _text_problem(reason, _("Skäl")),
            "case_number": case_number_problem(case_number, _("Ärendenummer")),
            "decided_on": future_problem(decided_on, _("Beslutsdatum")),
            "action_plan_due": (
                _("”Handlingsplan senast” måste vara efter beslutsdatum.")
                if action_plan_due is not None and action_plan_due < decided_on
                else None
            ),
        }
    )
    with transaction.atomic():
        if action_plan_due is None:
            days = action_plan_days(organisation.municipality.oversight_rules)
            action_plan_due = rules.action_plan_due(decided_on, days)
        case = SpecialOversight.objects.create(
            organisation=organisation,
            reason=reason,
            case_number=normalise_case_number(case_number),
            decided_on=decided_on,
            action_plan_due=action_plan_due,
        )
        record(
            actor,
            AuditCode.CASE_OPENED,
            municipality_id=organisation.municipality_id,
            place=f"case:{case.pk}",
            after=_values(case),
        )
    return case


def record_action_plan(
    case: SpecialOversight, text: str, received_on: date, *, actor: AnyUser
) -> SpecialOversight:
    """Store the action plan the organisation sent (replacing an earlier one)."""
    text = text.strip()
    _check(
        {
            "text": _text_problem(text, _("Handlingsplan"), TextKind.ASSIGNMENT_REPORT),
            "received_on": future_problem(received_on, _("Handlingsplanen inkom")),
        }
    )
    with transaction.atomic():
        case = _locked(case)
        _closed_problem(case)
        if received_on < case.decided_on:
            raise InvalidInput(
                {"received_on": _("”Handlingsplanen inkom” kan inte vara före beslutet.")}
            )
        before: dict[str, JsonValue] = {
            "action_plan": case.action_plan,
            "received_on": (
                case.action_plan_received_on.isoformat() if case.action_plan_received_on else None
            ),
        }
        case.action_plan = text
        case.action_plan_received_on = received_on
        case.save(update_fields=["action_plan", "action_plan_received_on"])
        record(
            actor,
            AuditCode.CASE_ACTION_PLAN,
            municipality_id=case.organisation.municipality_id,
            place=f"case:{case.pk}",
            before=before,
            after={"action_plan": text, "received_on": received_on.isoformat()},
        )
    return case


def add_follow_up(
    case: SpecialOversight, month: date, body: str, *, actor: AnyUser
) -> SpecialOversightEntry:
    """Add the follow-up of one month (any day of it) to an open case."""
    body = body.strip()
    month = first_of_month(month)
    _check(
        {
            "body": _text_problem(body, _("Uppföljning"), TextKind.ASSIGNMENT_REPORT),
            "month": future_problem(month, _("Månad")),
        }
    )
    with transaction.atomic():
        case = _locked(case)
        _closed_problem(case)
        if month < first_of_month(case.decided_on):
            raise InvalidInput({"month": _("”Månad” kan inte vara före beslutet.")})
        entry = SpecialOversightEntry.objects.create(
            case=case,
            month=month,
            body=body,
            author_id=actor.pk if actor.is_authenticated else None,
        )
        record(
            actor,
            AuditCode.CASE_FOLLOWED_UP,
            municipality_id=case.organisation.municipality_id,
            place=f"case:{case.pk}",
            after={"entry": entry.pk, "month": month.isoformat(), "body": body},
        )
    return entry


def close_case(
    case: SpecialOversight, closed_on: date, case_number: str, motivation: str, *, actor: AnyUser
) -> SpecialOversight:
    """Close the case by a decision: its reference (required), date and motivation."""
    motivation = motivation.strip()
    _check(
        {
            "closing_case_number": case_number_problem(case_number, _("Ärendenummer för avslut")),
            "closed_on": future_problem(closed_on, _("Avslutad")),
            "closing_motivation": _text_problem(motivation, _("Motivering för avslut")),
        }
    )
    with transaction.atomic():
        case = _locked(case)
        _closed_problem(case)
        if closed_on < case.decided_on:
            raise InvalidInput({"closed_on": _("”Avslutad” kan inte vara före beslutet.")})
        before = _values(case)
        case.closed_on = closed_on
        case.closing_case_number = normalise_case_number(case_number)
        case.closing_motivation = motivation
        case.save(update_fields=["closed_on", "closing_case_number", "closing_motivation"])
        record(
            actor,
            AuditCode.CASE_CLOSED,
            municipality_id=case.organisation.municipality_id,
            place=f"case:{case.pk}",
            before=before,
            after={**_values(case), "closing_case_number": case.closing_case_number},
        )
    return case
