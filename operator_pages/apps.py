from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_missing_pages_after_migrate(sender, apps=None, **kwargs):
    """The four pages always exist: ``flush`` (between transactional tests) removes
    the rows the data migration created; this puts the shipped text back."""
    from django.apps import apps as live_apps

    from .shipped import create_missing_pages

    create_missing_pages(apps or live_apps)


class OperatorPagesConfig(AppConfig):
    name = "operator_pages"
    verbose_name = _("Impressum, Datenschutz und Kontakt")

    def ready(self):
        from . import checks  # noqa: F401 - registers the deploy checks

        post_migrate.connect(create_missing_pages_after_migrate, sender=self)
