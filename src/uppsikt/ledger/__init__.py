"""Ledger data: facts imported from SIE and budget files, and the mapping to report lines.

Actions: `sie_import.import_sie_file`, `budget_files.import_budget_file` and
`export_budget_file`, `mapping_store.save_mapping`. Queries: `queries`,
`mapping_store.load_mapping`. The errors below are what a caller (the CLI) catches;
they are defined here, free of Django, so that every module can share them.
"""

from __future__ import annotations


class LedgerError(Exception):
    """Something a user can fix: the message names the place and says how."""


class LedgerImportError(LedgerError):
    """A file could not be imported; nothing was written."""


class AlreadyImported(LedgerImportError):
    """The same file (same SHA-256) was imported before in this municipality."""


class UnknownMunicipality(LedgerImportError, LookupError):
    """The municipality key names no stored municipality."""


class InvalidMapping(LedgerError, ValueError):
    """A mapping that cannot be stored; the message lists every problem."""
