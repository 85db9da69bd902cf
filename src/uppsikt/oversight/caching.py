"""Caching what an oversight page shows, under a stamp of everything it is built from.

Every write in Uppsikt is an audited action, so the newest audit entry's id names one
state of the whole database: a page part cached under it is rebuilt after any write and
never shows anything stale. (Writes are rare next to reads; a wider invalidation than
needed costs one rebuild.) The key also holds what differs between readers: the period,
who sees which organisations, the language and the day (lateness depends on it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache, caches
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from uppsikt.audit.models import AuditEntry
from uppsikt.oversight.access import OversightScope

CACHE_SECONDS = 60 * 60


def database_stamp() -> int:
    """The id of the newest audit entry (0 for an empty log): one indexed lookup."""
    # Plain SQL: asked on every oversight page, and the ORM's aggregate costs more to
    # compile than the database takes to answer.
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(id) FROM {table}")
        row = cursor.fetchone()
    return int(row[0] or 0) if row else 0


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


def reader_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Keep a read-only page per reader under the database's stamp (see above).

    The key holds the session (so only the reader it was made for gets it back: a new
    login is a new session), the CSRF cookie (the page's forms carry a token made from
    it), the address with its query, the language and the day. A page that shows a
    one-time message is not kept, nor is anything but a 200.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        session = getattr(request, "session", None)
        csrf = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
        if request.method != "GET" or session is None or not session.session_key or not csrf:
            return view(request, *args, **kwargs)
        if len(get_messages(request)):
            return view(request, *args, **kwargs)
        digest = hashlib.sha256(
            "\0".join((session.session_key, csrf, request.get_full_path())).encode()
        ).hexdigest()
        key = (
            f"uppsikt:page:{digest}:{get_language() or ''}:{timezone.localdate()}"
            f":{database_stamp()}"
        )
        pages = caches["pages"]
        kept = pages.get(key)
        if isinstance(kept, tuple) and len(kept) == 2:
            content, content_type = kept
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            pages.set(key, (response.content, response["Content-Type"]), timeout=CACHE_SECONDS)
        return response

    return wrapper
