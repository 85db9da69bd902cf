"""Where things are in a package, and what is wrong with it.

`Locations` lets checks that run long after loading point a user at `file:line`;
`PackageError` carries every problem found (`uppsikt.importers.problems.Problem`),
so one run shows them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from uppsikt.importers.problems import Problem, sort_key

__all__ = ["Location", "Locations", "PackageError", "Problem", "Problems"]


@dataclass(frozen=True)
class Location:
    """A place in a package: `file` relative to the package root (posix), `line` 1-based."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


class Locations:
    """Maps place strings (`table:x/row:y/col:z`, `chapter:k/section:0`) to locations."""

    def __init__(self) -> None:
        self._places: dict[str, Location] = {}

    def add(self, place: str, location: Location) -> None:
        """Record where `place` is; a later add for the same place wins."""
        self._places[place] = location

    def find(self, place: str) -> Location | None:
        """The location of `place`, else of its longest known prefix, else None."""
        while True:
            found = self._places.get(place)
            if found is not None:
                return found
            if "/" not in place:
                return None
            place = place.rsplit("/", 1)[0]

    def __contains__(self, place: object) -> bool:
        return place in self._places

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)


class PackageError(Exception):
    """A package could not be loaded or written; `problems` lists everything found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        # Sorted and deduplicated so that the same package always gives the same report,
        # whatever order the checks ran in.
        self.problems: list[Problem] = sorted(set(problems), key=sort_key)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class Problems:
    """Collects problems while a package is read; `raise_if_any` ends the load."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(
        self, file: str, line: int | None, message: str, column: int | str | None = None
    ) -> None:
        self.items.append(Problem(file, line, column, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise PackageError(self.items)
