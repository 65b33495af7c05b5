from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """Generic machinery over django-modeltranslation: languages, provenance of each
    translation, the display rule, search helpers and content-translation files."""

    name = "translations"
    verbose_name = _("Übersetzungen")

    def ready(self):
        from .provenance import connect_signals

        connect_signals()
