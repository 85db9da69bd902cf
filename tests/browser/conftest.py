"""A real browser (Debian's Chromium, driven by Playwright) against pytest-django's live
server, with the demo report and one demo user per role.

Without Chromium the browser tests are skipped, except in CI (`CI` set), where a missing
browser is a failure: `scripts/install-browser.sh` installs it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache, caches

from uppsikt.accounts.actions import create_demo_users
from uppsikt.importers.package import load_package
from uppsikt.reports.store import save_report

from .helpers import AXE

DEMO = Path(__file__).resolve().parents[2] / "examples" / "malmo-ks-2025"
CHROMIUM = os.environ.get("UPPSIKT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    # CI runs as root, where Chromium's sandbox cannot start; the pages are our own.
    "--no-sandbox",
    "--disable-gpu",
    # Containers often have a tiny /dev/shm, where Chromium's renderers would crash.
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: runs Chromium against the live server")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


def _chromium_path() -> str:
    path = CHROMIUM if os.path.isfile(CHROMIUM) else shutil.which("chromium")
    if path:
        return path
    reason = f"Chromium not found ({CHROMIUM}); install it with scripts/install-browser.sh"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """One headless Chromium for the browser tests; stopped after them, so that no event
    loop is left running for the rest of the suite."""
    path = _chromium_path()
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the test's thread, and Django refuses ORM
    # calls from a thread with a running loop unless told that this is safe (it is here:
    # the loop only waits for the browser). Django reads the variable at each call.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=path, headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture(autouse=True)
def _fresh_state(settings: Any) -> None:
    # Argon2 is slow on purpose; these tests are about pages, not hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The live server shares this process's cache: no page may survive from another test.
    cache.clear()
    caches["pages"].clear()


@pytest.fixture
def demo(live_server: Any) -> int:
    """The demo report stored and the demo users (password `demo-<username>`); its id."""
    report_id = save_report(load_package(DEMO).report)
    create_demo_users("malmo", "kommunstyrelsen", "stadsbyggnadsnamnden", actor=None)
    return report_id


@pytest.fixture
def new_page(browser: Any, live_server: Any) -> Iterator[Callable[[], Any]]:
    """Pages in separate browser contexts (one per user: own cookies), Swedish locale."""
    contexts: list[Any] = []

    def make() -> Any:
        context = browser.new_context(
            base_url=live_server.url, locale="sv-SE", accept_downloads=True
        )
        context.set_default_timeout(TIMEOUT_MS)
        # The app's Content Security Policy refuses inline scripts, as it should; axe-core
        # comes in as an init script, which the browser runs outside the page's policy.
        context.add_init_script(path=str(AXE))
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[[], Any]) -> Any:
    return new_page()
