"""Ratsbezug in the admin: council papers linked to a measure, a Handlungsfeld or the concept.

Papers are chosen with an autocomplete over the synced papers (``council.admin``).
A Fachbereich editor links papers on the pages of their units' measures (the
inline); the Redaktion also links papers to a Handlungsfeld or the concept in
the list "Ratsbezüge" (``permissions.can_change_paper_link``). Links are
history-tracked.
"""

from django.contrib import admin

from translations.admin import HistoryTranslationAdmin

from .models import CouncilPaperLink
from .permissions import can_change_paper_link, sees_all_units


class PaperLinkInline(admin.TabularInline):
    model = CouncilPaperLink
    fields = ["paper"]
    autocomplete_fields = ["paper"]
    extra = 0

    def allowed(self, request) -> bool:
        return can_change_paper_link(request.user)

    def has_add_permission(self, request, obj=None):
        return self.allowed(request) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self.allowed(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.allowed(request) and super().has_delete_permission(request, obj)


class MeasurePaperLinkInline(PaperLinkInline):
    """On a measure's page; the measure admin already limits editors to their units."""

    fk_name = "measure"


@admin.register(CouncilPaperLink)
class CouncilPaperLinkAdmin(HistoryTranslationAdmin):
    """Every link at a glance; editors see those of their units' measures."""

    list_display = ["paper", "measure", "field", "document", "created_at"]
    list_select_related = ["paper", "measure", "field", "document"]
    list_filter = ["field", "document"]
    search_fields = ["paper__reference", "paper__name", "measure__code"]
    autocomplete_fields = ["paper", "measure"]

    def get_queryset(self, request):
        return super().get_queryset(request).editable_by(request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and can_change_paper_link(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or can_change_paper_link(request.user, obj))

    def has_add_permission(self, request):
        return super().has_add_permission(request) and sees_all_units(request.user)
