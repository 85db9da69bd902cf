"""`uppsikt serve`: the web application under gunicorn, the production server.

The same command serves a laptop demo and a municipality's server (behind a reverse
proxy, see docs/web.md); WhiteNoise serves the static files from the app folders, so
there is no `collectstatic` step and no separate file server.
"""

from __future__ import annotations

import os
from typing import Any

import click

DEFAULT_PORT = 8000
# PDF rendering of a large report takes seconds; gunicorn's default (30 s) is ample for
# that, but a slow first Typst start on a cold machine should not kill the worker.
WORKER_TIMEOUT = 120


def default_workers() -> int:
    """gunicorn's rule of thumb: two workers per core, plus one."""
    return 2 * (os.cpu_count() or 1) + 1


def gunicorn_options(host: str, port: int, workers: int) -> dict[str, Any]:
    """The settings `uppsikt serve` gives gunicorn (also used by the tests and benchmarks)."""
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "sync",
        "timeout": WORKER_TIMEOUT,
        # Load Django once in the master and fork: faster start, memory shared.
        "preload_app": True,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        # Behind a reverse proxy on the same machine, trust its X-Forwarded-* headers.
        "forwarded_allow_ips": "127.0.0.1,::1",
    }


def prepare_database() -> None:
    """Bring the schema up to date and close the connection before gunicorn forks."""
    from uppsikt.services.storage import ready

    ready()
    from django.db import connections

    # The workers are forked from this process: they must not share its connection.
    connections.close_all()


def run_server(host: str, port: int, workers: int) -> None:
    """Serve `uppsikt.wsgi:application` with gunicorn until stopped (Ctrl+C, SIGTERM)."""
    from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped]

    class UppsiktServer(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in gunicorn_options(host, port, workers).items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            from uppsikt.wsgi import application

            return application

    UppsiktServer().run()


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Adress att lyssna på.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True, help="Port."
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Antal arbetsprocesser (standard: två per processorkärna plus en).",
)
def serve_command(host: str, port: int, workers: int | None) -> None:
    """Starta webbapplikationen (gunicorn). Databasen uppdateras först."""
    count = workers or default_workers()
    prepare_database()
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"Uppsikt körs på http://{shown}:{port}/ med {count} arbetsprocesser. Avsluta med Ctrl+C."
    )
    run_server(host, port, count)
