"""The Redaktion edits the four pages and the operator details; the pages themselves
are fixed (none added, none deleted), and the history is read-only."""

from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline

from translations.admin import HistoryTranslationAdmin

from .models import OperatorDetails, Page, PageSection
from .permissions import can_edit_operator_details, can_edit_operator_pages


class PageSectionInline(TranslationStackedInline):
    model = PageSection
    extra = 0
    fields = ["position", "purpose", "heading", "body", "legal_basis", "cookies"]

    def has_change_permission(self, request, obj=None):
        return can_edit_operator_pages(request.user)

    def has_add_permission(self, request, obj=None):
        return can_edit_operator_pages(request.user)

    def has_delete_permission(self, request, obj=None):
        return can_edit_operator_pages(request.user)


@admin.register(Page)
class PageAdmin(HistoryTranslationAdmin):
    list_display = ["__str__", "title", "updated_at"]
    readonly_fields = ["slug", "updated_at"]
    fields = ["slug", "title", "body", "updated_at"]
    inlines = [PageSectionInline]

    def has_add_permission(self, request):
        return False  # the four pages exist from the migration on

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return can_edit_operator_pages(request.user)


@admin.register(OperatorDetails)
class OperatorDetailsAdmin(HistoryTranslationAdmin):
    list_display = ["__str__", "name", "updated_at"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "address", "representative", "email", "phone"]}),
        (None, {"fields": ["data_protection_officer", "supervisory_authority", "log_retention"]}),
        (None, {"fields": ["accessibility_email", "accessibility_phone", "updated_at"]}),
    ]

    def has_add_permission(self, request):
        # One row: add it while there is none, change it afterwards.
        return super().has_add_permission(request) and not OperatorDetails.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return can_edit_operator_details(request.user)
