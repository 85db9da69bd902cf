"""The importer registry: what a file is, told from its name and first bytes.

Each `Importer` names a kind of input Uppsikt reads and how to recognise it. The registry
only detects; the caller (a service or the CLI) hands the file to the action that stores
that kind, so this module stays free of Django and of the apps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_SNIFF_BYTES = 4096


@dataclass(frozen=True)
class Importer:
    name: str
    label: str  # Swedish, for messages
    accepts: str  # what a user should give, for the message when nothing matches
    detect: Callable[[Path], bool]


class UnknownFile(ValueError):
    """No importer recognises the file; the message lists what is accepted."""


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(_SNIFF_BYTES)


def _is_package(path: Path) -> bool:
    return path.is_dir() and (path / "report.yaml").is_file()


def _is_sie(path: Path) -> bool:
    if not path.is_file():
        return False
    # A file named as SIE is SIE, however broken: its reader says what is wrong and where.
    if path.suffix.lower() in {".se", ".si", ".sie"}:
        return True
    head = _head(path).lstrip(b"\xef\xbb\xbf \t\r\n")
    # Every SIE file starts with #FLAGGA; some writers put #PROGRAM or #FORMAT first.
    return head.startswith((b"#FLAGGA", b"#PROGRAM", b"#FORMAT", b"#SIETYP"))


def _is_budget_file(path: Path) -> bool:
    if not path.is_file():
        return False
    if path.suffix.lower() == ".xlsx":
        return _head(path).startswith(b"PK\x03\x04")
    return path.suffix.lower() in {".csv", ".txt", ".tsv"} and not _is_sie(path)


def _is_ledger_mapping(path: Path) -> bool:
    if not path.is_file() or path.suffix.lower() not in {".yaml", ".yml"}:
        return False
    text = _head(path).decode("utf-8", errors="replace")
    return any(
        line.startswith(("cost_centre_dimension:", "accounts:", "objects:"))
        for line in text.splitlines()
    )


IMPORTERS: tuple[Importer, ...] = (
    Importer("package", "rapportpaket", "en mapp med report.yaml", _is_package),
    Importer("sie", "SIE-fil", "en SIE 4-fil (.se, .si) som börjar med #FLAGGA", _is_sie),
    Importer(
        "budget_file",
        "budget- eller prognosfil",
        "en budget- eller prognosfil (.csv eller .xlsx)",
        _is_budget_file,
    ),
    Importer(
        "ledger_mapping",
        "mappning",
        "en mappning (YAML med accounts och objects)",
        _is_ledger_mapping,
    ),
)


def detect(path: Path, *, among: tuple[str, ...] | None = None) -> Importer:
    """The importer for `path`, optionally only among the named ones; UnknownFile if none."""
    candidates = [i for i in IMPORTERS if among is None or i.name in among]
    if not path.exists():
        raise UnknownFile(f"{path}: filen finns inte")
    for importer in candidates:
        if importer.detect(path):
            return importer
    accepted = "; ".join(importer.accepts for importer in candidates)
    raise UnknownFile(f"{path}: okänt filslag. Ge {accepted}.")
