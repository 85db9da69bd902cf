"""Caching what an oversight page shows, under a stamp of everything it is built from.

Every write in Uppsikt is an audited action, so the newest audit entry's id names one
state of the whole database: a page part cached under it is rebuilt after any write and
never shows anything stale. (Writes are rare next to reads; a wider invalidation than
needed costs one rebuild.) The key also holds what differs between readers: the period,
who sees which organisations, the language and the day (lateness depends on it).
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import get_language

from uppsikt.audit.models import AuditEntry
from uppsikt.oversight.access import OversightScope

CACHE_SECONDS = 60 * 60


def database_stamp() -> int:
    """The id of the newest audit entry (0 for an empty log): one indexed lookup."""
    newest = AuditEntry.objects.aggregate(newest=Max("id"))["newest"]
    return int(newest or 0)


def part_key(what: str, period_id: int, scope: OversightScope, *extra: object) -> str:
    seen = "all" if scope.whole else ",".join(str(pk) for pk in sorted(scope.own))
    parts = [what, period_id, seen, get_language() or "", timezone.localdate(), *extra]
    return "uppsikt:oversight:" + ":".join(str(part) for part in parts) + f":{database_stamp()}"


def cached_part(key: str, build: Callable[[], str]) -> str:
    """The cached text under `key`, built (and kept) when there is none."""
    value = cache.get(key)
    if isinstance(value, str):
        return value
    value = build()
    cache.set(key, value, timeout=CACHE_SECONDS)
    return value
