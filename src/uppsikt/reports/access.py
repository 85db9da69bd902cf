"""How views get a report: only through `access_report`, which knows roles and state.

Someone with no role for the report's organisation gets 404, as if it did not exist (so
other organisations' reports cannot even be probed); someone who may read it but not take
the action gets 403 with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from uppsikt.accounts.access import AnyUser, roles_for
from uppsikt.domain.workflow import Action, Role, Status, allowed_actions, decide
from uppsikt.reports.models import Report, ReportState


@dataclass(frozen=True)
class ReportAccess:
    """A report as one user may see it: their roles and what they may do now."""

    report: Report
    roles: frozenset[Role]
    status: Status
    revision: int

    def can(self, action: Action) -> bool:
        return decide(action, self.roles, self.status).allowed

    @property
    def actions(self) -> frozenset[Action]:
        return allowed_actions(self.roles, self.status)

    @property
    def is_draft(self) -> bool:
        return self.status is not Status.APPROVED


def access_report(user: AnyUser, report_id: int, need: Action = Action.READ) -> ReportAccess:
    """The report with `user`'s roles, if they may take `need` on it (else 404 or 403)."""
    # The state comes in the same query (a reverse one-to-one), so that a cached page
    # costs as few queries as possible.
    report = (
        Report.objects.select_related("organisation__municipality", "period", "term", "state")
        .filter(pk=report_id)
        .first()
    )
    if report is None:
        raise Http404("Rapporten finns inte.")
    roles = roles_for(user, report.organisation)
    if not roles:
        raise Http404("Rapporten finns inte.")
    try:
        state: ReportState | None = report.state
    except ReportState.DoesNotExist:
        state = None
    status, revision = (Status(state.status), state.revision) if state else (Status.DRAFT, 0)
    decision = decide(need, roles, status)
    if not decision.allowed:
        raise PermissionDenied(decision.reason)
    return ReportAccess(report, roles, status, revision)
