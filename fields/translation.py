"""Translated content fields of the concept, and their change history.

History is registered here, after translation, so that every language column
is part of each historical record.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

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


@register(SourceDocument)
class SourceDocumentTranslation(TranslationOptions):
    fields = (
        "title",
        "subtitle",
        "publisher",
        "description",
        "council_reference_title",
        "adopted_by",
        "adoption_note",
        "financing_note",
    )


@register(Deliberation)
class DeliberationTranslation(TranslationOptions):
    fields = ("body",)


@register(OrganisationalUnit)
class OrganisationalUnitTranslation(TranslationOptions):
    fields = ("name",)


@register(ActionField)
class ActionFieldTranslation(TranslationOptions):
    fields = ("name", "summary")


@register(Need)
class NeedTranslation(TranslationOptions):
    fields = ("text",)


@register(KeyFigure)
class KeyFigureTranslation(TranslationOptions):
    fields = ("label",)


@register(FundingLine)
class FundingLineTranslation(TranslationOptions):
    fields = ("name",)


for model in (
    SourceDocument,
    Deliberation,
    OrganisationalUnit,
    UnitInvolvement,
    ActionField,
    Need,
    KeyFigure,
    FundingLine,
):
    track_history(model)
