"""Audit codes: every code written anywhere in `src/` is a member of `AuditCode`, and every
member has a Swedish label that the English catalogue translates."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.utils import translation

from uppsikt.audit.codes import LABELS, AuditCode, label_of

SRC = Path(__file__).resolve().parents[2] / "src" / "uppsikt"
PO = SRC / "locale/en/LC_MESSAGES/django.po"


def _audit_modules() -> list[tuple[Path, ast.Module]]:
    """The modules that import `record` from `uppsikt.audit.actions`."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(
            isinstance(node, ast.ImportFrom)
            and node.module == "uppsikt.audit.actions"
            and any(alias.name == "record" for alias in node.names)
            for node in ast.walk(tree)
        ):
            found.append((path, tree))
    return found


def _action_argument(call: ast.Call) -> ast.expr | None:
    if len(call.args) >= 2:
        return call.args[1]
    return next((k.value for k in call.keywords if k.arg == "action"), None)


def test_every_record_call_names_a_member_of_the_enum() -> None:
    calls = 0
    strings = []
    for path, tree in _audit_modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id != "record":
                    continue
                calls += 1
                argument = _action_argument(node)
                if isinstance(argument, ast.Constant):
                    strings.append(f"{path.relative_to(SRC)}:{node.lineno} {argument.value!r}")
    assert calls >= 15  # the scan finds the calls (a rename of `record` would hide them)
    assert strings == [], "pass an AuditCode member, not a string"


def test_every_audit_code_used_in_src_is_a_member() -> None:
    members = {member.name for member in AuditCode}
    used: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "AuditCode"
            ):
                used.add(node.attr)
    assert used - members - {"label"} == set()
    # A code that nothing writes is noise in the admin's filter and the catalogue.
    assert members - used == set()


def test_every_member_has_a_label_translated_in_the_catalogue() -> None:
    catalogue = PO.read_text(encoding="utf-8")
    assert set(LABELS) == set(AuditCode)
    for member in AuditCode:
        assert re.fullmatch(r"[a-z]+\.[a-z_]+", member.value), member
        with translation.override("sv"):
            swedish = member.label
        with translation.override("en"):
            english = member.label
        assert f'msgid "{swedish}"' in catalogue, member
        assert english != swedish, member  # compiled into the .mo as well


def test_the_label_of_an_unknown_stored_code_is_the_code() -> None:
    assert label_of("report.approved") == "Godkände rapporten"
    assert label_of("old.code") == "old.code"


def test_record_refuses_a_string_that_is_no_code() -> None:
    from uppsikt.audit.actions import record

    with pytest.raises(ValueError):
        record(None, "no.such.code")  # type: ignore[arg-type]
