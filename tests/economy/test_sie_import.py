"""Importing a SIE file: aggregated facts, refusal of repeats, replacement, atomicity."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from uppsikt.economy import storing
from uppsikt.economy.errors import AlreadyImported, LedgerImportError, UnknownMunicipality
from uppsikt.economy.mapping_store import save_mapping
from uppsikt.economy.models.ledger import Fact, LedgerAccount, LedgerFile, LedgerObject
from uppsikt.economy.sie_import import import_sie_file
from uppsikt.organisations.models import Municipality

from .conftest import MAPPING, SIE_4E, SIE_4E_FACTS, stored_facts


def database_state() -> dict[str, object]:
    return {
        "files": sorted(LedgerFile.objects.values_list("municipality__key", "sha256", "file_name")),
        "facts": sorted(
            Fact.objects.values_list("municipality__key", "year", "month", "account", "amount")
        ),
        "accounts": LedgerAccount.objects.count(),
        "objects": LedgerObject.objects.count(),
    }


@pytest.mark.django_db
def test_facts_are_aggregated_as_the_rules_say(municipality: Municipality, sie_file: Path) -> None:
    result = import_sie_file("exempel", sie_file)

    assert stored_facts("exempel") == SIE_4E_FACTS
    assert result.facts_written == len(SIE_4E_FACTS)
    assert result.years == (2024, 2025)
    assert result.counts["vouchers"] == 3
    assert result.counts["PSALDO"] == 6
    assert result.counts["facts"] == len(SIE_4E_FACTS)
    file = LedgerFile.objects.get()
    assert file.kind == "sie"
    assert file.years == [2024, 2025]
    assert file.summary["encoding"] == "cp437"
    assert ["2025", "actual", "", "vouchers"] in [
        [str(year), phase, version, name] for year, phase, version, name in file.summary["sources"]
    ]


@pytest.mark.django_db
def test_objects_are_kept_in_canonical_order(municipality: Municipality, sie_file: Path) -> None:
    import_sie_file("exempel", sie_file)

    fact = Fact.objects.get(objects_key="1=SK01;6=INV01")
    assert fact.object_list == [["1", "SK01"], ["6", "INV01"]]


@pytest.mark.django_db
def test_accounts_dimensions_and_objects_are_upserted(
    municipality: Municipality, sie_file: Path
) -> None:
    LedgerAccount.objects.create(municipality=municipality, number="5011", name="Gammalt namn")

    import_sie_file("exempel", sie_file)

    accounts = dict(LedgerAccount.objects.values_list("number", "name"))
    assert accounts["5011"] == "Löner månadsavlönade"
    assert accounts["6110"] == "Lokalhyror för förskolor"
    assert LedgerAccount.objects.get(number="5011").type == "K"
    names = {(o.dimension, o.object_id): o.name for o in LedgerObject.objects.all()}
    assert names[("6", "INV01")] == "Ny förskola Åby"
    assert names[("1", "SK02")] == "Kultur och fritid"


@pytest.mark.django_db
def test_the_same_file_is_refused_the_second_time(
    municipality: Municipality, sie_file: Path
) -> None:
    import_sie_file("exempel", sie_file)
    before = database_state()

    with pytest.raises(AlreadyImported, match="replace"):
        import_sie_file("exempel", sie_file)

    assert database_state() == before


@pytest.mark.django_db
def test_replace_replaces_the_earlier_import(municipality: Municipality, sie_file: Path) -> None:
    first = import_sie_file("exempel", sie_file)

    second = import_sie_file("exempel", sie_file, replace=True)

    assert second.file_id != first.file_id
    assert LedgerFile.objects.count() == 1
    assert stored_facts("exempel") == SIE_4E_FACTS


@pytest.mark.django_db
@pytest.mark.parametrize("exception", [KeyboardInterrupt, RuntimeError])
def test_an_interrupted_import_leaves_the_database_as_it_was(
    municipality: Municipality, sie_file: Path, exception: type[BaseException]
) -> None:
    import_sie_file("exempel", sie_file)
    before = database_state()
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if done == total:
            raise exception

    with pytest.raises(exception):
        import_sie_file("exempel", sie_file, replace=True, progress=progress)

    assert calls[0] == (0, sie_file.stat().st_size)
    assert database_state() == before


@pytest.mark.django_db
def test_a_failure_while_writing_rolls_everything_back(
    municipality: Municipality, sie_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_sie_file("exempel", sie_file)
    before = database_state()

    def fail(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # after the old file was deleted and new facts written

    monkeypatch.setattr(storing, "find_gaps", fail)
    with pytest.raises(KeyboardInterrupt):
        import_sie_file("exempel", sie_file, replace=True)

    assert database_state() == before


@pytest.mark.django_db
def test_progress_goes_from_zero_to_the_file_size(
    municipality: Municipality, sie_file: Path
) -> None:
    calls: list[tuple[int, int]] = []

    import_sie_file("exempel", sie_file, progress=lambda done, total: calls.append((done, total)))

    size = sie_file.stat().st_size
    assert calls[0] == (0, size)
    assert calls[-1] == (size, size)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


@pytest.mark.django_db
def test_an_unreadable_file_names_file_and_line_and_writes_nothing(
    municipality: Municipality, write_file: Callable[..., Path]
) -> None:
    # An opening #KSUMMA without a closing one: the file is truncated (sie.md §9).
    broken = write_file("trasig.se", SIE_4E.replace("#FLAGGA 0\n", "#FLAGGA 0\n#KSUMMA\n"), "cp437")

    with pytest.raises(LedgerImportError, match=r"trasig\.se"):
        import_sie_file("exempel", broken)

    assert database_state()["files"] == []
    assert database_state()["accounts"] == 0


@pytest.mark.django_db
def test_html_instead_of_sie_is_refused(
    municipality: Municipality, write_file: Callable[..., Path]
) -> None:
    page = write_file("export.se", "<html><body>404 Not Found</body></html>\n")

    with pytest.raises(LedgerImportError, match=r"export\.se"):
        import_sie_file("exempel", page)


@pytest.mark.django_db
def test_an_unknown_municipality_is_not_created(sie_file: Path) -> None:
    with pytest.raises(UnknownMunicipality, match="rapportpaket"):
        import_sie_file("finns-inte", sie_file)

    assert not Municipality.objects.filter(key="finns-inte").exists()


@pytest.mark.django_db
def test_other_municipalities_are_unaffected(
    municipality: Municipality, other_municipality: Municipality, sie_file: Path
) -> None:
    import_sie_file("annan", sie_file)
    before = stored_facts("annan")

    import_sie_file("exempel", sie_file)  # same bytes, other municipality: not a repeat
    import_sie_file("exempel", sie_file, replace=True)

    assert stored_facts("annan") == before == SIE_4E_FACTS
    assert LedgerFile.objects.filter(municipality=other_municipality).count() == 1


@pytest.mark.django_db
def test_a_new_export_of_the_year_takes_over(
    municipality: Municipality, sie_file: Path, write_file: Callable[..., Path]
) -> None:
    import_sie_file("exempel", sie_file)
    later = SIE_4E.replace('#TRANS 5011 {1 "SK01"} 50000.00', '#TRANS 5011 {1 "SK01"} 49000.00')
    later = later.replace("#TRANS 1930 {} -75000.00", "#TRANS 1930 {} -74000.00")
    path = write_file("huvudbok-februari.se", later, "cp437")

    result = import_sie_file("exempel", path)

    facts = stored_facts("exempel")
    assert facts[(2025, 1, "5011", "1=SK01", "actual")] == 4_900_000
    assert len(facts) == len(SIE_4E_FACTS)
    assert result.superseded == len(SIE_4E_FACTS)
    assert set(Fact.objects.values_list("source__file_name", flat=True)) == {path.name}


@pytest.mark.django_db
def test_period_balances_never_take_over_from_vouchers(
    municipality: Municipality, write_file: Callable[..., Path]
) -> None:
    # Last year's file has 2024 vouchers; this year's file has 2024 only as #PSALDO.
    last_year = (
        SIE_4E.replace("#RAR 0 20250101 20251231", "#RAR 0 20240101 20241231")
        .replace("#RAR -1 20240101 20241231", "#RAR -1 20230101 20231231")
        .replace("#VER A 1 20250115", "#VER A 1 20240115")
    )
    last_year = (
        "\n".join(
            line for line in last_year.splitlines() if not line.startswith(("#PSALDO", "#PBUDGET"))
        )
        + "\n"
    )
    last_year = last_year.split("#VER A 2")[0]  # keep only the January voucher
    import_sie_file("exempel", write_file("2024.se", last_year, "cp437"))

    result = import_sie_file("exempel", write_file("2025.se", SIE_4E, "cp437"))

    facts = stored_facts("exempel")
    assert facts[(2024, 1, "5011", "1=SK01", "actual")] == 5_000_000  # from 2024's vouchers
    assert (2024, 2, "5011", "", "actual") not in facts  # 2025.se's #PSALDO is not used
    assert any(w.code == "ledger.kept_stronger_source" for w in result.warnings)
    assert 2024 not in result.years


@pytest.mark.django_db
def test_mapping_gaps_are_reported_with_amounts(municipality: Municipality, sie_file: Path) -> None:
    save_mapping("exempel", MAPPING, actor=None)

    result = import_sie_file("exempel", sie_file)

    gaps = {(gap.kind, gap.key): gap for gap in result.gaps}
    assert set(gaps) == {("account", "6110"), ("cost_centre", "SK02")}
    assert gaps[("account", "6110")].name == "Lokalhyror för förskolor"
    assert str(gaps[("account", "6110")].amount) == "24500.00"  # 12000 + 500 + budget 12000
    assert gaps[("cost_centre", "SK02")].name == "Kultur och fritid"
    assert "SK02" in str(gaps[("cost_centre", "SK02")])


SIE3_HEAD = """\
#FLAGGA 0
#PROGRAM "Test" 1.0
#FORMAT PC8
#GEN 20260101
#SIETYP 3
#FNAMN "Exempels kommun"
#RAR 0 20250101 20251231
#KONTO 3041 "Försäljning"
#KONTO 4010 "Inköp"
#DIM 1 "Ansvar"
#DIM 6 "Projekt"
#DIM 7 "Anställd"
"""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("records", "expected", "evidence"),
    [
        pytest.param(
            # The total beside a breakdown per dimension, which overlap (as Visma writes).
            "#RES 0 3041 -1000.00\n"
            "#PSALDO 0 202501 3041 {} -1000.00\n"
            '#PSALDO 0 202501 3041 {1 "A"} -600.00\n'
            '#PSALDO 0 202501 3041 {1 "B"} -100.00\n'
            '#PSALDO 0 202501 3041 {6 "P1"} -700.00\n',
            {"1=A": -60_000, "1=B": -10_000, "": -30_000},
            True,
            id="total-and-breakdowns",
        ),
        pytest.param(
            # Disjoint cells per object combination, the rest on {} (as Avendo writes).
            "#RES 0 4010 1000.00\n"
            "#PSALDO 0 202501 4010 {} 100.00\n"
            '#PSALDO 0 202501 4010 {7 "4"} 600.00\n'
            '#PSALDO 0 202501 4010 {1 "A" 7 "4"} 300.00\n',
            {"": 10_000, "7=4": 60_000, "1=A;7=4": 30_000},
            True,
            id="cells-and-remainder",
        ),
        pytest.param(
            # No #RES to tell: the row without objects is read as the total (4B).
            '#PSALDO 0 202501 3041 {} -1000.00\n#PSALDO 0 202501 3041 {1 "A" 6 "P1"} -600.00\n',
            {"1=A": -60_000, "": -40_000},
            False,
            id="no-evidence",
        ),
    ],
)
def test_period_balances_with_and_without_objects_count_once(
    municipality: Municipality,
    write_file: Callable[..., Path],
    records: str,
    expected: dict[str, int],
    evidence: bool,
) -> None:
    path = write_file("objektsaldo.se", SIE3_HEAD + records, "cp437")

    result = import_sie_file("exempel", path)

    assert {key: amount for (_, _, _, key, _), amount in stored_facts("exempel").items()} == (
        expected
    )
    [note] = [w for w in result.warnings if w.code.startswith("ledger.")]
    assert note.code == "ledger.object_rows"
    assert ("enligt #RES/#IB/#UB läses" in note.message) == evidence


@pytest.mark.django_db
def test_a_file_with_skipped_records_is_refused_unless_allowed(
    municipality: Municipality, write_file: Callable[..., Path]
) -> None:
    text = SIE_4E.replace("#VER A 3 20250131", "#VER A 3 20251341")  # no such date
    path = write_file("felaktig.se", text, "cp437")

    with pytest.raises(LedgerImportError, match=r"felaktig\.se: läsningen hittade 1 fel") as raised:
        import_sie_file("exempel", path)
    assert "allow_errors" in str(raised.value)
    (problem,) = raised.value.problems  # the reader's issue, as every importer reports one
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "20251341" in row)
    assert (problem.file, problem.line) == ("felaktig.se", line)
    assert f"\nfelaktig.se:{line}: " in str(raised.value)
    assert not LedgerFile.objects.exists()

    result = import_sie_file("exempel", path, allow_errors=True)

    assert any(w.severity == "error" for w in result.warnings)
    assert (2025, 1, "3510", "1=SK01", "actual") not in stored_facts("exempel")


@pytest.mark.django_db
def test_a_missing_file_is_an_import_error(municipality: Municipality, tmp_path: Path) -> None:
    with pytest.raises(LedgerImportError, match="går inte att läsa"):
        import_sie_file("exempel", tmp_path / "saknas.se")


def test_an_import_is_audited(municipality: Municipality, sie_file: Path) -> None:
    from uppsikt.audit.models import AuditEntry

    result = import_sie_file("exempel", sie_file)
    entry = AuditEntry.objects.get(action="ledger.imported")
    assert entry.municipality_id == municipality.pk
    assert entry.after is not None
    assert entry.after["sha256"] == result.sha256
    assert entry.after["facts"] == result.facts_written
    assert entry.after["replaced"] is False
