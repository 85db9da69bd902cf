"""Architecture rules that code review would otherwise have to remember."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "uppsikt"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((SRC / folder).rglob("*.py"))


def test_domain_is_pure() -> None:
    """The domain holds the rules; it must run without Django, files or other layers."""
    for path in _modules("domain"):
        for name in _imports(path):
            assert not name.startswith("django"), f"{path.name} imports {name}"
            if name.startswith("uppsikt."):
                assert name.startswith("uppsikt.domain"), f"{path.name} imports {name}"


def test_documents_and_importers_do_not_touch_the_database() -> None:
    """Checking and building from a package must work without a database."""
    for folder in ("documents", "importers"):
        for path in _modules(folder):
            for name in _imports(path):
                assert not name.startswith("django"), f"{path} imports {name}"
                assert not name.startswith(
                    ("uppsikt.reports", "uppsikt.finance", "uppsikt.goals", "uppsikt.organisations")
                ), f"{path} imports {name}"


def test_modules_stay_readable() -> None:
    """House style: a module should be readable in one sitting."""
    too_long = [
        (path.relative_to(SRC), lines)
        for path in SRC.rglob("*.py")
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > 500
    ]
    assert too_long == []


def test_money_is_never_a_float_in_models() -> None:
    """Amounts are integer kronor (or Decimal); a FloatField would round silently."""
    for path in SRC.rglob("models.py"):
        assert "FloatField" not in path.read_text(encoding="utf-8"), path


def test_apps_do_not_import_the_web_layer() -> None:
    """Imports flow one way: `web` calls the apps' actions and queries, never the reverse."""
    for folder in ("accounts", "audit", "review", "reports", "ledger", "finance", "goals"):
        for path in _modules(folder):
            for name in _imports(path):
                assert not name.startswith("uppsikt.web"), f"{path} imports {name}"


def test_views_write_only_through_actions() -> None:
    """Web views change data only through actions (one transaction, one audit row)."""
    for path in [*_modules("web"), *_modules("review/views")]:
        text = path.read_text(encoding="utf-8")
        for write in (".objects.create(", ".save(", ".delete(", ".objects.update("):
            assert write not in text, f"{path.name} writes with {write}"
