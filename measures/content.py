"""Which apps hold the portal's content, and their change-history models: one definition.

Used by the page cache and the HTTP validators (a change to any of them
changes what public pages show), the audit trail (whose history it lists) and
the Redaktion role (which may edit all of it).
"""

from django.apps import apps
from django.db import models

CONTENT_APPS = ("translations", "fields", "council", "measures", "operator_pages")


def is_content(model: type[models.Model]) -> bool:
    return model._meta.app_label in CONTENT_APPS


def tracked_models() -> list[type[models.Model]]:
    """Content models with a change history (django-simple-history), in app order."""
    return [
        model
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if hasattr(model._meta, "simple_history_manager_attribute")
    ]


def history_models() -> list[type[models.Model]]:
    """The historical models of ``tracked_models()``: one row per change."""
    return [model.history.model for model in tracked_models()]
