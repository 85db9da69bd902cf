"""Server errors: logged with the traceback and the request id, a 500 page that shows the
id and nothing of the internals; the request id on every response."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, path

from uppsikt import urls as app_urls


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("secret internals: the ledger table is on fire")


# This module is the URLconf of the tests below: the app's addresses and one that fails.
urlpatterns: list[URLPattern | URLResolver] = [path("boom/", boom), *app_urls.urlpatterns]
handler500 = app_urls.handler500


@pytest.fixture
def failing_client(settings: Any) -> Client:
    settings.ROOT_URLCONF = __name__
    client = Client(raise_request_exception=False)
    return client


@pytest.fixture
def stderr_log() -> Iterator[io.StringIO]:
    """What the configured stderr handler writes, captured."""
    handler = next(h for h in logging.getLogger("django.request").handlers if h.name == "stderr")
    assert isinstance(handler, logging.StreamHandler)
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        yield stream
    finally:
        handler.setStream(previous)


def test_an_uncaught_exception_is_logged_with_traceback_and_request_id(
    failing_client: Client, stderr_log: io.StringIO
) -> None:
    response = failing_client.get("/boom/", HTTP_X_REQUEST_ID="proxy-4711.a_b")
    assert response.status_code == 500
    log = stderr_log.getvalue()
    assert "ERROR [request proxy-4711.a_b] django.request: Internal Server Error: /boom/" in log
    assert "Traceback (most recent call last):" in log
    assert "RuntimeError: secret internals" in log


def test_the_500_page_shows_the_request_id_and_no_internals(failing_client: Client) -> None:
    response = failing_client.get("/boom/")
    request_id = response["X-Request-ID"]
    page = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="sv">' in page and "Något gick fel" in page
    assert f'<code class="request-id">{request_id}</code>' in page
    assert "secret internals" not in page and "Traceback" not in page


def test_our_warnings_are_logged_with_the_request_id_of_their_request(
    stderr_log: io.StringIO,
) -> None:
    logging.getLogger("uppsikt.documents.pdf").warning("typst: font missing")
    logging.getLogger("uppsikt.documents.pdf").info("not an error")
    last = stderr_log.getvalue().strip().splitlines()[-1]
    assert last.endswith("WARNING [request -] uppsikt.documents.pdf: typst: font missing")
    assert "not an error" not in stderr_log.getvalue()


def test_client_errors_are_not_logged_as_server_errors(
    client: Client, db: None, stderr_log: io.StringIO
) -> None:
    assert client.get("/finns-inte/").status_code == 404
    assert stderr_log.getvalue() == ""


def test_every_response_carries_a_request_id(client: Client, db: None) -> None:
    first = client.get("/logga-in/")["X-Request-ID"]
    second = client.get("/logga-in/")["X-Request-ID"]
    assert len(first) == 32 and first != second
    assert client.get("/")["X-Request-ID"]  # a redirect to the login page too


def test_the_proxys_request_id_is_kept_when_it_is_a_sane_token(client: Client, db: None) -> None:
    sane = "a" * 64
    assert client.get("/logga-in/", HTTP_X_REQUEST_ID=sane)["X-Request-ID"] == sane


@pytest.mark.parametrize(
    "header",
    ["a" * 65, "<script>alert(1)</script>", "id with spaces", "id\u00e5", "id;drop", ""],
)
def test_a_malicious_request_id_is_replaced(client: Client, db: None, header: str) -> None:
    got = client.get("/logga-in/", HTTP_X_REQUEST_ID=header)["X-Request-ID"]
    assert got != header and len(got) == 32 and got.isalnum()


def test_errors_also_go_to_the_log_file_when_one_is_set(tmp_path: Path) -> None:
    """Through the real settings in a fresh process: UPPSIKT_LOG_FILE relative to the data dir."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "uppsikt.settings",
        "UPPSIKT_DATA_DIR": str(tmp_path),
        "UPPSIKT_LOG_FILE": "logs/uppsikt.log",
        "DATABASE_URL": "",
    }
    code = (
        "import django, logging; django.setup(); "
        "log = logging.getLogger('uppsikt.cli')\n"
        "try:\n    1 / 0\nexcept ZeroDivisionError:\n    log.exception('export failed')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    written = (tmp_path / "logs" / "uppsikt.log").read_text(encoding="utf-8")
    for output in (written, done.stderr):
        assert "ERROR [request -] uppsikt.cli: export failed" in output
        assert "ZeroDivisionError: division by zero" in output
