"""Structure checks with the package's JSON Schemas, reported in Swedish at file:line.

The schemas in `schema/` are the published description of the format (editors can use
them too); this module turns jsonschema's errors into messages a board secretary can act
on, pointing at the line the YAML loader recorded for the offending key or item.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Iterator, Sequence
from decimal import Decimal
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from uppsikt.domain.model import (
    Assessment,
    AssignmentStatus,
    ChapterKind,
    OrganisationKind,
    PeriodKind,
    TermOutlook,
)
from uppsikt.importers.package.errors import Problems
from uppsikt.importers.package.yaml_lines import LineDict, line_at

SLUG_PATTERN = "^[a-z0-9][a-z0-9_-]*$"
SCHEMAS = (
    "report",
    "organisations",
    "goals",
    "table",
    "chapter",
    "follow-up",
    "budget-assignment",
)

# The Swedish words users know, so that "uppnått" can be told to mean `achieved`.
_LABELS: dict[str, str] = {
    **{member.value: member.label for member in Assessment},
    **{member.value: member.label for member in TermOutlook},
    **{member.value: member.label for member in AssignmentStatus},
    **{member.value: member.label for member in OrganisationKind},
    **{member.value: member.label for member in PeriodKind},
    ChapterKind.TEXT.value: "text",
    ChapterKind.GOALS.value: "mål och uppdrag",
}

_EXPECTED = {
    "object": "en mappning (nyckel: värde)",
    "array": "en lista",
    "string": "text",
    "integer": "ett heltal",
    "number": "ett tal",
    "null": "tomt",
}


def schema_text(name: str) -> str:
    """The JSON text of the schema `name` (one of SCHEMAS)."""
    files = resources.files("uppsikt.importers.package").joinpath("schema")
    return files.joinpath(f"{name}.schema.json").read_text(encoding="utf-8")


@functools.cache
def _validator(name: str) -> Draft202012Validator:
    if name == "table-rows":  # the rows of a CSV file, checked like `rows:` in the YAML
        table = json.loads(schema_text("table"))
        schema = {"$defs": table["$defs"], "$ref": "#/$defs/rows"}
    else:
        schema = json.loads(schema_text(name))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate(data: Any, name: str, file: str, problems: Problems) -> bool:
    """Check `data` against schema `name` ("table-rows" for CSV rows); True when valid."""
    valid = True
    for error in _validator(name).iter_errors(data):
        valid = False
        for line, message in _describe(error, data):
            problems.add(file, line, message)
    return valid


def _field(path: Sequence[str | int]) -> str:
    if not path:
        return "filen"
    last = path[-1]
    if isinstance(last, int):
        parent = next((step for step in reversed(path) if isinstance(step, str)), "listan")
        return f"post {last + 1} i '{parent}'"
    return f"'{last}'"


def _found(value: Any) -> str:
    if isinstance(value, bool):
        return "sant/falskt"
    if isinstance(value, int):
        return f"heltalet {value}"
    if isinstance(value, Decimal):
        return f"talet {value}"
    if value is None:
        return "tomt"
    if isinstance(value, dict):
        return "en mappning"
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, str):
        return f"texten '{value}'"
    return f"ett värde av typen {type(value).__name__}"


def _describe(error: ValidationError, root: Any) -> Iterator[tuple[int | None, str]]:
    path = list(error.absolute_path)
    line = line_at(root, path)
    field = _field(path)
    kind = error.validator
    instance = error.instance
    expected: Any = error.validator_value  # the keyword's value in the schema
    schema: Any = error.schema
    if kind == "required" and isinstance(instance, dict):
        where = f" i {field}" if path else ""
        for name in expected:
            if name not in instance:
                yield line, f"nyckeln '{name}' saknas{where}; lägg till den."
    elif kind == "additionalProperties" and isinstance(instance, LineDict):
        allowed = list(schema.get("properties", {}))
        for key in instance:
            if key not in allowed:
                yield instance.key_lines.get(key, line), _unknown_key(key, allowed)
    elif kind == "type":
        yield line, _wrong_type(field, expected, instance, root_level=not path)
    elif kind in ("enum", "const"):
        yield line, _not_allowed(field, instance, error)
    elif kind == "pattern":
        yield from _bad_pattern(error, root, path, line, field)
    elif kind in ("minimum", "maximum"):
        word = "minst" if kind == "minimum" else "högst"
        yield line, f"{field} är {instance}, men ska vara {word} {expected}."
    elif kind == "minLength":
        yield line, f"{field} får inte vara tom; skriv en text."
    elif kind == "minItems":
        yield line, f"{field} måste ha minst en post."
    else:  # pragma: no cover - every keyword our schemas use is handled above
        yield line, f"{field} stämmer inte med formatet ({error.message})."


def _unknown_key(key: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1)
    suggestion = f" (menade du '{close[0]}'?)" if close else ""
    return (
        f"okänd nyckel '{key}'{suggestion}; tillåtna nycklar här är: "
        f"{', '.join(allowed)}. Rätta eller ta bort nyckeln."
    )


def _wrong_type(field: str, expected: str | list[str], value: Any, root_level: bool) -> str:
    if root_level and value is None:
        return "filen är tom; den ska innehålla en mappning (nyckel: värde)."
    names = [expected] if isinstance(expected, str) else list(expected)
    wanted = " eller ".join(_EXPECTED.get(name, name) for name in names)
    message = f"{field} ska vara {wanted}, men är {_found(value)}"
    if "string" in names and isinstance(value, int | Decimal | bool):
        message += '; sätt värdet inom citattecken, t.ex. "2025"'
    return message + "."


def _not_allowed(field: str, value: Any, error: ValidationError) -> str:
    allowed: Any = error.validator_value
    if error.validator == "const":
        return f"{field} ska vara '{allowed}', inte {_found(value)}."
    options = [option for option in allowed if option is not None]
    shown_options = ", ".join(
        f"{option} ({_LABELS[option]})" if option in _LABELS else str(option) for option in options
    )
    shown = f"'{value}'" if isinstance(value, str) else _found(value)
    message = (
        f"{field} är {shown}, som inte är ett tillåtet värde; använd något av: {shown_options}"
    )
    if isinstance(value, str):
        by_label = {_LABELS.get(option, option).lower(): option for option in options}
        by_label.update({option: option for option in options})
        close = difflib.get_close_matches(value.lower(), list(by_label), n=1, cutoff=0.6)
        if close:
            message += f" (menade du '{by_label[close[0]]}'?)"
    return message + "."


def _bad_pattern(
    error: ValidationError,
    root: Any,
    path: list[str | int],
    line: int | None,
    field: str,
) -> Iterator[tuple[int | None, str]]:
    value = error.instance
    container = _at(root, path)
    if isinstance(container, LineDict) and value in container.key_lines:
        # A failing propertyNames check reports the mapping; point at the key itself.
        yield container.key_lines[value], f"'{value}' är inget årtal; skriv året med fyra siffror."
    elif error.validator_value == SLUG_PATTERN:
        yield (
            line,
            (
                f"{field} är '{value}', som inte är en giltig nyckel; använd små bokstäver a–z, "
                "siffror, '-' och '_' och börja med en bokstav eller siffra "
                "(t.ex. 'barn-och-unga')."
            ),
        )
    else:
        yield (
            line,
            (
                f"{field} är '{value}', som inte är en radnyckel; skriv nyckeln, "
                "med '-' framför om raden ska dras ifrån (t.ex. '-financial_costs')."
            ),
        )


def _at(root: Any, path: list[str | int]) -> Any:
    data = root
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data
