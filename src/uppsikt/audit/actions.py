"""Writing to the audit log: one call per action, inside the action's transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from uppsikt.audit.codes import AuditCode
from uppsikt.audit.models import AuditEntry

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from uppsikt.reports.models import Report

JsonValue = None | bool | int | str | list["JsonValue"] | dict[str, "JsonValue"]


def record(
    user: AbstractBaseUser | AnonymousUser | None,
    action: AuditCode,
    *,
    report: Report | None = None,
    municipality_id: int | None = None,
    place: str = "",
    before: JsonValue = None,
    after: JsonValue = None,
    reason: str = "",
) -> AuditEntry:
    """Append one entry; `action` says what happened (a member of `AuditCode`)."""
    action = AuditCode(action)  # also refuses a plain string that is no code, at run time
    is_user = user is not None and user.is_authenticated
    if report is not None:
        municipality_id = report.organisation.municipality_id
    return AuditEntry.objects.create(
        user_id=user.pk if is_user and user is not None else None,
        username=user.get_username() if is_user and user is not None else "",
        municipality_id=municipality_id,
        report_id=report.pk if report is not None else None,
        report_label=f"{report.period} {report.organisation}" if report is not None else "",
        action=action.value,
        place=place,
        before=before,
        after=after,
        reason=reason,
    )
