"""Shared fixtures for the web tests: the demo report stored, one user per role."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache, caches
from django.test import Client

from uppsikt.accounts.actions import create_demo_users
from uppsikt.importers.package import load_package
from uppsikt.reports.store import save_report

DEMO = Path(__file__).resolve().parents[1] / "examples" / "malmo-ks-2025"

ROLES = ("skribent", "granskare", "lasare", "admin", "skribent-annan")


@pytest.fixture(autouse=True)
def _fast_hashing(settings: Any) -> None:
    # Argon2 is slow on purpose; tests that are not about hashing need not pay for it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    # Rendered pages are cached per process; a rolled-back test must not leave one behind.
    cache.clear()
    caches["pages"].clear()


@pytest.fixture
def report_id(db: None) -> int:
    """The demo report (Malmö KS, årsanalys 2025) stored, without its ledger."""
    return save_report(load_package(DEMO).report)


@pytest.fixture
def users(report_id: int) -> dict[str, User]:
    """skribent (KS writer), granskare, lasare (KS reader), admin, skribent-annan
    (writer of Stadsbyggnadsnämnden, which must not see the KS report)."""
    create_demo_users("malmo", "kommunstyrelsen", "stadsbyggnadsnamnden", actor=None)
    return {user.username: user for user in User.objects.filter(username__in=ROLES)}


@pytest.fixture
def client_as(users: dict[str, User]) -> Callable[[str], Client]:
    """A logged-in client for one of the demo users, with CSRF checks on."""

    def make(username: str) -> Client:
        client = Client(enforce_csrf_checks=True)
        client.force_login(users[username])
        return client

    return make
