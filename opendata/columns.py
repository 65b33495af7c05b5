"""A column of an open dataset: its name, its documentation and how to read its value."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from translations.languages import column as localized_column
from translations.languages import language_codes

LIST_SEPARATOR = ";"


def _format(template, values: dict) -> str:
    return str(template) % {key: str(value) for key, value in values.items()}


_lazy_format = lazy(_format, str)


def lazy_format(template, **values):
    """``template % values``, translated when rendered, not at import."""
    return _lazy_format(template, values)


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable[[Any], Any]
    kind: str = "text"  # text, integer, decimal, date, datetime, list, url
    separator: str = LIST_SEPARATOR  # joins a list in CSV; JSON keeps the list


def per_language(name: str, description: str) -> list[Column]:
    """One column per configured language, e.g. ``title_de``, named like the database column."""
    columns = []
    for code in language_codes():
        column = localized_column(name, code)
        columns.append(
            Column(
                name=column,
                description=lazy_format(
                    _("%(what)s, Sprache „%(code)s“"), what=description, code=code
                ),
                value=lambda obj, column=column: getattr(obj, column) or "",
            )
        )
    return columns
