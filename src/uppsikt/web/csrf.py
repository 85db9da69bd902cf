"""The page for a refused CSRF check (`CSRF_FAILURE_VIEW`), which keeps the posted text.

A writer meets it when the security token of an open page went stale, most often after
logging in again in another tab (the login gives a new token). Django's own page says
only "Forbidden"; this one says in Swedish what happened and shows their text to copy.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from uppsikt.accounts.kept import posted_texts


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """403 with an explanation and the posted texts in read-only boxes."""
    referer = request.headers.get("Referer", "")
    same_site = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    context = {
        "kept_texts": posted_texts(request) if request.method == "POST" else [],
        "form_url": referer if referer and same_site else "",
    }
    return render(request, "403_csrf.html", context, status=403)
