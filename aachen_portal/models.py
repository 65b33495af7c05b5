"""The portal's own state: the authoritative version of the public content."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicContentVersion(models.Model):
    """One row: which cached pages are current, and when public content last changed.

    ``version`` names the generation of the page cache. It lives here, not only in
    Redis, so a change whose cache write failed (Redis down or stalled) is not lost:
    the cache's copy is compared with this row (``aachen_portal.page_cache``).
    ``changed_at`` is the time of the last *public* change, the pages' Last-Modified.
    """

    version = models.CharField(_("Version"), max_length=32)
    changed_at = models.DateTimeField(_("öffentlich geändert am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Version der öffentlichen Inhalte")
        verbose_name_plural = _("Versionen der öffentlichen Inhalte")

    def __str__(self):
        return self.version
