"""Turn untrusted text into inert Typst source that always compiles.

User text never reaches Typst as markup: every string is emitted as a Typst string
literal, which the compiler shows verbatim. Inside a literal only `\\` and `"` are
special, so escaping those two (plus control characters) is the whole defence; `#`,
`$`, `*`, `_`, `@`, `<`, `` ` ``, `//` and `]` stay plain characters.

PDF/UA forbids glyphs the fonts cannot show, and Typst refuses to compile such text,
so characters outside the bundled fonts are replaced (see `font_coverage`).
"""

from __future__ import annotations

import re
import struct
import unicodedata
from functools import lru_cache
from pathlib import Path

from uppsikt.documents.common import clean_text

FONTS_DIR = Path(__file__).parent / "fonts"
FONT_FILES = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSans-Italic.ttf",
    "NotoSans-BoldItalic.ttf",
    "NotoSansMath-Regular.ttf",  # fallback for U+2212 minus, ≤, ≥, arrows
)
REPLACEMENT = "\ufffd"

_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
}
_NEEDS_ESCAPE = re.compile('[\\\\"\n\t]')


def typst_str(value: str) -> str:
    """Return `value` as a Typst string literal, quotes included.

    Typst evaluates the literal to exactly `printable(value)`.
    """
    body = _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], printable(value))
    return f'"{body}"'


def printable(value: str) -> str:
    """The text as the PDF will show it: control codes dropped, unknown glyphs replaced."""
    return _displayable(clean_text(value))


def _displayable(text: str) -> str:
    if text.isascii():  # the common case; ASCII is fully covered
        return text
    covered = font_coverage()
    if all(ord(ch) in covered for ch in text):
        return text
    out: list[str] = []
    for ch in text:
        if ord(ch) in covered or ch in "\n\t":
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category.startswith("Z"):  # exotic spaces and separators
            out.append(" ")
        elif category in ("Cf", "Mn", "Me"):  # joiners, variation selectors, combining marks
            continue
        else:  # emoji, scripts the fonts lack
            out.append(REPLACEMENT)
    return "".join(out)


@lru_cache(maxsize=1)
def font_coverage() -> frozenset[int]:
    """Code points that every Noto Sans style, or the math fallback, can draw."""
    styles = [_cmap(FONTS_DIR / name) for name in FONT_FILES[:4]]
    fallback = _cmap(FONTS_DIR / FONT_FILES[4])
    return frozenset(set.intersection(*styles) | fallback)


def _cmap(path: Path) -> set[int]:
    """Read the code points of a TrueType font's format-4 (BMP) cmap subtable."""
    data = path.read_bytes()
    (num_tables,) = struct.unpack_from(">H", data, 4)
    offsets = {
        data[12 + 16 * i : 16 + 16 * i]: struct.unpack_from(">I", data, 20 + 16 * i)[0]
        for i in range(num_tables)
    }
    cmap = offsets[b"cmap"]
    (count,) = struct.unpack_from(">H", data, cmap + 2)
    for i in range(count):
        (sub_offset,) = struct.unpack_from(">I", data, cmap + 8 + 8 * i)
        sub = cmap + sub_offset
        if struct.unpack_from(">H", data, sub)[0] == 4:
            return _format4(data, sub)
    raise ValueError(f"{path.name}: no format-4 cmap subtable")


def _format4(data: bytes, sub: int) -> set[int]:
    (seg_x2,) = struct.unpack_from(">H", data, sub + 6)
    segments = seg_x2 // 2
    ends = struct.unpack_from(f">{segments}H", data, sub + 14)
    starts = struct.unpack_from(f">{segments}H", data, sub + 16 + seg_x2)
    deltas = struct.unpack_from(f">{segments}h", data, sub + 16 + 2 * seg_x2)
    range_base = sub + 16 + 3 * seg_x2
    range_offsets = struct.unpack_from(f">{segments}H", data, range_base)
    points: set[int] = set()
    for i in range(segments):
        for code in range(starts[i], min(ends[i], 0xFFFE) + 1):
            if range_offsets[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                address = range_base + 2 * i + range_offsets[i] + 2 * (code - starts[i])
                (glyph,) = struct.unpack_from(">H", data, address)
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:
                points.add(code)
    return points
