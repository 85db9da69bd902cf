"""A municipality's mapping from accounts and objects to report lines, kept as data.

`save_mapping` replaces the stored mapping; `load_mapping` gives it back as the domain
`Mapping`, equal to what was saved. A municipality without a stored mapping gets the
packaged Kommun-Bas default (`uppsikt.importers.ledger_mapping.default_mapping()`), or an
empty mapping while that package is not installed. The rules are editable in the admin.
"""

from __future__ import annotations

import hashlib
import importlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils import timezone

from uppsikt.audit.actions import JsonValue, record
from uppsikt.audit.codes import AuditCode
from uppsikt.domain.economy.model import LINES, AccountRule, Financing, Mapping, ObjectRule, Objects
from uppsikt.domain.money import Unit, format_with_unit
from uppsikt.economy.errors import InvalidMapping
from uppsikt.economy.models.ledger import (
    ACCOUNT_LENGTH,
    OBJECT_LENGTH,
    AccountRange,
    LedgerAccount,
    LedgerMapping,
    LedgerObject,
    ObjectMapping,
    get_municipality,
    kronor,
)
from uppsikt.organisations.models import KEY_LENGTH, Municipality

_DEFAULT_MODULE = "uppsikt.importers.ledger_mapping"


def default_mapping() -> Mapping:
    """The packaged default mapping; an empty one if the package does not provide it."""
    try:
        # Imported by name and lazily: the default lives in another package, which may
        # not exist yet, and this module must not fail to import because of it.
        module = importlib.import_module(_DEFAULT_MODULE)
    except ModuleNotFoundError as error:
        if error.name != _DEFAULT_MODULE:
            raise  # a missing dependency *inside* the module is a bug, not "no default"
        return Mapping(account_rules=())
    mapping = module.default_mapping()
    if not isinstance(mapping, Mapping):
        raise TypeError(f"{_DEFAULT_MODULE}.default_mapping() returned {type(mapping).__name__}")
    return mapping


def has_own_mapping(municipality_key: str) -> bool:
    """Whether the municipality has stored a mapping (else the default is used)."""
    municipality = get_municipality(municipality_key)
    return (
        LedgerMapping.objects.filter(municipality=municipality).exists()
        or AccountRange.objects.filter(municipality=municipality).exists()
        or ObjectMapping.objects.filter(municipality=municipality).exists()
    )


def load_mapping(municipality_key: str) -> Mapping:
    """The municipality's mapping, rules in their stored order; the default if none."""
    municipality = get_municipality(municipality_key)
    settings = LedgerMapping.objects.filter(municipality=municipality).first()
    ranges = AccountRange.objects.filter(municipality=municipality).order_by("position", "id")
    objects = ObjectMapping.objects.filter(municipality=municipality).order_by("position", "id")
    account_rules = tuple(AccountRule(r.first, r.last, r.line) for r in ranges)
    object_rules = tuple(
        ObjectRule(
            dimension=o.dimension,
            object=o.object,
            name=o.name,
            budget_area=o.budget_area or None,
            financing=Financing(o.financing) if o.financing else None,
            appropriation=o.appropriation or None,
            investment=o.investment or None,
            organisation=o.organisation or None,
        )
        for o in objects
    )
    if settings is None and not account_rules and not object_rules:
        return default_mapping()
    return Mapping(
        account_rules=account_rules,
        object_rules=object_rules,
        cost_centre_dimension=settings.cost_centre_dimension if settings else "1",
        project_dimension=settings.project_dimension if settings else "6",
    )


def _summary(mapping: Mapping) -> dict[str, JsonValue]:
    """What the audit log keeps of a mapping: its digest and size."""
    return {
        "digest": hashlib.sha256(repr(mapping).encode()).hexdigest(),
        "account_rules": len(mapping.account_rules),
        "object_rules": len(mapping.object_rules),
    }


def save_mapping(
    municipality_key: str, mapping: Mapping, *, actor: AbstractBaseUser | AnonymousUser | None
) -> None:
    """Replace the municipality's stored mapping with `mapping`, in one transaction, with
    one audit entry; the ledger stamp moves (`LedgerMapping.updated_at`). `actor` None is
    the system (the CLI)."""
    problems = list(mapping_problems(mapping))
    if problems:
        raise InvalidMapping("mappningen kan inte sparas:\n" + "\n".join(problems))
    with transaction.atomic():
        municipality = get_municipality(municipality_key, lock=True)
        before = (
            _summary(load_mapping(municipality_key)) if has_own_mapping(municipality_key) else None
        )
        LedgerMapping.objects.update_or_create(
            municipality=municipality,
            defaults={
                "cost_centre_dimension": mapping.cost_centre_dimension,
                "project_dimension": mapping.project_dimension,
            },
        )
        AccountRange.objects.filter(municipality=municipality).delete()
        ObjectMapping.objects.filter(municipality=municipality).delete()
        AccountRange.objects.bulk_create(
            AccountRange(
                municipality=municipality,
                first=rule.first,
                last=rule.last,
                line=rule.line,
                position=position,
            )
            for position, rule in enumerate(mapping.account_rules)
        )
        ObjectMapping.objects.bulk_create(
            ObjectMapping(
                municipality=municipality,
                dimension=rule.dimension,
                object=rule.object,
                name=rule.name,
                budget_area=rule.budget_area or "",
                financing=rule.financing.value if rule.financing else "",
                appropriation=rule.appropriation or "",
                investment=rule.investment or "",
                organisation=rule.organisation or "",
                position=position,
            )
            for position, rule in enumerate(mapping.object_rules)
        )
        record(
            actor,
            AuditCode.LEDGER_MAPPING_SAVED,
            municipality_id=municipality.pk,
            before=before,
            after=_summary(mapping),
        )


def mapping_edited(municipality_id: int) -> None:
    """Move the ledger stamp after a mapping row was edited in place (the admin does that):
    the stamp follows `LedgerMapping.updated_at`. Call inside the edit's transaction."""
    settings = LedgerMapping.objects.filter(municipality_id=municipality_id)
    if settings.exists():
        settings.update(updated_at=timezone.now())
    elif (
        AccountRange.objects.filter(municipality_id=municipality_id).exists()
        or ObjectMapping.objects.filter(municipality_id=municipality_id).exists()
    ):
        # Rules make it the municipality's own mapping already; the settings row (with
        # the defaults `load_mapping` assumes without one) changes nothing but the stamp.
        LedgerMapping.objects.create(municipality_id=municipality_id)


def mapping_problems(mapping: Mapping) -> Iterator[str]:
    """What keeps `mapping` from being stored; each message names the rule."""
    for name, dimension in (
        ("cost_centre_dimension", mapping.cost_centre_dimension),
        ("project_dimension", mapping.project_dimension),
    ):
        if not 1 <= len(dimension) <= OBJECT_LENGTH:
            yield f"{name}: ska ha 1–{OBJECT_LENGTH} tecken"
    for number, rule in enumerate(mapping.account_rules, start=1):
        where = f"kontoregel {number} ({rule.first}–{rule.last})"
        if rule.line not in LINES:
            yield f"{where}: raden {rule.line!r} finns inte; välj en av {', '.join(LINES)}"
        if not all(a.isdigit() and len(a) <= ACCOUNT_LENGTH for a in (rule.first, rule.last)):
            yield f"{where}: kontona ska vara siffror (högst {ACCOUNT_LENGTH})"
        elif int(rule.first) > int(rule.last):
            yield f"{where}: första kontot är större än det sista"
    for number, obj in enumerate(mapping.object_rules, start=1):
        where = f"objektregel {number} ({obj.dimension}:{obj.object})"
        if not (1 <= len(obj.dimension) <= OBJECT_LENGTH and 1 <= len(obj.object) <= OBJECT_LENGTH):
            yield f"{where}: dimension och objekt ska ha 1–{OBJECT_LENGTH} tecken"
        for field in ("budget_area", "appropriation", "investment", "organisation"):
            if len(getattr(obj, field) or "") > KEY_LENGTH:
                yield f"{where}: {field} är längre än {KEY_LENGTH} tecken"


@dataclass(frozen=True)
class MappingGap:
    """An account without a report line, or a cost centre without an object mapping."""

    kind: Literal["account", "cost_centre"]
    key: str  # the account number or the object id
    dimension: str  # the cost-centre dimension; "" for an account
    name: str  # from #KONTO / #OBJEKT when known
    amount: Decimal  # net sum in kronor, debit positive
    volume: Decimal  # sum of |cell| in kronor: what is at stake even when the net is 0

    def __str__(self) -> str:
        what = "konto" if self.kind == "account" else f"objekt {self.dimension}:"
        label = f"{what} {self.key}" if self.kind == "account" else f"{what}{self.key}"
        missing = "saknar rad i mappningen" if self.kind == "account" else "saknar objektmappning"
        name = f" {self.name}" if self.name else ""
        net = format_with_unit(self.amount, Unit.TKR)
        volume = format_with_unit(self.volume, Unit.TKR)
        return f"{label}{name} {missing} (netto {net}, omsättning {volume})"


def find_gaps(
    municipality: Municipality, mapping: Mapping, cells: Iterable[tuple[str, Objects, int]]
) -> tuple[MappingGap, ...]:
    """The gaps in `mapping` that these cells (account, objects, öre) fall into."""
    dimension = mapping.cost_centre_dimension
    accounts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    objects: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    lines: dict[str, str | None] = {}
    for account, object_list, amount in cells:
        if account not in lines:
            lines[account] = mapping.line_for(account)
        if lines[account] is None:
            _add(accounts[account], amount)
        cost_centre = next((o for d, o in object_list if d == dimension), None)
        if cost_centre is not None and mapping.object_rule(dimension, cost_centre) is None:
            _add(objects[cost_centre], amount)
    account_names = dict(
        LedgerAccount.objects.filter(municipality=municipality).values_list("number", "name")
    )
    object_names = dict(
        LedgerObject.objects.filter(municipality=municipality, dimension=dimension).values_list(
            "object_id", "name"
        )
    )
    return tuple(
        MappingGap("account", key, "", account_names.get(key, ""), kronor(net), kronor(vol))
        for key, (net, vol) in sorted(accounts.items())
    ) + tuple(
        MappingGap(
            "cost_centre",
            key,
            dimension,
            object_names.get(key, ""),
            kronor(net),
            kronor(vol),
        )
        for key, (net, vol) in sorted(objects.items())
    )


def _add(total: list[int], amount: int) -> None:
    total[0] += amount
    total[1] += abs(amount)
