"""Saving the mapping is an audited action that moves the ledger stamp."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from uppsikt.audit.models import AuditEntry
from uppsikt.cli import main
from uppsikt.domain.economy.model import AccountRule, Mapping
from uppsikt.economy.errors import InvalidMapping
from uppsikt.economy.mapping_store import save_mapping
from uppsikt.organisations.models import Municipality
from uppsikt.reports.reading import ledger_stamp

MAPPING_YAML = Path(__file__).resolve().parents[2] / "examples/malmo-ks-2025-ledger/mapping.yaml"
SMALL = Mapping(account_rules=(AccountRule("5000", "5999", "salaries"),))


@pytest.mark.django_db
def test_the_cli_import_writes_one_entry_and_moves_the_stamp(municipality: Municipality) -> None:
    stamp = ledger_stamp(municipality.pk)

    result = CliRunner().invoke(
        main, ["ledger", "mapping", "import", str(MAPPING_YAML), "-m", "exempel"]
    )

    assert result.exit_code == 0, result.output
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.municipality_id, entry.user_id) == (
        "ledger.mapping_saved",
        municipality.pk,
        None,
    )
    assert entry.before is None  # the packaged default was in use
    assert isinstance(entry.after, dict) and entry.after["account_rules"] > 0
    assert ledger_stamp(municipality.pk) != stamp


@pytest.mark.django_db
def test_saving_again_records_what_was_replaced(municipality: Municipality) -> None:
    save_mapping("exempel", SMALL, actor=None)
    first = AuditEntry.objects.get()
    stamp = ledger_stamp(municipality.pk)

    save_mapping("exempel", Mapping(account_rules=()), actor=None)

    second = AuditEntry.objects.exclude(pk=first.pk).get()
    assert second.before == first.after
    assert isinstance(second.after, dict) and second.after["account_rules"] == 0
    assert ledger_stamp(municipality.pk) != stamp


@pytest.mark.django_db
def test_a_refused_mapping_writes_no_entry(municipality: Municipality) -> None:
    with pytest.raises(InvalidMapping):
        save_mapping(
            "exempel", Mapping(account_rules=(AccountRule("9", "1", "salaries"),)), actor=None
        )
    assert not AuditEntry.objects.exists()
