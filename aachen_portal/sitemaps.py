"""sitemap.xml: every public page in every language, with alternates per language."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from fields.models import ActionField
from measures.models import Commitment, Measure


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(PortalSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "home",
            "measures:dashboard",
            "measures:list",
            "measures:commitments",
            "sources",
            "opendata:index",
            "measures:report",
            "leichte_sprache",
            "accessibility",
            "operator_pages:imprint",
            "operator_pages:privacy",
            "operator_pages:contact",
            "operator_pages:about",
        ]

    def location(self, item):
        return reverse(item)


class FieldSitemap(PortalSitemap):
    def items(self):
        return ActionField.objects.order_by("number")


class MeasureSitemap(PortalSitemap):
    def items(self):
        return Measure.objects.published().order_by("field__number", "position")

    def lastmod(self, measure):
        return measure.updated_at


class CommitmentSitemap(PortalSitemap):
    def items(self):
        return Commitment.objects.order_by("position")


SITEMAPS = {
    "pages": PagesSitemap,
    "fields": FieldSitemap,
    "measures": MeasureSitemap,
    "commitments": CommitmentSitemap,
}
