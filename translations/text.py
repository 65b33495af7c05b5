"""Rules for text that users write and that the portal writes out.

One place for each rule, used by every input and output:

- ``neutralise`` / ``restore``: a text cell a spreadsheet program could run as
  a formula (it starts with ``= + - @``, a tab or a carriage return) gets a
  leading apostrophe in every CSV and spreadsheet the portal writes (admin
  export and the public open-data CSVs); ``restore`` undoes it on import.
- ``clean_text``: what people write or import, at input (models' ``full_clean``
  through ``CleanTextMixin``, hence every form, service and the import): no
  control characters but tab and newline, no unpaired bidi controls, no NUL.
- ``xml_safe``: at output, for feeds and XLSX files, so a row stored before
  the input rule can never break them.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

# Cells starting with these may be run as formulas by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISER = "'"


def neutralise(value):
    """Prefix a text cell that a spreadsheet could run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return NEUTRALISER + value
    return value


def restore(value):
    """Undo ``neutralise`` on import, so export → import is lossless."""
    if (
        isinstance(value, str)
        and value.startswith(NEUTRALISER)
        and value[1:].startswith(FORMULA_TRIGGERS)
    ):
        return value[1:]
    return value


# Text at input ------------------------------------------------------------------

# Line breaks other programs write: Word's manual line break (U+000B), form
# feed, NEL, and the Unicode line and paragraph separators.
LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# C0 and C1 controls and DEL, except tab and newline (NUL is refused, not stripped).
CONTROLS = re.compile("[\x01-\x08\x0e-\x1f\x7f-\x9f]")
REFUSED = "\x00"

EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE, RLE, LRO, RLO — closed by PDF
POP_DIRECTIONAL_FORMATTING = "\u202c"
ISOLATES = "\u2066\u2067\u2068"  # LRI, RLI, FSI — closed by PDI
POP_DIRECTIONAL_ISOLATE = "\u2069"


class RefusedText(ValueError):
    """Text with a character that is never accepted; ``position`` counts from 1."""

    def __init__(self, position: int):
        super().__init__(position)
        self.position = position

    @property
    def message(self) -> str:
        return _(
            "Der Text enthält ein Nullzeichen (NUL) an Stelle %(position)d, wie es beim "
            "Kopieren aus beschädigten Dateien entsteht. Bitte entfernen Sie es."
        ) % {"position": self.position}


def close_bidi(text: str) -> str:
    """Close embeddings, overrides and isolates a line leaves open; drop stray closers.

    The Unicode bidi algorithm lets an unclosed override (e.g. U+202E) reorder
    everything after it in the paragraph — on a page, the text that follows
    the user's. Each line is closed on its own, because a paragraph ends there.
    """
    return "\n".join(_close_bidi_line(line) for line in text.split("\n"))


def _close_bidi_line(line: str) -> str:
    if not any(ch in line for ch in EMBEDDINGS + ISOLATES + "\u202c\u2069"):
        return line
    stack: list[str] = []
    out: list[str] = []
    for ch in line:
        if ch in EMBEDDINGS:
            stack.append(POP_DIRECTIONAL_FORMATTING)
        elif ch in ISOLATES:
            stack.append(POP_DIRECTIONAL_ISOLATE)
        elif ch == POP_DIRECTIONAL_FORMATTING:
            if not stack or stack[-1] != POP_DIRECTIONAL_FORMATTING:
                continue
            stack.pop()
        elif ch == POP_DIRECTIONAL_ISOLATE:
            if POP_DIRECTIONAL_ISOLATE not in stack:
                continue
            while (closer := stack.pop()) != POP_DIRECTIONAL_ISOLATE:
                out.append(closer)
        out.append(ch)
    return "".join(out + stack[::-1])


def clean_text(value: str, *, multiline: bool = True) -> str:
    """The portal's one rule for text people write or import.

    Line breaks of any kind become a newline (a space in a single-line field);
    C0/C1 control characters other than tab and newline are removed; unpaired
    bidi embeddings, overrides and isolates are closed at the end of their line
    and stray closers removed. A NUL character is refused with ``RefusedText``.
    """
    if REFUSED in value:
        raise RefusedText(value.index(REFUSED) + 1)
    value = LINE_BREAKS.sub("\n", value)
    value = CONTROLS.sub("", value)
    value = close_bidi(value)
    if not multiline:
        value = value.replace("\n", " ")
    return value


class CleanTextMixin:
    """Model mixin: ``full_clean`` applies ``clean_text`` to every text column it validates."""

    def clean_fields(self, exclude=None):
        errors = {}
        for field in self._meta.concrete_fields:
            if not isinstance(field, models.CharField | models.TextField):
                continue
            if exclude and field.name in exclude:
                continue
            value = getattr(self, field.attname)
            if not isinstance(value, str):
                continue
            try:
                cleaned = clean_text(value, multiline=isinstance(field, models.TextField))
            except RefusedText as refused:
                errors[field.name] = [ValidationError(refused.message, code="refused_character")]
                continue
            setattr(self, field.attname, cleaned)
        try:
            super().clean_fields(exclude=[*(exclude or []), *errors])
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)


# Text at output -----------------------------------------------------------------

# What XML 1.0 cannot carry (Atom feeds, XLSX): controls except tab, LF, CR;
# surrogates; U+FFFE and U+FFFF.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value):
    """Text an XML writer accepts: Word's line break becomes a newline, other illegal
    characters are dropped. For rows stored before ``clean_text`` existed."""
    if not isinstance(value, str):
        return value
    return XML_ILLEGAL.sub("", value.replace("\x0b", "\n").replace("\x0c", "\n"))
