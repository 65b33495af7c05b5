"""The data files: one address per dataset and format, the same in every language."""

from django.urls import re_path

from . import views
from .datasets import DATASETS

app_name = "data"

urlpatterns = [
    re_path(
        rf"^{dataset.filename}\.(?P<fmt>csv|json)$",
        views.export,
        {"name": dataset.slug},
        name=dataset.slug,
    )
    for dataset in DATASETS.values()
]
