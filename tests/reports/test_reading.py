"""The cached report and page follow every change they are built from."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import transaction

from uppsikt.economy.models.ledger import FileKind, LedgerFile
from uppsikt.reports.access import access_report
from uppsikt.reports.models import Report, Section
from uppsikt.reports.reading import rendered, report_stamp
from uppsikt.reports.revision import bump_revision


def test_the_stamp_moves_with_web_changes_imports_and_ledger_files(
    users: dict[str, User], report_id: int
) -> None:
    reader = users["lasare"]
    first = report_stamp(access_report(reader, report_id))
    assert report_stamp(access_report(reader, report_id)) == first  # stable when unchanged

    report = Report.objects.get(pk=report_id)
    bump_revision(report)
    second = report_stamp(access_report(reader, report_id))
    assert second != first

    report.save()  # what an import does to the report row
    third = report_stamp(access_report(reader, report_id))
    assert third != second

    LedgerFile.objects.create(
        municipality_id=report.organisation.municipality_id,
        file_name="x.se",
        sha256="0" * 64,
        kind=FileKind.SIE,
    )
    assert report_stamp(access_report(reader, report_id)) != third


def test_the_page_shows_a_change_once_the_revision_moves(
    users: dict[str, User], report_id: int
) -> None:
    reader = users["lasare"]
    before = rendered(access_report(reader, report_id), "html").decode()
    section = Section.objects.filter(chapter__report_id=report_id).order_by("pk").first()
    assert section is not None
    section.body = "Ett helt nytt stycke om kvartalets arbete."
    section.save()
    bump_revision(Report.objects.get(pk=report_id))
    after = rendered(access_report(reader, report_id), "html").decode()
    assert "Ett helt nytt stycke" not in before
    assert "Ett helt nytt stycke" in after


def test_a_change_warms_the_page_once_it_commits(
    users: dict[str, User], report_id: int, django_capture_on_commit_callbacks: Any
) -> None:
    reader = users["lasare"]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            bump_revision(Report.objects.get(pk=report_id))
        stamp = report_stamp(access_report(reader, report_id))
        assert cache.get(f"uppsikt:doc:{stamp}:html") is None  # not before the commit
    assert callbacks
    warmed = cache.get(f"uppsikt:doc:{stamp}:html")
    assert isinstance(warmed, bytes) and b"UTKAST" in warmed


def test_while_one_process_rebuilds_the_others_serve_the_page_of_a_moment_ago(
    users: dict[str, User], report_id: int
) -> None:
    reader = users["lasare"]
    before = rendered(access_report(reader, report_id), "html")
    section = Section.objects.filter(chapter__report_id=report_id).order_by("pk").first()
    assert section is not None
    section.body = "Text som sparas medan sidan byggs om."
    section.save()
    bump_revision(Report.objects.get(pk=report_id))
    cache.add(f"uppsikt:lock:{report_id}:html", True)  # another process is rebuilding
    assert rendered(access_report(reader, report_id), "html") == before
    cache.delete(f"uppsikt:lock:{report_id}:html")
    assert b"Text som sparas medan sidan byggs om." in rendered(
        access_report(reader, report_id), "html"
    )


def test_no_stale_page_crosses_a_change_of_marking(users: dict[str, User], report_id: int) -> None:
    """A report just approved never shows a page still marked UTKAST, and vice versa."""
    from uppsikt.reports.actions.workflow import approve_report, submit_report

    reader = users["lasare"]
    assert b"UTKAST" in rendered(access_report(reader, report_id), "html")
    submit_report(report_id, actor=users["skribent"])
    approve_report(report_id, actor=users["granskare"])
    cache.add(f"uppsikt:lock:{report_id}:html", True)
    assert b"UTKAST" not in rendered(access_report(reader, report_id), "html")
