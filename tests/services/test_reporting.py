"""Building documents from a process that has already typeset a PDF must not hang."""

from __future__ import annotations

from pathlib import Path

from uppsikt.documents.build import build_document
from uppsikt.documents.render import render
from uppsikt.documents.worker import safe_to_fork
from uppsikt.importers.package import load_package
from uppsikt.services.reporting import build_documents

DEMO = Path(__file__).resolve().parents[2] / "examples" / "malmo-ks-2025"


def test_no_fork_once_typst_runs_threads_and_build_still_completes(tmp_path: Path) -> None:
    report = load_package(DEMO).report
    render(build_document(report), "pdf")  # starts Typst's worker threads in this process
    assert not safe_to_fork()
    built = build_documents(report, ("html", "pdf", "docx"), tmp_path)
    assert [b.format for b in built] == ["html", "pdf", "docx"]
    assert all(b.path.stat().st_size > 0 for b in built)
