"""Every kind of audit entry, with the Swedish label the audit log shows for it.

Codes are dotted lower case (`report.approved`). `uppsikt.audit.actions.record` takes only
an `AuditCode`, so a new kind of entry starts here, with its label (and its English in the
catalogue); a test checks that every code used in `src/` is a member with a label.
"""

from __future__ import annotations

from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class AuditCode(StrEnum):
    REPORT_IMPORTED = "report.imported"
    REPORT_SUBMITTED = "report.submitted"
    REPORT_RETURNED = "report.returned"
    REPORT_APPROVED = "report.approved"
    REPORT_REOPENED = "report.reopened"
    GOAL_ASSESSED = "goal.assessed"
    ASSIGNMENT_REPORTED = "assignment.reported"
    VARIANCE_EXPLAINED = "variance.explained"
    SECTION_SAVED = "section.saved"
    COMMENT_ADDED = "comment.added"
    COMMENT_RESOLVED = "comment.resolved"
    DEMO_RESET = "demo.reset"
    DEMO_CITY_LOADED = "demo.city_loaded"
    ROLE_GRANTED = "role.granted"
    ROLE_CHANGED = "role.changed"
    ROLE_REVOKED = "role.revoked"
    LEDGER_IMPORTED = "ledger.imported"
    LEDGER_MAPPING_SAVED = "ledger.mapping_saved"
    ADMIN_ADDED = "admin.added"
    ADMIN_CHANGED = "admin.changed"
    ADMIN_DELETED = "admin.deleted"
    ROUND_OPENED = "round.opened"
    ROUND_DEADLINE_SET = "round.deadline_set"
    ROUND_REMINDER_SENT = "round.reminder_sent"
    FORECAST_RECORDED = "forecast.recorded"
    FORECASTS_IMPORTED = "forecast.imported"
    OUTCOME_RECORDED = "outcome.recorded"
    CASE_OPENED = "case.opened"
    CASE_ACTION_PLAN = "case.action_plan"
    CASE_FOLLOWED_UP = "case.followed_up"
    CASE_CLOSED = "case.closed"
    COMPANY_REVIEWED = "company.reviewed"
    COMPANY_DOCUMENT_RECEIVED = "company.document_received"

    @property
    def label(self) -> str:
        """What the entry says happened, in the active language."""
        return str(LABELS[self])


LABELS: dict[AuditCode, Promise] = {
    AuditCode.REPORT_IMPORTED: _("Importerade rapporten"),
    AuditCode.REPORT_SUBMITTED: _("Klarmarkerade rapporten"),
    AuditCode.REPORT_RETURNED: _("Skickade tillbaka rapporten"),
    AuditCode.REPORT_APPROVED: _("Godkände rapporten"),
    AuditCode.REPORT_REOPENED: _("Öppnade rapporten igen"),
    AuditCode.GOAL_ASSESSED: _("Bedömde målet"),
    AuditCode.ASSIGNMENT_REPORTED: _("Redovisade budgetuppdraget"),
    AuditCode.VARIANCE_EXPLAINED: _("Förklarade avvikelsen"),
    AuditCode.SECTION_SAVED: _("Sparade avsnittet"),
    AuditCode.COMMENT_ADDED: _("Skrev en kommentar"),
    AuditCode.COMMENT_RESOLVED: _("Markerade kommentaren som besvarad"),
    AuditCode.DEMO_RESET: _("Återställde demorapporten"),
    AuditCode.DEMO_CITY_LOADED: _("Läste in demostaden"),
    AuditCode.ROLE_GRANTED: _("Gav en roll"),
    AuditCode.ROLE_CHANGED: _("Ändrade en roll"),
    AuditCode.ROLE_REVOKED: _("Tog bort en roll"),
    AuditCode.LEDGER_IMPORTED: _("Läste in en huvudboks- eller budgetfil"),
    AuditCode.LEDGER_MAPPING_SAVED: _("Sparade mappningen av huvudboken"),
    AuditCode.ADMIN_ADDED: _("Lade till i administrationen"),
    AuditCode.ADMIN_CHANGED: _("Ändrade i administrationen"),
    AuditCode.ADMIN_DELETED: _("Tog bort i administrationen"),
    AuditCode.ROUND_OPENED: _("Öppnade en rapporteringsomgång"),
    AuditCode.ROUND_DEADLINE_SET: _("Ändrade sista dag i omgången"),
    AuditCode.ROUND_REMINDER_SENT: _("Skickade en påminnelse"),
    AuditCode.FORECAST_RECORDED: _("Sparade en prognos"),
    AuditCode.FORECASTS_IMPORTED: _("Läste in prognoser från en prognosfil"),
    AuditCode.OUTCOME_RECORDED: _("Sparade årets utfall"),
    AuditCode.CASE_OPENED: _("Beslutade om särskild uppsikt"),
    AuditCode.CASE_ACTION_PLAN: _("Tog emot en handlingsplan"),
    AuditCode.CASE_FOLLOWED_UP: _("Följde upp särskild uppsikt"),
    AuditCode.CASE_CLOSED: _("Avslutade särskild uppsikt"),
    AuditCode.COMPANY_REVIEWED: _("Prövade bolagets verksamhet (6 kap. 10 §)"),
    AuditCode.COMPANY_DOCUMENT_RECEIVED: _("Registrerade ett inkommet bolagsdokument"),
}


def label_of(action: str) -> str:
    """The label of a stored code; the code itself for one this version does not know."""
    try:
        return AuditCode(action).label
    except ValueError:
        return action
