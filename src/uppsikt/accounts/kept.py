"""Keeping what a writer typed when a save cannot be done: the login expired, the CSRF
token went stale, or the report was locked while they wrote.

Each such answer shows the posted texts in read-only boxes to copy, never a redirect
that would drop them. htmx requests get a fragment with `HX-Retarget`/`HX-Reswap`, so
that it is put next to what was targeted and replaces nothing the writer typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render, resolve_url
from django.utils.translation import gettext_lazy as _

# Fields that hold no text of the writer's: tokens, versions and choices.
NOT_TEXT = frozenset(
    {
        "csrfmiddlewaretoken",
        "base_version",
        "based_on",
        "next",
        "year_assessment",
        "term_outlook",
        "status",
    }
)
# The texts of every form, named as the form names them; the CSRF failure page does not
# know which form was posted, so the names of all are here.
LABELS: Mapping[str, Any] = {
    "heading": _("Rubrik"),
    "body": _("Text"),
    "comment-body": _("Kommentar"),
    "intro": _("Inledning"),
    "year_motivation": _("Motivering för året"),
    "term_motivation": _("Motivering för mandatperioden"),
    "reason": _("Motivering"),
}


@dataclass(frozen=True)
class KeptText:
    name: str  # the form field's name, so that a form can post it again
    label: str
    text: str


@dataclass(frozen=True)
class KeptField:
    name: str
    value: str


def posted_texts(request: HttpRequest) -> list[KeptText]:
    """The non-empty texts of the posted form, in the order they were posted."""
    texts: list[KeptText] = []
    for name in request.POST:
        if name in NOT_TEXT or name.startswith("based_on:"):
            continue
        label = LABELS.get(name)
        if label is None:
            label = _("Förklaring (%(row)s)") % {"row": name} if "/" in name else name
        texts.extend(
            KeptText(name, str(label), value)
            for value in request.POST.getlist(name)
            if value.strip()
        )
    return texts


def posted_other_fields(request: HttpRequest) -> list[KeptField]:
    """The posted fields that are not texts (choices, tokens), to post them again."""
    kept = {text.name for text in posted_texts(request)}
    return [
        KeptField(name, value)
        for name in request.POST
        if name not in kept and name != "csrfmiddlewaretoken"
        for value in request.POST.getlist(name)
    ]


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def kept_response(
    request: HttpRequest,
    page: str,
    fragment: str,
    context: Mapping[str, Any],
    status: int,
) -> HttpResponse:
    """The page, or for htmx the fragment put just before the element it targeted (or at
    the top of the main content), so that the writer's form stays as it was."""
    context = {
        "kept_texts": posted_texts(request),
        "kept_fields": posted_other_fields(request),
        **context,
    }
    if not is_htmx(request):
        return render(request, page, context, status=status)
    response = render(request, fragment, context, status=status)
    target = request.headers.get("HX-Target", "")
    if target:
        response["HX-Retarget"] = f"#{target}"
        response["HX-Reswap"] = "beforebegin"
    else:
        response["HX-Retarget"] = "#main"
        response["HX-Reswap"] = "afterbegin"
    # The fragment itself, whatever hx-select the form asked for.
    response["HX-Reselect"] = ".kept-notice"
    return response


def login_url(next_url: str) -> str:
    return f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': next_url})}"


View = Callable[..., HttpResponse]


def login_keeps_text(back: Callable[..., str] | None = None) -> Callable[[View], View]:
    """Like `login_required`, but a POST from someone logged out (the session expired
    while they wrote) gets 401 and their text instead of a redirect that drops it.

    `back(**view_kwargs)` is the address of the form, for logging in with `next`; by
    default the address that was posted to."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.user.is_authenticated:
                return view(request, *args, **kwargs)
            if request.method != "POST":
                return redirect_to_login(request.get_full_path())
            form_url = back(**kwargs) if back is not None else request.get_full_path()
            context = {"form_url": form_url, "login_url": login_url(form_url)}
            return kept_response(
                request,
                "accounts/login_expired.html",
                "accounts/_login_expired.html",
                context,
                status=401,
            )

        return wrapped

    return decorator
