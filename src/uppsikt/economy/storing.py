"""Write an imported file's facts in one transaction; shared by the SIE and budget imports.

An importer reads and validates its file first, without touching the database, and
hands over a `PendingFile`. `store_file` then, under a lock on the municipality:
refuses a file imported before (or removes that import when replacing), writes the
file row, the names of accounts, dimensions and objects, and the facts, and reports
mapping gaps. Any error rolls all of it back.

One truth per (year, phase, version): a municipality exports its ledger again every
month, so a new file *takes over* each (year, phase, version) it states, and the facts
other files held for it are deleted. The exception: a weaker source never takes over
from a stronger one. Vouchers beat #PSALDO for actual, and a budget file beats #PBUDGET
for budgets, so importing this year's SIE file (with last year's #PSALDO) keeps last
year's voucher-based facts, and a ledger's own budget never overwrites the imported one.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TypeVar

from django.db import connection, models, transaction

from uppsikt.audit.actions import record
from uppsikt.audit.codes import AuditCode
from uppsikt.domain.economy.model import Objects, Phase
from uppsikt.economy.errors import AlreadyImported, LedgerImportError
from uppsikt.economy.mapping_store import MappingGap, find_gaps, load_mapping
from uppsikt.economy.models.ledger import (
    ACCOUNT_LENGTH,
    OBJECT_LENGTH,
    OBJECTS_KEY_LENGTH,
    ORE_LIMIT,
    VERSION_LENGTH,
    Fact,
    FileKind,
    LedgerAccount,
    LedgerDimension,
    LedgerFile,
    LedgerObject,
    get_municipality,
)
from uppsikt.organisations.models import Municipality

BATCH_SIZE = 5000
Source = tuple[int, str, str]  # (year, phase, version): what one file states as a whole
Cell = tuple[int, int, str, str, str, str]  # year, month, account, objects key, phase, version
Cells = dict[Cell, int]  # amounts in öre
# How much a source is trusted; a file never takes a Source over from a stronger one.
SOURCE_RANK = {"psaldo": 1, "pbudget": 1, "vouchers": 2, "budget_file": 2}
SOURCE_LABEL = {
    "psaldo": "periodsaldon (#PSALDO)",
    "pbudget": "periodbudget (#PBUDGET)",
    "vouchers": "verifikationer",
    "budget_file": "budgetfil",
}
_M = TypeVar("_M", bound=models.Model)
_T = TypeVar("_T")


@dataclass(frozen=True)
class LedgerWarning:
    """A finding that did not stop the import (from the SIE reader or the import)."""

    code: str  # dotted, e.g. "voucher.unbalanced" (reader) or "ledger.rounded" (import)
    message: str  # Swedish
    line: int | None = None
    severity: str = "warning"

    def __str__(self) -> str:
        return f"rad {self.line}: {self.message}" if self.line is not None else self.message


@dataclass(frozen=True)
class AccountRow:
    number: str
    name: str
    type: str


@dataclass(frozen=True)
class DimensionRow:
    number: str
    name: str
    parent: str


@dataclass(frozen=True)
class ObjectRow:
    dimension: str
    object_id: str
    name: str


@dataclass
class PendingFile:
    """A read and validated file, ready to be written."""

    name: str
    sha256: str
    kind: FileKind
    cells: Cells
    objects: dict[str, Objects]  # objects key -> object list, for every key in `cells`
    sources: dict[Source, str]  # every (year, phase, version) the file states -> source
    counts: dict[str, int]
    warnings: list[LedgerWarning]
    info: dict[str, object] = field(default_factory=dict)  # for the summary (JSON values)
    accounts: list[AccountRow] = field(default_factory=list)
    dimensions: list[DimensionRow] = field(default_factory=list)
    object_names: list[ObjectRow] = field(default_factory=list)


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote and found."""

    file_id: int
    file_name: str
    sha256: str
    kind: str
    counts: dict[str, int]  # records per label (SIE), vouchers, transactions, rows, facts
    warnings: tuple[LedgerWarning, ...]
    gaps: tuple[MappingGap, ...]  # accounts and cost centres the mapping does not cover
    years: tuple[int, ...]
    facts_written: int
    superseded: int  # facts of earlier files that this file took over


def file_sha256(path: Path) -> str:
    """The SHA-256 of the file's bytes, read in chunks."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as error:
        raise LedgerImportError(f"{path}: filen går inte att läsa ({error.strerror})") from None
    return digest.hexdigest()


def check_not_imported(municipality_key: str, sha256: str, name: str, *, replace: bool) -> None:
    """Raise `AlreadyImported` if a file with these bytes was imported (and not replacing)."""
    municipality = get_municipality(municipality_key)
    if not replace:
        _refuse_repeat(municipality, sha256, name)


def _refuse_repeat(municipality: Municipality, sha256: str, name: str) -> None:
    earlier = LedgerFile.objects.filter(municipality=municipality, sha256=sha256).first()
    if earlier is not None:
        raise AlreadyImported(
            f"{name}: samma fil importerades {earlier.imported_at:%Y-%m-%d %H:%M} "
            f"(som {earlier.file_name}); använd replace (--replace) för att ersätta den"
        )


def store_file(municipality_key: str, pending: PendingFile, *, replace: bool) -> ImportResult:
    """Write `pending` in one transaction (see the module docstring)."""
    _check_sizes(pending)
    with transaction.atomic():
        municipality = get_municipality(municipality_key, lock=True)
        if replace:
            LedgerFile.objects.filter(municipality=municipality, sha256=pending.sha256).delete()
        else:
            _refuse_repeat(municipality, pending.sha256, pending.name)
        row = LedgerFile.objects.create(
            municipality=municipality,
            file_name=pending.name,
            sha256=pending.sha256,
            kind=pending.kind.value,
        )
        taken, superseded, warnings = _take_over(municipality, row, pending.sources)
        cells = [
            (cell, amount)
            for cell, amount in pending.cells.items()
            if amount and (cell[0], cell[4], cell[5]) in taken
        ]
        _store_names(municipality, pending, cells)
        written = _write_facts(municipality, row, cells, pending.objects)
        gaps = find_gaps(
            municipality,
            load_mapping(municipality_key),
            ((account, pending.objects[key], amount) for (_, _, account, key, *_), amount in cells),
        )
        all_warnings = (*pending.warnings, *warnings)
        counts = {**pending.counts, "facts": written}
        years = sorted({year for year, _, _ in taken})
        row.years = years
        row.summary = {
            **pending.info,
            "counts": counts,
            "warnings": len(all_warnings),
            "superseded": superseded,
            "sources": sorted([*source, pending.sources[source]] for source in taken),
        }
        row.save(update_fields=["years", "summary"])
        record(
            None,
            AuditCode.LEDGER_IMPORTED,
            municipality_id=municipality.pk,
            after={
                "file": row.file_name,
                "sha256": row.sha256,
                "kind": row.kind,
                "years": list(years),
                "facts": written,
                "replaced": replace,
            },
        )
    return ImportResult(
        file_id=row.pk,
        file_name=row.file_name,
        sha256=row.sha256,
        kind=row.kind,
        counts=counts,
        warnings=all_warnings,
        gaps=gaps,
        years=tuple(years),
        facts_written=written,
        superseded=superseded,
    )


def _check_sizes(pending: PendingFile) -> None:
    """Refuse what the columns cannot hold, before PostgreSQL does (SQLite would not)."""
    for (year, month, account, key, _, version), amount in pending.cells.items():
        problem = None
        if not 1 <= year <= 9999 or not 0 <= month <= 12:
            problem = f"året {year} eller månaden {month} är orimlig"
        elif not 1 <= len(account) <= ACCOUNT_LENGTH:
            problem = f"kontot {account!r} ska ha 1–{ACCOUNT_LENGTH} tecken"
        elif len(key) > OBJECTS_KEY_LENGTH or any(
            len(part) > OBJECT_LENGTH for pair in pending.objects[key] for part in pair
        ):
            problem = f"objektlistan {key!r} är för lång"
        elif not -ORE_LIMIT < amount < ORE_LIMIT:
            problem = f"beloppet på konto {account} är för stort för att lagras"
        elif len(version) > VERSION_LENGTH:
            problem = f"versionen {version!r} är längre än {VERSION_LENGTH} tecken"
        if problem:
            raise LedgerImportError(f"{pending.name}: {problem}; ingenting importerades")


def _take_over(
    municipality: Municipality, row: LedgerFile, sources: dict[Source, str]
) -> tuple[set[Source], int, list[LedgerWarning]]:
    """Which sources this file writes, and the facts of other files it takes them over from."""
    holders: defaultdict[Source, set[int]] = defaultdict(set)
    held = (
        Fact.objects.filter(municipality=municipality, year__in={year for year, _, _ in sources})
        .exclude(source=row)
        .order_by()  # no default ordering: it would join the DISTINCT
        .values_list("source_id", "year", "phase", "version")
        .distinct()
    )
    for source_id, year, phase, version in held:
        if (year, phase, version) in sources:
            holders[(year, phase, version)].add(source_id)
    files = LedgerFile.objects.in_bulk({pk for ids in holders.values() for pk in ids})
    taken: set[Source] = set()
    superseded = 0
    warnings: list[LedgerWarning] = []
    for source, name in sorted(sources.items()):
        stronger = [
            files[pk] for pk in holders[source] if _rank(files[pk], source) > SOURCE_RANK[name]
        ]
        if stronger:
            year, phase, version = source
            what = f"{Phase(phase).label.lower()} {year}" + (f" ({version})" if version else "")
            warnings.append(
                LedgerWarning(
                    "ledger.kept_stronger_source",
                    f"{what} behålls från {stronger[0].file_name}, som bygger på "
                    f"{SOURCE_LABEL[_source_name(stronger[0], source)]}; den här filens "
                    f"{SOURCE_LABEL[name]} för året används inte",
                )
            )
            continue
        taken.add(source)
        if holders[source]:
            year, phase, version = source
            deleted, _ = (
                Fact.objects.filter(
                    municipality=municipality, year=year, phase=phase, version=version
                )
                .exclude(source=row)
                .delete()
            )
            superseded += deleted
    return taken, superseded, warnings


def _source_name(file: LedgerFile, source: Source) -> str:
    for year, phase, version, name in file.summary.get("sources", []):
        if (year, phase, version) == source:
            return str(name)
    return "budget_file" if file.kind != FileKind.SIE else "psaldo"


def _rank(file: LedgerFile, source: Source) -> int:
    return SOURCE_RANK.get(_source_name(file, source), 1)


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _write_facts(
    municipality: Municipality,
    row: LedgerFile,
    cells: list[tuple[Cell, int]],
    objects: dict[str, Objects],
) -> int:
    """Insert the facts with one prepared statement: a file can hold hundreds of thousands
    of cells, and building a model instance per cell (bulk_create) took most of an
    import's time."""
    columns = (
        "municipality_id",
        "source_id",
        "year",
        "month",
        "account",
        "objects_key",
        "object_list",
        "phase",
        "version",
        "amount",
    )
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(Fact._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    object_lists = {
        key: json.dumps([list(pair) for pair in pairs]) for key, pairs in objects.items()
    }
    rows = (
        (
            municipality.pk,
            row.pk,
            year,
            month,
            account,
            key,
            object_lists[key],
            phase,
            version,
            amount,
        )
        for (year, month, account, key, phase, version), amount in cells
    )
    written = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams the rows in one command: several times faster than INSERTs.
            copy_sql = (
                f"COPY {quote(Fact._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
                "FROM STDIN"
            )
            with cursor.cursor.copy(copy_sql) as copy:
                for values in rows:
                    copy.write_row(values)
                    written += 1
            return written
        for chunk in _chunks(rows, BATCH_SIZE):
            cursor.executemany(sql, chunk)
            written += len(chunk)
    return written


def _store_names(
    municipality: Municipality, pending: PendingFile, cells: list[tuple[Cell, int]]
) -> None:
    """Upsert the accounts, dimensions and objects the file declares or uses.

    Declared names overwrite stored ones (the latest file states the truth); accounts
    and objects only used get a row without a name, and an existing name is kept.
    """
    used_objects = {pair for key in {cell[3] for cell, _ in cells} for pair in pending.objects[key]}
    _upsert(
        LedgerAccount,
        municipality,
        ("number",),
        {(a.number,): {"name": a.name, "type": a.type} for a in pending.accounts},
        {(cell[2],) for cell, _ in cells},
    )
    _upsert(
        LedgerDimension,
        municipality,
        ("number",),
        {(d.number,): {"name": d.name, "parent": d.parent} for d in pending.dimensions},
        {(dimension,) for dimension, _ in used_objects},
    )
    _upsert(
        LedgerObject,
        municipality,
        ("dimension", "object_id"),
        {(o.dimension, o.object_id): {"name": o.name} for o in pending.object_names},
        used_objects,
    )


def _upsert(
    model: type[_M],
    municipality: Municipality,
    key_fields: tuple[str, ...],
    declared: dict[tuple[str, ...], dict[str, str]],
    used: AbstractSet[tuple[str, ...]],
) -> None:
    manager = model._default_manager
    # All of the municipality's rows at once: a few thousand, and no IN list that could
    # outgrow SQLite's limit on query parameters.
    existing = {
        tuple(getattr(obj, name) for name in key_fields): obj
        for obj in manager.filter(municipality=municipality)
    }
    new: list[_M] = []
    changed: list[_M] = []
    for key, values in declared.items():
        obj = existing.get(key)
        if obj is None:
            keys = dict(zip(key_fields, key, strict=True))
            new.append(model(municipality=municipality, **keys, **values))
        elif any(getattr(obj, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(obj, name, value)
            changed.append(obj)
    new.extend(
        model(municipality=municipality, **dict(zip(key_fields, key, strict=True)))
        for key in sorted(used - declared.keys() - existing.keys())
    )
    manager.bulk_create(new, batch_size=BATCH_SIZE)
    if changed:
        manager.bulk_update(changed, list(next(iter(declared.values()))), batch_size=BATCH_SIZE)
