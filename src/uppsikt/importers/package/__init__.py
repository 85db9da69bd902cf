"""Report packages (`uppsikt-package/1`): a folder of YAML, Markdown and CSV <-> `Report`.

See docs/package-format.md. `load_package` checks everything before it returns and
raises `PackageError` with every problem found, each at `file:line`; `export_package`
writes the canonical layout, all or nothing. `LoadedPackage.locations` maps place strings
such as `table:income_statement/row:result/col:actual` to where they are written.
"""

from collections.abc import Callable, Collection
from pathlib import Path

from uppsikt.domain.model import Report
from uppsikt.importers.package.errors import Location, Locations, PackageError, Problem
from uppsikt.importers.package.loader import LoadedPackage, load_package


def export_package(
    report: Report,
    path: Path | str,
    *,
    overwrite: bool = False,
    csv_tables: Collection[str] = (),
    on_warning: Callable[[Problem], None] | None = None,
) -> list[Path]:
    """Write `report` as a package at `path` (see `exporter.export_package`)."""
    # Imported on use: the YAML writer is not needed to load, check or build.
    from uppsikt.importers.package.exporter import export_package as export

    return export(report, path, overwrite=overwrite, csv_tables=csv_tables, on_warning=on_warning)


__all__ = [
    "LoadedPackage",
    "Location",
    "Locations",
    "PackageError",
    "Problem",
    "export_package",
    "load_package",
]
