"""``{% load concept %}``: key figures of the sources in the active locale's format, and
``{% commitments_source %}``: whose the commitments are."""

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


@register.inclusion_tag("includes/commitments_source.html")
def commitments_source(programme=None, simple: bool = False) -> dict:
    """The attribution of the 11 commitments to the candidate's programme, with its link.

    Shown wherever the commitments appear, so they never read as the city's own.
    ``simple`` words it in Leichte Sprache; a page that has read the programme already
    passes it as ``programme``.
    """
    from fields.models import SourceDocument

    return {"programme": programme or SourceDocument.objects.programme(), "simple": simple}
