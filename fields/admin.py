from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from translations.admin import HistoryTranslationAdmin, translated_search_fields

from .models import (
    ActionField,
    Deliberation,
    FundingLine,
    KeyFigure,
    Need,
    OrganisationalUnit,
    SourceDocument,
    UnitInvolvement,
)


class DeliberationInline(TranslationTabularInline):
    model = Deliberation
    extra = 0


class UnitInvolvementInline(admin.TabularInline):
    model = UnitInvolvement
    extra = 0
    autocomplete_fields = ["unit"]


class KeyFigureInline(TranslationTabularInline):
    model = KeyFigure
    extra = 0
    fields = ["position", "slug", "label", "value", "unit", "qualifier", "year", "source_quote"]


class FundingLineInline(TranslationTabularInline):
    model = FundingLine
    extra = 0


@admin.register(SourceDocument)
class SourceDocumentAdmin(HistoryTranslationAdmin):
    list_display = ["title", "kind", "council_reference", "adopted_on", "declared_measure_count"]
    list_filter = ["kind"]
    search_fields = translated_search_fields("title", "subtitle") + ("council_reference",)
    prepopulated_fields = {"slug": ["title_de"]}
    inlines = [DeliberationInline, UnitInvolvementInline, KeyFigureInline, FundingLineInline]


@admin.register(OrganisationalUnit)
class OrganisationalUnitAdmin(HistoryTranslationAdmin):
    list_display = ["name", "number", "slug"]
    search_fields = translated_search_fields("name") + ("number",)
    prepopulated_fields = {"slug": ["name_de"]}


class NeedInline(TranslationTabularInline):
    model = Need
    extra = 0


@admin.register(ActionField)
class ActionFieldAdmin(HistoryTranslationAdmin):
    list_display = ["number", "name", "slug"]
    list_display_links = ["number", "name"]
    search_fields = translated_search_fields("name", "summary")
    prepopulated_fields = {"slug": ["name_de"]}
    inlines = [NeedInline]


@admin.register(Need)
class NeedAdmin(HistoryTranslationAdmin):
    list_display = ["text", "field", "position"]
    list_filter = ["field"]
    search_fields = translated_search_fields("text")


@admin.register(KeyFigure)
class KeyFigureAdmin(HistoryTranslationAdmin):
    list_display = ["label", "value", "unit", "qualifier", "year", "document"]
    list_filter = ["document", "unit"]
    search_fields = translated_search_fields("label")


@admin.register(FundingLine)
class FundingLineAdmin(HistoryTranslationAdmin):
    list_display = ["name", "kind", "document", "position"]
    list_filter = ["kind", "document"]
    search_fields = translated_search_fields("name")
