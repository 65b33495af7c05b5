"""Staff accounts and their Fachbereiche in the admin.

The Redaktion manages accounts and unit assignments; only a superuser grants
superuser status or single permissions, or edits a superuser's account
(``measures/permissions.py``).
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from translations.admin import HistoryTranslationAdmin, translated_search_fields
from translations.edits import ConflictCheckedForm

from .accounts import deactivate, deactivated_message, has_history
from .models import UnitAssignment
from .permissions import can_change_account, can_grant_superuser


@admin.register(UnitAssignment)
class UnitAssignmentAdmin(HistoryTranslationAdmin):
    list_display = ["user", "unit"]
    list_filter = ["unit"]
    search_fields = ["user__username", "user__first_name", "user__last_name"] + list(
        translated_search_fields("unit__name")
    )
    autocomplete_fields = ["user", "unit"]


class UnitAssignmentInline(admin.TabularInline):
    model = UnitAssignment
    form = ConflictCheckedForm  # no lost edits (translations/edits.py)
    extra = 1
    autocomplete_fields = ["unit"]
    verbose_name = _("Fachbereich")
    verbose_name_plural = _("Fachbereiche (für die Rolle „Fachbereich“)")


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """Staff accounts with their units; only superusers grant superuser or single rights."""

    inlines = [UnitAssignmentInline]
    delete_confirmation_template = "admin/auth/user/delete_confirmation.html"
    list_display = ["username", "first_name", "last_name", "is_staff", "unit_names"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]

    @admin.display(description=_("Fachbereiche"))
    def unit_names(self, obj):
        return ", ".join(str(a.unit) for a in obj.unit_assignments.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("unit_assignments__unit")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_grant_superuser(request.user):
            fields += ["is_superuser", "user_permissions"]
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return can_change_account(request.user, obj)

    # Who did what stays in the audit trail: an account with history is deactivated.

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, object_id)
        context = {**(extra_context or {})}
        if obj is not None and has_history(obj):
            context["keeps_history"] = True
        return super().delete_view(request, object_id, context)

    def delete_model(self, request, obj):
        if has_history(obj):
            deactivate(obj)
        else:
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def response_delete(self, request, obj_display, obj_id):
        if self.model._default_manager.filter(pk=obj_id).exists():
            self.message_user(request, deactivated_message(obj_display), messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:auth_user_changelist"))
        return super().response_delete(request, obj_display, obj_id)
