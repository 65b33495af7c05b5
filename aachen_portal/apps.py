from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project package as an app: it wires the public page cache to content changes."""

    name = "aachen_portal"
    verbose_name = "Integrationsportal Aachen"

    def ready(self):
        from . import checks, page_cache  # noqa: F401 - checks register themselves

        page_cache.connect_signals()
