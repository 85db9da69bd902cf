"""Split one SIE line into raw byte fields (4B §5, robustness checklist of sie.md §12).

Works on bytes, not text: the #KSUMMA checksum is defined over the file's own bytes, and
decoding is postponed to the fields that are actually used.

A line becomes a list of fields. A plain field is ``bytes`` with its enclosing quotes removed
and ``\\"`` resolved to ``"``; an object list ``{1 "Nord" 6 0001}`` is a ``tuple`` of its
inner fields, ``(b"1", b"Nord", b"6", b"0001")``. Fields are separated by any run of spaces
or tabs. A backslash not followed by ``"`` is literal (``"C:\\Data\\x"``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

Field = bytes | tuple[bytes, ...]

_WS = re.compile(rb"[ \t\r\n]*")
# A bare field ends at whitespace; inside an object list also at a quote or the closing brace.
_BARE = re.compile(rb"[^ \t\r\n]+")
_BARE_IN_LIST = re.compile(rb'[^ \t\r\n"}]+')
_QUOTE = 0x22
_BACKSLASH = 0x5C
_OPEN = 0x7B
_CLOSE = 0x7D


class Lexed(NamedTuple):
    fields: list[Field]
    problem: str | None  # Swedish description of a repaired syntax problem, or None


def tokenize(line: bytes) -> Lexed:
    """Split a line into fields. Never raises: unterminated quotes or object lists are closed
    at the end of the line and reported in ``problem``."""
    if b'"' not in line and b"{" not in line:
        # Most header lines and many voucher lines: nothing to resolve.
        return Lexed(list(line.split()), None)
    fields: list[Field] = []
    inner: list[bytes] | None = None  # fields of the object list being read
    problem: str | None = None
    n = len(line)
    i = _skip_ws(line, 0)
    while i < n:
        c = line[i]
        if c == _QUOTE:
            value, i, closed = _quoted(line, i)
            if not closed:
                problem = "citattecken som inte avslutas"
            if inner is None:
                fields.append(value)
            else:
                inner.append(value)
        elif inner is not None:
            if c == _CLOSE:
                fields.append(tuple(inner))
                inner = None
                i += 1
            else:
                m = _BARE_IN_LIST.match(line, i)
                assert m is not None  # c is none of the characters the pattern excludes
                inner.append(m.group())
                i = m.end()
        elif c == _OPEN:
            inner = []
            i += 1
        else:
            m = _BARE.match(line, i)
            assert m is not None
            fields.append(m.group())
            i = m.end()
        i = _skip_ws(line, i)
    if inner is not None:
        fields.append(tuple(inner))
        problem = "objektlista utan avslutande }"
    return Lexed(fields, problem)


def _skip_ws(line: bytes, i: int) -> int:
    m = _WS.match(line, i)
    return m.end() if m is not None else i  # the pattern matches the empty string


def _quoted(line: bytes, start: int) -> tuple[bytes, int, bool]:
    """Read the quoted field opening at ``start``: (value, index after it, was closed)."""
    j = start + 1
    escaped: list[int] = []  # positions of quotes written as \"
    while True:
        k = line.find(b'"', j)
        if k < 0:
            break
        if line[k - 1] == _BACKSLASH and k - 1 > start:
            escaped.append(k)
            j = k + 1
            continue
        return _unescape(line[start + 1 : k]), k + 1, True
    # Unterminated. A field ending in a backslash ("C:\Data\") looks like this: take the last
    # \" that is followed by whitespace or the line end as the closing quote after all.
    end = len(line.rstrip(b"\r\n"))
    for k in reversed(escaped):
        if k + 1 >= end or line[k + 1] in b" \t":
            return _unescape(line[start + 1 : k]), k + 1, False
    return _unescape(line[start + 1 : end]), end, False


def _unescape(value: bytes) -> bytes:
    return value.replace(b'\\"', b'"') if b"\\" in value else value


def covered_bytes(fields: list[Field]) -> bytes:
    """The bytes #KSUMMA covers for one record: label and field values concatenated, object
    lists by their contents (sie.md §9)."""
    return b"".join(b"".join(f) if isinstance(f, tuple) else f for f in fields)


# Fast paths for the commonest lines of a large file: a simple #TRANS inside a voucher and a
# simple #VER. They match only lines that tokenize() splits into exactly these groups, so the
# reader can take the groups without running tokenize(); anything unusual (escapes, quoted
# dates, extra fields, over-long amounts) fails the match and goes the general way. The
# equivalence is tested in tests/sie/test_lexer.py. A match requires the line end, so a line
# cut by the reader's length limit never matches.
_AMOUNT = rb"(-?[0-9]{1,15}(?:\.[0-9]{1,2})?)"
_FIELD = rb'(?:"([^"\\\r\n]*)"|([^ \t\r\n"{}\\]+))'  # quoted (group 1) or bare (group 2)
TRANS_FAST = re.compile(
    rb"[ \t]*#TRANS[ \t]+([0-9]+)[ \t]+"
    # object list; the reader rejects (via tokenize) one with an odd number of quotes
    rb"\{([^{}\\\r\n]*)\}[ \t]+" + _AMOUNT + rb"(?:[ \t]+([0-9]{8})"  # amount, date
    rb"(?:[ \t]+" + _FIELD + rb"(?:[ \t]+" + _AMOUNT + rb")?)?)?"  # text, quantity
    rb"[ \t]*\r?\n\Z"
)
VER_FAST = re.compile(
    rb"[ \t]*#VER[ \t]+" + _FIELD + rb"[ \t]+" + _FIELD + rb"[ \t]+([0-9]{8})"  # series no date
    rb"(?:[ \t]+" + _FIELD + rb"(?:[ \t]+([0-9]{8}))?)?"  # text, registration date
    rb"[ \t]*\r?\n\Z"
)
