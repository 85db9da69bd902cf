"""YAML reading that remembers the line of every key and item, and never makes a float.

Package files are typed by hand, so the loader is deliberately less clever than YAML 1.1:
numbers with a decimal point become exact `Decimal`s built from the source text, `1:30`
and `2026-03-31` stay text, only `true`/`false` are booleans (`ja`, `no`, `on` are text)
and `0755` is seven hundred and fifty-five. Mapping keys are the key's text as written,
so `2025:` and `"2025":` are the same key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from yaml.composer import Composer, ComposerError
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

try:  # libyaml ships in PyYAML's wheels; without it the pure-Python loader does all
    from yaml._yaml import CParser

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover

    class CParser:  # type: ignore[no-redef]
        """Stand-in so the class below can be defined; never instantiated."""

    HAVE_LIBYAML = False

# A file whose aliases expand to more nodes than this is refused: validating it would
# take too long (a "billion laughs" file), and no real package comes close.
MAX_EXPANDED_NODES = 200_000
_DIGITS = re.compile(r"[-+]?[0-9]+")


class LineDict(dict[str, Any]):
    """A YAML mapping that knows its own line and the line of each key."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}


class LineList(list[Any]):
    """A YAML sequence that knows its own line and the line of each item."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []


@dataclass(frozen=True)
class YamlDocument:
    data: Any
    duplicate_keys: tuple[tuple[str, int], ...]  # (key, line) of keys given twice


class YamlSyntaxError(Exception):
    """The text is not YAML we can read; `line` is a file line, `column` 1-based (None: unknown)."""

    def __init__(self, line: int | None, message: str, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message


class _LineBehaviour:
    """What both loaders add to PyYAML: line numbers, duplicate keys, alias safety."""

    first_line: int
    duplicate_keys: list[tuple[str, int]]
    _open_anchors: set[str]

    def _start_lines(self, first_line: int) -> None:
        self.first_line = first_line  # the file line of the stream's first line
        self.duplicate_keys = []
        self._open_anchors = set()

    def line_of(self, node: Node) -> int:
        return int(node.start_mark.line) + self.first_line

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        # An alias to a collection that is still open would make a recursive structure,
        # which schema validation would follow forever.
        event: Any = self.peek_event()  # type: ignore[attr-defined]
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent):
            if anchor in self._open_anchors:
                mark: Any = event.start_mark
                raise ComposerError(None, None, f"aliaset *{anchor} pekar på sig självt", mark)
            return super().compose_node(parent, index)  # type: ignore[misc,no-any-return]
        if anchor is not None:
            self._open_anchors.add(anchor)
        try:
            return super().compose_node(parent, index)  # type: ignore[misc,no-any-return]
        finally:
            if anchor is not None:
                self._open_anchors.discard(anchor)

    def get_single_node(self) -> Node | None:
        node: Node | None = super().get_single_node()  # type: ignore[misc]
        if node is not None and _expanded_size(node, {}) > MAX_EXPANDED_NODES:
            start: Any = node.start_mark
            raise ComposerError(None, None, "filen blir för stor när dess alias fylls i", start)
        return node


class LineLoader(_LineBehaviour, yaml.SafeLoader):
    """SafeLoader that builds `LineDict`/`LineList` and exact numbers (pure Python: its
    error messages are the ones `_SWEDISH` translates)."""

    def __init__(self, stream: str, first_line: int = 1) -> None:
        yaml.SafeLoader.__init__(self, stream)
        self._start_lines(first_line)


class FastLineLoader(_LineBehaviour, Composer, CParser, SafeConstructor, Resolver):
    """The same loader on libyaml's scanner and parser: several times faster. Used first;
    on any error the file is read again with `LineLoader` for its messages."""

    def __init__(self, stream: str, first_line: int = 1) -> None:
        CParser.__init__(self, stream)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        Composer.__init__(self)
        self._start_lines(first_line)


def _expanded_size(node: Node, seen: dict[int, int]) -> int:
    if id(node) in seen:
        return seen[id(node)]
    size = 1
    if isinstance(node, SequenceNode):
        size += sum(_expanded_size(child, seen) for child in node.value)
    elif isinstance(node, MappingNode):
        size += sum(_expanded_size(k, seen) + _expanded_size(v, seen) for k, v in node.value)
    seen[id(node)] = size
    return size


def _construct_map(loader: Any, node: MappingNode) -> Iterator[LineDict]:
    data = LineDict(loader.line_of(node))
    yield data
    seen: set[str] = set()
    for key_node, _ in node.value:
        if isinstance(key_node, ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
            if key_node.value in seen:
                loader.duplicate_keys.append((key_node.value, loader.line_of(key_node)))
            seen.add(key_node.value)
    loader.flatten_mapping(node)  # `<<: *defaults` merges; explicit keys win
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            raise ConstructorError(
                None, None, "en nyckel måste vara en enkel text", key_node.start_mark
            )
        data[key_node.value] = loader.construct_object(value_node, deep=False)
        data.key_lines[key_node.value] = loader.line_of(key_node)


def _construct_seq(loader: Any, node: SequenceNode) -> Iterator[LineList]:
    data = LineList(loader.line_of(node))
    yield data
    for child in node.value:
        data.append(loader.construct_object(child, deep=False))
        data.item_lines.append(loader.line_of(child))


def _construct_float(loader: LineLoader, node: ScalarNode) -> Decimal | str:
    text = loader.construct_scalar(node)
    cleaned = text.replace("_", "")
    if ":" in cleaned or "inf" in cleaned.lower() or "nan" in cleaned.lower():
        return text  # sexagesimal, infinity, not-a-number: no figure, keep what was typed
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return text


def _construct_int(loader: LineLoader, node: ScalarNode) -> int | str:
    text = loader.construct_scalar(node)
    cleaned = text.replace("_", "")
    if _DIGITS.fullmatch(cleaned):
        # Decimal even with a leading zero; absurdly long digit strings stay text (and are
        # then reported as "not a number") instead of hitting Python's int size limit.
        return int(cleaned) if len(cleaned) <= 40 else text
    if ":" in cleaned:
        return text
    return int(yaml.SafeLoader.construct_yaml_int(loader, node))


def _construct_bool(loader: LineLoader, node: ScalarNode) -> bool | str:
    text = loader.construct_scalar(node)
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text


def _construct_text(loader: LineLoader, node: ScalarNode) -> str:
    return loader.construct_scalar(node)


def _refuse_tag(loader: LineLoader, node: Node) -> None:
    raise ConstructorError(
        None, None, f"taggen {node.tag} stöds inte i ett rapportpaket", node.start_mark
    )


LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
LineLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
LineLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
LineLoader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_text)
for _tag in ("binary", "omap", "pairs", "set"):
    LineLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)
FastLineLoader.yaml_constructors = dict(LineLoader.yaml_constructors)


_SWEDISH = (
    (
        "mapping values are not allowed here",
        "ett kolon står där det inte får stå; sätt texten inom citattecken om den innehåller ': '",
    ),
    ("could not find expected ':'", "ett kolon saknas (eller ett citattecken är inte avslutat)"),
    (
        "found character '\\t' that cannot start any token",
        "tabbtecken är inte tillåtna; använd mellanslag för indrag",
    ),
    ("found character", "ett tecken som inte får inleda ett värde; sätt värdet inom citattecken"),
    (
        "did not find expected key",
        "indraget stämmer inte; nycklar på samma nivå ska ha samma indrag",
    ),
    (
        "did not find expected '-' indicator",
        "indraget stämmer inte i en lista; varje post börjar med '- ' på samma indrag",
    ),
    ("did not find expected node content", "ett värde saknas"),
    ("did not find expected ',' or ']'", "en lista inom [ ] är inte avslutad med ']'"),
    ("did not find expected ',' or '}'", "en mappning inom { } är inte avslutad med '}'"),
    ("expected ',' or '}'", "en mappning inom { } är inte avslutad med '}'"),
    ("expected ',' or ']'", "en lista inom [ ] är inte avslutad med ']'"),
    (
        "found unexpected end of stream",
        "filen tar slut mitt i ett värde (saknas ett avslutande citattecken?)",
    ),
    (
        "found unknown escape character",
        "okänd escape-sekvens efter '\\' i en text inom "
        "dubbla citattecken; skriv '\\\\' eller använd enkla citattecken",
    ),
    (
        "but found another document",
        "filen innehåller flera YAML-dokument; ta bort raden '---' mitt i filen",
    ),
    ("found undefined alias", "aliaset (*namn) hänvisar till ett ankare (&namn) som inte finns"),
    ("found duplicate anchor", "samma ankare (&namn) används två gånger"),
    ("could not determine a constructor", "okänd tagg (!namn); ta bort taggen"),
    ("found unhashable key", "en nyckel måste vara en enkel text"),
    ("while scanning a quoted scalar", "citattecknet som börjar på den här raden är inte avslutat"),
)


def _in_swedish(problem: str) -> str:
    for english, swedish in _SWEDISH:
        if problem.startswith(english):
            return swedish
    if any(char in problem for char in "åäöÅÄÖ"):
        return problem  # already ours
    return f"YAML-fel ({problem})"


def read_yaml(text: str, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document; raises `YamlSyntaxError` with a file line and a Swedish message."""
    try:
        return _read(text, first_line)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + first_line
        character = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"otillåtet kontrolltecken (U+{character:04X}); ta bort det"
        raise YamlSyntaxError(line, message) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "okänt fel"
        if (exc.context or "").startswith("while scanning a quoted scalar"):
            # The end of the file is a useless place to point at; the opening quote is not.
            mark = exc.context_mark or mark
            problem = "while scanning a quoted scalar"
        where = int(mark.line) + first_line if mark is not None else None
        column = int(mark.column) + 1 if mark is not None else None
        raise YamlSyntaxError(where, _in_swedish(problem), column) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(None, _in_swedish(str(exc))) from exc
    except RecursionError as exc:
        raise YamlSyntaxError(None, "strukturen är för djupt nästlad") from exc


def _read(text: str, first_line: int) -> YamlDocument:
    if HAVE_LIBYAML:
        try:
            return _load(FastLineLoader(text, first_line))
        except (yaml.YAMLError, RecursionError, ValueError):
            pass  # read again below: the pure-Python loader explains errors better
    return _load(LineLoader(text, first_line))


def _load(loader: LineLoader | FastLineLoader) -> YamlDocument:
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    return YamlDocument(data, tuple(loader.duplicate_keys))


def line_at(data: Any, path: Sequence[str | int]) -> int | None:
    """The line of the deepest key or item along `path` that the loader recorded."""
    line: int | None = getattr(data, "line", None)
    for step in path:
        if isinstance(data, LineDict) and isinstance(step, str) and step in data:
            line = data.key_lines.get(step, line)
            data = data[step]
        elif isinstance(data, LineList) and isinstance(step, int) and 0 <= step < len(data):
            line = data.item_lines[step]
            data = data[step]
        else:
            break
    return line
