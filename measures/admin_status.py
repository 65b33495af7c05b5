"""Status entries in the admin: the Sachstände list, review and publishing, and the
inline on the measure page; the unit scope shared with the measure admin.

A Fachbereich editor sees and edits the entries of their units' measures only
(``UnitScopedMixin``); what they may do with an entry the predicates of
``measures/permissions.py`` decide, and ``measures.services`` keeps their
entries drafts.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline

from translations.admin import HistoryTranslationAdmin, translated_search_fields
from translations.edits import ConflictCheckedForm

from . import services
from .forms import ReportDateField
from .models import Measure, StatusEntry
from .permissions import (
    can_change_status_entry,
    can_delete_status_entry,
    can_publish_status,
    works_on,
)


class UnitScopedMixin:
    """Limits a model admin to the measures of the user's units (Redaktion: all)."""

    def measure_of(self, obj) -> Measure:
        raise NotImplementedError

    def get_queryset(self, request):
        return super().get_queryset(request).editable_by(request.user)

    def in_scope(self, request, obj) -> bool:
        return obj is None or works_on(request.user, self.measure_of(obj))

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.in_scope(request, obj)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            # Django would redirect to the index; out of scope or missing is a 404.
            raise Http404
        return obj


# Report dates: four-digit years, not after today, not before 2018 (measures/dates.py).
REPORT_DATE_FIELD = {models.DateField: {"form_class": ReportDateField}}


class StatusEntryInline(TranslationStackedInline):
    model = StatusEntry
    form = ConflictCheckedForm  # no lost edits (translations/edits.py)
    formfield_overrides = REPORT_DATE_FIELD
    extra = 1
    fields = [
        ("reported_on", "status", "progress"),
        "public_note",
        "internal_note",
        "is_published",
        "author",
    ]
    readonly_fields = ["author"]
    ordering = ["-reported_on", "-created_at"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_publish_status(request.user):
            fields.append("is_published")
        return fields

    def has_change_permission(self, request, obj=None):
        # Fachbereich editors add new entries here; existing ones are shown
        # read-only (their own drafts stay editable on the entry's page).
        return super().has_change_permission(request, obj) and can_publish_status(request.user)


@admin.register(StatusEntry)
class StatusEntryAdmin(UnitScopedMixin, HistoryTranslationAdmin):
    formfield_overrides = REPORT_DATE_FIELD
    list_display = ["measure", "reported_on", "status", "progress", "is_published", "author"]
    list_filter = ["is_published", "status", "measure__field", "measure__responsible_unit"]
    search_fields = ("measure__code",) + translated_search_fields("public_note")
    date_hierarchy = "reported_on"
    readonly_fields = ["author", "created_at"]
    autocomplete_fields = ["measure"]
    actions = ["publish_selected"]

    def measure_of(self, obj):
        return obj.measure_as_known

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_publish_status(request.user):
            fields.append("is_published")
        if obj is not None:
            fields.append("measure")  # an entry stays with its measure
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return can_change_status_entry(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request)
        return can_delete_status_entry(request.user, obj)

    def has_publish_permission(self, request):
        return can_publish_status(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "measure":
            kwargs["queryset"] = Measure.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        measure_id = request.POST.get("measure", "") if request.method == "POST" else ""
        if measure_id and not measure_id.isdigit():
            # Not a measure at all: the form answers "required" (its autocomplete
            # widget cannot even render a value that is not a number).
            request.POST = request.POST.copy()
            request.POST["measure"] = ""
        elif object_id is None and measure_id:
            # A number naming another unit's measure is refused outright.
            allowed = Measure.objects.editable_by(request.user)
            if not allowed.filter(pk=measure_id).exists():
                raise PermissionDenied
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        services.save_status_entry(entry=obj, author=request.user)

    def delete_model(self, request, obj):
        services.delete_status_entry(entry=obj)

    def delete_queryset(self, request, queryset):
        for entry in queryset:
            services.delete_status_entry(entry=entry)

    @admin.action(description=_("Ausgewählte Entwürfe veröffentlichen"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        drafts = list(queryset.drafts().select_related("measure"))
        for entry in drafts:
            services.publish_status_entry(entry=entry)
        self.message_user(
            request,
            ngettext(
                "%(count)d Entwurf veröffentlicht.",
                "%(count)d Entwürfe veröffentlicht.",
                len(drafts),
            )
            % {"count": len(drafts)},
            messages.SUCCESS,
        )
