from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from .audit import audit_trail_view
from .health import healthz
from .sitemaps import SITEMAPS
from .views import (
    AccessibilityStatementView,
    HomeView,
    LeichteSpracheView,
    SourcesView,
    robots_txt,
)

handler500 = "aachen_portal.views.server_error"

admin.site.site_header = _("Integrationsportal Aachen – Verwaltung")
admin.site.site_title = _("Integrationsportal Aachen")
admin.site.index_title = _("Maßnahmen und Sachstände pflegen")

urlpatterns = [
    path("admin/protokoll/", admin.site.admin_view(audit_trail_view), name="audit_trail"),
    path("admin/", admin.site.urls),
    # Read-only addresses answer GET and HEAD only; TRACE and the rest get 405.
    path("robots.txt", robots_txt, name="robots"),
    path("healthz", healthz, name="healthz"),
    path(
        "sitemap.xml",
        require_safe(sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("daten/", include("opendata.data_urls")),
]

urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path("quellen/", SourcesView.as_view(), name="sources"),
    path("", include("measures.urls")),
    path("", include("opendata.urls")),
    path("leichte-sprache/", LeichteSpracheView.as_view(), name="leichte_sprache"),
    path("barrierefreiheit/", AccessibilityStatementView.as_view(), name="accessibility"),
    path("", include("operator_pages.urls")),
    prefix_default_language=True,
)
