"""The audit log: who did what, when, with the value before and after. Append-only.

Rows are never changed or deleted: the model refuses it, and database triggers (see the
migrations) refuse it too, for code that goes around the model. Reports and users are
referred to by id and by name as they were, so that deleting either leaves the log whole.
"""

from __future__ import annotations

from typing import Any

from django.db import models


class AppendOnlyError(Exception):
    """Raised on an attempt to change or delete an audit entry."""


class AuditEntry(models.Model):
    at = models.DateTimeField("tid", auto_now_add=True, db_index=True)
    user_id = models.BigIntegerField("användar-id", null=True, blank=True)
    username = models.CharField("användare", max_length=150, blank=True)
    municipality_id = models.BigIntegerField("kommun-id", null=True, blank=True, db_index=True)
    report_id = models.BigIntegerField("rapport-id", null=True, blank=True, db_index=True)
    report_label = models.TextField("rapport", blank=True)
    action = models.CharField("händelse", max_length=64)  # dotted code: report.approved
    place = models.TextField("plats", blank=True)  # chapter:x/section:0, follow_up:goal, ...
    before = models.JSONField("före", null=True, blank=True)
    after = models.JSONField("efter", null=True, blank=True)
    reason = models.TextField("motivering", blank=True)

    class Meta:
        ordering = ("-at", "-id")
        verbose_name = "loggpost"
        verbose_name_plural = "granskningslogg"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.place}".strip()

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("granskningsloggen kan inte ändras")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("granskningsloggen kan inte raderas")
