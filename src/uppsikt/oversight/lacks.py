"""What a report lacks and what its checks find, as the web shows them, cached by stamp.

Checking a report means building it with its ledger (cached in `web.reading`) and
running every rule; the result only changes when the report's stamp does, so it is
cached under the same stamp. Unanswered comments move no stamp and are counted live.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count
from django.http import Http404

from uppsikt.accounts.access import AnyUser
from uppsikt.accounts.models import Membership
from uppsikt.audit.models import AuditEntry
from uppsikt.domain.checks import CheckResult
from uppsikt.domain.lacks import Lacks, report_lacks
from uppsikt.domain.model import Report as DomainReport
from uppsikt.domain.workflow import Role, Status
from uppsikt.oversight.models import Comment
from uppsikt.reports.access import ReportAccess
from uppsikt.reports.actions.workflow import AUDIT_CODES
from uppsikt.reports.models import Period
from uppsikt.reports.reading import CACHE_SECONDS, cached_report, report_stamp
from uppsikt.services.reporting import check_report

# Workflow steps that leave a reason the writers should read.
_WITH_REASON = ("report.returned", "report.reopened")


def checked_report(access: ReportAccess) -> tuple[DomainReport, CheckResult]:
    """The report as the web shows it and the findings of `uppsikt check` on it, with the
    comparison against the ledger."""
    report, ledger_findings = cached_report(access)
    key = f"uppsikt:checks:{report_stamp(access)}"
    cached = cache.get(key)
    if isinstance(cached, CheckResult):
        return report, cached
    result = check_report(report, extra=ledger_findings)
    cache.set(key, result, timeout=CACHE_SECONDS)
    return report, result


def content_lacks(access: ReportAccess) -> Lacks:
    """What the report's content lacks (see `domain.lacks`), cached by stamp."""
    key = f"uppsikt:lacks:{report_stamp(access)}"
    cached = cache.get(key)
    if isinstance(cached, Lacks):
        return cached
    report, result = checked_report(access)
    lacks = report_lacks(report, result.findings)
    cache.set(key, lacks, timeout=CACHE_SECONDS)
    return lacks


def unanswered_comments(report_ids: Iterable[int]) -> dict[int, int]:
    """Report id → number of comments nobody has marked as answered, in one query."""
    rows = (
        Comment.objects.filter(report_id__in=list(report_ids), resolved_at__isnull=True)
        .values("report_id")
        .annotate(count=Count("pk"))
    )
    return {row["report_id"]: row["count"] for row in rows}


def reviewer_reason(access: ReportAccess) -> AuditEntry | None:
    """The reviewer's return or reopen entry while the report is a draft because of it."""
    if access.status is not Status.DRAFT:
        return None
    last_step = (
        AuditEntry.objects.filter(report_id=access.report.pk, action__in=AUDIT_CODES.values())
        .order_by("-at", "-id")
        .first()
    )
    if last_step is None or last_step.action not in _WITH_REASON:
        return None
    return last_step


@dataclass(frozen=True)
class WorkflowSummary:
    """What the hub shows beside the workflow buttons."""

    lacks: Lacks
    unanswered_comments: int
    reason: AuditEntry | None

    @property
    def total(self) -> int:
        return self.lacks.total + self.unanswered_comments


def workflow_summary(access: ReportAccess) -> WorkflowSummary:
    """The report's lacks, its unanswered comments and the reviewer's latest reason."""
    comments = unanswered_comments([access.report.pk]).get(access.report.pk, 0)
    return WorkflowSummary(content_lacks(access), comments, reviewer_reason(access))


def access_period(user: AnyUser, period_id: int) -> Period:
    """The period, if `user` reviews or administers its municipality (else 404, as if the
    period did not exist)."""
    period = Period.objects.select_related("municipality").filter(pk=period_id).first()
    if period is None or not user.is_authenticated:
        raise Http404("Perioden finns inte.")
    oversees = Membership.objects.filter(
        user_id=user.pk,
        municipality_id=period.municipality_id,
        organisation__isnull=True,
        role__in=[Role.REVIEWER.value, Role.ADMIN.value],
    ).exists()
    if not oversees:
        raise Http404("Perioden finns inte.")
    return period
