"""Canonical YAML writing: nodes built by hand so that key order and styles are ours.

Building nodes (instead of dumping dicts) fixes the key order, puts short records on one
line in flow style and quotes figures, while PyYAML still decides where a string needs
quotes to read back as the same string.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
LINE_WIDTH = 100  # a one-line record longer than this is written as a block instead
_ODD_BREAKS = "\x85\u2028\u2029"
_NO_WRAP = 1_000_000  # PyYAML folds long plain strings at `width`; we never want that


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key ("  - item"), as people write them by hand.
        super().increase_indent(flow, False)


def text(value: str, *, quoted: bool = False) -> ScalarNode:
    """A string; `quoted` forces double quotes (figures, so they always look alike)."""
    style = '"' if quoted else ("|" if "\n" in value else None)
    if any(char in value for char in _ODD_BREAKS):
        # PyYAML writes these raw in single-quoted and block styles, and then reads them
        # back as line breaks; only double quotes escape them.
        style = '"'
    return ScalarNode(STR, value, style=style)


def integer(value: int) -> ScalarNode:
    return ScalarNode(INT, str(value))


Pair = tuple[str | ScalarNode, Node]


def mapping(pairs: Sequence[Pair], *, flow: bool = False) -> MappingNode:
    """A mapping with keys in the given order."""
    value = [(text(key) if isinstance(key, str) else key, node) for key, node in pairs]
    return MappingNode(MAP, value, flow_style=flow)


def sequence(items: Sequence[Node], *, flow: bool = False) -> SequenceNode:
    return SequenceNode(SEQ, list(items), flow_style=flow)


def keys(values: Sequence[str], indent: int = 0) -> SequenceNode:
    """A one-line list of keys, `[a, b]`, or a block list if that line would be too long."""
    one_line = sequence([text(value) for value in values], flow=True)
    if indent + len(dump(one_line).rstrip("\n")) <= LINE_WIDTH:
        return one_line
    return sequence([text(value) for value in values])


def dump(node: Node) -> str:
    """The YAML text of `node`: UTF-8 characters kept, LF line ends, no folding."""
    result = yaml.serialize(
        node,
        Dumper=_Dumper,
        allow_unicode=True,
        width=_NO_WRAP,
        indent=2,
        line_break="\n",
    )
    return str(result)


def record(pairs: Sequence[Pair], indent: int) -> MappingNode:
    """A mapping on one line in flow style if it fits in LINE_WIDTH at `indent`, else a block."""
    one_line = mapping(pairs, flow=True)
    if indent + len(dump(one_line).rstrip("\n")) <= LINE_WIDTH:
        return one_line
    return mapping(pairs)
