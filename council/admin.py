"""The synced council papers in the admin: read-only (the sync writes them), searchable.

Their search serves the autocomplete with which staff link papers to measures,
Handlungsfelder and the concept (``measures/admin_papers.py``); papers the
council system marked as deleted are not offered there.
"""

from django.contrib import admin

from .models import Consultation, Paper


class ConsultationInline(admin.TabularInline):
    model = Consultation
    fields = ["committee_name", "meeting", "meeting_start", "role", "authoritative", "result"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Paper)
class PaperAdmin(admin.ModelAdmin):
    list_display = ["reference", "name", "date", "paper_type", "deleted", "modified"]
    list_filter = ["deleted", "paper_type"]
    search_fields = ["reference", "name"]
    date_hierarchy = "date"
    inlines = [ConsultationInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def get_search_results(self, request, queryset, search_term):
        if request.path.endswith("/autocomplete/"):
            queryset = queryset.current()
        return super().get_search_results(request, queryset, search_term)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
