"""The staff workflow: measures per Fachbereich, status reports, review, import/export.

Who may do what is decided by permissions (see ``measures/roles.py``) and, for
Fachbereich editors, by their unit assignments: querysets only contain their
units' measures and every object-level permission check repeats the test, so a
crafted URL or POST for another unit's measure ends in 404/403 and writes nothing.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin
from import_export.forms import ExportForm
from modeltranslation.admin import TranslationStackedInline

from translations.admin import HistoryTranslationAdmin, translated_search_fields

from . import services
from .forms import MeasureAdminForm, StatusUpdateForm
from .models import (
    Commitment,
    CommitmentField,
    CommitmentMeasure,
    Measure,
    StatusEntry,
    UnitAssignment,
    sees_all_units,
    units_of,
)
from .spreadsheet.columns import COLUMN_DOCS
from .spreadsheet.formats import (
    CatalogueImportForm,
    ExcelCSV,
    ExcelXLSX,
    SpreadsheetFormat,
    attach_report,
    template_response,
)
from .spreadsheet.reading import SpreadsheetError
from .spreadsheet.report import ImportReport
from .spreadsheet.resource import MeasureResource


def may_publish(user) -> bool:
    return user.is_active and user.has_perm("measures.publish_statusentry")


class UnitScopedMixin:
    """Limits a model admin to the measures of the user's units (Redaktion: all)."""

    def measure_of(self, obj) -> Measure:
        raise NotImplementedError

    def get_queryset(self, request):
        return super().get_queryset(request).editable_by(request.user)

    def in_scope(self, request, obj) -> bool:
        if obj is None or sees_all_units(request.user):
            return True
        unit_id = self.measure_of(obj).responsible_unit_id
        return unit_id is not None and units_of(request.user).filter(pk=unit_id).exists()

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

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not may_publish(request.user):
            fields.append("is_published")
        return fields

    def has_change_permission(self, request, obj=None):
        # Fachbereich editors add new entries here; existing ones are shown
        # read-only (their own drafts stay editable on the entry's page).
        return super().has_change_permission(request, obj) and may_publish(request.user)


class CommitmentMeasureInline(admin.TabularInline):
    model = CommitmentMeasure
    extra = 0
    autocomplete_fields = ["commitment", "measure"]


@admin.register(Measure)
class MeasureAdmin(UnitScopedMixin, ImportExportMixin, HistoryTranslationAdmin):
    form = MeasureAdminForm
    resource_classes = [MeasureResource]
    import_form_class = CatalogueImportForm
    import_template_name = "admin/measures/measure/import.html"
    export_form_class = ExportForm  # always all columns, so an export imports back as is
    to_encoding = "utf-8-sig"  # Excel recognises UTF-8 only with a byte order mark
    list_display = [
        "code",
        "title",
        "quick_status",
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
        (None, {"fields": ["is_published", "created_at", "updated_at", "expected_version"]}),
    ]
    inlines = [StatusEntryInline, CommitmentMeasureInline]
    actions = ["set_status"]

    # Catalogue structure and publication are the Redaktion's.
    editorial_fields = ["code", "field", "position", "responsible_unit", "is_published"]

    def measure_of(self, obj):
        return obj

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not sees_all_units(request.user):
            fields += self.editorial_fields
        return fields

    # Import and export --------------------------------------------------

    def has_import_permission(self, request):
        return request.user.is_active and request.user.has_perm("measures.import_measures")

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_import_formats(self):
        return [SpreadsheetFormat]

    def get_export_formats(self):
        return [ExcelCSV, ExcelXLSX]

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def get_import_context_data(self, **kwargs):
        return {"columns": COLUMN_DOCS, **super().get_import_context_data(**kwargs)}

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, SpreadsheetError):
            form.add_error("import_file", e.message)
        else:
            super().add_data_read_fail_error_to_form(form, e)

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        attach_report(response)
        return response

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # Something changed between preview and confirmation: nothing was written.
            messages.error(request, _("Der Import wurde abgebrochen; es wurde nichts gespeichert."))
            for line in ImportReport.from_result(result).error_lines():
                messages.error(request, line)
            return HttpResponseRedirect(reverse("admin:measures_measure_import"))
        return super().process_result(result, request)

    def add_success_message(self, result, request):
        report = ImportReport.from_result(result)
        messages.success(request, report.summary())

    def import_template_view(self, request, file_format):
        if not self.has_import_permission(request):
            raise PermissionDenied
        return template_response(file_format)

    # Status reports: quick action, bulk action, inline ----------------

    def get_urls(self):
        custom = [
            path(
                "<path:object_id>/sachstand/",
                self.admin_site.admin_view(self.report_status_view),
                name="measures_measure_report_status",
            ),
            path(
                "import/vorlage.<str:file_format>",
                self.admin_site.admin_view(self.import_template_view),
                name="measures_measure_import_template",
            ),
        ]
        return custom + super().get_urls()

    def has_add_status_permission(self, request):
        return request.user.has_perm("measures.add_statusentry")

    @admin.display(description=_("Sachstand"))
    def quick_status(self, obj):
        url = reverse("admin:measures_measure_report_status", args=[obj.pk])
        return format_html('<a class="button" href="{}">{}</a>', url, _("melden"))

    def get_list_display(self, request):
        fields = list(super().get_list_display(request))
        if not self.has_add_status_permission(request):
            fields.remove("quick_status")
        return fields

    def report_status_view(self, request, object_id):
        measure = self.get_object(request, object_id)
        if not (
            self.has_change_permission(request, measure) and self.has_add_status_permission(request)
        ):
            raise PermissionDenied
        form = StatusUpdateForm(
            request.POST or None,
            may_publish=may_publish(request.user),
            initial={"status": measure.status, "progress": measure.progress},
        )
        if request.method == "POST" and form.is_valid():
            entry = services.record_status(
                measure=measure, author=request.user, **form.record_kwargs()
            )
            self.message_user(request, self.recorded_message(entry), messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:measures_measure_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Sachstand melden: %(measure)s") % {"measure": measure},
            "opts": self.opts,
            "measure": measure,
            "form": form,
        }
        return TemplateResponse(request, "admin/measures/measure/report_status.html", context)

    @staticmethod
    def recorded_message(entry):
        if entry.is_published:
            return _("Sachstand für %(code)s veröffentlicht.") % {"code": entry.measure.code}
        return _("Sachstand für %(code)s als Entwurf gespeichert; die Redaktion prüft ihn.") % {
            "code": entry.measure.code
        }

    @admin.action(
        description=_("Status der ausgewählten Maßnahmen setzen"), permissions=["add_status"]
    )
    def set_status(self, request, queryset):
        selected = set(request.POST.getlist(helpers.ACTION_CHECKBOX_NAME))
        if request.POST.get("select_across", "0") == "0" and len(selected) != queryset.count():
            # Some selected measures are not this user's: refuse the whole request.
            raise PermissionDenied
        form = StatusUpdateForm(
            request.POST if "apply" in request.POST else None,
            may_publish=may_publish(request.user),
        )
        if "apply" in request.POST and form.is_valid():
            kwargs = form.record_kwargs()
            for measure in queryset:
                services.record_status(measure=measure, author=request.user, **kwargs)
            self.message_user(
                request,
                ngettext(
                    "Sachstand für %(count)d Maßnahme erfasst.",
                    "Sachstand für %(count)d Maßnahmen erfasst.",
                    len(queryset),
                )
                % {"count": len(queryset)},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Status mehrerer Maßnahmen setzen"),
            "opts": self.opts,
            "form": form,
            "measures": queryset,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "select_across": request.POST.get("select_across", "0"),
        }
        return TemplateResponse(request, "admin/measures/measure/set_status.html", context)

    def save_formset(self, request, form, formset, change):
        if formset.model is not StatusEntry:
            return super().save_formset(request, form, formset, change)
        entries = formset.save(commit=False)
        for entry in formset.deleted_objects:
            services.delete_status_entry(entry=entry)
        for entry in entries:
            services.save_status_entry(
                entry=entry, author=request.user, may_publish=may_publish(request.user)
            )
        formset.save_m2m()


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
class StatusEntryAdmin(UnitScopedMixin, HistoryTranslationAdmin):
    list_display = ["measure", "reported_on", "status", "progress", "is_published", "author"]
    list_filter = ["is_published", "status", "measure__field", "measure__responsible_unit"]
    search_fields = ("measure__code",) + translated_search_fields("public_note")
    date_hierarchy = "reported_on"
    readonly_fields = ["author", "created_at"]
    autocomplete_fields = ["measure"]
    actions = ["publish_selected"]

    def measure_of(self, obj):
        return obj.measure

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not may_publish(request.user):
            fields.append("is_published")
        if obj is not None:
            fields.append("measure")  # an entry stays with its measure
        return fields

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is not None and obj.is_published and not may_publish(request.user):
            return False  # published text is the Redaktion's
        return allowed

    def has_publish_permission(self, request):
        return may_publish(request.user)

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
        services.save_status_entry(
            entry=obj, author=request.user, may_publish=may_publish(request.user)
        )

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
    list_display = ["username", "first_name", "last_name", "is_staff", "unit_names"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]

    @admin.display(description=_("Fachbereiche"))
    def unit_names(self, obj):
        return ", ".join(str(a.unit) for a in obj.unit_assignments.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("unit_assignments__unit")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_superuser", "user_permissions"]
        return fields

    def has_change_permission(self, request, obj=None):
        # Nobody but a superuser edits a superuser's account.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)
