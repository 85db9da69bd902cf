"""Report packages (`uppsikt-package/1`): a folder of YAML, Markdown and CSV <-> `Report`.

See docs/package-format.md. `load_package` checks everything before it returns and
raises `PackageError` with every problem found, each at `file:line`; `export_package`
writes the canonical layout, all or nothing. `LoadedPackage.locations` maps place strings
such as `table:income_statement/row:result/col:actual` to where they are written.
"""

from uppsikt.importers.package.errors import Location, Locations, PackageError, Problem
from uppsikt.importers.package.exporter import export_package
from uppsikt.importers.package.loader import LoadedPackage, load_package

__all__ = [
    "LoadedPackage",
    "Location",
    "Locations",
    "PackageError",
    "Problem",
    "export_package",
    "load_package",
]
