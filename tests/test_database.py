"""The test run on PostgreSQL really runs on PostgreSQL (CI sets UPPSIKT_REQUIRE_POSTGRES)."""

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_database_is_the_one_asked_for() -> None:
    url = os.environ.get("DATABASE_URL", "")
    if os.environ.get("UPPSIKT_REQUIRE_POSTGRES"):
        assert connection.vendor == "postgresql"
    elif not url:
        assert connection.vendor == "sqlite"
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
