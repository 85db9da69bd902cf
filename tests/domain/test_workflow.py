"""The workflow rules: every role × status × action, the transitions and the reasons."""

from __future__ import annotations

import itertools

import pytest

from uppsikt.domain.workflow import (
    NEEDS_REASON,
    Action,
    Role,
    Status,
    WorkflowError,
    allowed_actions,
    decide,
    next_status,
)

R, W, G, A = Role.READER, Role.WRITER, Role.REVIEWER, Role.ADMIN
D, S, OK = Status.DRAFT, Status.SUBMITTED, Status.APPROVED

# Written out by hand from the issue, not derived from the module's tables.
ALLOWED: dict[Action, set[tuple[Role, Status]]] = {
    Action.READ: {(role, status) for role in Role for status in Status},
    Action.EDIT: {(W, D)},
    Action.COMMENT: {(role, status) for role in (W, G, A) for status in (D, S)},
    Action.SUBMIT: {(W, D)},
    Action.RETURN: {(G, S)},
    Action.APPROVE: {(G, S)},
    Action.REOPEN: {(G, OK)},
    Action.VIEW_AUDIT: {(role, status) for role in (G, A) for status in Status},
}

AFTER = {
    Action.SUBMIT: {D: S},
    Action.RETURN: {S: D},
    Action.APPROVE: {S: OK},
    Action.REOPEN: {OK: D},
}


@pytest.mark.parametrize(
    ("role", "status", "action"), list(itertools.product(Role, Status, Action))
)
def test_every_role_status_and_action(role: Role, status: Status, action: Action) -> None:
    decision = decide(action, frozenset({role}), status)
    assert decision.allowed == ((role, status) in ALLOWED[action])
    if decision.allowed:
        assert decision.reason == ""
    else:
        assert decision.reason  # a Swedish sentence the user sees
        assert decision.reason.endswith(".")


@pytest.mark.parametrize(
    ("role", "status", "action"), list(itertools.product(Role, Status, Action))
)
def test_next_status_follows_the_rules(role: Role, status: Status, action: Action) -> None:
    roles = frozenset({role})
    if (role, status) not in ALLOWED[action]:
        with pytest.raises(WorkflowError):
            next_status(action, roles, status, reason="en motivering")
        return
    after = next_status(action, roles, status, reason="en motivering")
    assert after == AFTER.get(action, {}).get(status, status)


def test_no_roles_may_do_nothing() -> None:
    for status in Status:
        assert allowed_actions(frozenset(), status) == frozenset()


def test_roles_add_up() -> None:
    both = frozenset({W, G})
    assert allowed_actions(both, D) == {
        Action.READ,
        Action.EDIT,
        Action.COMMENT,
        Action.SUBMIT,
        Action.VIEW_AUDIT,
    }
    assert allowed_actions(both, S) == {
        Action.READ,
        Action.COMMENT,
        Action.RETURN,
        Action.APPROVE,
        Action.VIEW_AUDIT,
    }
    assert allowed_actions(both, OK) == {Action.READ, Action.REOPEN, Action.VIEW_AUDIT}


def test_allowed_actions_match_decide() -> None:
    for size in range(len(Role) + 1):
        for combination in itertools.combinations(Role, size):
            roles = frozenset(combination)
            for status in Status:
                expected = {a for a in Action if decide(a, roles, status).allowed}
                assert allowed_actions(roles, status) == expected


@pytest.mark.parametrize("action", sorted(NEEDS_REASON))
@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_return_and_reopen_need_a_reason(action: Action, reason: str) -> None:
    status = S if action is Action.RETURN else OK
    with pytest.raises(WorkflowError, match="Skriv varför"):
        next_status(action, frozenset({G}), status, reason)


def test_only_return_and_reopen_need_a_reason() -> None:
    assert {Action.RETURN, Action.REOPEN} == NEEDS_REASON
    assert next_status(Action.SUBMIT, frozenset({W}), D) is S
    assert next_status(Action.APPROVE, frozenset({G}), S) is OK


def test_reasons_name_the_role_or_the_state() -> None:
    assert "granskare" in decide(Action.APPROVE, frozenset({W}), S).reason
    assert "godkänd" in decide(Action.EDIT, frozenset({W}), OK).reason


def test_labels_are_swedish() -> None:
    assert Status.SUBMITTED.label == "Klarmarkerad"
    assert Role.REVIEWER.label == "Granskare"
    assert all(action.label for action in Action)
