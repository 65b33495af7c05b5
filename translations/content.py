"""Translations of the shipped source content.

``locale/content/<language>.json`` maps each German source string to its
translation, like a gettext catalogue for content. The loader writes them into
the modeltranslation columns next to the German original.
"""

import json
from functools import cache
from pathlib import Path

from django.conf import settings

from .languages import column, language_codes, source_language

CONTENT_DIR = Path(settings.BASE_DIR) / "locale" / "content"


@cache
def translations_of(language: str) -> dict[str, str]:
    path = CONTENT_DIR / f"{language}.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def localized_values(field_name: str, german: str) -> dict[str, str]:
    """All language columns of one translated field, German first.

    A language without a translation of ``german`` gets an empty column, so
    the page falls back to German (and says so) instead of showing nothing.
    """
    values = {}
    for code in language_codes():
        text = german if code == source_language() else translations_of(code).get(german, "")
        values[column(field_name, code)] = text
    return values
