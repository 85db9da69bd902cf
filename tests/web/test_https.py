"""Behind HTTPS (`UPPSIKT_HTTPS`): Strict-Transport-Security for a year, subdomains as
configured, no preload unless asked for."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

HSTS = ("SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD")


def settings_under(tmp_path: Path, **environ: str) -> dict[str, Any]:
    """The HSTS settings as a fresh process reads them from `environ`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("UPPSIKT_HSTS")}
    env.pop("UPPSIKT_HTTPS", None)
    env.update(DJANGO_SETTINGS_MODULE="uppsikt.settings", UPPSIKT_DATA_DIR=str(tmp_path))
    env.update(environ)
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {HSTS!r}}}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout))


def test_https_turns_on_hsts_for_a_year_with_subdomains(tmp_path: Path) -> None:
    assert settings_under(tmp_path, UPPSIKT_HTTPS="1") == {
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": False,
    }


def test_subdomains_and_preload_are_configurable(tmp_path: Path) -> None:
    no_subdomains = settings_under(tmp_path, UPPSIKT_HTTPS="1", UPPSIKT_HSTS_SUBDOMAINS="0")
    assert no_subdomains["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    preload = settings_under(tmp_path, UPPSIKT_HTTPS="1", UPPSIKT_HSTS_PRELOAD="1")
    assert preload["SECURE_HSTS_PRELOAD"] is True


def test_no_hsts_on_plain_http(tmp_path: Path) -> None:
    assert settings_under(tmp_path)["SECURE_HSTS_SECONDS"] == 0


@pytest.mark.parametrize("subdomains", ["1", "0"])
def test_the_header_is_sent_on_https_responses(
    tmp_path: Path, settings: Any, client: Client, db: None, subdomains: str
) -> None:
    for name, value in settings_under(
        tmp_path, UPPSIKT_HTTPS="1", UPPSIKT_HSTS_SUBDOMAINS=subdomains
    ).items():
        setattr(settings, name, value)
    header = client.get("/logga-in/", secure=True)["Strict-Transport-Security"]
    assert header == "max-age=31536000" + ("; includeSubDomains" if subdomains == "1" else "")
    assert "Strict-Transport-Security" not in client.get("/logga-in/").headers  # plain http
