"""Deployment checks (``manage.py check --deploy``): one warning per operator detail
the pages still name as missing.

The details live in the database (the Redaktion fills them in the admin), so the
check reads it; if it cannot (not migrated yet), it says so instead of passing.
"""

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError

# Stable ids: portal.W001 was the accessibility contact before it moved here.
CHECK_IDS = {
    "accessibility_contact": "portal.W001",
    "name": "portal.W002",
    "address": "portal.W003",
    "representative": "portal.W004",
    "contact": "portal.W005",
    "data_protection_officer": "portal.W006",
    "supervisory_authority": "portal.W007",
    "log_retention": "portal.W008",
}
HINT = "Fill it in the admin under „Angaben zum Betreiber“ (/admin/operator_pages/)."


@register(Tags.security, deploy=True)
def operator_details_complete(app_configs, **kwargs):
    """Impressum, Datenschutzerklärung and the accessibility statement need these."""
    from .models import OperatorDetails

    try:
        details = OperatorDetails.current()
    except DatabaseError as error:
        return [
            Warning(
                f"Cannot read the operator details: {error}",
                hint="Run manage.py migrate, then fill them in the admin.",
                id="portal.W009",
            )
        ]
    return [
        Warning(
            f"Operator detail missing on the public pages: {detail.label} ({detail.key}).",
            hint=HINT,
            id=CHECK_IDS[detail.key],
        )
        for detail in details.missing()
    ]
