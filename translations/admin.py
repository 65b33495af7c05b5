"""The translation admin: the overview of every translation's state, marking one
reviewed, and the base class for admins of translated models with history."""

from urllib.parse import urlencode

from django.contrib import admin, messages
from django.contrib.admin.utils import flatten
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import provenance
from .edits import SEEN, ConflictCheckedForm
from .languages import columns, target_languages
from .models import TranslationProvenance


def translated_search_fields(*names: str) -> tuple[str, ...]:
    """Search every language column of translated fields."""
    return tuple(columns(*names))


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    """A browsable change history that is an audit trail: every history admin's base.

    A past version can be looked at, never restored from here.
    ``SIMPLE_HISTORY_REVERT_DISABLED`` only hides the button, so a POST to a
    version's page is refused as well — a revert would bypass the status
    rule, the version check and unit permissions. A test checks every
    registered history admin.
    """

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class HistoryTranslationAdmin(ReadOnlyHistoryAdmin, TabbedTranslationAdmin):
    """Tabbed translation forms plus a read-only change history; no lost edits
    (``translations.edits``: a save over someone else's change is refused)."""

    form = ConflictCheckedForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        named = {name for _title, options in fieldsets for name in flatten(options["fields"])}
        if obj is not None and SEEN not in named and SEEN in self.form.base_fields:
            fieldsets = [*fieldsets, (None, {"fields": [SEEN]})]
        return fieldsets


@admin.register(TranslationProvenance)
class TranslationProvenanceAdmin(ReadOnlyHistoryAdmin):
    """The translation status overview, and marking a translation reviewed.

    The changelist is replaced by the overview: per language, how many texts
    are missing, unreviewed, outdated or reviewed, and the list of one state
    with a link to fix each (the object's change form, where every language
    has its tab) and, for unreviewed or outdated ones, a button to confirm
    that the translation fits the current German text.
    """

    list_display = ["content_type", "object_id", "field_name", "language", "status"]
    readonly_fields = [
        "content_type",
        "object_id",
        "field_name",
        "language",
        "status",
        "source_digest",
        "text_digest",
        "reviewed_by",
        "reviewed_at",
        "updated_at",
    ]
    PAGE_SIZE = 50

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "review/",
                self.admin_site.admin_view(self.review_view),
                name="translations_translationprovenance_review",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        languages = target_languages()
        language = request.GET.get("language")
        if language not in languages:
            language = languages[0] if languages else None
        state = request.GET.get("state")
        if state not in provenance.TranslationState.values:
            state = provenance.TranslationState.MISSING
        counts, items = provenance.overview(language, state)
        page = Paginator(items, self.PAGE_SIZE).get_page(request.GET.get("page"))
        for item in page.object_list:
            item.change_url = self.object_change_url(item)
        states = list(provenance.TranslationState)
        rows = [
            {
                "code": code,
                "name": get_language_info(code)["name_translated"],
                "cells": [
                    {
                        "state": value,
                        "count": counts[code][value],
                        "url": "?" + urlencode({"language": code, "state": value}),
                        "current": (code, value) == (language, state),
                    }
                    for value in states
                ],
            }
            for code in languages
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Übersetzungsstand"),
            "states": states,
            "rows": rows,
            "language": language,
            "language_name": get_language_info(language)["name_translated"] if language else "",
            "state": provenance.TranslationState(state),
            "page": page,
            "can_review": self.has_change_permission(request),
            "reviewable": state in REVIEWABLE_STATES,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/translations/translation_overview.html", context)

    def object_change_url(self, item) -> str:
        model_admin = self.admin_site._registry.get(item.model)
        if model_admin is None:
            return ""
        opts = item.model._meta
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
            args=[item.object_id],
        )

    def review_view(self, request):
        """POST: mark one translation reviewed by the current staff user."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_change_permission(request):
            raise PermissionDenied
        try:
            content_type = ContentType.objects.get_for_id(int(request.POST["content_type"]))
            obj = content_type.get_object_for_this_type(pk=int(request.POST["object_id"]))
            provenance.mark_reviewed(
                obj=obj,
                field_name=request.POST["field_name"],
                language=request.POST["language"],
                user=request.user,
            )
        except (KeyError, ValueError, ObjectDoesNotExist):
            messages.error(
                request, _("Diese Übersetzung konnte nicht als geprüft markiert werden.")
            )
        else:
            messages.success(request, _("Die Übersetzung ist als geprüft markiert."))
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = reverse(f"{self.admin_site.name}:translations_translationprovenance_changelist")
        return HttpResponseRedirect(back)


REVIEWABLE_STATES = ("unreviewed", "outdated")
