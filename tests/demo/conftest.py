"""The demo package, loaded and rendered once per test session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from optional import require
from uppsikt.documents.build import build_document
from uppsikt.documents.model import Document
from uppsikt.documents.render import render
from uppsikt.domain.checks import CheckResult, run_checks
from uppsikt.domain.model import Report
from uppsikt.importers.package import LoadedPackage, load_package

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "malmo-ks-2025"
SEED = ROOT.parent / "shared" / "seeds" / "arsanalys-2025-kommunstyrelsen-malmo.txt"


def normalise(text: str) -> str:
    """Collapse all kinds of space and line breaks, unify minus signs."""
    text = text.replace("\u2212", "-").replace("\u00ad", "")
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


@pytest.fixture(scope="session")
def loaded() -> LoadedPackage:
    return load_package(DEMO)


@pytest.fixture(scope="session")
def demo(loaded: LoadedPackage) -> Report:
    return loaded.report


@pytest.fixture(scope="session")
def checked(demo: Report) -> CheckResult:
    return run_checks(demo)


@pytest.fixture(scope="session")
def document(demo: Report) -> Document:
    return build_document(demo)


@pytest.fixture(scope="session")
def pdf_bytes(document: Document) -> bytes:
    return render(document, "pdf")


@pytest.fixture(scope="session")
def docx_bytes(document: Document) -> bytes:
    return render(document, "docx")


@pytest.fixture(scope="session")
def html_text(document: Document) -> str:
    return render(document, "html").decode("utf-8")


@pytest.fixture(scope="session")
def seed_text() -> str:
    require(SEED.exists(), "the seed document (../shared/seeds)")
    return normalise(SEED.read_text(encoding="utf-8"))
