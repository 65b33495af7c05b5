"""The display rule: which text a reader sees of a translated field, in one place.

Every surface that shows translated content — template tags, feeds, chart
labels, filter choices, ``<title>``, data-file labels — asks ``shown()``:

- German page: the German text.
- A reviewed translation, an original text, or an unreviewed machine
  translation in the page's language: that translation (the last one marked
  as such by the caller).
- A missing or **outdated** translation: the German text. An outdated
  translation was made from a German text that has since changed, so it may
  say what the source no longer says.
- German empty too: the first language that has the text — never an empty title.

The text comes with its bidi controls closed (``translations.text.close_bidi``),
so a row stored before the input rule cannot reorder what follows it, also
where no markup can isolate it (``<title>``, attributes, feeds).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import get_language

from .languages import column, language_codes, source_language
from .provenance import ProvenanceLookup, TranslationState, normalised
from .text import close_bidi

SHOWN_AS_TRANSLATED = (
    TranslationState.REVIEWED,
    TranslationState.ORIGINAL,
    TranslationState.UNREVIEWED,
)


@dataclass(frozen=True)
class Shown:
    """A text as shown to a reader of ``requested``, and why."""

    text: str
    language: str
    requested: str
    state: TranslationState | None = None

    def __str__(self) -> str:
        return self.text

    @property
    def is_fallback(self) -> bool:
        """True when the text is not in the reader's language (mark it with its ``lang``)."""
        return self.language != self.requested

    @property
    def is_machine_translation(self) -> bool:
        return not self.is_fallback and self.state == TranslationState.UNREVIEWED


def first_available(obj: models.Model, field_name: str) -> tuple[str, str]:
    """German, or else the first language that has the text: ``(language, text)``."""
    for code in dict.fromkeys([source_language(), *language_codes()]):
        text = getattr(obj, column(field_name, code), "") or ""
        if normalised(text):
            return code, text
    return source_language(), ""


def shown(
    obj: models.Model,
    field_name: str,
    language: str | None = None,
    *,
    lookup: ProvenanceLookup | None = None,
) -> Shown:
    """The text of ``obj.field_name`` a reader of ``language`` (default: active) sees.

    Pass one ``lookup`` for many objects (a page, a feed, a list of choices):
    it reads the provenance records once per model and language.
    """
    language = language or get_language() or source_language()
    state = None
    if language != source_language():
        state = (lookup or ProvenanceLookup()).state(obj, field_name, language)
        if state in SHOWN_AS_TRANSLATED:
            text = close_bidi(getattr(obj, column(field_name, language)))
            return Shown(text, language, language, state)
    fallback_language, text = first_available(obj, field_name)
    return Shown(close_bidi(text), fallback_language, language, state)


def shown_text(obj, field_name: str, language: str | None = None, *, lookup=None) -> str:
    """Just the text of ``shown()``, for plain-text surfaces (feeds, labels, choices)."""
    return shown(obj, field_name, language, lookup=lookup).text
