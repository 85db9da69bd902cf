"""Which character set the bytes really use (sie.md §12.1).

4B allows only CP437 (``#FORMAT PC8``), but real files are also UTF-8 (with or without BOM,
sometimes with letters already destroyed to U+FFFD), Latin-1/CP1252, or mixed: one Latin-1
``ö`` in an otherwise CP437 file. Detection runs on a prefix of the file and is then checked
line by line while reading, so a mixed file is noticed and each line decoded by its own bytes.
"""

from __future__ import annotations

import codecs
import encodings.cp437
import re
from collections.abc import Callable
from dataclasses import dataclass

CP437 = "cp437"
UTF8 = "utf-8"
LATIN1 = "latin-1"

BOM = codecs.BOM_UTF8
# åäöÅÄÖé in each encoding: the letters Swedish ledger text is full of.
_CP437_LETTERS = re.compile(b"[\x86\x84\x94\x8f\x8e\x99\x82]")
_LATIN1_LETTERS = re.compile(b"[\xe5\xe4\xf6\xc5\xc4\xd6\xe9]")
# A UTF-8 lead byte followed by a continuation byte: CP437 and Latin-1 text almost never
# contains this pair, so its presence plus a clean decode means UTF-8.
_MULTIBYTE = re.compile(b"[\xc2-\xf4][\x80-\xbf]")
_REPLACEMENT = "\ufffd".encode()
_LEADS_AND_LETTERS = bytes(range(0xC2, 0xF7))  # C2–F4 and the letters of _LATIN1_LETTERS

_ALIASES = {
    "pc8": CP437,
    "cp437": CP437,
    "ibm437": CP437,
    "437": CP437,
    "utf-8": UTF8,
    "utf8": UTF8,
    "utf-8-sig": UTF8,
    "latin-1": LATIN1,
    "latin1": LATIN1,
    "iso-8859-1": LATIN1,
    "iso8859-1": LATIN1,
    "iso-8859-15": "iso8859-15",
    "cp1252": "cp1252",
    "windows-1252": "cp1252",
}


def normalize(name: str) -> str:
    """The codec name for an ``encoding=`` override; ValueError names the accepted values."""
    key = name.strip().lower().replace("_", "-")
    if key not in _ALIASES:
        raise ValueError(
            f"Okänd teckenkodning {name!r}. Använd pc8/cp437, utf-8, latin-1 eller cp1252."
        )
    return _ALIASES[key]


@dataclass(frozen=True)
class Detection:
    encoding: str  # CP437, UTF8 or LATIN1
    bom: bool  # the file starts with a UTF-8 byte order mark
    ascii_only: bool  # the prefix held no byte above 127: CP437 is only assumed
    replacement_chars: bool  # U+FFFD present: letters destroyed before the export


_CP437_TABLE = encodings.cp437.decoding_table


def _decode_cp437(value: bytes) -> str:
    # The cp437 codec's decode() is a Python function around this C call; calling the C
    # function directly makes decoding a text field about four times faster.
    return codecs.charmap_decode(value, "replace", _CP437_TABLE)[0]


def decoder(codec: str) -> Callable[[bytes], str]:
    """A function decoding field bytes with ``codec``, replacing undecodable bytes."""
    if codec == CP437:
        return _decode_cp437
    return lambda value: value.decode(codec, "replace")


_NEVER = re.compile(b"(?!)")
_ALWAYS = re.compile(b"")


def quick_check(base: str, override: bool = False) -> Callable[[bytes], object]:
    """A cheap test (one regex search) for a non-ASCII line: None means the line is in
    ``base`` and needs no letter counting; anything else means it must be classified."""
    if override:
        return _NEVER.search  # the caller said what the bytes are
    if base == CP437:
        # UTF-8 lead bytes (C2–F4) and the Latin-1 letters (C4–F6); the CP437 ones are below.
        return re.compile(b"[\xc2-\xf6]").search
    if base == LATIN1:
        return re.compile(b"[\x80-\x9f]|[\xc2-\xf4][\x80-\xbf]").search
    return _ALWAYS.search  # UTF-8: only a decode tells


def classify_line(raw: bytes, base: str | None) -> str:
    """The encoding of one non-ASCII line, preferring ``base`` when the bytes do not say."""
    if _MULTIBYTE.search(raw):
        try:
            raw.decode(UTF8)
        except UnicodeDecodeError:
            pass
        else:
            return UTF8
    if base == CP437 and not _LATIN1_LETTERS.search(raw):
        return CP437  # the common case in a CP437 file, decided without counting
    cp437 = len(_CP437_LETTERS.findall(raw))
    latin1 = len(_LATIN1_LETTERS.findall(raw))
    if latin1 > cp437:
        return LATIN1
    if cp437 > latin1:
        return CP437
    return base if base in (CP437, LATIN1) else CP437


def detect(prefix: bytes, *, complete: bool) -> Detection:
    """Detect the encoding from the first bytes of a file by a majority vote of its non-ASCII
    lines. ``complete`` says whether ``prefix`` is the whole file (else its last, possibly
    cut, line is left out)."""
    bom = prefix.startswith(BOM)
    body = prefix[len(BOM) :] if bom else prefix
    if not complete and b"\n" in body:
        body = body[: body.rindex(b"\n") + 1]
    replacement = _REPLACEMENT in body
    if bom:
        return Detection(UTF8, True, False, replacement)
    if body.isascii():
        return Detection(CP437, False, True, False)
    if len(body.translate(None, _LEADS_AND_LETTERS)) == len(body):
        # No UTF-8 lead byte and no Latin-1 letter: classify_line(line, None) would give
        # CP437 for every line, so the vote is decided without it (and much faster).
        return Detection(CP437, False, False, replacement)
    votes = {CP437: 0, UTF8: 0, LATIN1: 0}
    for line in body.splitlines():
        if not line.isascii():
            votes[classify_line(line, None)] += 1
    best = max(votes, key=lambda k: (votes[k], k == CP437))  # ties go to the declared PC8
    return Detection(best, False, False, replacement)
