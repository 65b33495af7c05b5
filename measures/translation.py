"""Translated content fields of measures and commitments, and their change history."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from .models import (
    Commitment,
    CommitmentField,
    CommitmentMeasure,
    CouncilPaperLink,
    Measure,
    StatusEntry,
    UnitAssignment,
)


@register(Measure)
class MeasureTranslation(TranslationOptions):
    fields = ("title", "description", "partners")


@register(StatusEntry)
class StatusEntryTranslation(TranslationOptions):
    fields = ("public_note",)


@register(Commitment)
class CommitmentTranslation(TranslationOptions):
    fields = ("title", "passage")


@register(UnitAssignment)
class UnitAssignmentTranslation(TranslationOptions):
    """No translated columns; registered so its admin has the portal's usual form."""

    fields = ()


@register(CouncilPaperLink)
class CouncilPaperLinkTranslation(TranslationOptions):
    """No translated columns; registered so its admin has the portal's usual form."""

    fields = ()


for model in (
    Measure,
    StatusEntry,
    Commitment,
    CommitmentField,
    CommitmentMeasure,
    CouncilPaperLink,
    UnitAssignment,
):
    track_history(model)
