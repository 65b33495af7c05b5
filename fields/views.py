from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView

from measures.models import Commitment, Measure

from .models import ActionField, SourceDocument


class HomeView(TemplateView):
    template_name = "fields/home.html"

    def get_context_data(self, **kwargs):
        concept = get_object_or_404(
            SourceDocument.objects.prefetch_related("key_figures"),
            kind=SourceDocument.Kind.CONCEPT,
        )
        fields = ActionField.objects.with_measure_counts()
        catalogued = Measure.objects.published().count()
        return super().get_context_data(
            concept=concept,
            key_figures=concept.key_figures.all(),
            programme_figures=SourceDocument.objects.filter(
                kind=SourceDocument.Kind.PROGRAMME
            ).prefetch_related("key_figures"),
            fields=fields,
            catalogued=catalogued,
            declared=concept.declared_measure_count,
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
                queryset=Measure.objects.published().with_related(),
                to_attr="published_measures",
            ),
        )
