"""The libyaml-based loader reads every package file exactly as the pure-Python one does,
line numbers included (it is only there for speed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from optional import require
from uppsikt.importers.package.yaml_lines import (
    HAVE_LIBYAML,
    FastLineLoader,
    LineDict,
    LineList,
    LineLoader,
    _load,
)

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    [
        *ROOT.glob("examples/*/*.yaml"),
        *ROOT.glob("examples/*/tables/*.yaml"),
        *Path(__file__).parent.glob("data/**/*.yaml"),
    ]
)


def _shape(value: Any) -> Any:
    """Values with their recorded lines, comparable with ==."""
    if isinstance(value, LineDict):
        return ("map", value.line, {k: (value.key_lines[k], _shape(v)) for k, v in value.items()})
    if isinstance(value, LineList):
        return (
            "seq",
            value.line,
            [(n, _shape(v)) for n, v in zip(value.item_lines, value, strict=True)],
        )
    return (type(value).__name__, value)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_fast_and_pure_loaders_agree(path: Path) -> None:
    require(HAVE_LIBYAML, "PyYAML's libyaml loader")
    text = path.read_text(encoding="utf-8")
    fast = _load(FastLineLoader(text, 1))
    pure = _load(LineLoader(text, 1))
    assert _shape(fast.data) == _shape(pure.data)
    assert fast.duplicate_keys == pure.duplicate_keys


def test_fast_loader_refuses_self_referencing_aliases() -> None:
    from yaml.composer import ComposerError

    with pytest.raises(ComposerError):
        _load(FastLineLoader("a: &x [1, *x]\n", 1))
