"""The yearly review of each company (kommunallagen 6 kap. 10 §) and the documents the
owner directive asks the company to send."""

from __future__ import annotations

from django.db import models

from uppsikt.domain.choices import choices
from uppsikt.domain.oversight.model import CompanyDocumentKind
from uppsikt.organisations.models import Organisation
from uppsikt.oversight.models.cases import CASE_NUMBER_LENGTH


class CompanyReview(models.Model):
    """The executive board's decision for one company and year."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="company_reviews"
    )
    year = models.PositiveSmallIntegerField("år")
    consistent_with_purpose = models.BooleanField("förenlig med det kommunala ändamålet")
    within_powers = models.BooleanField("inom de kommunala befogenheterna")
    basis = models.TextField("underlag", blank=True)
    motivation = models.TextField("motivering", blank=True)
    case_number = models.CharField("ärendenummer", max_length=CASE_NUMBER_LENGTH)
    decided_on = models.DateField("beslutsdatum")

    class Meta:
        ordering = ("organisation_id", "year")
        verbose_name = "prövning av bolag (6 kap. 10 §)"
        verbose_name_plural = "prövningar av bolag (6 kap. 10 §)"
        constraints = (
            models.UniqueConstraint(fields=("organisation", "year"), name="company_review_once"),
        )

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}"


class CompanyDocument(models.Model):
    """A required document of a company for a year, and when it arrived."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="company_documents"
    )
    year = models.PositiveSmallIntegerField("år")
    kind = models.CharField("dokument", max_length=32, choices=choices(CompanyDocumentKind))
    received_on = models.DateField("inkom")
    reference = models.TextField("diarienummer eller länk", blank=True)

    class Meta:
        ordering = ("organisation_id", "year", "kind")
        verbose_name = "bolagsdokument"
        verbose_name_plural = "bolagsdokument"
        constraints = (
            models.UniqueConstraint(
                fields=("organisation", "year", "kind"), name="company_document_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}: {self.get_kind_display()}"
