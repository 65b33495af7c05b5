from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from .views import LeichteSpracheView

admin.site.site_header = _("Integrationsportal Aachen – Verwaltung")
admin.site.site_title = _("Integrationsportal Aachen")
admin.site.index_title = _("Maßnahmen und Sachstände pflegen")

urlpatterns = [
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("fields.urls")),
    path("", include("measures.urls")),
    path("leichte-sprache/", LeichteSpracheView.as_view(), name="leichte_sprache"),
    prefix_default_language=True,
)
