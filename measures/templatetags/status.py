"""``{% load status %}``: a measure's status as a labelled badge."""

from django import template

from measures.status import known

register = template.Library()


@register.inclusion_tag("includes/status_badge.html")
def status_badge(value: str) -> dict:
    """A status from the vocabulary as a labelled badge; unknown values read as no report."""
    return {"status": known(value)}
