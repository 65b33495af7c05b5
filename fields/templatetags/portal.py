"""Template helpers for multilingual content with an honest German fallback."""

from decimal import Decimal

from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter
from django.utils.formats import number_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

register = template.Library()


@register.simple_tag
def localized(obj, field_name: str, block: bool = False):
    """A translated field in the active language, or the German text marked as such.

    Where no translation exists, the German source text is wrapped in an
    element with ``lang="de"`` (WCAG 3.1.2, language of parts) and followed by
    a visible hint, so nobody mistakes it for a translation and screen readers
    pronounce it as German. ``block=True`` renders paragraphs.
    """
    language = get_language() or settings.LANGUAGE_CODE
    value = getattr(obj, build_localized_fieldname(field_name, language), "") or ""
    if value:
        return linebreaks_filter(value) if block else conditional_escape(value)
    german = getattr(obj, build_localized_fieldname(field_name, settings.LANGUAGE_CODE), "")
    if not german:
        return ""
    hint = _("noch nicht übersetzt – deutscher Originaltext")
    if block:
        return format_html(
            '<div lang="de" dir="ltr" class="fallback">{}</div><p class="fallback-hint">{}</p>',
            mark_safe(linebreaks_filter(german)),  # noqa: S308 - linebreaks escapes
            hint,
        )
    return format_html(
        '<span lang="de" dir="ltr" class="fallback">{}</span>'
        ' <small class="fallback-hint">({})</small>',
        german,
        hint,
    )


@register.filter
def figure_value(figure) -> str:
    """A key figure's value in the active locale's format, e.g. "36,4 %" in German."""
    value = figure.value
    decimals = 0 if value == value.to_integral_value() else 1
    text = number_format(Decimal(value), decimal_pos=decimals, force_grouping=True)
    if figure.unit == "percent":
        text = _("%(value)s %%") % {"value": text}
    if figure.qualifier == "over":
        return _("über %(value)s") % {"value": text}
    if figure.qualifier == "about":
        return _("etwa %(value)s") % {"value": text}
    return text


@register.filter
def percent(value) -> str:
    if value is None:
        return ""
    return _("%(value)s %%") % {"value": number_format(value, decimal_pos=0)}


@register.simple_tag
def status_badge(value: str):
    """A status from the vocabulary as a labelled badge; unknown values read as no report."""
    from measures.models import Status

    status = Status(value) if value in Status.values else Status.NO_REPORT
    return format_html('<span class="status status--{}">{}</span>', status.value, status.label)
