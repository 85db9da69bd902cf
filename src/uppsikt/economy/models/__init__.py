"""The economy's models: figure tables of reports (`figures`) and the ledger (`ledger`)."""

from uppsikt.economy.models.figures import (
    FigureCell,
    FigureColumn,
    FigureRow,
    FigureTable,
)
from uppsikt.economy.models.forecasts import Forecast, Outcome
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
)

__all__ = [
    "AccountRange",
    "Fact",
    "FigureCell",
    "FigureColumn",
    "FigureRow",
    "FigureTable",
    "FileKind",
    "Forecast",
    "LedgerAccount",
    "LedgerDimension",
    "LedgerFile",
    "LedgerMapping",
    "LedgerObject",
    "ObjectMapping",
    "Outcome",
]
