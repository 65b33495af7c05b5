from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from fields.admin import HistoryTranslationAdmin, translated_search_fields

from . import services
from .models import Commitment, CommitmentField, CommitmentMeasure, Measure, StatusEntry


class StatusEntryInline(TranslationStackedInline):
    model = StatusEntry
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


class CommitmentMeasureInline(admin.TabularInline):
    model = CommitmentMeasure
    extra = 0
    autocomplete_fields = ["commitment", "measure"]


@admin.register(Measure)
class MeasureAdmin(HistoryTranslationAdmin):
    list_display = [
        "code",
        "title",
        "field",
        "status",
        "progress",
        "responsible_unit",
        "is_published",
        "updated_at",
    ]
    list_display_links = ["code", "title"]
    list_filter = ["field", "status", "is_published", "responsible_unit"]
    search_fields = ("code",) + translated_search_fields("title", "description")
    autocomplete_fields = ["responsible_unit"]
    readonly_fields = ["status", "progress", "status_changed_on", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["code", "field", "position", "title", "description"]}),
        (
            _("Zuständigkeit und Zeitraum"),
            {"fields": ["responsible_unit", "partners", "district", "start_date", "target_date"]},
        ),
        (
            _("Aktueller Sachstand (folgt dem neuesten veröffentlichten Eintrag)"),
            {"fields": ["status", "progress", "status_changed_on"]},
        ),
        (None, {"fields": ["is_published", "created_at", "updated_at"]}),
    ]
    inlines = [StatusEntryInline, CommitmentMeasureInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is not StatusEntry:
            return super().save_formset(request, form, formset, change)
        entries = formset.save(commit=False)
        for entry in entries:
            if entry.author_id is None:
                entry.author = request.user
            entry.save()
        for entry in formset.deleted_objects:
            entry.delete()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.refresh_current_status(Measure.objects.get(pk=form.instance.pk))


class CommitmentFieldInline(admin.TabularInline):
    model = CommitmentField
    extra = 0


@admin.register(Commitment)
class CommitmentAdmin(HistoryTranslationAdmin):
    list_display = ["position", "title", "slug"]
    list_display_links = ["position", "title"]
    search_fields = translated_search_fields("title", "passage")
    prepopulated_fields = {"slug": ["title_de"]}
    inlines = [CommitmentFieldInline, CommitmentMeasureInline]


@admin.register(StatusEntry)
class StatusEntryAdmin(HistoryTranslationAdmin):
    list_display = ["measure", "reported_on", "status", "progress", "is_published", "author"]
    list_filter = ["status", "is_published", "measure__field"]
    search_fields = ("measure__code",) + translated_search_fields("public_note")
    date_hierarchy = "reported_on"
    readonly_fields = ["author", "created_at"]
    autocomplete_fields = ["measure"]

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
        services.refresh_current_status(obj.measure)

    def delete_model(self, request, obj):
        services.delete_status_entry(entry=obj)

    def delete_queryset(self, request, queryset):
        for entry in queryset:
            services.delete_status_entry(entry=entry)
