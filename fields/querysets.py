"""Searching and sorting translated fields in the active language, with German fallback.

Residents read each text in their language, or in German where it has no
(current) translation. Search must find what they read, so a term matches a
row when it occurs in the active language's column *or* in the German column.
Reusable by any model registered with modeltranslation::

    from fields.querysets import search_translated, localized_value

    Measure.objects.published().filter(search_translated(["title", "description"], term))
    Measure.objects.annotate(title_shown=localized_value("title")).order_by("title_shown")

or as a django-filter filter: ``q = TranslatedSearchFilter(fields=["title"])``.

Case-insensitive matching uses the database's ``icontains``: on PostgreSQL it
folds every script; SQLite folds ASCII letters only (so "über" does not find
"Über" there).
"""

from django.conf import settings
from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from django_filters import CharFilter
from modeltranslation.utils import build_localized_fieldname


def search_languages(language: str | None = None) -> list[str]:
    """The active language first, then German (once)."""
    active = language or get_language() or settings.LANGUAGE_CODE
    return list(dict.fromkeys([active, settings.LANGUAGE_CODE]))


def search_translated(fields, term: str, *, language: str | None = None, prefix: str = "") -> Q:
    """A ``Q`` matching ``term`` in any of ``fields``, in the active language or German.

    ``fields`` are translated field names (e.g. ``["title", "description"]``);
    ``prefix`` reaches through a relation (``prefix="field__"`` searches the
    action field's name from measures). A blank term matches everything.
    """
    if isinstance(fields, str):
        fields = [fields]
    term = (term or "").strip()
    query = Q()
    if not term:
        return query
    for name in fields:
        for code in search_languages(language):
            column = build_localized_fieldname(name, code)
            query |= Q(**{f"{prefix}{column}__icontains": term})
    return query


def localized_value(field_name: str, *, language: str | None = None, prefix: str = ""):
    """An expression for the text a resident sees: the active language, else German.

    Use it to sort (``order_by``) or to filter exactly (``filter(shown=…)``)
    in the active language with the German fallback.
    """
    columns = [
        NullIf(F(f"{prefix}{build_localized_fieldname(field_name, code)}"), Value(""))
        for code in search_languages(language)
    ]
    return Coalesce(*columns, Value(""), output_field=TextField())


class TranslatedSearchFilter(CharFilter):
    """A django-filter text search over translated fields with German fallback."""

    def __init__(self, *args, fields=(), **kwargs):
        self.search_fields = list(fields)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value or not value.strip():
            return qs
        return qs.filter(search_translated(self.search_fields, value)).distinct()
