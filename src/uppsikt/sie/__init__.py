"""SIE 4 reader and writer: a standalone library (no Django, nothing else of Uppsikt).

Read::

    with open_sie("export.se") as f:
        for item in f.items():      # Balance and Voucher objects, streamed
            ...
        summary = f.summary         # counts, encoding, checksum status, issues

    summary = inspect("export.se")  # the same without keeping anything

Write: ``write_sie(path, header, items)`` writes CP437, CRLF, #KSUMMA.
See ``/work/shared/reference/sie.md`` (the format) and the module docstrings.
"""

from uppsikt.sie.checksum import ksumma
from uppsikt.sie.errors import SieError
from uppsikt.sie.inspect import format_summary, inspect, summary_as_dict
from uppsikt.sie.model import (
    Account,
    Balance,
    Dimension,
    FiscalYear,
    Header,
    Issue,
    Objects,
    Summary,
    Transaction,
    Voucher,
)
from uppsikt.sie.reader import SieFile, open_sie, read_all
from uppsikt.sie.writer import write_sie

__all__ = [
    "Account",
    "Balance",
    "Dimension",
    "FiscalYear",
    "Header",
    "Issue",
    "Objects",
    "SieError",
    "SieFile",
    "Summary",
    "Transaction",
    "Voucher",
    "format_summary",
    "inspect",
    "ksumma",
    "open_sie",
    "read_all",
    "summary_as_dict",
    "write_sie",
]
