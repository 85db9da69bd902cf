"""Opening the input: paths, byte strings or binary streams, and rejecting what is not SIE
(empty files, HTML error pages saved as .se, binary junk) before any parsing."""

from __future__ import annotations

import io
import os
import re
from typing import BinaryIO

from uppsikt.sie.encoding import BOM
from uppsikt.sie.errors import SieError

Source = str | os.PathLike[str] | bytes | BinaryIO

#: Bytes looked at before reading: enough for the header and the first vouchers.
PREFIX_SIZE = 1 << 20
_BUFFER = 1 << 20


class _Replay(io.RawIOBase):
    """A non-seekable stream with its already-read prefix put back in front."""

    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        self._prefix = memoryview(prefix)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def open_source(source: Source) -> tuple[BinaryIO, bool, str]:
    """(binary stream, whether we opened it and must close it, a name for messages)."""
    if isinstance(source, bytes | bytearray | memoryview):
        return io.BytesIO(bytes(source)), True, "<bytes>"
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        return open(path, "rb", buffering=_BUFFER), True, os.path.basename(path)
    if isinstance(source, io.TextIOBase):
        raise TypeError("SIE-filen måste öppnas binärt (open(path, 'rb')), inte som text.")
    return source, False, str(getattr(source, "name", "<ström>"))


def peek(stream: BinaryIO) -> tuple[BinaryIO, bytes, bool]:
    """Read the first bytes without consuming them: (stream to read from, prefix, whether the
    prefix is the whole input)."""
    prefix = stream.read(PREFIX_SIZE)
    if not isinstance(prefix, bytes):
        raise TypeError("SIE-filen måste öppnas binärt (open(path, 'rb')), inte som text.")
    complete = len(prefix) < PREFIX_SIZE
    if stream.seekable():
        stream.seek(-len(prefix), io.SEEK_CUR)
        return stream, prefix, complete
    return io.BufferedReader(_Replay(prefix, stream), _BUFFER), prefix, complete


_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1a")
#: A line (as bytes.splitlines() cuts them) that starts with "#" after blanks (lstrip()).
_RECORD = re.compile(rb"(?:\A|[\r\n])[ \t\x0b\x0c]*#")


def reject_junk(prefix: bytes, complete: bool) -> None:
    """Raise SieError, in Swedish and with a line number, for input that is not SIE at all."""
    if prefix.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SieError(
            "Filen är sparad som UTF-16, som SIE inte tillåter. Exportera den på nytt i PC8 "
            "(CP437), eller spara om den som UTF-8.",
            1,
        )
    body = prefix[len(BOM) :] if prefix.startswith(BOM) else prefix
    start = body.lstrip()
    if not start:
        if complete:
            raise SieError("Filen är tom. Exportera SIE-filen på nytt från ekonomisystemet.")
        raise SieError("Filen börjar med över en megabyte tomrum och är ingen SIE-fil.")
    lowered = start[:200].lower()
    if lowered.startswith((b"<!doctype", b"<html", b"<head", b"<body")) or b"<html" in lowered:
        raise SieError(
            "Filen är en HTML-sida, inte en SIE-fil; troligen en felsida från en webbserver som "
            "sparats med filändelsen .se. Ladda ner eller exportera filen på nytt.",
            1 + body[: len(body) - len(start)].count(b"\n"),
        )
    if lowered.startswith(b"<?xml") or lowered.startswith(b"<sie"):
        raise SieError(
            "Filen är XML (kanske SIE 5), inte SIE 4. Exportera i formatet SIE 4 (typ 4E).", 1
        )
    nul = body.find(b"\x00")
    controls = len(body) - len(body.translate(None, _CONTROL))
    if nul >= 0 or controls > max(8, len(body) // 100):
        where = nul if nul >= 0 else next(i for i, b in enumerate(body) if b in _CONTROL)
        raise SieError(
            "Filen innehåller binära data och är ingen SIE-fil (SIE är text). Kontrollera att "
            "rätt fil valts och att den inte är komprimerad eller skadad.",
            1 + body[:where].count(b"\n"),
        )
    if _RECORD.search(body) is None:
        raise SieError(
            "Filen innehåller inga SIE-poster (rader som börjar med #, t.ex. #FLAGGA). "
            "Kontrollera att rätt fil valts.",
            1,
        )
