"""Types of the C accelerator ``_scan.c`` (see ``speedups.py``)."""

from collections.abc import Callable
from typing import Any, BinaryIO

#: (series, number, date, regdate, line) of the #VER that run() opened last.
OpenedVer = tuple[bytes, bytes, bytes, bytes, int]
#: (line to read in Python or None at the end, lineno, phase, vsum, crc, opened, #VER count)
RunResult = tuple[bytes | None, int, int, int, int, OpenedVer | None, int]

#: What run() asks of the reader (speedups.hooks): objects(inner, items, line) -> the
#: objcache value, account(number, line), date(value, in_year) -> known now,
#: balance(label, year, period, account, items, amount, line) -> handled.
Hooks = tuple[
    Callable[[bytes, tuple[bytes, ...], int], tuple[Any, bytes]],
    Callable[[bytes, int], object],
    Callable[[bytes, bool], bool],
    Callable[[str, int, int | None, bytes, tuple[bytes, ...] | None, bytes, int], bool],
]

class Lines:
    n_fast: int
    n_plain: int
    n_tx: int
    n_crlf: int
    n_lf: int
    closed: int

    def __init__(self, stream: BinaryIO, limit: int) -> None: ...
    def __iter__(self) -> Lines: ...
    def __next__(self) -> bytes: ...
    def run(
        self, phase: int, lineno: int, vsum: int, crc_on: bool, crc: int, vrest_zero: bool, /
    ) -> RunResult | None: ...
    def configure(
        self,
        objcache: dict[bytes, Any],
        accounts: set[bytes],
        good_dates: dict[bytes, Any],
        any_dates: dict[bytes, Any],
        quick: int,
        hooks: Hooks,
        /,
    ) -> None: ...

def crc32(data: bytes, crc: int = 0, /) -> int: ...
