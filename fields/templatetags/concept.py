"""``{% load concept %}``: key figures of the sources in the active locale's format."""

from django import template
from django.utils.translation import gettext as _

from translations.formatting import locale_number, locale_percent

register = template.Library()


@register.filter
def figure_value(figure) -> str:
    """A key figure's value in the active locale's format, e.g. "36,4 %" in German."""
    number = locale_percent if figure.unit == "percent" else locale_number
    text = number(figure.value)
    if figure.qualifier == "over":
        return _("über %(value)s") % {"value": text}
    if figure.qualifier == "about":
        return _("etwa %(value)s") % {"value": text}
    return text
