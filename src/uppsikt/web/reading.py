"""The report as the web shows it: loaded with its ledger, rendered, cached by revision.

Building a report with its economy from the ledger takes a quarter of a second, so the
result is cached under a *stamp* that changes whenever anything it is built from does:
the report's `updated_at` (moved by imports), its workflow revision (moved by every web
change and workflow step), and the municipality's ledger files and mapping. A cached
page is then never stale, and a busy report page costs three small queries.
"""

from __future__ import annotations

import re
import unicodedata

from django.core.cache import cache
from django.db.models import Count, Max

from uppsikt.documents.build import build_document
from uppsikt.documents.render import render
from uppsikt.domain.checks import Finding
from uppsikt.domain.model import Report
from uppsikt.review.access import ReportAccess

DRAFT_MARKING = "UTKAST"
# Mapping rows edited in the admin move no stamp; they are picked up within this time.
CACHE_SECONDS = 600


def report_stamp(access: ReportAccess) -> str:
    """A string that changes whenever the report as the web shows it may have changed."""
    from uppsikt.ledger.models import LedgerFile, LedgerMapping

    report = access.report
    municipality = report.organisation.municipality_id
    files = LedgerFile.objects.filter(municipality_id=municipality).aggregate(
        last=Max("pk"), count=Count("pk")
    )
    mapping = LedgerMapping.objects.filter(municipality_id=municipality).aggregate(
        at=Max("updated_at")
    )
    mapped = mapping["at"].timestamp() if mapping["at"] else 0
    return (
        f"{report.pk}:{report.updated_at.timestamp()}:{access.revision}:"
        f"{files['last']}:{files['count']}:{mapped}"
    )


def domain_report(report_id: int) -> tuple[Report, list[Finding]]:
    """The stored report, with its economy from the ledger when there is one, and the
    findings of comparing the report's stated figures with the ledger (uncached)."""
    from uppsikt.reports.store import load_report
    from uppsikt.workflows import with_ledger

    return with_ledger(load_report(report_id), stored=True)


def cached_report(access: ReportAccess) -> tuple[Report, list[Finding]]:
    """`domain_report`, cached under the report's stamp."""
    key = f"uppsikt:report:{report_stamp(access)}"
    cached = cache.get(key)
    if cached is not None:
        report, findings = cached
        return report, findings
    built = domain_report(access.report.pk)
    cache.set(key, built, timeout=CACHE_SECONDS)
    return built


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


def rendered(access: ReportAccess, fmt: str) -> bytes:
    """The report's document in `fmt` (html, pdf, docx), marked as a draft until approved."""
    key = f"uppsikt:doc:{report_stamp(access)}:{fmt}"
    cached = cache.get(key)
    if isinstance(cached, bytes):
        return cached
    report, _ = cached_report(access)
    data = render(build_document(report, marking=marking(access)), fmt)
    # PDF and DOCX are large and asked for rarely: only the page is worth keeping.
    if fmt == "html":
        cache.set(key, data, timeout=CACHE_SECONDS)
    return data
