"""Ledger data of a municipality: imported files, their facts, and the mapping to report lines.

Every row belongs to one municipality and nothing is shared between municipalities.

Amounts are stored as **integer öre** in a BigIntegerField: exact on every database
(SQLite has no exact decimal type) and wide enough for ±92 000 000 000 000 000 kr.
SIE allows two decimals, so öre loses nothing; `ore()` and `kronor()` convert.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal

from django.db import models

from uppsikt.domain.choices import choices
from uppsikt.domain.economy.model import LINES, Financing, Objects, Phase
from uppsikt.economy.errors import UnknownMunicipality
from uppsikt.organisations.models import KEY_LENGTH, Municipality

ACCOUNT_LENGTH = 40
OBJECT_LENGTH = 100  # a dimension number or an object id
OBJECTS_KEY_LENGTH = 500  # fits in a PostgreSQL btree index entry with room to spare
VERSION_LENGTH = 100
ORE_LIMIT = 2**63  # BigIntegerField range


class FileKind(models.TextChoices):
    SIE = "sie", "SIE-fil"
    BUDGET_CSV = "budget_csv", "Budgetfil (CSV)"
    BUDGET_XLSX = "budget_xlsx", "Budgetfil (XLSX)"


LINE_CHOICES = list(LINES.items())
FINANCING_CHOICES = [
    (Financing.BOARD.value, "Styrelsen"),
    (Financing.ALLOCATION_FUNDED.value, "Kommunbidragsfinansierad verksamhet"),
    (Financing.CHARGE_FUNDED.value, "Solidariskt och intäktsfinansierad verksamhet"),
]


def _dimension_order(pair: tuple[str, str]) -> tuple[int, int, str, str]:
    dimension, object_id = pair
    # Numeric order, so that dimension 10 comes after 6 (as in the SIE spec's lists).
    if dimension.isdigit():
        return (0, int(dimension), dimension, object_id)
    return (1, 0, dimension, object_id)


def canonical_objects(objects: Iterable[tuple[str, str]]) -> Objects:
    """An object list in the one order the database uses: by dimension number."""
    return tuple(sorted(((str(d), str(o)) for d, o in objects), key=_dimension_order))


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace("=", "\\=")


def objects_key(objects: Objects) -> str:
    """The canonical text of a (canonical) object list, e.g. "1=SK01;6=INV01"; "" for none.

    Unique per object list (separators inside ids are escaped), so it can take part in
    a unique constraint and be grouped on, which a JSON column cannot everywhere.
    """
    return ";".join(f"{_escape(d)}={_escape(o)}" for d, o in objects)


def parse_objects_key(key: str) -> Objects:
    """The object list of an objects key: the inverse of `objects_key`."""
    pairs: list[tuple[str, str]] = []
    parts: list[str] = []
    current: list[str] = []
    escaped = False
    for char in key:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "=;":
            parts.append("".join(current))
            current = []
            if char == ";":
                pairs.append((parts[0], parts[1]))
                parts = []
        else:
            current.append(char)
    if key:
        parts.append("".join(current))
        pairs.append((parts[0], parts[1]))
    return tuple(pairs)


def ore(amount: Decimal) -> int:
    """Kronor to öre, rounding half to even below one öre (callers warn when it rounds)."""
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def kronor(amount_ore: int) -> Decimal:
    """Öre to kronor with two decimals, e.g. 123450 -> Decimal("1234.50")."""
    return Decimal(amount_ore).scaleb(-2)


def get_municipality(key: str, *, lock: bool = False) -> Municipality:
    """The municipality with this key; `lock` holds its row until the transaction ends.

    Ledger data never creates a municipality: a mistyped key would silently start a new
    tenant, and the name would be a guess. The report package states both.
    """
    rows = Municipality.objects.select_for_update() if lock else Municipality.objects.all()
    found = rows.filter(key=key).first()
    if found is None:
        raise UnknownMunicipality(
            f"kommunen {key!r} finns inte; importera först kommunens rapportpaket "
            "(uppsikt import <paket>) eller kontrollera nyckeln"
        )
    return found


class LedgerFile(models.Model):
    """One imported file (SIE or budget). Deleting it deletes its facts."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="ledger_files"
    )
    file_name = models.TextField("filnamn")
    sha256 = models.CharField("SHA-256", max_length=64)
    kind = models.CharField("slag", max_length=16, choices=FileKind.choices)
    imported_at = models.DateTimeField("importerad", auto_now_add=True)
    # Counts per label, encoding, checksum, number of warnings, facts written, and
    # `sources`: which source gave each (year, phase, version), for later imports.
    summary = models.JSONField("sammanfattning", default=dict, blank=True)
    years = models.JSONField("år", default=list, blank=True)

    class Meta:
        ordering = ("municipality_id", "-imported_at", "-id")
        verbose_name = "importerad fil"
        verbose_name_plural = "importerade filer"
        constraints = (
            models.UniqueConstraint(
                fields=("municipality", "sha256"), name="ledger_file_once_per_municipality"
            ),
        )

    def __str__(self) -> str:
        return self.file_name


class LedgerAccount(models.Model):
    """An account of the chart of accounts (#KONTO, #KTYP)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="ledger_accounts"
    )
    number = models.CharField("kontonummer", max_length=ACCOUNT_LENGTH)
    name = models.TextField("namn", blank=True)
    type = models.CharField("kontotyp", max_length=8, blank=True)  # T, S, K, I or ""

    class Meta:
        ordering = ("municipality_id", "number")
        verbose_name = "konto"
        verbose_name_plural = "konton"
        constraints = (
            models.UniqueConstraint(
                fields=("municipality", "number"), name="ledger_account_per_municipality"
            ),
        )

    def __str__(self) -> str:
        return f"{self.number} {self.name}".strip()


class LedgerDimension(models.Model):
    """A dimension (#DIM, #UNDERDIM): kostnadsställe, projekt ..."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="ledger_dimensions"
    )
    number = models.CharField("nummer", max_length=OBJECT_LENGTH)
    name = models.TextField("namn", blank=True)
    parent = models.CharField("överordnad dimension", max_length=OBJECT_LENGTH, blank=True)

    class Meta:
        ordering = ("municipality_id", "number")
        verbose_name = "dimension"
        verbose_name_plural = "dimensioner"
        constraints = (
            models.UniqueConstraint(
                fields=("municipality", "number"), name="ledger_dimension_per_municipality"
            ),
        )

    def __str__(self) -> str:
        return f"{self.number} {self.name}".strip()


class LedgerObject(models.Model):
    """An object of a dimension (#OBJEKT), e.g. a cost centre."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="ledger_objects"
    )
    # The number as text, not a foreign key: files use objects of undeclared dimensions.
    dimension = models.CharField("dimension", max_length=OBJECT_LENGTH)
    object_id = models.CharField("objekt", max_length=OBJECT_LENGTH)
    name = models.TextField("namn", blank=True)

    class Meta:
        ordering = ("municipality_id", "dimension", "object_id")
        verbose_name = "objekt"
        verbose_name_plural = "objekt"
        constraints = (
            models.UniqueConstraint(
                fields=("municipality", "dimension", "object_id"),
                name="ledger_object_per_municipality",
            ),
        )

    def __str__(self) -> str:
        return f"{self.dimension}:{self.object_id} {self.name}".strip()


class Fact(models.Model):
    """One aggregated amount of one cell of the ledger cube, from one file.

    One row per (year, month, account, objects, phase, version) and file, never one per
    voucher line. `amount` is in öre (see the module docstring); debit positive.
    """

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="ledger_facts"
    )
    source = models.ForeignKey(LedgerFile, on_delete=models.CASCADE, related_name="facts")
    year = models.PositiveSmallIntegerField("år")  # calendar year (= municipal fiscal year)
    month = models.PositiveSmallIntegerField("månad")  # 1-12; 0 = the year as a whole
    account = models.CharField("konto", max_length=ACCOUNT_LENGTH, db_index=True)
    objects_key = models.CharField(
        "objektnyckel", max_length=OBJECTS_KEY_LENGTH, blank=True, db_index=True
    )
    # [[dimension, id], ...]; not named `objects`, which is the manager's name.
    object_list = models.JSONField("objekt", default=list, blank=True)
    phase = models.CharField("fas", max_length=32, choices=choices(Phase))
    version = models.CharField("version", max_length=VERSION_LENGTH, blank=True, default="")
    amount = models.BigIntegerField("belopp i öre")

    class Meta:
        ordering = ("source_id", "year", "phase", "version", "month", "account", "objects_key")
        verbose_name = "belopp"
        verbose_name_plural = "belopp"
        constraints = (
            models.UniqueConstraint(
                fields=("source", "year", "month", "account", "objects_key", "phase", "version"),
                name="ledger_fact_one_per_cell_and_file",
            ),
            models.CheckConstraint(
                condition=models.Q(month__gte=0, month__lte=12), name="ledger_fact_month_0_to_12"
            ),
        )
        indexes = (
            # Serves the queries (by year and phase) and, with `source` last, lets an
            # import find which files hold a (year, phase, version) from the index alone.
            models.Index(
                fields=("municipality", "year", "phase", "version", "source"),
                name="ledger_fact_year_phase",
            ),
        )

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02} {self.account} {self.objects_key} {self.phase}"


class LedgerMapping(models.Model):
    """A municipality's mapping settings; its rules are `AccountRange` and `ObjectMapping`.

    Its existence means "this municipality has its own mapping"; without it the packaged
    default is used (see `uppsikt.economy.mapping_store`).
    """

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="ledger_mapping"
    )
    cost_centre_dimension = models.CharField(
        "dimension för kostnadsställe", max_length=OBJECT_LENGTH, default="1"
    )
    project_dimension = models.CharField(
        "dimension för projekt", max_length=OBJECT_LENGTH, default="6"
    )
    updated_at = models.DateTimeField("ändrad", auto_now=True)

    class Meta:
        verbose_name = "mappning"
        verbose_name_plural = "mappningar"

    def __str__(self) -> str:
        return f"Mappning för {self.municipality}"


class AccountRange(models.Model):
    """Accounts `first`..`last` (inclusive, as numbers) belong to `line`; first match wins."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="ledger_account_ranges"
    )
    first = models.CharField("från konto", max_length=ACCOUNT_LENGTH)
    last = models.CharField("till konto", max_length=ACCOUNT_LENGTH)
    line = models.CharField("rad", max_length=32, choices=LINE_CHOICES)
    position = models.PositiveIntegerField("ordning")

    class Meta:
        ordering = ("municipality_id", "position")
        verbose_name = "kontointervall"
        verbose_name_plural = "kontointervall"

    def __str__(self) -> str:
        return f"{self.first}–{self.last}: {self.line}"


class ObjectMapping(models.Model):
    """What an object (cost centre, project ...) stands for in the report."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="ledger_object_mappings"
    )
    dimension = models.CharField("dimension", max_length=OBJECT_LENGTH)
    object = models.CharField("objekt", max_length=OBJECT_LENGTH)
    name = models.TextField("namn", blank=True)
    # The report keys below are "" when not set (None in the domain).
    budget_area = models.CharField("budgetområde", max_length=KEY_LENGTH, blank=True)
    financing = models.CharField(
        "finansiering", max_length=32, choices=FINANCING_CHOICES, blank=True
    )
    appropriation = models.CharField("anslag", max_length=KEY_LENGTH, blank=True)
    investment = models.CharField("investering", max_length=KEY_LENGTH, blank=True)
    organisation = models.CharField("organisation", max_length=KEY_LENGTH, blank=True)
    position = models.PositiveIntegerField("ordning")

    class Meta:
        ordering = ("municipality_id", "position")
        verbose_name = "objektmappning"
        verbose_name_plural = "objektmappningar"

    def __str__(self) -> str:
        return f"{self.dimension}:{self.object} {self.name}".strip()
