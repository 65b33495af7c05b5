import csv
import json

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils import translation
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from measures.filters import MeasureFilter, canonical_query
from measures.models import Measure
from measures.status import Status

from .datasets import DATASETS, csv_value, json_value, measure_rows


def german(text) -> str:
    """Dataset metadata is the same whatever language the client prefers."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)


FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


class OpenDataView(TemplateView):
    """The datasets, documented column by column, and the feeds."""

    template_name = "opendata/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            datasets=DATASETS.values(), statuses=Status.choices, **kwargs
        )


def _rows(request, dataset):
    if dataset.slug != "measures":
        return dataset.rows(), None
    filterset = MeasureFilter(request.GET, queryset=Measure.objects.published())
    request.page_cache_query = canonical_query(filterset.form)
    if not filterset.is_valid():
        problems = [
            f"{filterset.form.fields[name].label or name}: {' '.join(errors)}"
            if name in filterset.form.fields
            else " ".join(errors)
            for name, errors in filterset.form.errors.items()
        ]
        return None, "\n".join(problems)
    return measure_rows(filterset.qs), None


@require_safe
def export(request, name: str, fmt: str):
    """A dataset as CSV (UTF-8 with byte order mark, comma-separated) or JSON."""
    dataset = DATASETS.get(name)
    if dataset is None or fmt not in FORMATS:
        raise Http404
    rows, problem = _rows(request, dataset)
    if problem is not None:
        return HttpResponseBadRequest(problem, content_type="text/plain; charset=utf-8")

    def value_of(column, row):
        value = column.value(row)
        if column.kind == "url" and value:
            value = request.build_absolute_uri(value)
        return value

    response = HttpResponse(content_type=FORMATS[fmt])
    response["Access-Control-Allow-Origin"] = "*"
    if fmt == "csv":
        response["Content-Disposition"] = f'attachment; filename="{dataset.filename}.csv"'
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow([column.name for column in dataset.columns])
        for row in rows:
            writer.writerow([csv_value(value_of(c, row), c.separator) for c in dataset.columns])
        return response
    items = [{c.name: json_value(value_of(c, row)) for c in dataset.columns} for row in rows]
    json.dump(
        {
            "dataset": dataset.slug,
            "title": german(dataset.title),
            "columns": [column.name for column in dataset.columns],
            "count": len(items),
            "items": items,
        },
        response,
        ensure_ascii=False,
        indent=1,
    )
    return response
