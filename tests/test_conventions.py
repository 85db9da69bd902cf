"""Architecture rules that code review would otherwise have to remember."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "uppsikt"

# One Django app per noun of the glossary (see ARCHITECTURE.md).
APPS = ("organisations", "goals", "reports", "economy", "oversight", "accounts", "audit")
# The Django frame beside the packages.
FRAME = {"settings.py", "urls.py", "wsgi.py", "django_setup.py", "__init__.py"}


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


def _ours(name: str, *prefixes: str) -> bool:
    return any(name == f"uppsikt.{p}" or name.startswith(f"uppsikt.{p}.") for p in prefixes)


def test_top_level_modules_are_packages_named_by_nouns() -> None:
    """The folder names are the map: every top-level module is a package of one area."""
    loose = sorted(p.name for p in SRC.glob("*.py") if p.name not in FRAME)
    assert loose == [], "top-level modules outside a package"
    gone = [name for name in ("review", "finance", "ledger") if (SRC / name).exists()]
    assert gone == [], "old layout names"


def test_domain_is_pure() -> None:
    """The domain holds the rules; it must run without Django, files or other layers."""
    for path in _modules("domain"):
        for name in _imports(path):
            assert not name.startswith("django"), f"{path.name} imports {name}"
            if name.startswith("uppsikt."):
                assert name.startswith("uppsikt.domain"), f"{path.name} imports {name}"


def test_sie_is_a_standalone_library() -> None:
    """The SIE reader could be published on its own: it imports nothing of ours."""
    for path in _modules("sie"):
        for name in _imports(path):
            assert not name.startswith("django"), f"{path} imports {name}"
            if name.startswith("uppsikt."):
                assert name.startswith("uppsikt.sie"), f"{path} imports {name}"


def test_documents_and_importers_import_no_app() -> None:
    """Checking and building from a package must work without a database."""
    for folder in ("documents", "importers"):
        for path in _modules(folder):
            for name in _imports(path):
                assert not name.startswith("django"), f"{path} imports {name}"
                assert not _ours(name, *APPS, "services", "web", "cli"), f"{path} imports {name}"


def test_apps_never_import_the_ways_in() -> None:
    """Imports flow one way: `web` and `cli` call the apps, never the reverse; services
    sit between them (no HTTP, no Click)."""
    for folder in (*APPS, "services"):
        for path in _modules(folder):
            for name in _imports(path):
                assert not _ours(name, "cli"), f"{path} imports {name}"
                assert not _ours(name, "web"), f"{path} imports {name}"
                if folder == "services":
                    assert not name.startswith(("click", "django.http")), f"{path} imports {name}"


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
    for path in SRC.rglob("models*.py"):
        assert "FloatField" not in path.read_text(encoding="utf-8"), path
    for path in SRC.glob("*/models/*.py"):
        assert "FloatField" not in path.read_text(encoding="utf-8"), path


def test_views_write_only_through_actions() -> None:
    """Views change data only through actions (one transaction, one audit row)."""
    views = [p for p in SRC.rglob("*.py") if "views" in p.parts or p.name == "views.py"]
    assert len(views) > 10
    for path in views:
        text = path.read_text(encoding="utf-8")
        for write in (".objects.create(", ".save(", ".delete(", ".objects.update("):
            assert write not in text, f"{path.relative_to(SRC)} writes with {write}"


_RE_FUNCTIONS = {"compile", "match", "fullmatch", "search", "sub", "subn", "split", "finditer"}
MARKDOWN_MODULE = SRC / "domain" / "markdown.py"


def _regex_literals(path: Path) -> list[str]:
    """String constants given as the pattern to a `re` function, and every constant that
    spells an escaped brace pair (`\\{\\{`) anywhere."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if "\\{\\{" in node.value:
                found.append(node.value)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in _RE_FUNCTIONS | {"findall"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append(node.args[0].value)
    return found


def test_markdown_is_parsed_in_one_place() -> None:
    """One parser configuration: the loader, the checks, the documents and the web must
    agree on what a heading, a code block or a link is."""
    for path in SRC.rglob("*.py"):
        if path == MARKDOWN_MODULE:
            continue
        imported = [n for n in _imports(path) if n == "markdown_it" or n.startswith("markdown_it.")]
        assert imported == [], f"{path.relative_to(SRC)} imports {imported}"
    assert "markdown_it" in _imports(MARKDOWN_MODULE)


def test_one_marker_grammar() -> None:
    """`{{ table: key }}` is read by one grammar, or one layer shows as text what another
    takes for a marker (`{{ tabell: x }}` once passed the loader and vanished in the web)."""
    for path in SRC.rglob("*.py"):
        if path == MARKDOWN_MODULE:
            continue
        for pattern in _regex_literals(path):
            assert "{{" not in pattern.replace("\\", ""), f"{path.relative_to(SRC)}: {pattern!r}"
    assert any("{{" in p.replace("\\", "") for p in _regex_literals(MARKDOWN_MODULE))
