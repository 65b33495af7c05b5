"""The staff workflow: measures per Fachbereich, status reports, review, import/export.

Who may do what is decided by the predicates of ``measures/permissions.py``
(permissions from ``measures/roles.py`` and, for Fachbereich editors, their unit
assignments): querysets only contain their units' measures and every
object-level permission check asks the predicates, so a crafted URL or POST for
another unit's measure ends in 404/403 and writes nothing.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin
from import_export.forms import ExportForm

from fields.admin import ActionFieldAdmin
from fields.models import ActionField
from translations.admin import HistoryTranslationAdmin, translated_search_fields

from . import services
from .admin_papers import MeasurePaperLinkInline
from .admin_staff import StaffUserAdmin  # noqa: F401 (registers accounts and unit assignments)
from .admin_status import StatusEntryInline, UnitScopedMixin
from .forms import MeasureAdminForm, StatusUpdateForm
from .models import (
    Commitment,
    CommitmentField,
    CommitmentMeasure,
    Measure,
    StatusEntry,
    action_fields_with_measure_counts,
)
from .permissions import (
    can_add_status_entry,
    can_change_catalogue_structure,
    can_edit_measure,
    can_export_catalogue,
    can_import_catalogue,
)
from .spreadsheet import previews
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
from .status import Status


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
        "pending_drafts",
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
    inlines = [StatusEntryInline, CommitmentMeasureInline, MeasurePaperLinkInline]
    actions = ["set_status"]

    # Catalogue structure and publication are the Redaktion's.
    editorial_fields = ["code", "field", "position", "responsible_unit", "is_published"]

    def measure_of(self, obj):
        return obj

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_change_catalogue_structure(request.user):
            fields += self.editorial_fields
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return can_edit_measure(request.user, obj)

    # Import and export --------------------------------------------------

    def has_import_permission(self, request):
        return can_import_catalogue(request.user)

    def has_export_permission(self, request):
        return can_export_catalogue(request.user)

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

    def write_to_tmp_storage(self, import_file, input_format):
        try:
            return super().write_to_tmp_storage(import_file, input_format)
        except SpreadsheetError as error:  # no room for the preview: the form says so
            return previews.UnsavedPreview(error)

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        attach_report(response)
        previews.forget_unconfirmable(response)
        return response

    def process_import(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return super().process_import(request, **kwargs)
        try:
            claimed = previews.claim(request.POST.get("import_file_name", ""))
        except previews.PreviewGone:
            messages.warning(
                request,
                _(
                    "Diese Datei wurde bereits importiert (oder ihre Vorschau ist abgelaufen); "
                    "es wurde nichts weiter gespeichert. Um sie erneut zu importieren, laden "
                    "Sie sie bitte noch einmal hoch."
                ),
            )
            return HttpResponseRedirect(reverse("admin:measures_measure_import"))
        request.POST = request.POST.copy()
        request.POST["import_file_name"] = claimed
        try:
            return super().process_import(request, **kwargs)
        finally:
            previews.storage().delete(claimed)

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
        return can_add_status_entry(request.user)

    def get_queryset(self, request):
        drafts = Count("status_entries", filter=Q(status_entries__is_published=False))
        return super().get_queryset(request).annotate(draft_count=drafts)

    @admin.display(description=_("offene Entwürfe"), ordering="draft_count")
    def pending_drafts(self, obj):
        count = getattr(obj, "draft_count", 0)
        if not count:
            return ""
        return ngettext("%(count)d Entwurf", "%(count)d Entwürfe", count) % {"count": count}

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
            can_edit_measure(request.user, measure) and can_add_status_entry(request.user, measure)
        ):
            raise PermissionDenied
        form = StatusUpdateForm(
            request.POST or None,
            user=request.user,
            initial={"status": measure.status, "progress": measure.progress}
            if measure.status != Status.NO_REPORT
            else {},
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
            request.POST if "apply" in request.POST else None, user=request.user
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
            services.save_status_entry(entry=entry, author=request.user)
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


admin.site.unregister(ActionField)


@admin.register(ActionField)
class ActionFieldWithMeasuresAdmin(ActionFieldAdmin):
    """The Handlungsfelder with how many published measures each has catalogued."""

    list_display = [*ActionFieldAdmin.list_display, "catalogued_measures"]

    def get_queryset(self, request):
        return action_fields_with_measure_counts(super().get_queryset(request))

    @admin.display(description=_("erfasste Maßnahmen"), ordering="measure_count")
    def catalogued_measures(self, obj):
        return obj.measure_count
