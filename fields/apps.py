from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FieldsConfig(AppConfig):
    name = "fields"
    verbose_name = _("Konzept und Handlungsfelder")
