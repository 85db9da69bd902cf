"""The economy's models: figure tables of reports (`figures`) and the ledger (`ledger`)."""

from uppsikt.economy.models.figures import (
    ColumnKind,
    FigureCell,
    FigureColumn,
    FigureRow,
    FigureTable,
    RowRole,
    Unit,
)
from uppsikt.economy.models.ledger import (
    AccountRange,
    Fact,
    FileKind,
    LedgerAccount,
    LedgerDimension,
    LedgerFile,
    LedgerMapping,
    LedgerObject,
    ObjectMapping,
    PhaseChoice,
)

__all__ = [
    "AccountRange",
    "ColumnKind",
    "Fact",
    "FigureCell",
    "FigureColumn",
    "FigureRow",
    "FigureTable",
    "FileKind",
    "LedgerAccount",
    "LedgerDimension",
    "LedgerFile",
    "LedgerMapping",
    "LedgerObject",
    "ObjectMapping",
    "PhaseChoice",
    "RowRole",
    "Unit",
]
