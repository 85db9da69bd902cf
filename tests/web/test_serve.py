"""`uppsikt serve` really serves: gunicorn in a separate process, on the test database.

On PostgreSQL the server gets the URL of pytest-django's test database, so it sees what
this test commits (a user) and proves it uses the same database. pytest-django's SQLite
test database lives in memory, where no other process can reach it; there the server gets
a database file of its own, which `serve` migrates, and the user is created in it first.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection

PASSWORD = "ett långt lösenord för servern"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _database_url(tmp_path: Path) -> tuple[str, bool]:
    """A DATABASE_URL for the server, and whether it is this test's own database."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        user = urllib.parse.quote(settings["USER"] or "", safe="")
        password = urllib.parse.quote(settings["PASSWORD"] or "", safe="")
        auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
        host = settings["HOST"] or "localhost"
        port = settings["PORT"] or 5432
        return f"postgresql://{auth}{host}:{port}/{settings['NAME']}", True
    return f"sqlite:///{tmp_path / 'serve.sqlite3'}", False


def _wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            output = server.stdout.read().decode() if server.stdout else ""
            pytest.fail(f"uppsikt serve ended with status {server.returncode}:\n{output}")
        try:
            with urllib.request.urlopen(f"{base}/logga-in/", timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    pytest.fail("uppsikt serve did not answer within 90 s")


@pytest.fixture
def server(transactional_db: None, tmp_path: Path, settings: Any) -> Iterator[str]:
    """`uppsikt serve` on a free port; yields its base address."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    url, shared = _database_url(tmp_path)
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "UPPSIKT_DATA_DIR": str(tmp_path / "data"),
        "UPPSIKT_DEBUG": "",
        "DEBUG": "",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if shared:
        User.objects.create_user("webbserver", password=PASSWORD)
    else:
        seed = (
            "from uppsikt.services.storage import ready; ready()\n"
            "from django.contrib.auth.models import User\n"
            f"User.objects.create_user('webbserver', password={PASSWORD!r})\n"
        )
        subprocess.run([sys.executable, "-c", seed], env=env, check=True, timeout=120)
    # `uppsikt serve`, run by this interpreter (as the `uppsikt` script would).
    command = [sys.executable, "-c", "from uppsikt.cli import main; main()", "serve"]
    command += ["--port", str(port), "--workers", "2"]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, server)
        yield base
    finally:
        # Stop it before pytest-django flushes or drops the database it is connected to.
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        if server.stdout:
            server.stdout.close()


def test_serve_answers_with_login_page_static_files_and_a_working_login(server: str) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    with opener.open(f"{server}/logga-in/", timeout=30) as response:
        assert response.status == 200
        page = response.read().decode()
    assert "Logga in" in page
    static = re.search(r'src="(/static/uppsikt/vendor/htmx[^"]+\.js)"', page)
    assert static, "the page links htmx"

    with opener.open(f"{server}{static.group(1)}", timeout=30) as response:
        assert response.status == 200
        assert "javascript" in response.headers["Content-Type"]
        assert b"htmx" in response.read()[:5000]

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    form = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token.group(1),
            "username": "webbserver",
            "password": PASSWORD,
        }
    ).encode()
    request = urllib.request.Request(
        f"{server}/logga-in/", data=form, headers={"Referer": f"{server}/logga-in/"}
    )
    with opener.open(request, timeout=60) as response:
        # Redirected to the list of reports: the user exists in the server's database.
        assert response.status == 200
        assert urllib.parse.urlparse(response.url).path == "/"
        assert "Rapporter" in response.read().decode()
