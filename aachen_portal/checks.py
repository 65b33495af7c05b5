"""Deployment checks of the portal (run by `manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def accessibility_contact(app_configs, **kwargs):
    """BITV: the accessibility statement must name a contact for feedback."""
    if settings.ACCESSIBILITY_CONTACT_EMAIL or settings.ACCESSIBILITY_CONTACT_PHONE:
        return []
    return [
        Warning(
            "No feedback contact for the accessibility statement.",
            hint="Set ACCESSIBILITY_CONTACT_EMAIL (and/or ACCESSIBILITY_CONTACT_PHONE).",
            id="portal.W001",
        )
    ]
