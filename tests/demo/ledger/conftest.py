"""The demo ledger, generated once per test session and read back with the SIE reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from uppsikt.demo.ledger import generate
from uppsikt.domain.economy.model import Mapping
from uppsikt.importers.ledger_mapping import read_mapping

from .view import EXAMPLE, Ledger, load


@pytest.fixture(scope="session")
def sie_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "ks-2025.se"
    generate(path)
    return path


@pytest.fixture(scope="session")
def ledger(sie_path: Path) -> Ledger:
    return load(sie_path)


@pytest.fixture(scope="session")
def mapping() -> Mapping:
    loaded = read_mapping(EXAMPLE / "mapping.yaml")
    assert loaded.warnings == ()
    return loaded.mapping
