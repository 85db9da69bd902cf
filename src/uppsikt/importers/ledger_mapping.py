"""Mapping files: which accounts feed which report line, and what each object stands for.

A municipality keeps its mapping as YAML next to its ledger and edits it by hand:

    cost_centre_dimension: "1"
    project_dimension: "6"
    accounts:            # first matching range wins; line is a key of LINES
      - {from: "3500", to: "3599", line: grants}
    objects:
      - {dimension: "1", object: "SK01", name: "Stadsdirektör",
         budget_area: stadsdirektor, financing: allocation_funded}

Reading checks the whole file and reports every problem as a `Problem`
(`file:line: message`, with the column for a YAML syntax error)
(`MappingError`); doubtful but usable rules (overlapping ranges, an object given twice)
are warnings. `default_mapping()` is the Kommun-Bas mapping shipped with Uppsikt.
"""

from __future__ import annotations

import difflib
import json
import re
import warnings
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from uppsikt.domain.economy.model import LINES, AccountRule, Financing, Mapping, ObjectRule
from uppsikt.importers.package.yaml_lines import (
    LineDict,
    LineList,
    YamlSyntaxError,
    read_yaml,
)
from uppsikt.importers.problems import Problem, Severity, sort_key

TOP_KEYS = ("cost_centre_dimension", "project_dimension", "accounts", "objects")
ACCOUNT_KEYS = ("from", "to", "line")
OBJECT_KEYS = (
    "dimension",
    "object",
    "name",
    "budget_area",
    "financing",
    "appropriation",
    "investment",
    "organisation",
)
ROW_KEY_FIELDS = ("budget_area", "appropriation", "investment")  # row keys of report tables
_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")
DEFAULT_MAPPING_FILE = "kommun_bas_mapping.yaml"


class MappingError(ValueError):
    """A mapping file that cannot be used; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=sort_key)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class MappingWarning(UserWarning):
    """A rule that works but is probably not what was meant."""


@dataclass(frozen=True)
class LoadedMapping:
    mapping: Mapping
    warnings: tuple[Problem, ...] = ()


def load_mapping(path: Path | str) -> Mapping:
    """The mapping in `path`; warnings are issued as `MappingWarning`s."""
    loaded = read_mapping(path)
    for problem in loaded.warnings:
        warnings.warn(str(problem), MappingWarning, stacklevel=2)
    return loaded.mapping


def read_mapping(path: Path | str) -> LoadedMapping:
    """The mapping in `path` with its warnings; raises `MappingError` naming file:line."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise MappingError(
            [Problem(name, None, None, f"filen går inte att läsa ({exc.strerror})")]
        ) from exc
    except UnicodeDecodeError as exc:
        message = "filen är inte UTF-8; spara den som UTF-8"
        raise MappingError([Problem(name, None, None, message)]) from exc
    return parse_mapping(text, name)


def default_mapping() -> Mapping:
    """The default Kommun-Bas mapping (see the comments in the file for what is verified)."""
    text = files("uppsikt.importers").joinpath("data", DEFAULT_MAPPING_FILE).read_text("utf-8")
    return parse_mapping(text, DEFAULT_MAPPING_FILE).mapping


def parse_mapping(text: str, file: str = "mapping.yaml") -> LoadedMapping:
    """Parse mapping YAML; raises `MappingError` with every problem found."""
    reader = _Reader(file)
    try:
        document = read_yaml(text)
    except YamlSyntaxError as exc:
        raise MappingError([Problem(file, exc.line, exc.column, exc.message)]) from exc
    for key, line in document.duplicate_keys:
        reader.error(line, f"nyckeln '{key}' står två gånger; ta bort den ena")
    mapping = reader.mapping(document.data)
    if reader.errors or mapping is None:
        raise MappingError(reader.errors)
    return LoadedMapping(mapping, tuple(reader.warnings))


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def error(self, line: int | None, message: str) -> None:
        self.errors.append(Problem(self.file, line, None, message))

    def warn(self, line: int | None, message: str) -> None:
        problem = Problem(self.file, line, None, message, Severity.WARNING)
        self.warnings.append(problem)

    def mapping(self, data: Any) -> Mapping | None:
        if not isinstance(data, LineDict):
            self.error(1, "filen ska vara en mappning med accounts: och objects:")
            return None
        self.known_keys(data, TOP_KEYS, "mappningen")
        dimensions = [self.dimension(data, key, default) for key, default in _DIMENSIONS]
        if "accounts" not in data:
            self.error(data.line, "accounts: saknas; lista kontointervallen och deras rader")
        accounts = self.entries(data, "accounts", self.account_rule)
        objects = self.entries(data, "objects", self.object_rule)
        self.check_overlaps(accounts, data.get("accounts"))
        self.check_objects(objects, data.get("objects"), dimensions)
        if None in dimensions:
            return None
        cost_centre, project = (str(d) for d in dimensions)
        rules = tuple(rule for rule in accounts if rule is not None)
        object_rules = tuple(rule for rule in objects if rule is not None)
        return Mapping(rules, object_rules, cost_centre, project)

    def known_keys(self, data: LineDict, allowed: tuple[str, ...], what: str) -> None:
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = (
                    f"; menade du '{close[0]}'?" if close else f" (tillåtna: {', '.join(allowed)})"
                )
                self.error(
                    data.key_lines.get(key, data.line), f"okänd nyckel '{key}' i {what}{hint}"
                )

    def dimension(self, data: LineDict, key: str, default: str) -> str | None:
        value = data.get(key, default)
        text = str(value) if isinstance(value, int | str) and not isinstance(value, bool) else ""
        if not text.isdigit() or int(text) < 1:
            line = data.key_lines.get(key, data.line)
            self.error(line, f'{key} ska vara ett dimensionsnummer, t.ex. "1"; fick {value!r}')
            return None
        return str(int(text))

    def entries(self, data: LineDict, key: str, read: Any) -> list[Any]:
        items = data.get(key)
        if items is None:
            return []
        if not isinstance(items, LineList):
            self.error(data.key_lines.get(key, data.line), f"{key}: ska vara en lista")
            return []
        return [read(item, line) for item, line in zip(items, items.item_lines, strict=True)]

    def account_rule(self, item: Any, line: int) -> AccountRule | None:
        if not isinstance(item, LineDict):
            self.error(line, 'en kontoregel skrivs {from: "3500", to: "3599", line: grants}')
            return None
        self.known_keys(item, ACCOUNT_KEYS, "kontoregeln")
        first, last = self.account(item, "from", line), self.account(item, "to", line)
        target = item.get("line")
        if not isinstance(target, str) or target not in LINES:
            close = difflib.get_close_matches(str(target), LINES, n=1)
            hint = f"; menade du '{close[0]}'?" if close else f" (tillåtna: {', '.join(LINES)})"
            self.error(item.key_lines.get("line", line), f"okänd rad {target!r}{hint}")
            return None
        if first is None or last is None:
            return None
        if int(first) > int(last):
            self.error(
                line, f"intervallet {first}–{last} är baklänges; skriv det lägsta kontot först"
            )
            return None
        return AccountRule(first, last, target)

    def account(self, item: LineDict, key: str, line: int) -> str | None:
        value = item.get(key)
        text = str(value) if isinstance(value, int | str) and not isinstance(value, bool) else ""
        if not text.isdigit():
            where = item.key_lines.get(key, line)
            self.error(where, f'{key}: ska vara ett kontonummer med siffror, t.ex. "3500"')
            return None
        return text

    def object_rule(self, item: Any, line: int) -> ObjectRule | None:
        if not isinstance(item, LineDict):
            self.error(line, 'en objektregel skrivs {dimension: "1", object: "SK01", ...}')
            return None
        self.known_keys(item, OBJECT_KEYS, "objektregeln")
        dimension = self.dimension(item, "dimension", "")
        object_id = item.get("object")
        if not isinstance(object_id, str) or not object_id.strip():
            self.error(
                item.key_lines.get("object", line),
                'object: ska vara objektets id inom citattecken, t.ex. "0100" (utan citattecken '
                "tappar ett tal sina inledande nollor)",
            )
            object_id = None
        texts: dict[str, str | None] = {}
        for key in ("name", "organisation", *ROW_KEY_FIELDS):
            value = item.get(key)
            if value is not None and not isinstance(value, str):
                self.error(item.key_lines.get(key, line), f"{key}: ska vara text")
                value = None
            if key in ROW_KEY_FIELDS and value is not None and not _SLUG.fullmatch(value):
                self.error(
                    item.key_lines.get(key, line),
                    f"{key}: '{value}' är ingen radnyckel; använd små bokstäver, siffror, - och _",
                )
            texts[key] = value
        financing, financing_ok = self.financing(item, line)
        if dimension is None or object_id is None or not financing_ok:
            return None
        return ObjectRule(
            dimension,
            object_id,
            name=texts["name"] or "",
            budget_area=texts["budget_area"],
            financing=financing,
            appropriation=texts["appropriation"],
            investment=texts["investment"],
            organisation=texts["organisation"],
        )

    def financing(self, item: LineDict, line: int) -> tuple[Financing | None, bool]:
        """The financing form (None when not given) and whether it was valid."""
        value = item.get("financing")
        if value is None:
            return None, True
        allowed = [f.value for f in Financing]
        if value not in allowed:
            where = item.key_lines.get("financing", line)
            self.error(where, f"financing: {value!r} finns inte; använd {', '.join(allowed)}")
            return None, False
        return Financing(value), True

    def check_overlaps(self, rules: list[AccountRule | None], items: Any) -> None:
        """Warn where a later range is dead or only partly overlaps an earlier one. A later
        range that contains an earlier one is the usual "exceptions first" idiom (3500–3599
        grants, then 3000–3999 other income) and needs no warning."""
        lines = items.item_lines if isinstance(items, LineList) else []
        spans = [(int(r.first), int(r.last)) if r else None for r in rules]
        for n, span in enumerate(spans):
            for m, earlier in enumerate(spans[:n]):
                if span is None or earlier is None or span[0] > earlier[1] or earlier[0] > span[1]:
                    continue
                if span[0] <= earlier[0] and earlier[1] <= span[1]:
                    continue
                rule, other = rules[n], rules[m]
                assert rule is not None and other is not None
                where = f"{other.first}–{other.last} (rad {lines[m] if m < len(lines) else '?'})"
                if earlier[0] <= span[0] and span[1] <= earlier[1]:
                    problem = f"ligger helt inom {where} och används därför aldrig"
                else:
                    problem = f"överlappar delvis {where}; den första regeln gäller där de möts"
                line = lines[n] if n < len(lines) else None
                self.warn(line, f"kontona {rule.first}–{rule.last} {problem}")

    def check_objects(
        self, rules: list[ObjectRule | None], items: Any, dimensions: list[str | None]
    ) -> None:
        lines = items.item_lines if isinstance(items, LineList) else []
        seen: dict[tuple[str, str], int] = {}
        for n, rule in enumerate(rules):
            if rule is None:
                continue
            line = lines[n] if n < len(lines) else None
            key = (rule.dimension, rule.object)
            if key in seen:
                self.warn(
                    line,
                    f"objekt {rule.object} i dimension {rule.dimension} står redan på rad "
                    f"{seen[key]}; den första regeln gäller",
                )
            seen.setdefault(key, line or 0)
            if None not in dimensions and rule.dimension not in dimensions:
                self.warn(
                    line,
                    f"dimension {rule.dimension} är varken kostnadsställe- eller "
                    "projektdimensionen; regeln används inte",
                )


_DIMENSIONS = (("cost_centre_dimension", "1"), ("project_dimension", "6"))


def mapping_yaml(mapping: Mapping) -> str:
    """The YAML text of `mapping`, in the layout `parse_mapping` reads."""
    out = [
        "# Mappning från konton och objekt till årsanalysens rader (Uppsikt).",
        "# Första matchande kontointervall gäller; line är en rad i resultaträkningen,",
        "# investment (investeringskonton) eller ignore (ingår inte i uppföljningen).",
        f"cost_centre_dimension: {_quote(mapping.cost_centre_dimension)}",
        f"project_dimension: {_quote(mapping.project_dimension)}",
        "accounts:",
    ]
    out += [
        f"  - {{from: {_quote(r.first)}, to: {_quote(r.last)}, line: {r.line}}}"
        for r in mapping.account_rules
    ]
    out.append("objects:" if mapping.object_rules else "objects: []")
    for rule in mapping.object_rules:
        pairs = [("dimension", rule.dimension), ("object", rule.object)]
        pairs += [("name", rule.name)] if rule.name else []
        pairs += [
            (key, str(value))
            for key in ("budget_area", "financing", "appropriation", "investment", "organisation")
            if (value := getattr(rule, key)) is not None
        ]
        out.append("  - {" + ", ".join(f"{k}: {_quote(v)}" for k, v in pairs) + "}")
    return "\n".join(out) + "\n"


def dump_mapping(mapping: Mapping, path: Path | str) -> None:
    """Write `mapping` to `path` (UTF-8, LF)."""
    Path(path).write_text(mapping_yaml(mapping), encoding="utf-8", newline="\n")


def _quote(text: str) -> str:
    # JSON strings are valid double-quoted YAML; quoting every value keeps "0100" a text
    # and "true" or "1:30" from being read as anything else.
    return json.dumps(text, ensure_ascii=False)
