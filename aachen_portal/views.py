"""Pages that combine the apps (home, sources, Leichte Sprache, accessibility) and robots.txt."""

import datetime

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from fields.models import ActionField, FundingLine, SourceDocument, UnitInvolvement
from measures import charts
from measures.models import Commitment, Measure
from measures.progress import ProgressSummary
from measures.status import Status
from measures.views import council_context
from operator_pages.models import OperatorDetails

# The page's first sentence: while it has no translation in the active
# language, the page is shown in German and marked as such.
LEICHTE_SPRACHE_KEY = "Hier erklären wir diese Internet-Seite in Leichter Sprache."


class HomeView(TemplateView):
    """The start page: the concept in brief, the overall state, the fields, the commitments."""

    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        concept = SourceDocument.objects.prefetch_related("key_figures").concept()
        if concept is None:
            raise Http404("The concept has not been loaded (manage.py load_sources).")
        # One query for the counts, the status mix and the progress of every field.
        fields = list(ActionField.objects.all())
        by_field = Measure.objects.published().progress_by("field")
        for field in fields:
            field.measure_count = by_field[field.pk].summary.total
            field.status_mix = charts.status_mix(by_field[field.pk].counts)
        overall = ProgressSummary.combined(by_field[field.pk].summary for field in fields)
        return super().get_context_data(
            concept=concept,
            key_figures=concept.key_figures.all(),
            programme_figures=SourceDocument.objects.filter(
                kind=SourceDocument.Kind.PROGRAMME
            ).prefetch_related("key_figures"),
            fields=fields,
            catalogued=overall.total,
            declared=concept.declared_measure_count,
            overall=overall,
            commitments=Commitment.objects.all(),
            **kwargs,
        )


class SourcesView(TemplateView):
    """About the sources: the concept, its deliberation and adoption, the programme,
    the financing lines, and declared versus catalogued measures."""

    template_name = "portal/sources.html"

    def get_context_data(self, **kwargs):
        documents = list(
            SourceDocument.objects.prefetch_related(
                "deliberations",
                "key_figures",
                Prefetch(
                    "unitinvolvement_set",
                    queryset=UnitInvolvement.objects.select_related("unit"),
                    to_attr="involvements",
                ),
                Prefetch(
                    "funding_lines",
                    queryset=FundingLine.objects.order_by("kind", "position"),
                    to_attr="ordered_funding",
                ),
            )
        )
        concept = next((d for d in documents if d.kind == SourceDocument.Kind.CONCEPT), None)
        programme = next((d for d in documents if d.kind == SourceDocument.Kind.PROGRAMME), None)
        return super().get_context_data(
            concept=concept,
            programme=programme,
            funding_kinds=FundingLine.Kind.choices,
            catalogued=Measure.objects.published().count(),
            commitment_count=Commitment.objects.count(),
            field_count=ActionField.objects.count(),
            council=council_context(document=concept, references=(concept.council_reference,))
            if concept
            else None,
            **kwargs,
        )


class LeichteSpracheView(TemplateView):
    """Content, navigation and accessibility of the portal in Leichte Sprache (BITV 2.0).

    The numbers come from the database, so the page stays honest as staff
    add measures and status reports.
    """

    template_name = "portal/leichte_sprache.html"

    def get_context_data(self, **kwargs):
        concept = SourceDocument.objects.concept()
        measures = Measure.objects.published()
        language = get_language() or settings.LANGUAGE_CODE
        translated = (
            language == settings.LANGUAGE_CODE
            or gettext(LEICHTE_SPRACHE_KEY) != LEICHTE_SPRACHE_KEY
        )
        return super().get_context_data(
            declared=concept.declared_measure_count if concept else None,
            catalogued=measures.count(),
            reported=measures.at().exclude(status_as_of=Status.NO_REPORT).count(),
            field_count=ActionField.objects.count(),
            commitment_count=Commitment.objects.count(),
            page_in_german=not translated,
            **kwargs,
        )


@require_safe
def robots_txt(request):
    """Everything public may be indexed; the staff admin may not."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class AccessibilityStatementView(TemplateView):
    """Erklärung zur Barrierefreiheit (BITV 2.0 / BITV NRW), linked from every footer.

    The feedback contact comes from the operator details the Redaktion fills in
    the admin (``operator_pages.OperatorDetails``); while none is named, the page
    says so and points to the city's public integration pages instead of
    inventing an address (and ``check --deploy`` warns).
    """

    template_name = "portal/accessibility.html"
    statement_date = datetime.date(2026, 11, 21)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            statement_date=self.statement_date,
            operator=OperatorDetails.current(),
            languages=len(settings.LANGUAGES),
            **kwargs,
        )


def server_error(request):
    """The 500 page in the language of the requested path, with no database access."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            html = render_to_string(
                "500.html",
                {
                    "LANGUAGE_CODE": language,
                    "LANGUAGE_BIDI": translation.get_language_info(language)["bidi"],
                },
            )
    except Exception:  # noqa: BLE001 - the error page itself must never fail
        html = "<!DOCTYPE html><title>500</title><h1>Serverfehler</h1>"
    return HttpResponseServerError(html)
