"""Wide tables scroll in their own box on a phone (WCAG 1.4.10): every table of the main
pages is in a container keyboard users can reach and screen readers name by its caption.
(tests/browser/test_reflow.py measures the pages at 320 px.)"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from uppsikt.reports.actions.workflow import submit_report
from uppsikt.reports.models import Report
from uppsikt.reports.places import section_places
from uppsikt.reports.store import load_report

_BOX = re.compile(
    r'<div class="table-scroll" role="region" tabindex="0" aria-labelledby="([a-z-]+)">\s*'
    r"<table(?: class=\"[a-z -]+\")?>\s*<caption id=\"([a-z-]+)\""
)


def test_every_table_is_in_a_labelled_scroll_box(
    client_as: Callable[[str], Client], users: dict[str, User], report_id: int
) -> None:
    submit_report(report_id, actor=users["skribent"])  # an entry in the audit log
    place = section_places(load_report(report_id))[0].place
    period = Report.objects.get(pk=report_id).period_id
    client = client_as("granskare")
    for url in (
        reverse("home"),
        reverse("report", args=[report_id]),
        reverse("section_history", args=[report_id, place]),
        reverse("variances", args=[report_id]),
        reverse("audit_log", args=[report_id]),
        reverse("period_overview", args=[period]),
        reverse("oversight_matrix", args=[period]),
        reverse("oversight_assignments", args=[period]),
    ):
        page = client.get(url).content.decode()
        boxes = _BOX.findall(page)
        assert page.count("<table") == len(boxes) > 0, url
        assert all(label == caption for label, caption in boxes), url
