"""The workflow of a report: who may do what in which state.

A report is a draft while its organisation writes it, submitted (klarmarkerad) when the
writers say it is ready, and approved (locked) when a reviewer at the city office accepts
it. A reviewer can return a submitted report with a comment, and reopen an approved one
with a reason. Pure rules: the actions in `uppsikt.reports.actions.workflow` apply them
and write the audit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """What a user may do for an organisation (writer, reader) or a municipality (all)."""

    READER = "reader"
    WRITER = "writer"
    REVIEWER = "reviewer"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.READER: "Läsare",
    Role.WRITER: "Skribent",
    Role.REVIEWER: "Granskare",
    Role.ADMIN: "Administratör",
}


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    Status.DRAFT: "Utkast",
    Status.SUBMITTED: "Klarmarkerad",
    Status.APPROVED: "Godkänd",
}


class Action(StrEnum):
    READ = "read"
    EDIT = "edit"  # texts, assessments, budget assignments, variance explanations
    COMMENT = "comment"
    SUBMIT = "submit"
    RETURN = "return"  # back to draft, with a comment
    APPROVE = "approve"
    REOPEN = "reopen"  # an approved report back to draft, with a reason
    VIEW_AUDIT = "view_audit"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    Action.READ: "Läsa",
    Action.EDIT: "Redigera",
    Action.COMMENT: "Kommentera",
    Action.SUBMIT: "Klarmarkera",
    Action.RETURN: "Skicka tillbaka",
    Action.APPROVE: "Godkänna",
    Action.REOPEN: "Öppna igen",
    Action.VIEW_AUDIT: "Läsa granskningsloggen",
}

# Which roles may take an action at all (before the state is considered).
_BY_ROLE: dict[Action, frozenset[Role]] = {
    Action.READ: frozenset(Role),
    Action.EDIT: frozenset({Role.WRITER}),
    Action.COMMENT: frozenset({Role.WRITER, Role.REVIEWER, Role.ADMIN}),
    Action.SUBMIT: frozenset({Role.WRITER}),
    Action.RETURN: frozenset({Role.REVIEWER}),
    Action.APPROVE: frozenset({Role.REVIEWER}),
    Action.REOPEN: frozenset({Role.REVIEWER}),
    Action.VIEW_AUDIT: frozenset({Role.REVIEWER, Role.ADMIN}),
}

# The states in which an action is possible, and the state it leads to (None: unchanged).
_BY_STATUS: dict[Action, dict[Status, Status | None]] = {
    Action.READ: {status: None for status in Status},
    Action.EDIT: {Status.DRAFT: None},
    Action.COMMENT: {Status.DRAFT: None, Status.SUBMITTED: None},
    Action.SUBMIT: {Status.DRAFT: Status.SUBMITTED},
    Action.RETURN: {Status.SUBMITTED: Status.DRAFT},
    Action.APPROVE: {Status.SUBMITTED: Status.APPROVED},
    Action.REOPEN: {Status.APPROVED: Status.DRAFT},
    Action.VIEW_AUDIT: {status: None for status in Status},
}

# Actions that must say why (the text goes into the comment thread and the audit log).
NEEDS_REASON = frozenset({Action.RETURN, Action.REOPEN})


class WorkflowError(Exception):
    """An action that the user's roles or the report's state do not allow; the message
    says why, in Swedish, for the user."""


class ImportRefused(WorkflowError):
    """The import would change a report that is submitted or approved; nothing was written.

    Defined here, free of Django, so that the command line can catch it before setting
    Django up."""


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""  # why not, when not allowed


def decide(action: Action, roles: frozenset[Role], status: Status) -> Decision:
    """Whether someone with `roles` may take `action` on a report in `status`."""
    if not roles & _BY_ROLE[action]:
        needed = " eller ".join(sorted(role.label.lower() for role in _BY_ROLE[action]))
        return Decision(False, f"Att {action.label.lower()} kräver rollen {needed}.")
    if status not in _BY_STATUS[action]:
        return Decision(
            False,
            f"Rapporten är {status.label.lower()}; det går inte att {action.label.lower()} den nu.",
        )
    return Decision(True)


def allowed_actions(roles: frozenset[Role], status: Status) -> frozenset[Action]:
    """Every action someone with `roles` may take on a report in `status`."""
    return frozenset(action for action in Action if decide(action, roles, status).allowed)


def next_status(action: Action, roles: frozenset[Role], status: Status, reason: str = "") -> Status:
    """The status after `action`, or WorkflowError saying why it is not possible."""
    decision = decide(action, roles, status)
    if not decision.allowed:
        raise WorkflowError(decision.reason)
    if action in NEEDS_REASON and not reason.strip():
        raise WorkflowError(f"Skriv varför när du vill {action.label.lower()} rapporten.")
    following = _BY_STATUS[action][status]
    return status if following is None else following
