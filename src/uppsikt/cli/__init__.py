"""The `uppsikt` command: thin wrappers around services and actions."""

from uppsikt.cli.main import main

__all__ = ["main"]
