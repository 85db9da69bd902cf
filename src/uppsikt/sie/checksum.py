"""#KSUMMA: CRC-32 over the raw field bytes of the covered records (4B §10, sie.md §9).

Covered are the records after the opening ``#KSUMMA`` up to the closing ``#KSUMMA <value>``;
for each, its label and field values concatenated: no whitespace, no line breaks, no
enclosing quotes (``\\"`` counts as ``"``), no braces, but the object-list contents. The CRC
is the standard one ``zlib.crc32`` computes; the closing field is it as an unsigned decimal.
Working on the file's bytes, not decoded text, lets a UTF-8 or Latin-1 file verify against the
bytes it was checksummed from.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from uppsikt.sie.lexer import Field, covered_bytes, tokenize


def ksumma(records: Iterable[list[Field]]) -> int:
    """CRC-32 over records given as lexed fields (label first)."""
    crc = 0
    for fields in records:
        crc = zlib.crc32(covered_bytes(fields), crc)
    return crc


def ksumma_of_lines(lines: Iterable[bytes]) -> int:
    """CRC-32 over raw record lines (the ones between the two #KSUMMA records).

    Voucher braces and blank lines contribute nothing, exactly as in the reader."""
    return ksumma(tokenize(line).fields for line in lines if line.strip() not in (b"{", b"}"))
