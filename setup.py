"""Build of the optional C accelerator ``uppsikt.sie._scan``; the rest is in pyproject.toml.

``optional=True``: where it cannot be compiled (no C compiler, no Python headers) the package
installs without it and the SIE reader runs in pure Python (``uppsikt/sie/speedups.py``).
"""

from setuptools import Extension, setup

SOURCES = [
    f"src/uppsikt/sie/{name}.c"
    for name in ("_scan", "_scan_steps", "_scan_balances", "_scan_lex", "_scan_memo")
]

setup(
    ext_modules=[
        Extension(
            "uppsikt.sie._scan",
            sources=SOURCES,
            depends=["src/uppsikt/sie/_scan.h"],
            optional=True,
        ),
    ],
)
