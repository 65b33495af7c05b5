"""Translated fields of the operator's pages, and the change history of all three models.

History is registered after translation, so every language column is part of
each historical record.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from .models import OperatorDetails, Page, PageSection


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "body")


@register(PageSection)
class PageSectionTranslation(TranslationOptions):
    fields = ("heading", "body", "legal_basis")


@register(OperatorDetails)
class OperatorDetailsTranslation(TranslationOptions):
    """Names and addresses are not translated; registered for the portal's usual admin form."""

    fields = ()


for model in (Page, PageSection, OperatorDetails):
    track_history(model)
