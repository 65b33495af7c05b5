from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from measures.models import Commitment, Measure, action_fields_with_measure_counts

from .models import ActionField, FundingLine, SourceDocument, UnitInvolvement


class HomeView(TemplateView):
    template_name = "fields/home.html"

    def get_context_data(self, **kwargs):
        concept = SourceDocument.objects.prefetch_related("key_figures").concept()
        if concept is None:
            raise Http404("The concept has not been loaded (manage.py load_sources).")
        fields = action_fields_with_measure_counts()
        overall = Measure.objects.published().progress_summary()
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


class FieldDetailView(DetailView):
    template_name = "fields/field_detail.html"
    context_object_name = "field"

    def get_queryset(self):
        return ActionField.objects.select_related("concept").prefetch_related(
            "needs",
            Prefetch(
                "measures",
                queryset=Measure.objects.published().at().with_related(),
                to_attr="published_measures",
            ),
        )

    def get_context_data(self, **kwargs):
        field = self.object
        touching = (
            Commitment.objects.filter(
                Q(fields=field) | Q(measures__field=field, measures__is_published=True)
            )
            .distinct()
            .order_by("position")
        )
        return super().get_context_data(
            summary=Measure.objects.published().in_field(field).progress_summary(),
            commitments=touching,
            shown_on=timezone.localdate(),
            **kwargs,
        )


class SourcesView(TemplateView):
    """About the sources: the concept, its deliberation and adoption, the programme,
    the financing lines, and declared versus catalogued measures."""

    template_name = "fields/sources.html"

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
            **kwargs,
        )
