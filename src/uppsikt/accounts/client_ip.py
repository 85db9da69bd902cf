"""The address a request really comes from, for the lock-out after failed logins.

Behind a reverse proxy every request arrives from the proxy; counting failed logins per
that address would lock a user out for everyone, and let anyone lock anyone out. With
`UPPSIKT_PROXIES=N` (the number of reverse proxies in front of the server) the address
is taken from X-Forwarded-For: each proxy appends the address it received the request
from, so the client is the N-th entry from the right. Entries further left are written
by the client and never trusted.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the proxies' X-Forwarded-For entry."""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies: int = getattr(settings, "UPPSIKT_PROXIES", 0)
    if proxies <= 0:
        return remote
    header = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    return forwarded[-proxies] if len(forwarded) >= proxies else remote
