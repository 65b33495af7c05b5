"""The portal's languages, read from ``settings.LANGUAGES`` and nowhere else.

German (``settings.LANGUAGE_CODE``) is the source language of all content;
every other configured language is a translation target.
"""

from django.conf import settings
from django.urls import translate_url
from modeltranslation.utils import build_localized_fieldname


def source_language() -> str:
    return settings.LANGUAGE_CODE


def language_codes() -> list[str]:
    """Every configured language, in the configured order."""
    return [code for code, _name in settings.LANGUAGES]


def target_languages() -> list[str]:
    """Every configured language except German, the source."""
    return [code for code in language_codes() if code != source_language()]


def direction(language: str) -> str:
    return "rtl" if language in settings.LANGUAGES_BIDI else "ltr"


def column(field_name: str, language: str) -> str:
    """The modeltranslation column of one field in one language (``title`` → ``title_de``)."""
    return build_localized_fieldname(field_name, language)


def columns(*field_names: str) -> list[str]:
    """Every language column of the given fields, field by field, German first."""
    return [column(name, code) for name in field_names for code in language_codes()]


def in_source_language(path: str) -> str:
    """The same page in German, the source language (``/ar/massnahmen/`` → ``/de/massnahmen/``)."""
    return translate_url(path, source_language())
