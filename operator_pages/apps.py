from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperatorPagesConfig(AppConfig):
    name = "operator_pages"
    verbose_name = _("Impressum, Datenschutz und Kontakt")

    def ready(self):
        from . import checks  # noqa: F401 - registers the deploy checks
