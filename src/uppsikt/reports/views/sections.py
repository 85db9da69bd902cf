"""Writing a section: the Markdown form with a preview, and the page for merging when
someone else saved first.

Everyone who may read the report sees the text; only writers of a draft get the form
(Action.EDIT). A POST without that role is refused with 403 and the reason; a POST to a
report submitted or approved since the form was opened gets 409 with the text kept.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from uppsikt.accounts.kept import login_keeps_text
from uppsikt.documents.html import render_html
from uppsikt.documents.markdown import markdown_blocks
from uppsikt.documents.model import Block, Cover, Document, Heading, Paragraph, Text
from uppsikt.documents.sanitise import clean_markdown
from uppsikt.domain.diff import word_diff
from uppsikt.domain.markdown import Directive, split_directives
from uppsikt.domain.workflow import Action, WorkflowError, decide
from uppsikt.oversight.actions.comments import RESOLVERS
from uppsikt.oversight.models import Comment
from uppsikt.reports.access import ReportAccess, access_report
from uppsikt.reports.actions.sections import (
    EditConflict,
    InvalidText,
    latest_version,
    save_section,
)
from uppsikt.reports.forms import CommentForm, SectionForm
from uppsikt.reports.models import Section
from uppsikt.reports.places import TextPlace, section_row
from uppsikt.reports.views.kept import refused, refused_after

DIRECTIVE_LABELS = {
    "table": gettext_lazy("tabellen"),
    "generated": gettext_lazy("den genererade texten"),
}


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def section_or_404(report_id: int, place: str) -> Section:
    row = section_row(report_id, place)
    if row is None:
        raise Http404("Rapporten har inget sådant avsnitt.")
    return row


def section_context(row: Section) -> str:
    """What the section belongs to: its chapter's title or its goal's title."""
    if row.chapter_id is not None:
        return str(Section.objects.filter(pk=row.pk).values_list("chapter__title", flat=True)[0])
    return str(
        Section.objects.filter(pk=row.pk).values_list("follow_up__goal__title", flat=True)[0]
    )


def preview_html(heading: str, body: str) -> SafeString:
    """The section as the HTML document shows it: Markdown to document blocks, drawn by
    the document's own HTML renderer (which escapes every text and keeps only http(s)
    and mailto links). Tables and generated texts are shown by name."""
    blocks: list[Block] = [Heading(2, heading or _("Utan rubrik"), "forhandsgranskning")]
    for part in split_directives(body):
        if isinstance(part, str):
            blocks.extend(markdown_blocks(part))
        elif isinstance(part, Directive):
            label = DIRECTIVE_LABELS.get(part.kind, part.kind)
            note = _("[Här infogas %(what)s ”%(key)s”.]") % {"what": label, "key": part.key}
            blocks.append(Paragraph((Text(note, italic=True),)))
        else:  # the writer sees the line as written; saving it is refused
            blocks.append(Paragraph((Text(part.text),)))
    page = render_html(Document(Cover(heading, "", ""), tuple(blocks)))
    start = page.index(">", page.index("<main")) + 1
    end = page.rindex("</main>")
    # The renderer escapes all text itself; nothing user-written reaches here unescaped.
    return mark_safe(page[start:end].strip())


def hub_sections(access: ReportAccess, places: list[TextPlace]) -> list[dict[str, Any]]:
    """The hub's list of texts: each section with its number of open comments (one query)."""
    open_counts = dict(
        Comment.objects.filter(report=access.report, resolved_at__isnull=True)
        .exclude(place="")
        .values("place")
        .annotate(n=Count("pk"))
        .values_list("place", "n")
    )
    return [
        {
            "place": item.place,
            "context": item.context,
            "heading": item.heading,
            "open_comments": open_counts.get(item.place, 0),
        }
        for item in places
    ]


def thread_context(
    access: ReportAccess, place: str, form: CommentForm | None = None
) -> dict[str, Any]:
    """What `_comments.html` needs to show the thread of `place` ("" = the whole report)."""
    comments = list(
        Comment.objects.filter(report=access.report, place=place).select_related(
            "author", "resolved_by"
        )
    )
    can_comment = access.can(Action.COMMENT)
    return {
        "thread_place": place,
        "comments": comments,
        "open_count": sum(1 for comment in comments if comment.resolved_at is None),
        "can_comment": can_comment,
        "can_resolve": can_comment and bool(access.roles & RESOLVERS),
        "comment_form": form or CommentForm(),
    }


def _page_context(access: ReportAccess, row: Section, place: str, **extra: Any) -> dict[str, Any]:
    editable = access.can(Action.EDIT)
    return {
        "access": access,
        "report_row": access.report,
        "place": place,
        "section": row,
        "section_context": section_context(row),
        "editable": editable,
        "readonly_reason": ""
        if editable
        else decide(Action.EDIT, access.roles, access.status).reason,
        "nav": "home",
        **thread_context(access, place),
        **extra,
    }


def edit_url(report_id: int, place: str) -> str:
    return reverse("section_edit", args=[report_id, place])


@login_keeps_text()
@require_http_methods(["GET", "POST"])
def section_edit(request: HttpRequest, report_id: int, place: str) -> HttpResponse:
    """The text of one section: a form for writers of a draft, the text for everyone else."""
    access = access_report(request.user, report_id)
    row = section_or_404(report_id, place)
    if request.method == "POST":
        here = edit_url(report_id, place)
        if (answer := refused(request, access, Action.EDIT, here)) is not None:
            return answer
        form = SectionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                version = save_section(
                    report_id,
                    place,
                    heading=data["heading"],
                    body=data["body"],
                    base_version=data["base_version"],
                    actor=request.user,
                )
            except WorkflowError as error:
                return refused_after(request, report_id, Action.EDIT, error, here)
            except EditConflict as conflict:
                return _conflict(request, access, row, place, conflict)
            except InvalidText as error:
                for field, message in error.problems.items():
                    form.add_error(field, message)
            else:
                messages.success(
                    request,
                    _("Texten är sparad som version %(n)s.") % {"n": version.number},
                )
                return redirect("section_edit", report_id=report_id, place=place)
        elif "base_version" in form.errors:
            return HttpResponse(_("Formuläret saknar versionsnummer."), status=400)
    else:
        current = latest_version(report_id, place, row)
        form = SectionForm(
            initial={"heading": row.heading, "body": row.body, "base_version": current.number}
        )
    context = _page_context(
        access, row, place, form=form, preview=preview_html(row.heading, row.body)
    )
    return render(request, "reports/section_edit.html", context)


def _conflict(
    request: HttpRequest,
    access: ReportAccess,
    row: Section,
    place: str,
    conflict: EditConflict,
) -> HttpResponse:
    theirs = conflict.theirs
    form = SectionForm(
        initial={"heading": conflict.heading, "body": conflict.body, "base_version": theirs.number}
    )
    context = _page_context(
        access,
        row,
        place,
        form=form,
        theirs=theirs,
        yours_heading=conflict.heading,
        yours_body=conflict.body,
        heading_diff=word_diff(theirs.heading, conflict.heading),
        body_diff=word_diff(theirs.body, conflict.body),
    )
    return render(request, "reports/section_conflict.html", context, status=409)


@login_keeps_text(back=edit_url)
@require_POST
def section_preview(request: HttpRequest, report_id: int, place: str) -> HttpResponse:
    """The posted text rendered as the document will show it, cleaned as a save would.
    htmx gets the preview alone; a plain form post gets the edit page with it."""
    access = access_report(request.user, report_id)
    row = section_or_404(report_id, place)
    answer = refused(request, access, Action.EDIT, edit_url(report_id, place))
    if answer is not None:
        return answer
    heading = " ".join(clean_markdown(request.POST.get("heading", "")).split())
    body = clean_markdown(request.POST.get("body", ""))
    preview = preview_html(heading, body)
    if is_htmx(request):
        return render(request, "reports/_section_preview.html", {"preview": preview})
    form = SectionForm(request.POST)
    context = _page_context(access, row, place, form=form, preview=preview, previewed=True)
    return render(request, "reports/section_edit.html", context)
