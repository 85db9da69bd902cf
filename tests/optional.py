"""Optional parts of the test run: skipped on a user's clone, required in CI.

A user's clone has no `../shared` (the seed, the SIE samples), maybe no C compiler,
Chromium or GNU gettext; those tests skip there. In CI (`CI` set) a missing part is a
failure, so that a green run really ran them.
"""

from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def require(available: bool, what: str) -> None:
    """Skip the test without `what`, or fail it in CI."""
    if available:
        return
    if in_ci():
        pytest.fail(f"{what} is missing, and CI must run this test", pytrace=False)
    pytest.skip(f"{what} is not here")
