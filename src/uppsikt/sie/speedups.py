"""The optional C accelerator of ``inspect()`` (``_scan.c``) and the pure-Python fallback.

``line_source()`` gives the reading loop its lines: ``_scan.Lines`` when the extension is
built, else ``stream.readline`` as before. When only the summary is wanted
(``SieFile.scan()``, ``inspect()``), ``scanner()`` configures the same object so that the
loop can hand it the common lines (simple #VER, ``{``, simple #TRANS, ``}``, simple
balance records). It reads on while the lines are ones whose outcome is certain (no
encoding question, a voucher that balances, fields that parse without a finding) and
hands every other line back; the Python code reads that one as it always does, with every
message and line number. What is new to the reader's caches (an object list, account or
date) and the balance records go to ``hooks()``, which do what the Python path does with
them. The results are identical either way (``tests/sie/test_speedups.py``).

``UPPSIKT_SIE_PURE=1`` forces the pure path (tests, benchmarks). Without a C compiler the
package installs without the extension and the pure path runs unchanged.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, BinaryIO

from uppsikt.sie import encoding as enc
from uppsikt.sie.core import OpenVoucher
from uppsikt.sie.model import Objects

if TYPE_CHECKING:
    from uppsikt.sie._scan import Hooks, Lines, OpenedVer
    from uppsikt.sie.core import ReaderState

# The phases of the reading loop in which the C code may read on (see _scan.c).
IDLE, OPEN, BLOCK = 1, 2, 3

#: How _scan.c judges a non-ASCII line, after encoding.quick_check.
_QUICK = {enc.CP437: 0, enc.LATIN1: 1}
_QUICK_ALWAYS, _QUICK_NEVER = 2, 3


def _lines_type() -> type[Lines] | None:
    if os.environ.get("UPPSIKT_SIE_PURE", "") not in ("", "0"):
        return None
    try:
        from uppsikt.sie._scan import Lines
    except ImportError:
        return None
    return Lines


def available() -> bool:
    """Whether the C accelerator is built and not switched off by UPPSIKT_SIE_PURE."""
    return _lines_type() is not None


def line_source(stream: BinaryIO, limit: int) -> Iterator[bytes]:
    """The lines of ``stream`` as ``readline(limit)`` returns them."""
    lines_type = _lines_type()
    if lines_type is None or not hasattr(stream, "readinto"):
        return iter(partial(stream.readline, limit), b"")
    return lines_type(stream, limit)


def scanner(lines: Iterator[bytes], st: ReaderState) -> Lines | None:
    """``lines`` set up to read common lines itself, or None on the pure path."""
    lines_type = _lines_type()
    if lines_type is None or not isinstance(lines, lines_type):
        return None
    quick = _QUICK_NEVER if st.override else _QUICK.get(st.base, _QUICK_ALWAYS)
    lines.configure(st.objcache, st.seen_accounts, st.good_dates, st.any_dates, quick, hooks(st))
    return lines


def hooks(st: ReaderState) -> Hooks:
    """What the C code asks of the reader (see _scan_balances.c): split object lists,
    accounts and dates new to its caches, and balance records. The C code takes only lines
    in the base encoding (object lists in ASCII), so their codec is ``st.base``."""

    def objects(inner: bytes, items: tuple[bytes, ...], line: int) -> tuple[Objects, bytes]:
        return st.objects_split(inner, items, st.base, line)

    return objects, st.use_account, st.learn_date, st.simple_balance


def resume_voucher(st: ReaderState, opened: OpenedVer) -> OpenVoucher:
    """The OpenVoucher of a #VER the C code read: what ``vouchers.fast_voucher`` returns for
    it (the C code takes only lines in the base encoding whose dates are cached)."""
    series, number, date, registered, line = opened
    decode = st.decoder(st.base)
    reg = st.any_dates[registered] if registered else None
    return OpenVoucher(decode(series), decode(number), st.good_dates[date], "", reg, "", line)
