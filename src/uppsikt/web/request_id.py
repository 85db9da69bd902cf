"""A request id on every request, every log record and the error page.

The proxy's `X-Request-ID` is kept when it is a sane token, so that its access log and
ours name the same request; otherwise one is generated. The id goes back in the response
header, is added to each log record written while the request runs (a context variable,
so threads and async tasks each keep their own) and is shown on the 500 page, so that a
user can quote it and an operator can find the traceback.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
NO_REQUEST = "-"  # what records written outside a request carry
_SANE = re.compile(r"[A-Za-z0-9._-]{1,64}")
_current: ContextVar[str] = ContextVar("uppsikt_request_id", default=NO_REQUEST)


def current_request_id() -> str:
    """The id of the request being handled, or "-" outside a request."""
    return _current.get()


def request_id_for(header: str | None) -> str:
    """The proxy's id when it is a sane token (≤ 64 of A-Z a-z 0-9 . _ -), else a new one."""
    if header and _SANE.fullmatch(header):
        return header
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """First in MIDDLEWARE, so that every response, redirects and errors too, has the id."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_for(request.headers.get(HEADER))
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (a filter on handlers, so all loggers get it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _current.get()
        return True
