from django.views.generic import DetailView

from .models import Measure, StatusEntry


class MeasureDetailView(DetailView):
    template_name = "measures/measure_detail.html"
    context_object_name = "measure"
    slug_field = "code"
    slug_url_kwarg = "code"

    def get_queryset(self):
        return Measure.objects.published().select_related("field__concept", "responsible_unit")

    def get_context_data(self, **kwargs):
        measure = self.object
        return super().get_context_data(
            timeline=StatusEntry.objects.published().filter(measure=measure).latest_first(),
            commitments=measure.commitments.all(),
            **kwargs,
        )
