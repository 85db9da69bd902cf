"""Numbers in the app's addresses, bounded to what the database can hold.

Django's `<int:…>` takes numbers of any size, and a number beyond a 64-bit signed
integer fails deep in a query (OverflowError on SQLite, DataError on PostgreSQL): a 500
anyone could trigger. Every id and position in a path goes through `bounded` instead,
so a number out of range does not match and the answer is 404.
"""

from __future__ import annotations

ID_MAX = 2**63 - 1  # the largest BigAutoField value (a PostgreSQL bigint, an SQLite INTEGER)


def bounded(value: str) -> int:
    """`value` as an int; ValueError (no match, so 404) when it is beyond the 64-bit range."""
    number = int(value)
    if number > ID_MAX:
        raise ValueError(f"{value} is out of range")
    return number


class IdConverter:
    """A database id: digits, at most 2**63 - 1."""

    regex = "[0-9]{1,19}"  # 19 digits hold every value up to ID_MAX

    def to_python(self, value: str) -> int:
        return bounded(value)

    def to_url(self, value: int) -> str:
        return str(value)
