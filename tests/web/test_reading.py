"""The cached report and page follow every change they are built from."""

from __future__ import annotations

from django.contrib.auth.models import User

from uppsikt.ledger.models import FileKind, LedgerFile
from uppsikt.reports.models import Report, Section
from uppsikt.review.access import access_report
from uppsikt.review.actions.revision import bump_revision
from uppsikt.web.reading import rendered, report_stamp


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
