"""The report as the web shows it: loaded with its ledger, rendered, cached by revision.

Building a report with its economy from the ledger takes a quarter of a second, so the
result is cached under a *stamp* that changes whenever anything it is built from does:
the report's `updated_at` (moved by imports), its workflow revision (moved by every web
change, workflow step, import and admin change of what it shows), and the municipality's
ledger files and mapping (`save_mapping` and admin edits move `LedgerMapping.updated_at`).
A cached page is then never stale, and a busy report page costs three small queries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from django.core.cache import cache
from django.db.models import Count, Max

from uppsikt.documents.build import build_document
from uppsikt.documents.render import render
from uppsikt.domain.checks import Finding
from uppsikt.domain.model import Report
from uppsikt.domain.workflow import Status
from uppsikt.reports.access import ReportAccess

DRAFT_MARKING = "UTKAST"
# Every change moves a stamp (mapping rows edited in the admin too: the admin touches
# `LedgerMapping.updated_at`), so this only bounds how long unused entries are kept.
CACHE_SECONDS = 600
# How long a rebuild may hold the lock before another process tries (a crash releases it).
REBUILD_SECONDS = 30


def ledger_stamp(municipality_id: int) -> str:
    """A string that changes when the municipality's ledger files or mapping do (one query)."""
    from uppsikt.organisations.models import Municipality

    row = (
        Municipality.objects.filter(pk=municipality_id)
        .annotate(
            last=Max("ledger_files__pk"),
            count=Count("ledger_files", distinct=True),
            mapped=Max("ledger_mapping__updated_at"),
        )
        .values_list("last", "count", "mapped")
        .first()
    )
    if row is None:
        return "-"
    last, count, mapped = row
    return f"{last}:{count}:{mapped.timestamp() if mapped else 0}"


def report_stamp(access: ReportAccess) -> str:
    """A string that changes whenever the report as the web shows it may have changed."""
    report = access.report
    ledger = ledger_stamp(report.organisation.municipality_id)
    return f"{report.pk}:{report.updated_at.timestamp()}:{access.revision}:{ledger}"


def domain_report(report_id: int, *, ledger: str | None = None) -> tuple[Report, list[Finding]]:
    """The stored report, with its economy from the ledger when there is one, and the
    findings of comparing the report's stated figures with the ledger. With `ledger` (a
    `ledger_stamp`) the ledger part is cached: a text saved through the web then costs a
    reload of the report, not a new pass over the ledger."""
    from uppsikt.reports.store import load_report
    from uppsikt.services.economy import LedgerPart, ledger_economy

    report = load_report(report_id)

    def memo(key: str, compute: Callable[[], LedgerPart]) -> LedgerPart:
        full_key = f"uppsikt:ledger:{ledger}:{key}"
        cached = cache.get(full_key)
        if isinstance(cached, LedgerPart):
            return cached
        part = compute()
        cache.set(full_key, part, timeout=CACHE_SECONDS)
        return part

    economy = ledger_economy(report, memo=memo if ledger is not None else None)
    return (economy.report, economy.findings) if economy else (report, [])


def cached_report(access: ReportAccess) -> tuple[Report, list[Finding]]:
    """`domain_report`, cached under the report's stamp."""
    ledger = ledger_stamp(access.report.organisation.municipality_id)
    key = f"uppsikt:report:{access.report.pk}:{access.report.updated_at.timestamp()}:"
    key += f"{access.revision}:{ledger}"
    cached = cache.get(key)
    if cached is not None:
        report, findings = cached
        return report, findings
    built = domain_report(access.report.pk, ledger=ledger)
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
    """The report's document in `fmt` (html, pdf, docx), marked as a draft until approved.

    The HTML page is cached. When a change has made it stale, one process rebuilds it
    while the others keep serving the page as it was a moment before (same marking), so
    that a busy page is never rebuilt by every worker at once; saves warm it right after
    they commit (`warm_report`), so readers rarely wait for a rebuild at all."""
    key = f"uppsikt:doc:{report_stamp(access)}:{fmt}"
    cached = cache.get(key)
    if isinstance(cached, bytes):
        return cached
    if fmt != "html":
        # PDF and DOCX are large and asked for rarely: they are not kept.
        return _build(access, fmt)
    latest_key = f"uppsikt:doc:latest:{access.report.pk}:{marking(access)}:{fmt}"
    lock_key = f"uppsikt:lock:{access.report.pk}:{fmt}"
    if not cache.add(lock_key, True, timeout=REBUILD_SECONDS):
        stale = cache.get(latest_key)
        if isinstance(stale, bytes):
            return stale
    try:
        data = _build(access, fmt)
        cache.set_many({key: data, latest_key: data}, timeout=CACHE_SECONDS)
    finally:
        cache.delete(lock_key)
    return data


def _build(access: ReportAccess, fmt: str) -> bytes:
    report, _ = cached_report(access)
    return render(build_document(report, marking=marking(access)), fmt)


def warm_report(report_id: int) -> None:
    """Build the report and its page for its current state, so that the next reader finds
    them cached. Called after a change commits (see `reports.revision`)."""
    from uppsikt.reports.models import Report, ReportState

    report = (
        Report.objects.select_related("organisation__municipality", "period", "term")
        .filter(pk=report_id)
        .first()
    )
    if report is None:
        return
    state = ReportState.objects.filter(report=report).values_list("status", "revision").first()
    status, revision = (Status(state[0]), state[1]) if state else (Status.DRAFT, 0)
    rendered(ReportAccess(report, frozenset(), status, revision), "html")
