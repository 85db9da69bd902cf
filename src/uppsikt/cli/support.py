"""What every `uppsikt` command shares."""

from __future__ import annotations

import click


class UserError(click.ClickException):
    """A problem the user can fix; printed without a traceback, exit status 2."""

    exit_code = 2

    def format_message(self) -> str:
        return self.message


class Refused(UserError):
    """An action the state of the data does not allow (e.g. an approved report); exit 1."""

    exit_code = 1
