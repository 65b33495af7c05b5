"""Searching and sorting translated fields: one rule each, for every model.

**Search** finds a term in any language column of the given fields, so a
resident finds a measure by the words of any language the portal shows it in
(including the German text every fallback shows). Matching is
case-insensitive (``icontains``): PostgreSQL folds every script, SQLite folds
ASCII letters only.

**Sort** orders by the text a reader of the active language sees: the
language's column, else the German one (the display rule's fallback).

    Measure.objects.filter(search_translated(["title", "description"], term))
    Measure.objects.order_by(localized_value("title"))
"""

from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language

from .languages import column, columns, source_language


def search_translated(fields, term: str, *, prefix: str = "") -> Q:
    """A ``Q`` matching ``term`` in any language column of ``fields``; blank matches all.

    ``prefix`` reaches through a relation (``prefix="field__"``).
    """
    if isinstance(fields, str):
        fields = [fields]
    term = (term or "").strip()
    query = Q()
    if not term:
        return query
    for name in columns(*fields):
        query |= Q(**{f"{prefix}{name}__icontains": term})
    return query


def localized_value(field_name: str, *, language: str | None = None, prefix: str = ""):
    """An expression for the text a reader sees: the active language's column, else German."""
    active = language or get_language() or source_language()
    codes = dict.fromkeys([active, source_language()])
    return Coalesce(
        *(NullIf(F(f"{prefix}{column(field_name, code)}"), Value("")) for code in codes),
        Value(""),
        output_field=TextField(),
    )
