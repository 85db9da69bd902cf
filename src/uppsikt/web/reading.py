"""The report as the web shows it: loaded with its ledger, rendered, cached by revision.

A rendered document is cached under the report's id, its `updated_at` (moved by imports)
and its workflow revision (moved by every web change and workflow step), so a cached page
is never stale and a busy report page costs two small queries.
"""

from __future__ import annotations

import re
import unicodedata

from django.core.cache import cache

from uppsikt.documents.build import build_document
from uppsikt.documents.render import render
from uppsikt.domain.checks import Finding
from uppsikt.domain.model import Report
from uppsikt.review.access import ReportAccess

DRAFT_MARKING = "UTKAST"


def domain_report(report_id: int) -> tuple[Report, list[Finding]]:
    """The stored report, with its economy from the ledger when there is one, and the
    findings of comparing the report's stated figures with the ledger."""
    from uppsikt.reports.store import load_report
    from uppsikt.workflows import with_ledger

    return with_ledger(load_report(report_id), stored=True)


def marking(access: ReportAccess) -> str:
    """ "UTKAST" on every document of a report that is not approved."""
    return DRAFT_MARKING if access.is_draft else ""


def download_name(access: ReportAccess, extension: str) -> str:
    """'arsanalys-2025-kommunstyrelsen-utkast.pdf': ASCII, no spaces, draft in the name."""
    report = access.report
    title = report.title or f"{report.period.get_kind_display()} {report.period.year}"
    text = f"{title} {report.organisation.key}"
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "rapport"
    return f"{stem}{'-utkast' if marking(access) else ''}{extension}"


def cache_key(access: ReportAccess, fmt: str) -> str:
    stamp = access.report.updated_at.timestamp()
    return f"uppsikt:doc:{access.report.pk}:{stamp}:{access.revision}:{fmt}"


def rendered(access: ReportAccess, fmt: str) -> bytes:
    """The report's document in `fmt` (html, pdf, docx), marked as a draft until approved."""
    key = cache_key(access, fmt)
    cached = cache.get(key)
    if isinstance(cached, bytes):
        return cached
    report, _ = domain_report(access.report.pk)
    data = render(build_document(report, marking=marking(access)), fmt)
    # PDF and DOCX are large and asked for rarely: only the page is worth keeping.
    if fmt == "html":
        cache.set(key, data, timeout=3600)
    return data
