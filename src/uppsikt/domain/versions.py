"""Version tokens: what a form was based on, without a version column in the database.

A form carries the token of the stored values it showed; the action computes the token
of what is stored now, inside its transaction with the row locked, and refuses the save
(`StaleEdit`) when the two differ, so that no save overwrites one the writer never saw.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping

TOKEN_LENGTH = 16

Json = str | int | bool | None | list["Json"] | dict[str, "Json"]


def version_token(values: Mapping[str, Json]) -> str:
    """A short fingerprint of `values`: the same values always give the same token."""
    canonical = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:TOKEN_LENGTH]


class StaleEdit(Exception):
    """Someone saved after the writer opened the form; nothing was written.

    `stored` holds what is stored now (field or place → value), `stale` the keys whose
    save was refused (all of them when the form is saved as a whole)."""

    def __init__(self, stored: Mapping[str, Json], stale: Iterable[str] = ()) -> None:
        super().__init__("the stored values changed since the form was opened")
        self.stored = dict(stored)
        self.stale = frozenset(stale) or frozenset(self.stored)

    @property
    def token(self) -> str:
        """The token of what is stored now, for a form that saves after merging."""
        return version_token(self.stored)
