"""A Content Security Policy on every response: defence in depth behind the sanitising.

Even if some text ever slipped through as markup, the browser would run no script but
the app's own files (htmx is loaded from /static and configured without eval), load no
plugin and let no other site frame the page. Styles may be inline: the report page
carries its own stylesheet so that it also works saved as a single file.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        return response


# Pages reached without logging in that must not be kept either: the login form (its CSRF
# token, the user name typed) and the documents (behind login, but named here so that they
# stay private even if their access ever changes).
NO_STORE_PAGES = frozenset({"login", "document"})
NO_STORE = "private, no-store"


class NoStoreMiddleware:
    """`Cache-Control: private, no-store` on every response to a logged-in user, on the
    documents and on the login page: a shared computer's browser cache, or a proxy between
    the municipality and the server, must keep no copy of a report or a draft. Static
    files never get here (WhiteNoise answers them first) and keep their own caching.

    After AuthenticationMiddleware in MIDDLEWARE: it reads `request.user`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = request.resolver_match
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or (
            match is not None and match.url_name in NO_STORE_PAGES
        ):
            response["Cache-Control"] = NO_STORE
        return response
