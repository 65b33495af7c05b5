"""Translated content fields of measures and commitments, and their change history."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from .models import Commitment, CommitmentField, CommitmentMeasure, Measure, StatusEntry


@register(Measure)
class MeasureTranslation(TranslationOptions):
    fields = ("title", "description", "partners")


@register(StatusEntry)
class StatusEntryTranslation(TranslationOptions):
    fields = ("public_note",)


@register(Commitment)
class CommitmentTranslation(TranslationOptions):
    fields = ("title", "passage")


for model in (Measure, StatusEntry, Commitment, CommitmentField, CommitmentMeasure):
    track_history(model)
