"""Admin-site writes as audited actions: one audit entry per add, change or delete, in the
admin's transaction; the reports it affects get a new revision, so the web shows the new
content at once; and a change that would alter an approved report is refused by the form.

A model admin says which reports an object is part of (`affected_reports`) and which of
its fields they show (`content_fields`); inlines say the same of their rows.

No admin change overwrites another person's save unseen: the change form carries the
version token of the object (and its inline rows) as it was shown, and a save based on an
older one is refused with the person's input kept in the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from uppsikt.audit.actions import JsonValue, record
from uppsikt.audit.codes import AuditCode
from uppsikt.domain.versions import version_token

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from uppsikt.reports.models import Report

SHOWN_REPORTS = 3  # reports named in a refusal; the rest are counted


def jsonable(value: object) -> JsonValue:
    """A field's value as the audit log stores it (dates, decimals ... as text)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def snapshot(obj: models.Model) -> dict[str, JsonValue]:
    """The object's stored fields (foreign keys as ids), for before and after."""
    return {
        field.name: jsonable(field.value_from_object(obj))
        for field in obj._meta.concrete_fields
        if not field.primary_key
    }


class ReportsOf:
    """What an admin (or inline) knows about the reports its objects are part of."""

    # The fields a report shows; None: all of them.
    content_fields: tuple[str, ...] | None = None

    def affected_reports(self, obj: Any) -> QuerySet[Report]:
        """The stored reports whose content includes `obj` (none by default)."""
        from uppsikt.reports.models import Report

        return Report.objects.none()

    def report_ids(self, obj: Any) -> set[int]:
        return set(self.affected_reports(obj).values_list("pk", flat=True))

    def refuse_if_locked(self, obj: Any, changed: list[str] | None) -> None:
        """ValidationError when changing these fields (None: all) of `obj` would alter an
        approved report."""
        if changed is not None:
            shown = set(changed) & set(self.content_fields or changed)
            if not shown:
                return
        from uppsikt.domain.workflow import Status

        locked = list(
            self.affected_reports(obj)
            .filter(state__status=Status.APPROVED.value)
            .select_related("organisation", "period")
            .order_by("pk")
        )
        if not locked:
            return
        names = ", ".join(f"”{report}”" for report in locked[:SHOWN_REPORTS])
        if len(locked) > SHOWN_REPORTS:
            names += _(" och %(count)d till") % {"count": len(locked) - SHOWN_REPORTS}
        raise ValidationError(
            _(
                "Ändringen skulle ändra innehållet i godkända rapporter: %(reports)s. En "
                "granskare måste öppna rapporten igen innan ändringen kan sparas."
            )
            % {"reports": names}
        )


@dataclass
class _Pending:
    before: dict[str, JsonValue] | None
    label: str  # str() of the object as it was
    reports: set[int]


# What save_model saw before it saved, for save_related (the admin itself is shared by
# every request, so this is kept per form).
_PENDING: WeakKeyDictionary[forms.BaseForm, _Pending] = WeakKeyDictionary()


BASED_ON = "uppsikt_based_on"


class VersionedForm(forms.ModelForm):  # type: ignore[type-arg]
    """The base of every audited admin form: it carries the version it was based on."""

    uppsikt_based_on = forms.CharField(widget=forms.HiddenInput, required=False)


def _guard_form(
    owner: ReportsOf,
    form_class: type[forms.BaseModelForm],  # type: ignore[type-arg]
    version_of: Any = None,
) -> type[Any]:
    """The admin's form, refusing changes to approved reports and, with `version_of`
    (object -> token), saves based on a version someone else has replaced since."""

    class Guarded(form_class):  # type: ignore[valid-type,misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if version_of is not None and self.instance.pk is not None and BASED_ON in self.fields:
                self.fields[BASED_ON].initial = version_of(self.instance)

        def clean(self) -> dict[str, Any]:
            cleaned: dict[str, Any] = super().clean()
            if self.instance.pk is not None:
                owner.refuse_if_locked(self.instance, list(self.changed_data))
                if version_of is not None and BASED_ON in self.fields:
                    self._refuse_if_stale(cleaned.get(BASED_ON) or "")
            return cleaned

        def _refuse_if_stale(self, based_on: str) -> None:
            model = type(self.instance)
            stored = model._default_manager.select_for_update().filter(pk=self.instance.pk)
            current = stored.first()
            if current is None or version_of(current) != based_on:
                raise ValidationError(
                    _(
                        "Någon annan har sparat ändringar här sedan du öppnade sidan. Dina "
                        "uppgifter står kvar nedan: öppna sidan i en ny flik för att se det "
                        "sparade, och spara sedan igen med det du vill behålla."
                    ),
                    code="stale",
                )

    return Guarded


class AuditedInline(ReportsOf, admin.TabularInline):  # type: ignore[type-arg]  # generic only in the stubs
    """An inline whose rows are audited with their parent, and refused like it."""

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        formset_class = super().get_formset(request, obj, **kwargs)
        inline = self

        class Guarded(formset_class):  # type: ignore[valid-type,misc]
            def clean(self) -> None:
                super().clean()
                for form in self.forms:
                    deleted = self.can_delete and self._should_delete_form(form)
                    if deleted or form.instance.pk is None:
                        if deleted or form.has_changed():
                            inline.refuse_if_locked(form.instance, None)
                    elif form.has_changed():
                        inline.refuse_if_locked(form.instance, list(form.changed_data))

        Guarded.uppsikt_inline = inline
        return Guarded


class AuditedAdmin(ReportsOf, admin.ModelAdmin):  # type: ignore[type-arg]  # generic only in the stubs
    """A model admin whose every write is audited and moves the affected reports' stamps."""

    form = VersionedForm

    def municipality_of(self, obj: Any) -> int | None:
        return getattr(obj, "municipality_id", None)

    def after_write(self, obj: Any) -> None:
        """Called in the transaction after every audited write (e.g. to move a stamp)."""

    # --- refusing ---------------------------------------------------------------------

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        return _guard_form(self, super().get_form(request, obj, change, **kwargs), self.version_of)

    def version_of(self, obj: Any) -> str:
        """The version token of `obj` as stored, with the rows of its inlines."""
        from django.forms.models import _get_foreign_key

        state: dict[str, JsonValue] = {"object": snapshot(obj)}
        for inline in self.inlines:
            key = _get_foreign_key(type(obj), inline.model, fk_name=inline.fk_name)
            assert key is not None
            rows = inline.model._default_manager.filter(**{key.name: obj}).order_by("pk")
            state[inline.model._meta.label_lower] = [snapshot(row) for row in rows]
        return version_token(state)

    def get_changelist_form(self, request: HttpRequest, **kwargs: Any) -> Any:
        return _guard_form(self, super().get_changelist_form(request, **kwargs))

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None:
            try:
                self.refuse_if_locked(obj, None)
            except ValidationError:
                return False
        return super().has_delete_permission(request, obj)

    # --- writing ----------------------------------------------------------------------

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        stored = type(obj)._default_manager.filter(pk=obj.pk).first() if change else None
        before = snapshot(stored) if stored is not None else None
        reports = self.report_ids(stored) if stored is not None else set()
        super().save_model(request, obj, form, change)
        _PENDING[form] = _Pending(before, str(stored) if stored is not None else "", reports)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        pending = _PENDING.pop(form, _Pending(None, "", set()))
        obj = form.instance
        after = snapshot(obj)
        old = pending.before or {}
        changed = [key for key in after if key not in old or old[key] != after[key]]
        if pending.before is not None:
            before: dict[str, JsonValue] = {"object": pending.label}
            before.update({key: old.get(key) for key in changed})
        else:
            before = {}
        after_part: dict[str, JsonValue] = {"object": str(obj)}
        after_part.update({key: after[key] for key in changed})
        reports = pending.reports | self.report_ids(obj)
        for formset in formsets:
            rows_before, rows_after, touched = _inline_changes(formset)
            if rows_before or rows_after:
                name = formset.model._meta.model_name
                before[name], after_part[name] = rows_before, rows_after
                reports |= touched
        if change and len(after_part) == 1 and len(before) == 1:
            return  # saved without a change: nothing happened that the log should show
        self._record(
            request,
            AuditCode.ADMIN_CHANGED if change else AuditCode.ADMIN_ADDED,
            obj,
            before=before if change else None,
            after=after_part,
            reports=reports,
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            before: dict[str, JsonValue] = {"object": str(obj), **snapshot(obj)}
            reports = self.report_ids(obj)
            place = self._place(obj)
            super().delete_model(request, obj)
            self._record(
                request, AuditCode.ADMIN_DELETED, obj, before=before, reports=reports, place=place
            )

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        with transaction.atomic():
            for obj in list(queryset):
                self.delete_model(request, obj)

    def _place(self, obj: Any) -> str:
        return f"admin:{obj._meta.label_lower}:{obj.pk}"

    def _record(
        self,
        request: HttpRequest,
        code: AuditCode,
        obj: Any,
        *,
        reports: set[int],
        before: JsonValue = None,
        after: JsonValue = None,
        place: str = "",
    ) -> None:
        from uppsikt.reports.models import Report
        from uppsikt.reports.revision import bump_revisions

        only = (
            Report.objects.select_related("organisation", "period").get(pk=next(iter(reports)))
            if len(reports) == 1
            else None
        )
        record(
            request.user,
            code,
            report=only,
            municipality_id=None if only else self.municipality_of(obj),
            place=place or self._place(obj),
            before=before,
            after=after,
        )
        bump_revisions(reports)
        self.after_write(obj)


def _inline_changes(formset: Any) -> tuple[list[JsonValue], list[JsonValue], set[int]]:
    """What a saved inline formset changed: rows before, rows after, the reports touched."""
    inline = getattr(formset, "uppsikt_inline", None)
    initial = {id(form.instance): form.initial for form in formset.initial_forms}
    rows_before: list[JsonValue] = []
    rows_after: list[JsonValue] = []
    touched: set[int] = set()

    def reports_of(row: Any) -> None:
        if isinstance(inline, ReportsOf):
            touched.update(inline.report_ids(row))

    for row in formset.deleted_objects:
        values = initial.get(id(row), {})
        rows_before.append({"object": str(row), **{k: jsonable(v) for k, v in values.items()}})
        reports_of(row)
    for row, fields in formset.changed_objects:
        values = initial.get(id(row), {})
        rows_before.append({"object": str(row), **{f: jsonable(values.get(f)) for f in fields}})
        current = snapshot(row)
        rows_after.append({"object": str(row), **{f: current.get(f) for f in fields}})
        reports_of(row)
    for row in formset.new_objects:
        rows_after.append({"object": str(row), **snapshot(row)})
        reports_of(row)
    return rows_before, rows_after, touched
