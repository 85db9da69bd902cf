"""Render the slow formats in forked worker processes while the caller does the rest.

Typst's first typesetting and python-docx (import and render) are the slowest steps of a
build. Workers forked before the package is even read load their renderer while the
caller imports, reads and builds; then the PDF and the DOCX are rendered in parallel.
This module imports nothing heavy so that the fork can happen first.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from uppsikt.documents.model import Document


def safe_to_fork() -> bool:
    """Fork only a single-threaded process: a fork copies locks held by other threads (Typst
    starts a thread pool on first use), and the child would wait on them forever."""
    if "fork" not in mp.get_all_start_methods():
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def timed_render(document: Document, fmt: str) -> tuple[bytes, float]:
    """Render one format; returns the bytes and the seconds it took."""
    from uppsikt.documents.render import render

    started = time.perf_counter()
    data = render(document, fmt)
    return data, time.perf_counter() - started


def warm_up(fmt: str) -> None:
    """Load a renderer (and for PDF its fonts) before there is anything to render."""
    from uppsikt.documents.render import renderer

    warm = renderer(fmt).warm_up
    if warm is not None:
        warm()


class RenderWorkers:
    """`with RenderWorkers(formats) as workers:` ... `workers.submit(document, fmt)`.

    One forked process per slow format asked for, and only when forking is safe; where
    there is no worker, `submit` returns None and the caller renders the format itself.
    """

    def __init__(self, formats: Iterable[str]) -> None:
        from uppsikt.documents.render import RENDERERS

        formats = tuple(formats)
        wanted = [fmt for fmt in formats if fmt in RENDERERS and RENDERERS[fmt].parallel]
        self.formats = tuple(wanted) if len(formats) > 1 else ()
        self.pools: dict[str, ProcessPoolExecutor] = {}

    def __enter__(self) -> RenderWorkers:
        if self.formats and safe_to_fork():
            context = mp.get_context("fork")
            for fmt in self.formats:
                pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
                pool.submit(warm_up, fmt)
                self.pools[fmt] = pool
        return self

    def __exit__(self, *exc: object) -> None:
        for pool in self.pools.values():
            pool.shutdown(cancel_futures=True)

    def submit(self, document: Document, fmt: str) -> Future[tuple[bytes, float]] | None:
        pool = self.pools.get(fmt)
        return pool.submit(timed_render, document, fmt) if pool is not None else None
