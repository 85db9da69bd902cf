"""Errors of the economy's ledger part that a caller (the CLI) catches: free of Django, so
that every module can share them."""

from __future__ import annotations

from collections.abc import Sequence

from uppsikt.importers.problems import Problem


class LedgerError(Exception):
    """Something a user can fix: the message names the place and says how."""


class LedgerImportError(LedgerError):
    """A file could not be imported; nothing was written. `problems` says where, if known."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)


class AlreadyImported(LedgerImportError):
    """The same file (same SHA-256) was imported before in this municipality."""


class UnknownMunicipality(LedgerImportError, LookupError):
    """The municipality key names no stored municipality."""


class InvalidMapping(LedgerError, ValueError):
    """A mapping that cannot be stored; the message lists every problem."""
