from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def sync_roles_after_migrate(sender, apps=None, **kwargs):
    """Give the Redaktion the permissions of models added since its migration.

    ``flush`` (e.g. between transactional tests) sends post_migrate without
    ``apps``; the live registry serves then.
    """
    from django.apps import apps as live_apps

    from .roles import sync_roles

    sync_roles(apps or live_apps)


class MeasuresConfig(AppConfig):
    name = "measures"
    verbose_name = _("Maßnahmen und Selbstverpflichtungen")

    def ready(self):
        post_migrate.connect(sync_roles_after_migrate, sender=self)
