"""Comment threads: per section and for the whole report, shown and added with htmx.

Everyone who may read the report reads the threads; writers, reviewers and admins may
write while the report is a draft or submitted; writers and reviewers mark comments as
answered. Without JavaScript the same addresses give whole pages and redirects.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from uppsikt.accounts.kept import login_keeps_text
from uppsikt.domain.workflow import Action, WorkflowError
from uppsikt.oversight.actions.comments import add_comment, resolve_comment
from uppsikt.oversight.models import Comment
from uppsikt.reports.access import ReportAccess, access_report
from uppsikt.reports.actions.sections import InvalidText
from uppsikt.reports.forms import CommentForm
from uppsikt.reports.views.kept import refused, refused_after
from uppsikt.reports.views.sections import (
    is_htmx,
    section_context,
    section_or_404,
    thread_context,
)


def thread_url(report_id: int, place: str) -> str:
    """Where a thread is shown as a whole page: the section's page, or the report's thread."""
    if place:
        return reverse("section_edit", args=[report_id, place]) + "#comments"
    return reverse("report_comments", args=[report_id])


def _report_url(report_id: int, **_ignored: object) -> str:
    return reverse("report", args=[report_id])


@login_keeps_text()
@require_http_methods(["GET", "POST"])
def comments(request: HttpRequest, report_id: int, place: str) -> HttpResponse:
    """The thread of one section."""
    return _thread(request, report_id, place)


@login_keeps_text()
@require_http_methods(["GET", "POST"])
def report_comments(request: HttpRequest, report_id: int) -> HttpResponse:
    """The thread about the report as a whole (also where return and reopen reasons go)."""
    return _thread(request, report_id, "")


def _thread(request: HttpRequest, report_id: int, place: str) -> HttpResponse:
    access = access_report(request.user, report_id)
    context_title = section_context(section_or_404(report_id, place)) if place else ""
    form = None
    focus: dict[str, Any] = {}
    if request.method == "POST":
        here = thread_url(report_id, place)
        if (answer := refused(request, access, Action.COMMENT, here)) is not None:
            return answer
        form = CommentForm(request.POST)
        if form.is_valid():
            try:
                comment = add_comment(
                    report_id, place, form.cleaned_data["body"], actor=request.user
                )
            except WorkflowError as error:
                return refused_after(request, report_id, Action.COMMENT, error, here)
            except InvalidText as error:
                for field, message in error.problems.items():
                    form.add_error(field, message)
            else:
                if not is_htmx(request):
                    messages.success(request, _("Kommentaren är skickad."))
                    return redirect(thread_url(report_id, place))
                form = None
                focus = {"focus_comment": comment.pk, "announcement": _("Kommentaren är sparad")}
    return _render_thread(request, access, place, form, context_title, **focus)


def _render_thread(
    request: HttpRequest,
    access: ReportAccess,
    place: str,
    form: CommentForm | None,
    context_title: str = "",
    **focus: Any,
) -> HttpResponse:
    """The thread; `focus` (focus_comment, announcement) names the comment that takes
    focus after an htmx swap, and what the live region then says."""
    context = {
        "access": access,
        "report_row": access.report,
        "place": place,
        "section_context": context_title,
        "nav": "home",
        **thread_context(access, place, form),
        **focus,
    }
    if is_htmx(request):
        return render(request, "oversight/_comments.html", context)
    return render(request, "oversight/section_comments.html", context)


@login_keeps_text(back=_report_url)
@require_POST
def comment_resolve(request: HttpRequest, report_id: int, comment_id: int) -> HttpResponse:
    """Mark a comment as answered; htmx gets the thread back, a form post a redirect."""
    access = access_report(request.user, report_id, need=Action.COMMENT)
    try:
        comment = resolve_comment(report_id, comment_id, actor=request.user)
    except WorkflowError as error:
        raise PermissionDenied(str(error)) from error
    except Comment.DoesNotExist as error:
        raise Http404("Kommentaren finns inte.") from error
    if is_htmx(request):
        announcement = _("Kommentaren är markerad som besvarad.")
        return _render_thread(
            request,
            access,
            comment.place,
            None,
            focus_comment=comment.pk,
            announcement=announcement,
        )
    messages.success(request, _("Kommentaren är markerad som besvarad."))
    return redirect(thread_url(report_id, comment.place))
