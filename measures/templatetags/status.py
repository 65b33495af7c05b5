"""``{% load status %}``: a measure's status as a labelled badge."""

from django import template
from django.utils.html import format_html

from measures.models import Status

register = template.Library()


@register.simple_tag
def status_badge(value: str):
    """A status from the vocabulary as a labelled badge; unknown values read as no report."""
    status = Status(value) if value in Status.values else Status.NO_REPORT
    return format_html('<span class="status status--{}">{}</span>', status.value, status.label)
